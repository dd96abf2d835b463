extension JointRecruitmentPlanner {
  /// One coordinate of a per-year plan: lever `lever` (index into
  /// `levers`) in projected year `year` (1 = the first projected year).
  public struct YearVariable: Sendable, Hashable {
    public var lever: Int
    public var year: Int
  }

  /// The coordinates of a per-year plan reaching the target in `year`:
  /// every lever in every projected year up to it, except hires decided too
  /// late to start by then (the lead time `startDelayYears`): they cannot
  /// help, so they are 0 and not searched.
  public func yearVariables(by year: Int) -> [YearVariable] {
    let years = max(0, year - settings.startYear)
    var out: [YearVariable] = []
    for (l, c) in levers.enumerated() {
      let last = c.lever == .hires ? years - settings.plan.startDelayYears : years
      for t in stride(from: 1, through: last, by: 1) { out.append(YearVariable(lever: l, year: t)) }
    }
    return out
  }

  /// Per lever, the amounts per projected year 1…`years` for steps `x` of `variables`.
  func amounts(_ variables: [YearVariable], _ x: [Int], years: Int) -> [[Double]] {
    var a = levers.map { _ in [Double](repeating: 0, count: max(1, years)) }
    for (v, s) in zip(variables, x) { a[v.lever][v.year - 1] = levers[v.lever].value(ofStep: s) }
    return a
  }

  /// Settings with per-year amounts for every lever.
  func settings(byYear amounts: [[Double]]) -> ProjectionSettings {
    var s = settings
    for (c, a) in zip(levers, amounts) { s = c.lever.apply(byYear: a, to: s) }
    return s
  }

  /// The per-year plan: exact lattice search when the lattice is small
  /// enough, else descent from the constant optimum (see the type's doc).
  func solvePerYear(by year: Int, constantOptimum: (plan: Plan, steps: [Int])) -> Plan {
    let years = max(1, year - settings.startYear)
    let variables = yearVariables(by: year)
    let upper = variables.map { levers[$0.lever].maxStep }
    let cost = variables.map { levers[$0.lever].costPerStep }
    let feasible: ([Int]) -> Bool = { x in meets(settings(byYear: amounts(variables, x, years: years)), year: year) }
    let points = upper.reduce(1.0) { $0 * Double($1 + 1) }
    func plan(_ x: [Int], cost total: Double, checks: Int, exact: Bool) -> Plan {
      let a = amounts(variables, x, years: years)
      return Plan(
        levers: levers.map(\.lever), firstYear: settings.startYear + 1, amounts: a, constant: false, totalCost: total,
        year: year, shareMeeting: shareMeeting(settings(byYear: a), year: year), checks: checks, exact: exact)
    }
    if variables.isEmpty { return constantOptimum.plan }
    if points <= exactPointLimit, let a = LeastCostLattice.solve(upper: upper, cost: cost, feasible: feasible) {
      return plan(a.point, cost: a.cost, checks: a.checks + constantOptimum.plan.checks, exact: true)
    }
    // The constant optimum as a per-year point (hires past the lead time dropped: they start after the target year).
    let start = variables.map { v -> Int in
      levers[v.lever].lever == .taskSharing && v.year == 1 ? 0 : constantOptimum.steps[v.lever]
    }
    guard feasible(start) else {
      // Only if rounding of the ramp (Σ of steps against step × years)
      // flips the target: the constant plan stands.
      var p = constantOptimum.plan
      p.shareMeeting = shareMeeting(settings(steps: constantOptimum.steps), year: year)
      return p
    }
    let d = LeastCostLattice.descend(from: start, upper: upper, cost: cost, feasible: feasible)
    return plan(d.answer.point, cost: d.answer.cost, checks: d.answer.checks + constantOptimum.plan.checks, exact: false)
  }
}
