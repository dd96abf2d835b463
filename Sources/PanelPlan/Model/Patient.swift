/// Age bands used for demand rates and priority.
///
/// The bands follow the illustrative visit-rate table in DOMAIN.md, with the
/// 65–79 band split at 75 so that the default priority policy ("age 75+")
/// can be expressed for groups as well as for individual patients.
public enum AgeBand: String, Sendable, Hashable, CaseIterable, Codable, JSONEnumeration, Comparable {
  case age0to5 = "0-5"
  case age6to15 = "6-15"
  case age16to29 = "16-29"
  case age30to44 = "30-44"
  case age45to64 = "45-64"
  case age65to74 = "65-74"
  case age75to79 = "75-79"
  case age80plus = "80+"

  /// The band holding a given age in whole years.
  public init(ageYears: Int) {
    switch ageYears {
    case ..<6: self = .age0to5
    case 6...15: self = .age6to15
    case 16...29: self = .age16to29
    case 30...44: self = .age30to44
    case 45...64: self = .age45to64
    case 65...74: self = .age65to74
    case 75...79: self = .age75to79
    default: self = .age80plus
    }
  }

  /// Position of the band, youngest first.
  public var index: Int { AgeBand.allCases.firstIndex(of: self)! }

  /// The youngest age in the band.
  public var lowerAgeYears: Int {
    switch self {
    case .age0to5: return 0
    case .age6to15: return 6
    case .age16to29: return 16
    case .age30to44: return 30
    case .age45to64: return 45
    case .age65to74: return 65
    case .age75to79: return 75
    case .age80plus: return 80
    }
  }

  public static func < (a: AgeBand, b: AgeBand) -> Bool { a.lowerAgeYears < b.lowerAgeYears }

  /// Whether everyone in the band is 75 or older.
  public var is75OrOlder: Bool { lowerAgeYears >= 75 }
}

/// Legal sex as recorded in the population register.
public enum Sex: String, Sendable, Hashable, CaseIterable, Codable, JSONEnumeration {
  case female, male, unknown
}

/// The attributes of a listed person that drive demand and priority.
public struct PatientProfile: Sendable, Hashable {
  /// Age band.
  public var ageBand: AgeBand
  /// Sex.
  public var sex: Sex
  /// Care-need weight (vårdtyngd): expected workload relative to the average
  /// listed patient (1.0). Defaults to the age band's relative visit rate.
  public var needWeight: Double
  /// Lives in special housing for the elderly (SÄBO).
  public var nursingHome: Bool
  /// Receives municipal home health care.
  public var homeHealthCare: Bool
  /// Number of long-term conditions.
  public var longTermConditions: Int

  public init(
    ageBand: AgeBand, sex: Sex = .unknown, needWeight: Double? = nil,
    nursingHome: Bool = false, homeHealthCare: Bool = false, longTermConditions: Int = 0
  ) {
    self.ageBand = ageBand
    self.sex = sex
    self.needWeight = needWeight ?? DemandDefaults.defaultNeedWeight(for: ageBand)
    self.nursingHome = nursingHome
    self.homeHealthCare = homeHealthCare
    self.longTermConditions = longTermConditions
  }

  /// The priority group this profile falls in under the default policy.
  public var priorityGroup: PriorityGroup { PriorityGroup(classifying: self) }
}

/// A group of listed people who share a profile.
public struct PatientGroup: Sendable, Hashable {
  /// The shared attributes.
  public var profile: PatientProfile
  /// How many people are in the group.
  public var count: Int

  public init(profile: PatientProfile, count: Int) {
    self.profile = profile
    self.count = count
  }
}

/// One listed person.
public struct Patient: Sendable, Hashable {
  /// Identifier, unique within the centre.
  public var id: String
  /// Attributes.
  public var profile: PatientProfile
  /// The id of the patient's current fixed doctor, if any.
  public var fixedDoctorId: String?

  public init(id: String, profile: PatientProfile, fixedDoctorId: String? = nil) {
    self.id = id
    self.profile = profile
    self.fixedDoctorId = fixedDoctorId
  }
}

/// A care centre's listed population: groups, individual patients, or both.
public struct ListedPopulation: Sendable, Hashable {
  public var groups: [PatientGroup]
  public var patients: [Patient]

  public init(groups: [PatientGroup] = [], patients: [Patient] = []) {
    self.groups = groups
    self.patients = patients
  }

  /// Number of listed people.
  public var count: Int { groups.reduce(0) { $0 + $1.count } + patients.count }

  /// Listed people weighted by care need, in average-patient equivalents.
  public var weightedCount: Double {
    groups.reduce(0) { $0 + Double($1.count) * $1.profile.needWeight }
      + patients.reduce(0) { $0 + $1.profile.needWeight }
  }

  /// Calls `body` once per profile with the number of people who have it,
  /// groups first, then each individual patient with a count of 1.
  public func forEachProfile(_ body: (PatientProfile, Int) throws -> Void) rethrows {
    for g in groups { try body(g.profile, g.count) }
    for p in patients { try body(p.profile, 1) }
  }
}
