extension PatientProfile {
  /// The keys a profile contributes to a group's or a patient's object.
  /// `ageBand` is required; a missing `needWeight` is the band's default,
  /// which `PatientProfile.init` gives, so the profile is remade through it.
  static var jsonFields: JSONFields<PatientProfile> {
    JSONFields([
      .required("ageBand", \.ageBand), .field("sex", \.sex, omittedWhen: .unknown),
      JSONFields.Field(
        key: "needWeight",
        decode: { p, c in
          p = PatientProfile(
            ageBand: p.ageBand, sex: p.sex, needWeight: try c.decodeIfPresent(Double.self, forKey: AnyCodingKey(stringValue: "needWeight")),
            nursingHome: p.nursingHome, homeHealthCare: p.homeHealthCare, longTermConditions: p.longTermConditions)
        },
        encode: { p, c in try c.encode(p.needWeight, forKey: AnyCodingKey(stringValue: "needWeight")) }),
      .field("nursingHome", \.nursingHome, omittedWhen: false), .field("homeHealthCare", \.homeHealthCare, omittedWhen: false),
      .field("longTermConditions", \.longTermConditions, omittedWhen: 0),
    ])
  }

  /// A placeholder whose `ageBand` the required field overwrites.
  static var placeholder: PatientProfile { PatientProfile(ageBand: .age0to5) }
}

extension PatientGroup: Codable {
  static var jsonFields: JSONFields<PatientGroup> {
    JSONFields(PatientProfile.jsonFields.lifted(\PatientGroup.profile) + [.required("count", \.count)])
  }

  public init(from decoder: any Decoder) throws {
    self = try Self.jsonFields.decode(PatientGroup(profile: .placeholder, count: 0), from: decoder)
  }

  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension Patient: Codable {
  static var jsonFields: JSONFields<Patient> {
    JSONFields([.required("id", \Patient.id)] + PatientProfile.jsonFields.lifted(\Patient.profile) + [.optional("fixedDoctor", \.fixedDoctorId)])
  }

  public init(from decoder: any Decoder) throws {
    self = try Self.jsonFields.decode(Patient(id: "", profile: .placeholder), from: decoder)
  }

  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension ListedPopulation: Codable {
  /// Groups, individual patients, or both; an empty list is not written.
  static var jsonFields: JSONFields<ListedPopulation> {
    JSONFields([.field("groups", \.groups, omittedWhen: []), .field("patients", \.patients, omittedWhen: [])])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(ListedPopulation(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
