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
  /// Supervisor capacity: full-time trainees one full-time GP specialist
  /// at the centre can supervise. It limits intake (a trainee is placed
  /// only where a supervisor has room; the rest of a year's intake is not
  /// taken in, and `ProjectionResult.warnings` says so), and trainees
  /// beyond it at a centre (after specialists leave) hold no panel until
  /// supervisors are back.
  ///
  /// Default 1.0, an assumption: the regulations (SOSFS 2015:8, now
  /// HSLF-FS 2021:8) require every ST doctor to have a named supervising
  /// specialist with supervisor training but set no number; one trainee
  /// per specialist FTE is at 0.1 FTE of supervision each well inside
  /// `maxSupervisionShare`. Replace it with the region's own rule.
  public var maxTraineesPerSpecialistFTE: Double
  /// Locum FTE a region may buy in a year, spread over the centres in
  /// proportion to their remaining guideline gap. Locums add visits but
  /// hold no fixed-doctor panels. nil = today's locum FTE of the input.
  public var locumBudgetFTE: Double?
  /// Share of doctor time per patient moved to nurses and other
  /// professions (task sharing, `TaskSharing`) in the first projected year:
  /// need-weighted demand × (1 − share), the same as panels × 1 / (1 −
  /// share). Default 0; at most `TaskSharing.maximumShare`
  /// (`taskSharingProblem(years:)` says why a plan is rejected).
  public var taskSharingShare: Double
  /// Increase of the task-sharing share per year. Default 0.
  public var taskSharingIncreasePerYear: Double
  /// Per-year increases (issue 19), replacing `taskSharingIncreasePerYear`
  /// when set: entry j is added in projected year j + 1, so the share in
  /// year t is `taskSharingShare` + Σ of the first t entries (levelling off
  /// at `taskSharingMaximum`); years past the list add nothing. The
  /// constant ramp is the list [0, v, v, …] (its first year adds nothing).
  public var taskSharingIncreaseByYear: [Double]? = nil
  /// Where a rising share levels off: a plan's own plateau (e.g. "rise 5
  /// points a year up to 30%"). Default `TaskSharing.maximumShare`, so by
  /// default nothing is capped: a ramp that would pass the bound is
  /// rejected by `taskSharingProblem(years:)` instead.
  public var taskSharingMaximum: Double
  /// Population growth by age band. Default: DOMAIN.md's ten-year outlook.
  public var populationGrowth: PopulationGrowth

  public init(
    retirement: RetirementDistribution = .standard,
    attritionPerYear: [ClinicianRole: Double] = WorkforceParameters.defaultAttrition,
    moveShare: Double = 0, trainingYears: Double = 5, completionStayProbability: Double = 0.8,
    supervisionFTEPerTrainee: Double = 0.1, maxSupervisionShare: Double = 0.3, maxTraineesPerSpecialistFTE: Double = 1,
    locumBudgetFTE: Double? = nil, taskSharingShare: Double = 0, taskSharingIncreasePerYear: Double = 0,
    taskSharingMaximum: Double = TaskSharing.maximumShare, populationGrowth: PopulationGrowth = .standard
  ) {
    self.retirement = retirement
    self.attritionPerYear = attritionPerYear
    self.moveShare = moveShare
    self.trainingYears = trainingYears
    self.completionStayProbability = completionStayProbability
    self.supervisionFTEPerTrainee = supervisionFTEPerTrainee
    self.maxSupervisionShare = maxSupervisionShare
    self.maxTraineesPerSpecialistFTE = maxTraineesPerSpecialistFTE
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

  /// The share of projected year `t` a trainee spends past mid-training,
  /// when `yearsDone` of training are done at the start of the year and
  /// training advances `min(1, fte)` a year: time-weighted, so a steady
  /// intake has half its trainee-years past mid-training (a year-end
  /// snapshot gives 2 of 5, 40%). Year 0, the input as given, uses the
  /// input's own stage (as `capacity` does): 0 or 1.
  public func pastMidShare(yearsDone: Double, fte: Double, yearIndex t: Int) -> Double {
    let mid = trainingYears / 2
    let rate = min(1, max(0, fte))
    guard t > 0 && rate > 0 else { return yearsDone / max(trainingYears, 1e-9) >= 0.5 ? 1 : 0 }
    return min(1, max(0, (yearsDone + rate - mid) / rate))
  }

  /// Attrition share of a role per year (0 when not configured).
  public func attrition(of role: ClinicianRole) -> Double { attritionPerYear[role] ?? 0 }

  /// The task-sharing share in projected year `t` (1 = first projected
  /// year; 0, the input as given, has none): the first-year share plus the
  /// yearly increase, levelling off at `taskSharingMaximum`.
  public func taskShare(inYear t: Int) -> Double {
    guard t > 0 else { return 0 }
    let plateau = min(TaskSharing.maximumShare, max(0, taskSharingMaximum))
    if let list = taskSharingIncreaseByYear {
      let rise = list.prefix(t).reduce(0) { $0 + max(0, $1) }
      return min(plateau, max(0, taskSharingShare + rise))
    }
    return min(plateau, max(0, taskSharingShare + taskSharingIncreasePerYear * Double(max(0, t - 1))))
  }

  /// Why these task-sharing settings cannot be projected over `years`
  /// years, or nil when they can: the first-year share, the plateau, or
  /// the ramp (when no plateau below the bound stops it) above
  /// `TaskSharing.maximumShare`. Never capped silently.
  public func taskSharingProblem(years: Int) -> String? {
    if let m = TaskSharing.problem(share: taskSharingShare, field: "task-sharing share") { return m }
    guard taskSharingIncreasePerYear.isFinite && taskSharingIncreasePerYear >= 0 else {
      return "task-sharing increase: found \(taskSharingIncreasePerYear), expected a share per year of 0 or more"
    }
    guard taskSharingMaximum.isFinite && taskSharingMaximum >= 0 else {
      return "task-sharing plateau: found \(taskSharingMaximum), expected a share from 0 to \(TaskSharing.maximumShare)"
    }
    if taskSharingMaximum > TaskSharing.maximumShare + 1e-12 {
      return TaskSharing.problem(share: taskSharingMaximum, field: "task-sharing plateau")
    }
    if let list = taskSharingIncreaseByYear, list.contains(where: { !$0.isFinite || $0 < 0 }) {
      return "task-sharing increases by year: expected shares per year of 0 or more"
    }
    let last = taskSharingIncreaseByYear.map { taskSharingShare + $0.prefix(years).reduce(0, +) }
      ?? taskSharingShare + taskSharingIncreasePerYear * Double(max(0, years - 1))
    if last > TaskSharing.maximumShare + 1e-12 && taskSharingMaximum >= TaskSharing.maximumShare - 1e-12 {
      if taskSharingIncreaseByYear != nil {
        return "task sharing \(taskSharingShare) with the yearly increases given reaches \(String(format: "%.2f", last)), "
          + "past the largest accepted share \(TaskSharing.maximumShare); lower the increases or set a plateau"
      }
      let t = Int(((TaskSharing.maximumShare - taskSharingShare) / taskSharingIncreasePerYear).rounded(.down)) + 2
      return "task sharing \(taskSharingShare) rising \(taskSharingIncreasePerYear) a year passes the largest accepted share "
        + "\(TaskSharing.maximumShare) in projected year \(t) of \(years) (reaching \(String(format: "%.2f", last))); "
        + "lower the increase or the years"
    }
    return nil
  }
}
