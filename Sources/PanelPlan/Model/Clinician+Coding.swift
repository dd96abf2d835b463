extension Clinician: Codable {
  /// `id`, `role` and `fte` required; the rest as `Clinician.init`'s defaults.
  static var jsonFields: JSONFields<Clinician> {
    JSONFields([
      .required("id", \.id), .required("role", \.role), .required("fte", \.fte), .field("duties", \.duties, omittedWhen: .none),
      .optional("yearsOfExperience", \.yearsOfExperience), .optional("birthYear", \.birthYear),
      .optional("trainingProgress", \.trainingProgress), .optional("trainingStartYear", \.trainingStartYear),
    ])
  }

  public init(from decoder: any Decoder) throws {
    // The placeholders of the required fields are always overwritten.
    self = try Self.jsonFields.decode(Clinician(id: "", role: .gpSpecialist, fte: 0), from: decoder)
  }

  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
