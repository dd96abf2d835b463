/// How the workforce and the demand on it change from year to year, apart
/// from the recruitment plan.
///
/// Every default is documented with its source or marked illustrative.
public struct WorkforceParameters: Sendable, Hashable {
  /// Retirement ages. Default: a quarter each at 65, 66, 67, 68.
  public var retirement: RetirementDistribution
  /// Share of each role leaving primary care per year for reasons other than
  /// retirement (other specialties, hospital posts, emigration), by role.
  /// Defaults (illustrative): specialists 3%, licensed doctors 15% (many
  /// are passing through), trainees 2% (dropping out of ST); locums, nurses
  /// and other professions are not projected (see `projectTeam`).
  public var attritionPerYear: [ClinicianRole: Double]
  /// Share of specialists moving to another centre of the same region each
  /// year. Moves change where capacity is, not how much. Default 0.
  public var moveShare: Double
  /// Length of the specialist training (ST) in years. Default 5
  /// (Socialstyrelsen: about five years).
  public var trainingYears: Double
  /// Probability that a trainee who completes ST stays in the region's
  /// primary care as a specialist. Default 0.8 (illustrative).
  public var completionStayProbability: Double
  /// Specialist FTE taken by supervision per full-time trainee: supervision
  /// time comes out of the specialists' patient time. Default 0.1 (about
  /// 4 hours a week of a 40-hour week, the usual handledning allowance).
  /// The projection replaces any supervision share given in the input with
  /// this, spread over the centre's specialists in proportion to their FTE
  /// (at most `maxSupervisionShare` of each).
  public var supervisionFTEPerTrainee: Double
  /// The largest share of a specialist's time supervision may take.
  /// Default 0.3.
  public var maxSupervisionShare: Double
  /// Locum FTE a region may buy in a year, spread over the centres in
  /// proportion to their remaining guideline gap. Locums add visits but
  /// hold no fixed-doctor panels. nil = today's locum FTE of the input.
  public var locumBudgetFTE: Double?
  /// Share of doctor contacts moved to nurses and other professions (task
  /// sharing) in the first projected year; it lowers the doctor demand per
  /// patient: need-weighted demand × (1 − share). Default 0.
  public var taskSharingShare: Double
  /// Increase of the task-sharing share per year. Default 0.
  public var taskSharingIncreasePerYear: Double
  /// The task-sharing share never exceeds this. Default 0.3 (Altschuler et
  /// al. 2012 moved roughly a quarter to a third of the work to the team).
  public var taskSharingMaximum: Double
  /// Population growth by age band. Default: DOMAIN.md's ten-year outlook.
  public var populationGrowth: PopulationGrowth

  public init(
    retirement: RetirementDistribution = .standard,
    attritionPerYear: [ClinicianRole: Double] = WorkforceParameters.defaultAttrition,
    moveShare: Double = 0, trainingYears: Double = 5, completionStayProbability: Double = 0.8,
    supervisionFTEPerTrainee: Double = 0.1, maxSupervisionShare: Double = 0.3,
    locumBudgetFTE: Double? = nil, taskSharingShare: Double = 0, taskSharingIncreasePerYear: Double = 0,
    taskSharingMaximum: Double = 0.3, populationGrowth: PopulationGrowth = .standard
  ) {
    self.retirement = retirement
    self.attritionPerYear = attritionPerYear
    self.moveShare = moveShare
    self.trainingYears = trainingYears
    self.completionStayProbability = completionStayProbability
    self.supervisionFTEPerTrainee = supervisionFTEPerTrainee
    self.maxSupervisionShare = maxSupervisionShare
    self.locumBudgetFTE = locumBudgetFTE
    self.taskSharingShare = taskSharingShare
    self.taskSharingIncreasePerYear = taskSharingIncreasePerYear
    self.taskSharingMaximum = taskSharingMaximum
    self.populationGrowth = populationGrowth
  }

  /// Specialists 3%, trainees 2%, licensed doctors 15% a year (illustrative).
  public static let defaultAttrition: [ClinicianRole: Double] = [
    .gpSpecialist: 0.03, .gpTrainee: 0.02, .licensedDoctor: 0.15,
  ]

  /// The documented defaults.
  public static let standard = WorkforceParameters()

  /// Nothing changes by itself: no retirement, attrition, moves, growth or
  /// task sharing; trainees still progress and all stay on completion. The
  /// base of hand-worked checks.
  public static let frozen = WorkforceParameters(
    retirement: RetirementDistribution(firstAge: 1_000, shares: [1]), attritionPerYear: [:],
    completionStayProbability: 1, supervisionFTEPerTrainee: 0, locumBudgetFTE: 0, populationGrowth: .none)

  /// Attrition share of a role per year (0 when not configured).
  public func attrition(of role: ClinicianRole) -> Double { attritionPerYear[role] ?? 0 }

  /// The task-sharing share in projected year `t` (1 = first projected
  /// year; 0, the input as given, has none).
  public func taskShare(inYear t: Int) -> Double {
    guard t > 0 else { return 0 }
    return min(taskSharingMaximum, max(0, taskSharingShare + taskSharingIncreasePerYear * Double(max(0, t - 1))))
  }
}
