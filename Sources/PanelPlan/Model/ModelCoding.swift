// JSON forms of the model. Optional fields take their documented defaults;
// unknown fields are rejected so that a misspelling is never silent.

extension DutyShares: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case supervision, research, sideAssignments, management
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      supervision: try c.decodeIfPresent(Double.self, forKey: .supervision) ?? 0,
      research: try c.decodeIfPresent(Double.self, forKey: .research) ?? 0,
      sideAssignments: try c.decodeIfPresent(Double.self, forKey: .sideAssignments) ?? 0,
      management: try c.decodeIfPresent(Double.self, forKey: .management) ?? 0)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(supervision, forKey: .supervision)
    try c.encode(research, forKey: .research)
    try c.encode(sideAssignments, forKey: .sideAssignments)
    try c.encode(management, forKey: .management)
  }
}

extension Clinician: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, role, fte, duties, yearsOfExperience, birthYear, trainingProgress, trainingStartYear
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id),
      role: try c.decode(ClinicianRole.self, forKey: .role),
      fte: try c.decode(Double.self, forKey: .fte),
      duties: try c.decodeIfPresent(DutyShares.self, forKey: .duties) ?? .none,
      yearsOfExperience: try c.decodeIfPresent(Double.self, forKey: .yearsOfExperience),
      birthYear: try c.decodeIfPresent(Int.self, forKey: .birthYear),
      trainingProgress: try c.decodeIfPresent(Double.self, forKey: .trainingProgress),
      trainingStartYear: try c.decodeIfPresent(Int.self, forKey: .trainingStartYear))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(role, forKey: .role)
    try c.encode(fte, forKey: .fte)
    if duties != .none { try c.encode(duties, forKey: .duties) }
    try c.encodeIfPresent(yearsOfExperience, forKey: .yearsOfExperience)
    try c.encodeIfPresent(birthYear, forKey: .birthYear)
    try c.encodeIfPresent(trainingProgress, forKey: .trainingProgress)
    try c.encodeIfPresent(trainingStartYear, forKey: .trainingStartYear)
  }
}

/// The keys a profile contributes to a group or patient object.
enum ProfileKeys: String, CodingKey, CaseIterable {
  case ageBand, sex, needWeight, nursingHome, homeHealthCare, longTermConditions
}

extension PatientProfile {
  init(from c: KeyedDecodingContainer<ProfileKeys>) throws {
    self.init(
      ageBand: try c.decode(AgeBand.self, forKey: .ageBand),
      sex: try c.decodeIfPresent(Sex.self, forKey: .sex) ?? .unknown,
      needWeight: try c.decodeIfPresent(Double.self, forKey: .needWeight),
      nursingHome: try c.decodeIfPresent(Bool.self, forKey: .nursingHome) ?? false,
      homeHealthCare: try c.decodeIfPresent(Bool.self, forKey: .homeHealthCare) ?? false,
      longTermConditions: try c.decodeIfPresent(Int.self, forKey: .longTermConditions) ?? 0)
  }

  func encode(to c: inout KeyedEncodingContainer<ProfileKeys>) throws {
    try c.encode(ageBand, forKey: .ageBand)
    if sex != .unknown { try c.encode(sex, forKey: .sex) }
    try c.encode(needWeight, forKey: .needWeight)
    if nursingHome { try c.encode(true, forKey: .nursingHome) }
    if homeHealthCare { try c.encode(true, forKey: .homeHealthCare) }
    if longTermConditions != 0 { try c.encode(longTermConditions, forKey: .longTermConditions) }
  }
}

extension PatientGroup: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case ageBand, sex, needWeight, nursingHome, homeHealthCare, longTermConditions, count
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      profile: try PatientProfile(from: decoder.container(keyedBy: ProfileKeys.self)),
      count: try c.decode(Int.self, forKey: .count))
  }

  public func encode(to encoder: any Encoder) throws {
    var p = encoder.container(keyedBy: ProfileKeys.self)
    try profile.encode(to: &p)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(count, forKey: .count)
  }
}

extension Patient: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, ageBand, sex, needWeight, nursingHome, homeHealthCare, longTermConditions, fixedDoctor
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id),
      profile: try PatientProfile(from: decoder.container(keyedBy: ProfileKeys.self)),
      fixedDoctorId: try c.decodeIfPresent(String.self, forKey: .fixedDoctor))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    var p = encoder.container(keyedBy: ProfileKeys.self)
    try profile.encode(to: &p)
    try c.encodeIfPresent(fixedDoctorId, forKey: .fixedDoctor)
  }
}

extension ListedPopulation: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable { case groups, patients }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      groups: try c.decodeIfPresent([PatientGroup].self, forKey: .groups) ?? [],
      patients: try c.decodeIfPresent([Patient].self, forKey: .patients) ?? [])
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    if !groups.isEmpty { try c.encode(groups, forKey: .groups) }
    if !patients.isEmpty { try c.encode(patients, forKey: .patients) }
  }
}

extension CareCentre: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable { case id, name, region, clinicians, population }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let id = try c.decode(String.self, forKey: .id)
    self.init(
      id: id,
      name: try c.decodeIfPresent(String.self, forKey: .name) ?? id,
      region: try c.decodeIfPresent(String.self, forKey: .region),
      clinicians: try c.decode([Clinician].self, forKey: .clinicians),
      population: try c.decodeIfPresent(ListedPopulation.self, forKey: .population) ?? ListedPopulation())
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encodeIfPresent(region, forKey: .region)
    try c.encode(clinicians, forKey: .clinicians)
    try c.encode(population, forKey: .population)
  }
}

extension Region: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable { case name, centres }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(name: try c.decode(String.self, forKey: .name), centres: try c.decode([CareCentre].self, forKey: .centres))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(centres, forKey: .centres)
  }
}
