extension RetirementDistribution: Codable {
  /// `{"firstAge": 65, "shares": [...]}`, checked as
  /// `init(checkedFirstAge:shares:)` checks it (never the initialiser's trap).
  static var jsonFields: JSONFields<RetirementDistribution> {
    JSONFields([.required("firstAge", \.firstAge), .required("shares", \.shares)])
  }

  public init(from decoder: any Decoder) throws {
    let raw = try Self.jsonFields.decode(.standard, from: decoder)
    do {
      self = try RetirementDistribution(checkedFirstAge: raw.firstAge, shares: raw.shares)
    } catch let e as InputError {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyCodingKey(stringValue: e.field ?? "shares")], debugDescription: e.problem))
    }
  }

  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
