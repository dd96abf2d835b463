/// Which capacity view sets how many patients each doctor can take.
public enum CapacityView: String, Sendable, Hashable, CaseIterable, Codable, JSONEnumeration {
  /// Socialstyrelsen's 1,100 / 550, scaled by FTE and duties.
  case guideline
  /// Patient hours divided by the time an average patient needs.
  case workingTime
}

/// How fixed doctors are offered: who comes first and who wants one.
///
/// Default (issue 5, DOMAIN.md "Who should come first"): keep existing
/// relations, then nursing-home residents, home health care, several
/// long-term conditions, age 75+, one long-term condition, then others who
/// want one. Capacity is counted in need-weighted patients, so a
/// nursing-home resident with weight 2.4 uses 2.4 places.
public struct AssignmentPolicy: Sendable, Hashable {
  /// Groups in the order they are offered a fixed doctor.
  public var order: [PriorityGroup]
  /// Share of people who want a fixed doctor, by group. DOMAIN.md: 70% say
  /// they need one. Default: 70% for everyone except nursing-home residents
  /// and home-health-care patients (100%: the 80% target and their needs).
  public var wantShare: [PriorityGroup: Double]
  /// The capacity view that sets panel sizes.
  public var capacityView: CapacityView
  /// Share of each doctor's capacity that may be filled (1.0 = up to
  /// capacity). Below 1 leaves room for new listings.
  public var fillLimit: Double

  public init(
    order: [PriorityGroup] = PriorityGroup.allCases,
    wantShare: [PriorityGroup: Double] = AssignmentPolicy.defaultWantShare,
    capacityView: CapacityView = .guideline,
    fillLimit: Double = 1
  ) {
    self.order = order
    self.wantShare = wantShare
    self.capacityView = capacityView
    self.fillLimit = fillLimit
  }

  /// 70% everywhere (DOMAIN.md: 70% say they need a fixed doctor), 100% for
  /// nursing-home residents and home health care.
  public static let defaultWantShare: [PriorityGroup: Double] = [
    .nursingHome: 1, .homeHealthCare: 1, .severalConditions: 0.7,
    .aged75plus: 0.7, .oneCondition: 0.7, .others: 0.7,
  ]

  /// The documented default policy.
  public static let standard = AssignmentPolicy()

  /// Share of a group that wants a fixed doctor (0.7 when not configured).
  public func wantShare(of g: PriorityGroup) -> Double { wantShare[g] ?? 0.7 }
}

/// Targets from the 2021 state–SKR agreement.
public enum FixedDoctorTargets {
  /// At least 55% of the population with a named fixed doctor.
  public static let population = 0.55
  /// At least 80% of nursing-home residents.
  public static let nursingHome = 0.80
}
