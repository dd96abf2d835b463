import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Plans per lever per year (issue 19): the search against brute force,
/// lead times, supervision, and the per-year projection itself.
@Suite struct JointRecruitmentPerYearTests {
  /// 11,000 listed of weight 1, 5 full-time specialists (ratio 2.0), frozen
  /// workforce, full-time hires, 10 trainees per supervisor allowed.
  func planner(_ levers: [LeverChoice], delay: Int = 0, mode: ProjectionSettings.Mode = .expected, attrition: Double = 0) -> JointRecruitmentPlanner {
    var w = WorkforceParameters.frozen
    w.maxTraineesPerSpecialistFTE = 10
    if attrition > 0 { w.attritionPerYear = [.gpSpecialist: attrition, .gpTrainee: attrition] }
    let s = ProjectionSettings(startYear: 2026, years: 10, mode: mode, workforce: w, plan: RecruitmentPlan(startDelayYears: delay, hireFTE: 1))
    return JointRecruitmentPlanner(
      projection: WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)]), settings: s,
      target: .guidelineRatio(atMost: 1), confidence: 0.5, levers: levers, variesByYear: true)
  }

  /// Brute force over the per-year lattice the planner searches.
  func bruteForce(_ p: JointRecruitmentPlanner, by year: Int) -> LeastCostLattice.Answer? {
    let vars = p.yearVariables(by: year)
    let years = year - p.settings.startYear
    return LeastCostLattice.bruteForce(
      upper: vars.map { p.levers[$0.lever].maxStep }, cost: vars.map { p.levers[$0.lever].costPerStep },
      feasible: { x in p.shareMeeting(p.settings(byYear: p.amounts(vars, x, years: years)), year: year) >= p.confidence - 1e-12 })
  }

  @Test func hiresPerYearMatchHandWorkedTotal() {
    // By 2029 the 5,500 missing need 5 full-time hires in all (1,100 each),
    // in any years: cost 5. A constant plan needs 2 a year (3 × 1,100 n ≥
    // 5,500), 6 over the three years.
    let hires = [LeverChoice(lever: .hires, costPerUnit: 1, maximum: 4)]
    let perYear = planner(hires).solve(by: 2029)!
    #expect(perYear.totalCost == 5)
    #expect(perYear.amounts[0].reduce(0, +) == 5)
    #expect(perYear.exact)
    var constant = planner(hires)
    constant.variesByYear = false
    let c = constant.solve(by: 2029)!
    #expect(c.amounts[0] == [2, 2, 2] && c.totalCost == 6)
  }

  @Test func perYearOptimumEqualsBruteForce() {
    let levers = [
      LeverChoice(lever: .hires, costPerUnit: 1, maximum: 3), LeverChoice(lever: .trainees, costPerUnit: 0.3, maximum: 3),
    ]
    for (year, delay) in [(2029, 0), (2029, 1), (2030, 2), (2028, 0)] {
      let p = planner(levers, delay: delay)
      let fast = p.solve(by: year)
      let slow = bruteForce(p, by: year)
      #expect((fast == nil) == (slow == nil), "\(year) delay \(delay)")
      if let fast, let slow {
        #expect(fast.exact)
        #expect(abs(fast.totalCost - slow.cost) < 1e-9, "\(year) delay \(delay): \(fast.amounts) against \(slow.point)")
      }
    }
  }

  @Test func descentIsFeasibleOneOptAndNoCostlierThanConstant() {
    // Forced onto the descent (no exact search): what it guarantees, checked.
    let levers = [
      LeverChoice(lever: .hires, costPerUnit: 1, maximum: 3), LeverChoice(lever: .trainees, costPerUnit: 0.3, maximum: 3),
      LeverChoice(lever: .fte, costPerUnit: 20, maximum: 0.03),
    ]
    for (year, attrition) in [(2029, 0.0), (2030, 0.1), (2031, 0.05)] {
      var p = planner(levers, attrition: attrition)
      p.exactPointLimit = 0
      guard let plan = p.solve(by: year) else { Issue.record("no plan by \(year)"); continue }
      #expect(!plan.exact)
      var constant = p
      constant.variesByYear = false
      let c = constant.solve(by: year)!
      #expect(plan.totalCost <= c.totalCost + 1e-9)
      #expect(p.meets(p.settings(for: plan), year: year))
      let vars = p.yearVariables(by: year)
      for v in vars where plan.amounts[v.lever][v.year - 1] > 0 {
        var lower = plan.amounts
        lower[v.lever][v.year - 1] -= levers[v.lever].step
        #expect(!p.meets(p.settings(byYear: lower), year: year), "\(year): \(v) can be lowered in \(plan.amounts)")
      }
    }
    // Never below the true least cost, and here (two levers) equal to it.
    var two = planner(Array(levers.prefix(2)))
    two.exactPointLimit = 0
    let descent = two.solve(by: 2029)!
    let best = bruteForce(two, by: 2029)!
    #expect(descent.totalCost >= best.cost - 1e-9)
  }

  @Test func noHiresPlannedPastTheLeadTime() {
    // Hires start 2 years after their year: by 2030 only 2027 and 2028 can help.
    let p = planner([LeverChoice(lever: .hires, costPerUnit: 1, maximum: 5)], delay: 2)
    #expect(p.yearVariables(by: 2030).map(\.year) == [1, 2])
    let plan = p.solve(by: 2030)!
    #expect(plan.amounts[0][2] == 0 && plan.amounts[0][3] == 0)
    #expect(plan.totalCost == 5)  // 5 × 1,100 in all
    // The arrivals, year by year: a hire decided in 2027 starts in 2029.
    var s = p.settings
    s.plan.hiresByYear = [3, 0, 4]
    s.years = 5
    let r = p.projection.run(s)
    #expect(r.total.band(.specialistHires, yearIndex: 3).mean == 3)
    #expect(r.total.band(.specialistHires, yearIndex: 5).mean == 4)
    #expect(r.total.band(.specialistHires, yearIndex: 4).mean == 0)
  }

  @Test func perYearTraineesRespectSupervisorRoom() {
    // One trainee per specialist FTE: 5 specialists supervise at most 5
    // trainees, whichever years the intake is planned in.
    var p = planner([LeverChoice(lever: .trainees, costPerUnit: 1, maximum: 20)])
    p.settings.workforce.maxTraineesPerSpecialistFTE = 1
    var s = p.settings
    s.plan.traineesByYear = [20, 20, 20]
    s.years = 3
    let r = p.projection.run(s)
    #expect(r.total.band(.traineeHeadcount, yearIndex: 3).mean == 5)
    #expect(r.total.band(.traineeIntake, yearIndex: 1).mean == 5)
    #expect(!r.warnings.isEmpty)
    #expect(p.solve(by: 2030) == nil)  // 5 trainees add at most 5 × 550 < 5,500
  }

  @Test func constantListsProjectAsTheConstantPlan() {
    // The per-year lists [v, v, …] (task sharing [0, v, …]) give the
    // constant plan's projection, random draws included.
    let levers: [(PlanLever, Double)] = [(.hires, 2), (.trainees, 3), (.taskSharing, 0.02), (.fte, 0.02)]
    let p = planner([], mode: .stochastic(replications: 4, seed: 9), attrition: 0.1)
    var constant = p.settings, lists = p.settings
    constant.years = 6
    lists.years = 6
    for (l, v) in levers {
      constant = l.apply(v, to: constant)
      lists = l.apply(byYear: l.constantByYear(v, years: 6), to: lists)
    }
    let a = p.projection.run(constant), b = p.projection.run(lists)
    for y in 0...6 {
      for m in [StaffingMetric.guidelineRatio, .specialistFTE, .traineeFTE] {
        #expect(abs(a.total.band(m, yearIndex: y).mean - b.total.band(m, yearIndex: y).mean) < 1e-9, "\(m) in year \(y)")
      }
    }
  }

  @Test func jointPerYearNeverCostsMoreThanAnySingleLever() {
    let levers = [
      LeverChoice(lever: .hires, costPerUnit: 1, maximum: 2), LeverChoice(lever: .trainees, costPerUnit: 0.3, maximum: 2),
      LeverChoice(lever: .taskSharing, costPerUnit: 40, maximum: 0.02),
    ]
    // The exact search: no single lever, constant or per year, is cheaper.
    // The descent (forced here): no constant single lever is cheaper (it
    // starts from the exact constant optimum, which is at most any of them).
    for year in [2028, 2029] {
      for exact in [true, false] {
        var joint = planner(levers)
        if !exact { joint.exactPointLimit = 0 }
        let plan = joint.solve(by: year)
        if exact { #expect(plan?.exact == true) }
        for i in levers.indices {
          for varies in exact ? [false, true] : [false] {
            var single = planner([levers[i]])
            single.variesByYear = varies
            if let s = single.solve(by: year) {
              #expect(plan != nil && plan!.totalCost <= s.totalCost + 1e-9, "\(year): \(levers[i].lever) varies \(varies), exact \(exact)")
            }
          }
        }
      }
    }
  }

  @Test func stochasticPerYearPlanMeetsTheConfidenceOverSeeds() {
    for seed in [11, 12, 13, 14] as [UInt64] {
      var p = planner(
        [LeverChoice(lever: .hires, costPerUnit: 1, maximum: 4), LeverChoice(lever: .trainees, costPerUnit: 0.4, maximum: 4)],
        mode: .stochastic(replications: 10, seed: seed), attrition: 0.1)
      p.confidence = 0.8
      guard let plan = p.solve(by: 2029) else { Issue.record("no plan for seed \(seed)"); continue }
      var s = p.settings(for: plan)
      s.years = 3
      let r = p.projection.run(s)
      let met = r.totalPerReplication.filter { p.target.isMet(by: $0[3]) }.count
      #expect(Double(met) / 10 >= 0.8, "seed \(seed): \(plan.amounts)")
      #expect(plan.shareMeeting == Double(met) / 10)
    }
  }
}

@Suite struct FinalTotalTests {
  @Test func finalYearAloneEqualsTheFullRun() {
    // Checks measure only the target year (and, for guideline targets,
    // capacity only): the same numbers as the full projection's last year.
    var s = ProjectionSettings(startYear: 2026, years: 5, mode: .stochastic(replications: 3, seed: 4))
    s.plan = RecruitmentPlan(specialistHiring: .perYear(3), startDelayYears: 1, traineeIntakePerYear: 2)
    s.workforce.moveShare = 0.05
    let p = WorkforceProjection(regions: [ExampleRegion.make()])
    let full = p.run(s)
    for r in 0..<3 {
      let last = full.totalPerReplication[r][5]
      for capacityOnly in [false, true] {
        let f = p.finalTotal(r, s, parallelCentres: r == 1, capacityOnly: capacityOnly)
        #expect(f.guidelineCapacity == last.guidelineCapacity && f.weightedDemand == last.weightedDemand && f.listed == last.listed)
        if !capacityOnly { #expect(f.assigned == last.assigned && f.population == last.population) }
      }
    }
  }
}

@Suite struct LatticeDescentTests {
  @Test func descentIsFeasibleOneOptAndNeverAboveItsStart() {
    var state: UInt64 = 41
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for _ in 0..<300 {
      let k = 1 + next(5)
      let upper = (0..<k).map { _ in next(6) }
      let cost = (0..<k).map { _ in Double(next(8)) / 2 }
      let generators = (0..<(1 + next(4))).map { _ in upper.map { next($0 + 1) } }
      let feasible: ([Int]) -> Bool = { x in generators.contains { g in zip(x, g).allSatisfy { $0 >= $1 } } }
      let d = LeastCostLattice.descend(from: upper, upper: upper, cost: cost, feasible: feasible)
      let best = LeastCostLattice.bruteForce(upper: upper, cost: cost, feasible: feasible)!
      #expect(d.complete)
      #expect(feasible(d.answer.point))
      #expect(d.answer.cost >= best.cost - 1e-9)
      #expect(d.answer.cost <= zip(upper, cost).reduce(0.0) { $0 + Double($1.0) * $1.1 } + 1e-9)
      for i in 0..<k where d.answer.point[i] > 0 && cost[i] > 0 {
        var y = d.answer.point
        y[i] -= 1
        #expect(!feasible(y), "\(d.answer.point) lowers at \(i)")
      }
    }
  }

  @Test func exchangeTradesACostlyStepForCheaperOnes() {
    // x + y ≥ 4 from (4, 0) with costs 3 and 1: lowering alone is stuck at
    // (4, 0); exchanges move everything to the cheaper coordinate.
    let d = LeastCostLattice.descend(from: [4, 0], upper: [4, 4], cost: [3, 1], feasible: { $0[0] + $0[1] >= 4 })
    #expect(d.answer.point == [0, 4])
    #expect(d.answer.cost == 4)
  }
}
