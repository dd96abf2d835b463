/// Nurse triage of acute doctor contacts, the first pressure valve.
///
/// The care guarantee (vårdgarantin) promises "a medical assessment by a
/// licensed professional within 3 days" (DOMAIN.md), and in Swedish primary
/// care most of those first assessments are nurse telephone triage, not
/// doctor visits. An acute doctor contact is therefore first assessed by a
/// nurse, on the day it arises if the day's triage capacity allows (else in
/// arrival order on the following days). A share of triaged contacts is
/// resolved by the nurse (advice, self-care, a nurse visit) and becomes a
/// nurse contact; the rest still need a doctor within the acute tolerance.
///
/// Triage is off in a centre without nurses, and when `triagedShare` or
/// `assessmentsPerNurseFTEPerDay` is 0. Planned contacts are not triaged.
public struct TriageParameters: Sendable, Hashable {
  /// Telephone assessments one full-time nurse can make on a day present.
  /// Default 20 (illustrative: about 10–15 minutes per call with its
  /// documentation, for a nurse on the triage line for about half the day).
  public var assessmentsPerNurseFTEPerDay: Double
  /// Share of acute doctor contacts that reach a nurse first. Default 0.9
  /// (illustrative: most acute contacts come in by telephone or 1177 and
  /// are triaged; some are booked straight with a doctor, e.g. online or
  /// at the reception).
  public var triagedShare: Double
  /// Share of triaged contacts the nurse resolves without a doctor.
  /// Default 0.35 (illustrative, within the 0.3–0.4 usually quoted for
  /// telephone triage ending in advice, self-care or a nurse visit).
  public var resolvedShare: Double

  public init(assessmentsPerNurseFTEPerDay: Double = 20, triagedShare: Double = 0.9, resolvedShare: Double = 0.35) {
    self.assessmentsPerNurseFTEPerDay = assessmentsPerNurseFTEPerDay
    self.triagedShare = triagedShare
    self.resolvedShare = resolvedShare
  }

  /// No triage: every acute contact goes straight to a doctor, as before
  /// triage was modelled.
  public static let off = TriageParameters(assessmentsPerNurseFTEPerDay: 0, triagedShare: 0, resolvedShare: 0)
}

