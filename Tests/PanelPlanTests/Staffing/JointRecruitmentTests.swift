import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// A small deterministic generator for random test cases (SplitMix64).
private struct SplitMix {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The lattice search against checking every point, and the joint planner's
/// properties on projections.
@Suite struct LeastCostLatticeTests {
  @Test func equalsBruteForceOnRandomUpwardClosedSets() {
    // An upward-closed set is a union of upper orthants {x ≥ g}; random
    // generators g in random boxes of 1–4 dimensions, random costs.
    var rng = SplitMix(state: 19)
    for _ in 0..<300 {
      let k = 1 + rng.int(4)
      let upper = (0..<k).map { _ in rng.int(7) }
      let cost = (0..<k).map { _ in Double(rng.int(10)) / 2 }
      let generators = (0..<(1 + rng.int(4))).map { _ in upper.map { rng.int($0 + 2) } }  // may lie outside the box
      let feasible: ([Int]) -> Bool = { x in generators.contains { g in zip(x, g).allSatisfy { $0 >= $1 } } }
      let fast = LeastCostLattice.solve(upper: upper, cost: cost, feasible: feasible)
      let slow = LeastCostLattice.bruteForce(upper: upper, cost: cost, feasible: feasible)
      #expect((fast == nil) == (slow == nil), "upper \(upper) generators \(generators)")
      if let fast, let slow {
        #expect(abs(fast.cost - slow.cost) < 1e-9, "upper \(upper) cost \(cost) generators \(generators)")
        #expect(feasible(fast.point))
        #expect(zip(fast.point, upper).allSatisfy { $0 <= $1 })
        let recomputed = zip(fast.point, cost).reduce(0.0) { $0 + Double($1.0) * $1.1 }
        #expect(abs(recomputed - fast.cost) < 1e-9)
      }
    }
  }

  @Test func equalsBruteForceOnLinearThresholds() {
    // feasible ⇔ Σ wᵢ √xᵢ ≥ T (increasing, concave: diminishing returns).
    var rng = SplitMix(state: 7)
    for _ in 0..<200 {
      let k = 2 + rng.int(3)
      let upper = (0..<k).map { _ in 1 + rng.int(8) }
      let cost = (0..<k).map { _ in Double(1 + rng.int(9)) }
      let w = (0..<k).map { _ in Double(rng.int(5)) }
      let t = Double(rng.int(12))
      let feasible: ([Int]) -> Bool = { x in zip(x, w).reduce(0.0) { $0 + Double($1.0).squareRoot() * $1.1 } >= t }
      let fast = LeastCostLattice.solve(upper: upper, cost: cost, feasible: feasible)
      let slow = LeastCostLattice.bruteForce(upper: upper, cost: cost, feasible: feasible)
      #expect((fast == nil) == (slow == nil))
      if let fast, let slow { #expect(abs(fast.cost - slow.cost) < 1e-9) }
    }
  }

  @Test func checksFarFewerPointsThanTheBox() {
    // One 200 × 200 staircase: x + y ≥ 150. The walk checks O(u log u) points, not 40,401.
    let a = LeastCostLattice.solve(upper: [200, 200], cost: [1, 2], feasible: { $0[0] + $0[1] >= 150 })!
    #expect(a.point == [150, 0])
    #expect(a.cost == 150)
    #expect(a.checks < 2_000)
  }
}

@Suite struct JointRecruitmentTests {
  /// 11,000 listed of weight 1, 5 full-time specialists (ratio 2.0), frozen
  /// workforce, full-time hires, 10 trainees per supervisor allowed.
  func planner(levers: [LeverChoice], mode: ProjectionSettings.Mode = .expected, attrition: Double = 0) -> JointRecruitmentPlanner {
    var w = WorkforceParameters.frozen
    w.maxTraineesPerSpecialistFTE = 10
    if attrition > 0 { w.attritionPerYear = [.gpSpecialist: attrition] }
    let s = ProjectionSettings(startYear: 2026, years: 10, mode: mode, workforce: w, plan: RecruitmentPlan(hireFTE: 1))
    return JointRecruitmentPlanner(
      projection: WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)]), settings: s,
      target: .guidelineRatio(atMost: 1), confidence: 0.5, levers: levers)
  }

  let levers = [
    LeverChoice(lever: .hires, costPerUnit: 1.0, maximum: 4),
    LeverChoice(lever: .trainees, costPerUnit: 0.3, maximum: 4),
    LeverChoice(lever: .taskSharing, costPerUnit: 40, maximum: 0.06),
  ]

  @Test func jointOptimumEqualsBruteForceOnASmallRegion() {
    for year in [2029, 2031, 2033] {
      let p = planner(levers: levers)
      let feasible: ([Int]) -> Bool = { p.shareMeeting(steps: $0, year: year) >= 0.5 }
      let slow = LeastCostLattice.bruteForce(upper: levers.map(\.maxStep), cost: levers.map(\.costPerStep), feasible: feasible)
      let fast = p.solve(by: year)
      #expect((fast == nil) == (slow == nil), "\(year)")
      if let fast, let slow { #expect(abs(fast.costPerYear - slow.cost) < 1e-9, "\(year): \(fast.values) vs \(slow.point)") }
    }
  }

  @Test func fixedDoctorTargetEqualsBruteForce() {
    // The 2021 agreement's 55% with a fixed doctor, by 2030.
    var p = planner(levers: levers)
    p.target = .agreement2021
    let feasible: ([Int]) -> Bool = { p.shareMeeting(steps: $0, year: 2030) >= 0.5 }
    let slow = LeastCostLattice.bruteForce(upper: levers.map(\.maxStep), cost: levers.map(\.costPerStep), feasible: feasible)
    let fast = p.solve(by: 2030)
    #expect((fast == nil) == (slow == nil))
    if let fast, let slow { #expect(abs(fast.costPerYear - slow.cost) < 1e-9) }
  }

  @Test func coarseStepSearchesOnItsGrid() {
    // Hires in steps of 3 by 2029: need n ≥ 1.67 (hand-worked above), so 3 on the grid.
    let p = planner(levers: [LeverChoice(lever: .hires, costPerUnit: 1, maximum: 12, step: 3)])
    #expect(p.solve(by: 2029)?.values[0].value == 3)
  }

  @Test func hiresAloneMatchHandWorkedThreshold() {
    // Frozen, full-time hires from 2027: by 2029 (t = 3) 5,500 + 3,300 n ≥ 11,000 ⇔ n ≥ 1.67: 2 a year.
    let p = planner(levers: [LeverChoice(lever: .hires, costPerUnit: 1, maximum: 10)])
    let plan = p.solve(by: 2029)!
    #expect(plan.values[0].value == 2)
    #expect(plan.costPerYear == 2)
  }

  @Test func jointPlanNeverCostsMoreThanTheBestSingleLever() {
    for year in [2029, 2032] {
      let joint = planner(levers: levers).solve(by: year)
      var best = Double.infinity
      for i in levers.indices {
        let single = levers.enumerated().map { j, l in j == i ? l : LeverChoice(lever: l.lever, costPerUnit: l.costPerUnit, maximum: 0) }
        if let s = planner(levers: single).solve(by: year) { best = min(best, s.costPerYear) }
      }
      if best.isFinite { #expect(joint != nil && joint!.costPerYear <= best + 1e-9, "\(year)") }
    }
  }

  @Test func stochasticPlanMeetsTheTargetAtTheStatedConfidence() {
    // Property over seeds: the plan, run again through the projection,
    // meets the target in the year in at least the asked share of replications.
    for seed in [1, 2, 3] as [UInt64] {
      var p = planner(levers: [levers[0], levers[1]], mode: .stochastic(replications: 10, seed: seed), attrition: 0.1)
      p.confidence = 0.8
      guard let plan = p.solve(by: 2031) else { Issue.record("no plan for seed \(seed)"); continue }
      var s = p.settings
      for (l, v) in plan.values { s = l.apply(v, to: s) }
      s.years = 5
      let r = p.projection.run(s)
      let met = r.totalPerReplication.filter { p.target.isMet(by: $0[5]) }.count
      #expect(Double(met) / 10 >= 0.8, "seed \(seed): \(plan.values)")
      #expect(plan.shareMeeting >= 0.8)
    }
  }

  @Test func earlyStoppingCheckAgreesWithTheFullShare() {
    // `meets` stops once too many replications fail; it must say the same
    // as counting all of them.
    var p = planner(levers: [levers[0], levers[1]], mode: .stochastic(replications: 10, seed: 5), attrition: 0.1)
    for confidence in [0.5, 0.8, 1.0] {
      p.confidence = confidence
      for steps in [[0, 0], [2, 0], [3, 1], [4, 4], [1, 3]] {
        #expect(p.meets(steps: steps, year: 2030) == (p.shareMeeting(steps: steps, year: 2030) >= confidence - 1e-12), "\(steps) at \(confidence)")
      }
    }
  }

  @Test func hireDelayIsRespected() {
    // With hires starting 3 years after the decision, nothing hired counts by 2028:
    // the hires lever alone cannot reach the target by 2028 at any size.
    var p = planner(levers: [LeverChoice(lever: .hires, costPerUnit: 1, maximum: 50)])
    p.settings.plan.startDelayYears = 3
    #expect(p.solve(by: 2028) == nil)
    #expect(p.solve(by: 2031) != nil)
  }

  @Test func traineesNeedSupervisors() {
    // One trainee per specialist FTE: 5 specialists take at most 5 trainees
    // (cumulatively), so a large intake cannot do more than 5 would.
    var p = planner(levers: [LeverChoice(lever: .trainees, costPerUnit: 1, maximum: 50)])
    p.settings.workforce.maxTraineesPerSpecialistFTE = 1
    let capped = p.shareMeeting(steps: [50], year: 2030)
    let five = p.shareMeeting(steps: [5], year: 2030)
    #expect(capped == five)
    #expect(p.solve(by: 2030) == nil)  // 5 trainees can add at most 5 × 550 < 5,500
  }
}

@Suite struct RegionCapacityTests {
  @Test func rowsSortedByGapAndTotalsAreSums() {
    // Centres of 11,000 listed with 5 and 8 specialists: gaps (11,000 − 5,500)/1,100 = 5
    // and (11,000 − 8,800)/1,100 = 2; a third with 12 has no gap.
    var region = handRegion(listed: 11_000, specialists: 8)
    for (i, n) in [5, 12].enumerated() {
      var c = handRegion(listed: 11_000, specialists: n).centres[0]
      c.id = "vc\(i)"
      region.centres.append(c)
    }
    let rc = RegionCapacity(regions: [region], name: "Hand")
    #expect(rc.rows.map(\.centre.centreId) == ["vc0", "vc", "vc1"])
    #expect(abs(rc.rows[0].centre.specialistFTEGap - 5) < 1e-9)
    #expect(abs(rc.rows[1].centre.specialistFTEGap - 2) < 1e-9)
    #expect(rc.rows[2].centre.specialistFTEGap == 0)
    #expect(abs(rc.total.specialistFTEGap - 7) < 1e-9)  // the surplus of the third does not offset
    #expect(rc.total.listed == 33_000)
    #expect(abs(rc.total.guidelineRatio - 33_000 / (25 * 1_100.0)) < 1e-9)
    #expect(rc.csv().split(separator: "\n").count == 5)
  }
}
