extension PopulationGrowth: Codable {
  /// `{"yearlyFactor": [...]}`, one factor per age band, checked as
  /// `init(checkedYearlyFactor:)` checks it (never the initialiser's trap).
  static var jsonFields: JSONFields<PopulationGrowth> { JSONFields([.required("yearlyFactor", \.yearlyFactor)]) }

  public init(from decoder: any Decoder) throws {
    let raw = try Self.jsonFields.decode(PopulationGrowth.none, from: decoder)
    do {
      self = try PopulationGrowth(checkedYearlyFactor: raw.yearlyFactor)
    } catch let e as InputError {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyCodingKey(stringValue: "yearlyFactor")], debugDescription: e.problem))
    }
  }

  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
