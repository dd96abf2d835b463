import Synchronization

/// A lever of a joint recruitment plan (issue 19): each is a constant
/// yearly amount, searched in integer steps.
public enum PlanLever: String, Sendable, Hashable, CaseIterable, Codable {
  /// GP specialists hired per year (`RecruitmentPlan.specialistHiring`,
  /// starting after `startDelayYears`). Step: 1 hire.
  case hires
  /// GP trainees taken in per year (`RecruitmentPlan.traineeIntakePerYear`);
  /// the projection takes in only as many as supervisors have room for
  /// (`WorkforceParameters.maxTraineesPerSpecialistFTE`) and a trainee adds
  /// capacity 275/550 per FTE before/after mid-training, 1,100 after
  /// `trainingYears`. Step: 1 trainee.
  case trainees
  /// Yearly rise of the task-sharing share (`WorkforceParameters.taskSharingIncreasePerYear`,
  /// levelling off at `taskSharingMaximum`, at most 0.75, `TaskSharing`).
  /// Step: 0.01 (one percentage point a year).
  case taskSharing = "task-sharing"
  /// FTE added per year to each part-time specialist
  /// (`RecruitmentPlan.fteIncreasePerYear`, up to `fteCeiling`). Step: 0.01 FTE a year.
  case fte

  /// The lever's value per step (in its unit).
  public var stepValue: Double {
    switch self {
    case .hires, .trainees: return 1
    case .taskSharing, .fte: return 0.01
    }
  }

  /// Default largest value, in the lever's unit (illustrative; `--max` overrides):
  /// 50 hires or trainees a year, task sharing rising 0.05 a year, FTE 0.05 a year.
  public var defaultMaximum: Double {
    switch self {
    case .hires, .trainees: return 50
    case .taskSharing, .fte: return 0.05
    }
  }

  /// Unit for reports.
  public var unit: String {
    switch self {
    case .hires: return "specialists hired per year"
    case .trainees: return "trainees taken in per year"
    case .taskSharing: return "task-sharing share added per year"
    case .fte: return "FTE added per part-time specialist per year"
    }
  }

  /// `settings` with this lever at `value` (in its unit).
  public func apply(_ value: Double, to settings: ProjectionSettings) -> ProjectionSettings {
    var s = settings
    switch self {
    case .hires: s.plan.specialistHiring = .perYear(Int(value.rounded()))
    case .trainees: s.plan.traineeIntakePerYear = Int(value.rounded())
    case .taskSharing:
      s.workforce.taskSharingIncreasePerYear = value
      // The ramp levels off at the bound rather than being rejected: the
      // lever asks "how fast", not "past the bound".
      s.workforce.taskSharingMaximum = min(s.workforce.taskSharingMaximum, TaskSharing.maximumShare)
    case .fte: s.plan.fteIncreasePerYear = value
    }
    return s
  }
}

/// One lever's range and cost in a joint search.
public struct LeverChoice: Sendable, Hashable {
  public var lever: PlanLever
  /// Cost per unit of the lever per year, in a unit the user chooses (e.g.
  /// MSEK per hire a year); costs must be ≥ 0.
  public var costPerUnit: Double
  /// Largest value, in the lever's unit.
  public var maximum: Double
  /// The search grid's spacing, in the lever's unit (default `PlanLever.stepValue`;
  /// coarser, e.g. 10 hires, for national runs: the answer is then the
  /// least-cost plan on that grid).
  public var step: Double
  public init(lever: PlanLever, costPerUnit: Double, maximum: Double? = nil, step: Double? = nil) {
    self.lever = lever
    self.costPerUnit = costPerUnit
    self.maximum = maximum ?? lever.defaultMaximum
    self.step = max(step ?? lever.stepValue, lever.stepValue)
  }
  /// Number of steps up to `maximum`.
  public var maxStep: Int { max(0, Int((maximum / step + 1e-9).rounded(.down))) }
  public func value(ofStep v: Int) -> Double { Double(v) * step }
  /// Cost of one grid step.
  public var costPerStep: Double { costPerUnit * step }
}

/// The least-cost combination of levers that reaches a target by a year
/// (issue 19), by `LeastCostLattice` over constant yearly amounts.
///
/// Feasible: the projection with the levers' values meets `target` in the
/// target year in at least `confidence` of the replications (expected
/// mode: the one run meets it). Lead times and supervision are the
/// projection's own (hires start after `startDelayYears`; trainees count
/// as 275/550/1,100 by stage and only where a supervisor has room), so a
/// plan is feasible only if they allow it. Cost = Σ cost per unit × value
/// (a yearly cost, constant over the years).
public struct JointRecruitmentPlanner: Sendable {
  public var projection: WorkforceProjection
  public var settings: ProjectionSettings
  public var target: StaffingTarget
  public var confidence: Double
  public var levers: [LeverChoice]

  public init(projection: WorkforceProjection, settings: ProjectionSettings, target: StaffingTarget, confidence: Double, levers: [LeverChoice]) {
    self.projection = projection
    self.settings = settings
    self.target = target
    self.confidence = confidence
    self.levers = levers
  }

  /// A plan found.
  public struct Plan: Sendable {
    /// Value per lever (lever's unit), in the order of `levers`.
    public var values: [(lever: PlanLever, value: Double)]
    /// Σ cost per unit × value, per year.
    public var costPerYear: Double
    /// The year the target had to be met.
    public var year: Int
    /// Share of replications meeting it in that year (1 or 0 in expected mode).
    public var shareMeeting: Double
    /// Feasibility checks (projections) made.
    public var checks: Int
  }

  /// Settings with the levers at `steps`.
  public func settings(steps: [Int]) -> ProjectionSettings {
    var s = settings
    for (l, v) in zip(levers, steps) { s = l.lever.apply(l.value(ofStep: v), to: s) }
    return s
  }

  /// Share of replications meeting the target in `year` with the levers at `steps`.
  public func shareMeeting(steps: [Int], year: Int) -> Double {
    var s = settings(steps: steps)
    let y = max(0, year - s.startYear)
    s.years = y
    s.keepCentreDetail = false
    let result = projection.run(s)
    let met = result.totalPerReplication.filter { target.isMet(by: $0[y]) }.count
    return Double(met) / Double(result.replications)
  }

  /// Whether the levers at `steps` meet the target in `year` in at least
  /// `confidence` of the replications. Same answer as `shareMeeting(…) ≥
  /// confidence`, but replications run in parallel and stop as soon as more
  /// have failed than the confidence allows (each replication has its own
  /// random streams, so the order does not change any replication's result).
  public func meets(steps: [Int], year: Int) -> Bool {
    var s = settings(steps: steps)
    let y = max(0, year - s.startYear)
    s.years = y
    s.keepCentreDetail = false
    let reps = s.replications
    if reps == 1 { return shareMeeting(steps: steps, year: year) >= confidence - 1e-12 }
    let need = max(1, Int((confidence * Double(reps) - 1e-9).rounded(.up)))
    let allowedFailures = reps - need
    let failures = Atomic<Int>(0)
    let fixed = s
    Parallel.forEach(count: reps) { [projection, target] r in
      if failures.load(ordering: .relaxed) > allowedFailures { return }
      let perCentre = projection.runReplication(r, fixed, parallelCentres: false)
      var total = StaffingTotals()
      for c in perCentre { total.add(c[y]) }
      if !target.isMet(by: total) { failures.add(1, ordering: .relaxed) }
    }
    return failures.load(ordering: .relaxed) <= allowedFailures
  }

  /// The least-cost plan meeting the target in `year`, or nil when the
  /// levers at their maxima do not reach it.
  public func solve(by year: Int) -> Plan? {
    guard let a = LeastCostLattice.solve(
      upper: levers.map(\.maxStep), cost: levers.map(\.costPerStep),
      feasible: { meets(steps: $0, year: year) })
    else { return nil }
    return Plan(
      values: zip(levers, a.point).map { ($0.lever, $0.value(ofStep: $1)) }, costPerYear: a.cost, year: year,
      shareMeeting: shareMeeting(steps: a.point, year: year), checks: a.checks)
  }

  /// The first year the plan's settings meet the target in at least
  /// `confidence` of the replications, within `horizonYears`.
  public func yearReached(_ plan: Plan, horizonYears: Int) -> Int? {
    var s = settings
    for (l, v) in plan.values { s = l.apply(v, to: s) }
    s.years = horizonYears
    return RecruitmentSolver(projection: projection, settings: s, target: target, confidence: confidence).yearMet().year
  }

  /// Cost against the year reached: the least-cost plan for every year in `years`.
  public func frontier(_ years: ClosedRange<Int>) -> [(year: Int, plan: Plan?)] {
    years.map { ($0, solve(by: $0)) }
  }
}
