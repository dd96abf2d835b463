/// Everything a staffing projection needs besides the regions.
public struct ProjectionSettings: Sendable {
  /// Expected values or random draws.
  public enum Mode: Sendable, Hashable {
    /// Every uncertain event (retirement, attrition, completion, moves) is
    /// applied as its probability to each doctor's expected presence: one
    /// run, no randomness.
    case expected
    /// Each doctor's events are drawn; `replications` independent runs give
    /// a mean and a 5–95% band. Every doctor has a random stream of its own
    /// (`Xoshiro256(seed:stream:)` by replication, centre and doctor), so a
    /// plan with one more hire changes nobody else's fate.
    case stochastic(replications: Int, seed: UInt64)
  }

  /// The calendar year of the input (year index 0). Default 2026.
  public var startYear: Int
  /// Years projected after the start year. Default 10.
  public var years: Int
  public var mode: Mode
  public var workforce: WorkforceParameters
  public var plan: RecruitmentPlan
  /// How fixed doctors are offered (order, who wants one, capacity view).
  public var policy: AssignmentPolicy
  /// Guideline and working-time parameters.
  public var capacity: CapacityParameters
  /// Keep a series per centre (false: regions and total only, which saves
  /// memory in national runs with many replications).
  public var keepCentreDetail: Bool
  /// Continuity and access from a model of care (nil: none).
  public var outcomeModel: YearOutcomeModel?

  public init(
    startYear: Int = ProjectionSettings.defaultStartYear, years: Int = 10, mode: Mode = .expected,
    workforce: WorkforceParameters = .standard, plan: RecruitmentPlan = .none,
    policy: AssignmentPolicy = .standard, capacity: CapacityParameters = .standard,
    keepCentreDetail: Bool = true, outcomeModel: YearOutcomeModel? = nil
  ) {
    precondition(years >= 0, "years must be 0 or more")
    self.startYear = startYear
    self.years = years
    self.mode = mode
    self.workforce = workforce
    self.plan = plan
    self.policy = policy
    self.capacity = capacity
    self.keepCentreDetail = keepCentreDetail
    self.outcomeModel = outcomeModel
  }

  /// The default calendar year of an input.
  public static let defaultStartYear = 2026

  /// Number of runs.
  public var replications: Int {
    if case .stochastic(let r, _) = mode { return max(1, r) }
    return 1
  }

  var isStochastic: Bool {
    if case .stochastic = mode { return true }
    return false
  }

  var seed: UInt64 {
    if case .stochastic(_, let s) = mode { return s }
    return 0
  }
}
