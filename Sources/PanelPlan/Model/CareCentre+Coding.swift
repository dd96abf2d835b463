extension CareCentre: Codable {
  /// `id` and `clinicians` required; `name` is the id when absent.
  static var jsonFields: JSONFields<CareCentre> {
    let name = AnyCodingKey(stringValue: "name")
    return JSONFields([
      .required("id", \.id),
      // After `id`, so that an absent name can be the id.
      JSONFields.Field(
        key: "name", decode: { v, c in v.name = try c.decodeIfPresent(String.self, forKey: name) ?? v.id },
        encode: { v, c in try c.encode(v.name, forKey: name) }),
      .optional("region", \.region), .required("clinicians", \.clinicians), .field("population", \.population),
    ])
  }

  public init(from decoder: any Decoder) throws {
    // The placeholders of the required fields are always overwritten.
    self = try Self.jsonFields.decode(CareCentre(id: "", name: "", clinicians: [], population: ListedPopulation()), from: decoder)
  }

  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension Region: Codable {
  static var jsonFields: JSONFields<Region> { JSONFields([.required("name", \.name), .required("centres", \.centres)]) }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(Region(name: "", centres: []), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
