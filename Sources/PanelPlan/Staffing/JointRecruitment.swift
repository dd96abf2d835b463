import Foundation
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

  /// `settings` with this lever at `amounts[j]` in projected year j + 1
  /// (in its unit; years past the list get 0). The per-year lists of
  /// `RecruitmentPlan` and `WorkforceParameters.taskSharingIncreaseByYear`.
  public func apply(byYear amounts: [Double], to settings: ProjectionSettings) -> ProjectionSettings {
    var s = settings
    switch self {
    case .hires:
      // The lever is the whole hiring policy, as the constant one is.
      s.plan.specialistHiring = .perYear(0)
      s.plan.hiresByYear = amounts.map { Int($0.rounded()) }
    case .trainees: s.plan.traineesByYear = amounts.map { Int($0.rounded()) }
    case .taskSharing:
      s.workforce.taskSharingIncreaseByYear = amounts
      s.workforce.taskSharingMaximum = min(s.workforce.taskSharingMaximum, TaskSharing.maximumShare)
    case .fte: s.plan.fteIncreaseByYear = amounts
    }
    return s
  }

  /// The per-year amounts that project exactly as the constant `value`
  /// over `years` projected years: the value every year, except task
  /// sharing, whose constant ramp adds nothing in its first year.
  public func constantByYear(_ value: Double, years: Int) -> [Double] {
    (0..<max(0, years)).map { self == .taskSharing && $0 == 0 ? 0 : value }
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
/// (issue 19): amounts per lever per year (`variesByYear`, the default of
/// `recruit --cost`) or one constant amount per lever (`--constant`).
///
/// Feasible: the projection with the plan meets `target` in the target
/// year in at least `confidence` of the replications (expected mode: the
/// one run meets it). Lead times and supervision are the projection's own:
/// hires decided in year d start in d + `startDelayYears` (so a per-year
/// plan has no hire variables for years whose hires would start after the
/// target year), trainees count 275/550/1,100 by stage and are taken in
/// only where a supervisor has room. Cost = Σ over levers and the years
/// start + 1 … target year of cost per unit × amount; a constant plan's
/// `costPerYear` is that total divided by the years.
///
/// Search (`LeastCostLattice`): constant plans, and per-year plans whose
/// lattice has at most `exactPointLimit` points, by the exact monotone
/// lattice search; larger per-year lattices by `LeastCostLattice.descend`
/// from the exact constant optimum, which is feasible, never costlier than
/// the best constant plan (hence than the best single-lever plan) and
/// 1-opt, but not proved globally least (`Plan.exact` says which).
public struct JointRecruitmentPlanner: Sendable {
  public var projection: WorkforceProjection
  public var settings: ProjectionSettings
  public var target: StaffingTarget
  public var confidence: Double
  public var levers: [LeverChoice]
  /// Amounts per lever per year (true) or one constant amount per lever.
  public var variesByYear: Bool
  /// Per-year lattices with at most this many points are searched exactly.
  public var exactPointLimit: Double = 50_000
  /// Failures per replication so far, to try likely failures first.
  let history = ReplicationHistory()

  public init(
    projection: WorkforceProjection, settings: ProjectionSettings, target: StaffingTarget, confidence: Double,
    levers: [LeverChoice], variesByYear: Bool = false
  ) {
    self.projection = projection
    self.settings = settings
    self.target = target
    self.confidence = confidence
    self.levers = levers
    self.variesByYear = variesByYear
  }

  /// A plan found.
  public struct Plan: Sendable {
    public var levers: [PlanLever]
    /// Calendar year of `amounts[l][0]` (the first projected year).
    public var firstYear: Int
    /// `amounts[l][j]`: lever l's amount (its unit) in year `firstYear + j`,
    /// through the target year. A hire's amount is the year it is decided.
    public var amounts: [[Double]]
    /// One amount per lever every year (`--constant`).
    public var constant: Bool
    /// Σ cost per unit × amount over the years.
    public var totalCost: Double
    /// The year the target had to be met.
    public var year: Int
    /// Share of replications meeting it in that year (1 or 0 in expected mode).
    public var shareMeeting: Double
    /// Feasibility checks (projections) made.
    public var checks: Int
    /// Whether the search proves this the least-cost plan (false: 1-opt, see `LeastCostLattice.descend`).
    public var exact: Bool

    /// Years the plan covers.
    public var years: Int { year - firstYear + 1 }
    /// Constant plans: the amount per lever; per-year plans: the mean yearly amount.
    public var values: [(lever: PlanLever, value: Double)] {
      zip(levers, amounts).map { l, a in (l, constant ? (a.first ?? 0) : a.reduce(0, +) / Double(max(1, a.count))) }
    }
    /// Total cost divided by the years (a constant plan's yearly cost).
    public var costPerYear: Double { totalCost / Double(max(1, years)) }
  }

  /// Settings with the levers at `steps` (constant amounts).
  public func settings(steps: [Int]) -> ProjectionSettings {
    var s = settings
    for (l, v) in zip(levers, steps) { s = l.lever.apply(l.value(ofStep: v), to: s) }
    return s
  }

  /// The settings a plan projects with (the base settings plus the plan).
  public func settings(for plan: Plan) -> ProjectionSettings {
    var s = settings
    for (l, a) in zip(plan.levers, plan.amounts) {
      s = plan.constant ? l.apply(a.first ?? 0, to: s) : l.apply(byYear: a, to: s)
    }
    return s
  }

  /// Share of replications meeting the target in `year` with the levers at `steps`.
  public func shareMeeting(steps: [Int], year: Int) -> Double { shareMeeting(settings(steps: steps), year: year) }

  /// Share of replications meeting the target in `year` with settings `s`.
  public func shareMeeting(_ settings: ProjectionSettings, year: Int) -> Double {
    var s = settings
    s.years = max(0, year - s.startYear)
    s.keepCentreDetail = false
    let reps = s.replications
    let met = Atomic<Int>(0)
    let fixed = s
    let capacityOnly = target.metric == .guidelineRatio
    let run: @Sendable (Int) -> Void = { [projection, target] r in
      let total = projection.finalTotal(r, fixed, parallelCentres: reps == 1, capacityOnly: capacityOnly)
      if target.isMet(by: total) { met.add(1, ordering: .relaxed) }
    }
    if reps == 1 { run(0) } else { Parallel.forEach(count: reps, run) }
    return Double(met.load(ordering: .relaxed)) / Double(reps)
  }

  /// Whether the levers at `steps` meet the target in `year` at the confidence.
  public func meets(steps: [Int], year: Int) -> Bool { meets(settings(steps: steps), year: year) }

  /// Whether settings `s` meet the target in `year` in at least
  /// `confidence` of the replications. Same answer as `shareMeeting(…) ≥
  /// confidence`, but replications run in parallel and stop as soon as more
  /// have failed than the confidence allows (each replication has its own
  /// random streams, so the order does not change any replication's result).
  public func meets(_ settings: ProjectionSettings, year: Int) -> Bool {
    var s = settings
    s.years = max(0, year - s.startYear)
    s.keepCentreDetail = false
    let reps = s.replications
    if reps == 1 { return shareMeeting(s, year: year) >= confidence - 1e-12 }
    let need = max(1, Int((confidence * Double(reps) - 1e-9).rounded(.up)))
    let tally = CheckTally(need: need, allowedFailures: reps - need)
    let fixed = s
    let capacityOnly = target.metric == .guidelineRatio
    // Replications that failed most often in earlier checks go first, so an
    // infeasible plan is usually refuted after a few runs; the answer does
    // not depend on the order (every replication's outcome is fixed).
    let order = history.order(reps)
    let run: @Sendable (Int) -> Void = { [projection, target, history] i in
      if tally.decided { return }
      let r = order[i]
      let total = projection.finalTotal(r, fixed, parallelCentres: false, capacityOnly: capacityOnly)
      let met = target.isMet(by: total)
      tally.record(met)
      if !met { history.failed(r) }
    }
    Parallel.forEach(count: reps, run)
    return tally.feasible
  }

  /// The least-cost plan meeting the target in `year`, or nil when the
  /// levers at their maxima do not reach it.
  public func solve(by year: Int) -> Plan? {
    guard let a = LeastCostLattice.solve(
      upper: levers.map(\.maxStep), cost: levers.map(\.costPerStep),
      feasible: { meets(steps: $0, year: year) })
    else { return nil }
    let years = max(1, year - settings.startYear)
    let constant = Plan(
      levers: levers.map(\.lever), firstYear: settings.startYear + 1,
      amounts: zip(levers, a.point).map { l, v in Array(repeating: l.value(ofStep: v), count: years) }, constant: true,
      totalCost: a.cost * Double(years), year: year, shareMeeting: 0, checks: a.checks, exact: true)
    guard variesByYear else {
      var p = constant
      p.shareMeeting = shareMeeting(steps: a.point, year: year)
      return p
    }
    return solvePerYear(by: year, constantOptimum: (constant, a.point))
  }

  /// The first year the plan's settings meet the target in at least
  /// `confidence` of the replications, within `horizonYears`.
  public func yearReached(_ plan: Plan, horizonYears: Int) -> Int? {
    var s = settings(for: plan)
    s.years = horizonYears
    return RecruitmentSolver(projection: projection, settings: s, target: target, confidence: confidence).yearMet().year
  }

  /// Cost against the year reached: the least-cost plan for every year in `years`.
  public func frontier(_ years: ClosedRange<Int>) -> [(year: Int, plan: Plan?)] {
    years.map { ($0, solve(by: $0)) }
  }
}

/// Outcomes of one feasibility check, written from concurrent workers: it
/// is decided once `need` replications met the target or more than
/// `allowedFailures` missed it.
final class CheckTally: Sendable {
  private let counts = Mutex<(met: Int, missed: Int)>((0, 0))
  let need: Int, allowedFailures: Int
  init(need: Int, allowedFailures: Int) {
    self.need = need
    self.allowedFailures = allowedFailures
  }
  func record(_ ok: Bool) { counts.withLock { if ok { $0.met += 1 } else { $0.missed += 1 } } }
  var decided: Bool { counts.withLock { $0.met >= need || $0.missed > allowedFailures } }
  var feasible: Bool { counts.withLock { $0.missed <= allowedFailures } }
}

/// How often each replication has missed the target in a planner's checks.
final class ReplicationHistory: Sendable {
  private let failures = Mutex<[Int: Int]>([:])
  func failed(_ r: Int) { failures.withLock { $0[r, default: 0] += 1 } }
  /// Replications 0..<count, most failures first (ties by index).
  func order(_ count: Int) -> [Int] {
    failures.withLock { f in (0..<count).sorted { (f[$0] ?? 0, -$0) > (f[$1] ?? 0, -$1) } }
  }
}
