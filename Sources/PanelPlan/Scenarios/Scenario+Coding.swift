// The JSON form of a scenario: `name`, `centre` and the simulation
// parameters' fields beside them (`SimulationParameters.jsonFields`), each
// optional with its documented default; unknown fields are rejected.

extension Scenario: Codable {
  /// `centre` is required and read first (an absent `name` is the centre's
  /// name, as `Scenario.init` gives it); `calibration`, written by
  /// `panelplan calibrate` (its sources), is read and ignored.
  static var jsonFields: JSONFields<Scenario> {
    let name = AnyCodingKey(stringValue: "name")
    return JSONFields(
      [
        JSONFields.Field(
          key: "name", decode: { s, c in if let n = try c.decodeIfPresent(String.self, forKey: name) { s.name = n } },
          encode: { s, c in try c.encode(s.name, forKey: name) }),
        // Read first, by `init(from:)`, so that the name can default to it.
        JSONFields.Field(key: "centre", decode: { _, _ in }, encode: { s, c in try c.encode(s.centre, forKey: AnyCodingKey(stringValue: "centre")) }),
      ] + SimulationParameters.jsonFields.lifted(\Scenario.parameters) + [.ignored("calibration")])
  }

  public init(from decoder: any Decoder) throws {
    let fields = Self.jsonFields
    try decoder.rejectUnknownKeys(fields.keys)
    let centre = try decoder.container(keyedBy: AnyCodingKey.self).decode(CareCentre.self, forKey: AnyCodingKey(stringValue: "centre"))
    self = try fields.decode(Scenario(centre: centre), from: decoder)
  }

  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
