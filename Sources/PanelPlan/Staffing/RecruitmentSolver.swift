/// What a region wants to reach.
public enum StaffingTarget: Sendable, Hashable {
  /// Weighted listed per guideline capacity at most this (1.0 = the guideline).
  case guidelineRatio(atMost: Double)
  /// Shares with a fixed doctor at least these, overall and for nursing-home
  /// residents (the 2021 agreement: 0.55 and 0.80).
  case fixedDoctorShare(overall: Double, nursingHome: Double)

  /// The agreement's targets: 55% overall, 80% of nursing-home residents.
  public static let agreement2021 = StaffingTarget.fixedDoctorShare(
    overall: FixedDoctorTargets.population, nursingHome: FixedDoctorTargets.nursingHome)

  /// Whether totals meet the target. An empty nursing-home group meets its part.
  public func isMet(by t: StaffingTotals) -> Bool {
    switch self {
    case .guidelineRatio(let limit):
      return t.value(.guidelineRatio) <= limit
    case .fixedDoctorShare(let overall, let nursing):
      let n = t.population[PriorityGroup.nursingHome.rank]
      return t.value(.fixedDoctorShare) >= overall && (n == 0 || t.value(.nursingHomeShare) >= nursing)
    }
  }

  /// The metric the target is about (for reports).
  public var metric: StaffingMetric {
    switch self {
    case .guidelineRatio: return .guidelineRatio
    case .fixedDoctorShare: return .fixedDoctorShare
    }
  }

  /// A label such as "guideline ratio ≤ 1.00".
  public var label: String {
    switch self {
    case .guidelineRatio(let x): return "guideline ratio <= \(NumberFormat.fixed(x, decimals: 2))"
    case .fixedDoctorShare(let o, let n):
      return "fixed-doctor share >= \(NumberFormat.percent(o, decimals: 0)) overall and >= \(NumberFormat.percent(n, decimals: 0)) of nursing-home residents"
    }
  }
}

/// A yearly number the solver may change.
public enum RecruitmentLever: String, Sendable, Hashable, CaseIterable, Codable, JSONEnumeration {
  /// GP specialists hired per year.
  case specialistHires = "hires"
  /// GP trainees taken in per year.
  case traineeIntake = "trainees"
  /// FTE added per year to each part-time specialist, in steps of 0.01.
  case fteIncrease = "fte"

  /// The plan with this lever set to step `v` (hires and trainees: v; FTE: v × 0.01).
  public func apply(_ v: Int, to plan: RecruitmentPlan) -> RecruitmentPlan {
    var p = plan
    switch self {
    case .specialistHires: p.specialistHiring = .perYear(v)
    case .traineeIntake: p.traineeIntakePerYear = v
    case .fteIncrease: p.fteIncreasePerYear = Double(v) * RecruitmentLever.fteStep
    }
    return p
  }

  /// The value of step `v` in the lever's unit.
  public func value(ofStep v: Int) -> Double { self == .fteIncrease ? Double(v) * RecruitmentLever.fteStep : Double(v) }

  /// FTE per step of the FTE lever.
  public static let fteStep = 0.01

  /// Unit for reports.
  public var unit: String {
    switch self {
    case .specialistHires: return "specialists hired per year"
    case .traineeIntake: return "trainees taken in per year"
    case .fteIncrease: return "FTE added per specialist per year"
    }
  }
}

/// Finds the smallest yearly number of a lever that reaches a target by a
/// year, and the year a given plan reaches it.
///
/// The outcome is monotone in each lever (one more hire a year never
/// lowers capacity, and with per-doctor random streams it changes nobody
/// else's fate), so a doubling search for an upper bound followed by
/// binary search finds the smallest value in O(log v) projections. In
/// stochastic mode this is done for every replication separately; the
/// answer is the smallest value that meets the target in at least
/// `confidence` of the replications, and the per-replication answers give
/// its uncertainty.
public struct RecruitmentSolver: Sendable {
  public var projection: WorkforceProjection
  /// The base settings; the lever being solved for overrides its part of the plan.
  public var settings: ProjectionSettings
  public var target: StaffingTarget
  /// Share of replications that must meet the target (stochastic mode).
  /// Default 0.5 (the median replication); 0.9 for a safer plan.
  public var confidence: Double

  public init(projection: WorkforceProjection, settings: ProjectionSettings, target: StaffingTarget, confidence: Double = 0.5) {
    self.projection = projection
    self.settings = settings
    self.target = target
    self.confidence = confidence
  }

  /// The solver's answer for one lever.
  public struct Solution: Sendable {
    public var lever: RecruitmentLever
    public var year: Int
    /// The smallest step that meets the target (nil: not within `maxStep`).
    public var step: Int?
    /// The smallest step per replication (nil: not reachable in that replication).
    public var stepPerReplication: [Int?]
    /// Share of replications meeting the target at `step` and at `step − 1`.
    public var shareMeeting: Double
    public var shareMeetingOneLess: Double
    /// The target's metric in the target year at `step` and at `step − 1`.
    public var metricAtStep: Band?
    public var metricAtOneLess: Band?

    /// The answer in the lever's unit.
    public var value: Double? { step.map { lever.value(ofStep: $0) } }
    /// Mean and 5–95% band of the per-replication answers (unreachable
    /// replications left out), in the lever's unit.
    public var valueBand: Band {
      Band(values: stepPerReplication.compactMap { $0 }.map { lever.value(ofStep: $0) })
    }
    /// Replications where the target cannot be reached within the search limit.
    public var unreachableReplications: Int { stepPerReplication.filter { $0 == nil }.count }
  }

  /// Whether replication `r` meets the target in `year` with the lever at step `v`.
  func meets(_ r: Int, lever: RecruitmentLever, step v: Int, yearIndex y: Int, parallel: Bool) -> Bool {
    var s = settings
    s.years = y
    s.plan = lever.apply(v, to: settings.plan)
    let total = projection.finalTotal(r, s, parallelCentres: parallel, capacityOnly: target.metric == .guidelineRatio)
    return target.isMet(by: total)
  }

  /// The smallest step of `lever` that meets the target in `year`.
  ///
  /// - Parameter maxStep: the search gives up above this (default 100,000
  ///   hires or trainees a year; for FTE, 100 steps = +1.0 FTE a year).
  /// - Parameter progress: counts replications whose search has finished
  ///   (a progress line); it never changes the answer.
  public func solve(lever: RecruitmentLever, by year: Int, maxStep: Int? = nil, progress: ProgressCounter? = nil) -> Solution {
    let y = max(0, year - settings.startYear)
    let limit = maxStep ?? (lever == .fteIncrease ? 100 : 100_000)
    let reps = settings.replications
    // Replications in parallel; a single one runs its centres in parallel instead.
    let steps: [Int?] = Parallel.map(count: reps) { r in
      defer { progress?.advance() }
      let parallel = reps == 1
      if meets(r, lever: lever, step: 0, yearIndex: y, parallel: parallel) { return 0 }
      var lo = 0  // fails
      var hi = 1
      while !meets(r, lever: lever, step: hi, yearIndex: y, parallel: parallel) {
        lo = hi
        if hi >= limit { return nil }
        hi = min(limit, hi * 2)
      }
      while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2
        if meets(r, lever: lever, step: mid, yearIndex: y, parallel: parallel) { hi = mid } else { lo = mid }
      }
      return hi
    }
    // The smallest step met by at least `confidence` of the replications.
    let need = max(1, Int((confidence * Double(reps)).rounded(.up)))
    let reached = steps.compactMap { $0 }.sorted()
    let step: Int? = reached.count >= need ? reached[need - 1] : nil
    var solution = Solution(
      lever: lever, year: year, step: step, stepPerReplication: steps, shareMeeting: 0, shareMeetingOneLess: 0)
    if let step {
      let at = check(lever: lever, step: step, yearIndex: y)
      solution.shareMeeting = at.share
      solution.metricAtStep = at.band
      if step > 0 {
        let less = check(lever: lever, step: step - 1, yearIndex: y)
        solution.shareMeetingOneLess = less.share
        solution.metricAtOneLess = less.band
      }
    }
    return solution
  }

  /// Runs the full projection at a step: share of replications meeting the
  /// target and the metric's band in the target year.
  func check(lever: RecruitmentLever, step: Int, yearIndex y: Int) -> (share: Double, band: Band) {
    var s = settings
    s.years = y
    s.keepCentreDetail = false
    s.plan = lever.apply(step, to: settings.plan)
    let result = projection.run(s)
    let met = result.totalPerReplication.filter { target.isMet(by: $0[y]) }.count
    return (Double(met) / Double(result.replications), result.total.band(target.metric, yearIndex: y))
  }

  /// When a plan reaches the target.
  public struct YearMet: Sendable {
    /// First calendar year each replication meets the target (nil: never
    /// within the horizon).
    public var firstYearPerReplication: [Int?]
    /// The first year at least `confidence` of the replications have met it
    /// (nil: never within the horizon).
    public var year: Int?
    /// Share of replications that meet it in each year of the horizon.
    public var shareMeetingByYear: [(year: Int, share: Double)]
    /// The target's metric in each year of the horizon (mean and 5–95% band).
    public var metricByYear: [Band] = []
  }

  /// The reverse question: with the settings' own plan, the year the
  /// target is first met, if ever within the horizon.
  public func yearMet() -> YearMet {
    var s = settings
    s.keepCentreDetail = false
    let result = projection.run(s)
    let first: [Int?] = result.totalPerReplication.map { totals in
      totals.firstIndex(where: { target.isMet(by: $0) }).map { result.years[$0] }
    }
    let shares = result.years.map { year in
      (year, Double(first.filter { $0 != nil && $0! <= year }.count) / Double(first.count))
    }
    let year = shares.first(where: { $0.1 >= confidence - 1e-12 })?.0
    return YearMet(
      firstYearPerReplication: first, year: year, shareMeetingByYear: shares,
      metricByYear: result.years.indices.map { result.total.band(target.metric, yearIndex: $0) })
  }
}
