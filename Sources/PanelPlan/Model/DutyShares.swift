/// Shares of a clinician's working time spent away from patient work.
///
/// Each share is a fraction of the clinician's contracted working time
/// (0.1 = 10%). Together they must not exceed 1.
public struct DutyShares: Sendable, Hashable {
  /// Supervision of trainees and students (handledning).
  public var supervision: Double
  /// Research and development (forskning).
  public var research: Double
  /// Side assignments outside the unit (sidouppdrag).
  public var sideAssignments: Double
  /// Management and leadership duties.
  public var management: Double

  public init(
    supervision: Double = 0, research: Double = 0,
    sideAssignments: Double = 0, management: Double = 0
  ) {
    self.supervision = supervision
    self.research = research
    self.sideAssignments = sideAssignments
    self.management = management
  }

  /// No duties: all working time is available for patients.
  public static let none = DutyShares()

  /// The sum of all duty shares.
  public var total: Double { supervision + research + sideAssignments + management }

  /// The share of working time left for patient work, never below 0.
  public var remainingShare: Double { max(0, 1 - total) }
}
