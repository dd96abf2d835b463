/// Groups of listed people in the order the default policy offers them a
/// fixed doctor, greatest needs first.
///
/// DOMAIN.md: those with the greatest needs (nursing-home residents, home
/// health care, multimorbidity, the oldest) should get the best continuity.
/// A person belongs to the first group whose condition holds.
public enum PriorityGroup: String, Sendable, Hashable, CaseIterable, Codable, JSONEnumeration, Comparable {
  /// Lives in special housing for the elderly (target: 80% with a fixed doctor).
  case nursingHome = "nursing-home"
  /// Receives municipal home health care.
  case homeHealthCare = "home-health-care"
  /// Two or more long-term conditions.
  case severalConditions = "several-conditions"
  /// Aged 75 or older.
  case aged75plus = "aged-75+"
  /// One long-term condition.
  case oneCondition = "one-condition"
  /// Everyone else.
  case others = "others"

  /// Classifies a profile by the first matching condition.
  public init(classifying p: PatientProfile) {
    if p.nursingHome { self = .nursingHome }
    else if p.homeHealthCare { self = .homeHealthCare }
    else if p.longTermConditions >= 2 { self = .severalConditions }
    else if p.ageBand.is75OrOlder { self = .aged75plus }
    else if p.longTermConditions == 1 { self = .oneCondition }
    else { self = .others }
  }

  /// Rank in the default order, 0 first.
  public var rank: Int { PriorityGroup.allCases.firstIndex(of: self)! }

  public static func < (a: PriorityGroup, b: PriorityGroup) -> Bool { a.rank < b.rank }

  /// A label for tables.
  public var label: String {
    switch self {
    case .nursingHome: return "Nursing-home residents"
    case .homeHealthCare: return "Home health care"
    case .severalConditions: return "Several long-term conditions"
    case .aged75plus: return "Aged 75+"
    case .oneCondition: return "One long-term condition"
    case .others: return "Others"
    }
  }
}
