import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct WorkforceProjectionTests {
  let tol = 1e-9

  func ratio(_ r: ProjectionResult, _ year: Int) -> Double {
    r.total.band(.guidelineRatio, yearIndex: r.yearIndex(year)!).mean
  }

  @Test func fixedHiringReachesTheGuidelineInTheComputedYear() {
    // 11,000 listed of weight 1; 5 full-time specialists: capacity 5 × 1,100
    // = 5,500, ratio 2.0 in 2026. Nothing changes by itself (frozen), one
    // full-time hire a year from 2027: capacity 5,500 + 1,100 t. Ratio ≤ 1
    // needs 5,500 + 1,100 t ≥ 11,000, t ≥ 5: first met in 2031 (ratio
    // 11,000/11,000 = 1.0); 2030: 11,000/9,900 = 1.111.
    let projection = WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)])
    var s = ProjectionSettings(startYear: 2026, years: 8, workforce: .frozen)
    s.plan = RecruitmentPlan(specialistHiring: .perYear(1), hireFTE: 1)
    let r = projection.run(s)
    #expect(abs(ratio(r, 2026) - 2.0) < tol)
    #expect(abs(ratio(r, 2030) - 11_000.0 / 9_900) < tol)
    #expect(abs(ratio(r, 2031) - 1.0) < tol)
    let solver = RecruitmentSolver(projection: projection, settings: s, target: .guidelineRatio(atMost: 1))
    #expect(solver.yearMet().year == 2031)

    // The same with a two-year start delay: hires start from 2029, capacity
    // 5,500 + 1,100 (t − 2); t − 2 ≥ 5 first in t = 7: 2033.
    s.plan.startDelayYears = 2
    #expect(RecruitmentSolver(projection: projection, settings: s, target: .guidelineRatio(atMost: 1)).yearMet().year == 2033)
  }

  @Test func growingPopulationAndAttritionDelayTheGuideline() {
    // Growth 2% a year in every band: demand 11,000 × 1.02^t against
    // capacity 5,500 + 1,100 t: t = 6: 12,387.6 > 12,100; t = 7: 12,635.4 ≤
    // 13,200. First met in 2033.
    let projection = WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)])
    var w = WorkforceParameters.frozen
    w.populationGrowth = PopulationGrowth(yearlyFactor: Array(repeating: 1.02, count: AgeBand.allCases.count))
    var s = ProjectionSettings(startYear: 2026, years: 10, workforce: w, plan: RecruitmentPlan(specialistHiring: .perYear(1), hireFTE: 1))
    var r = projection.run(s)
    #expect(abs(r.total.band(.weightedDemand, yearIndex: 7).mean - 11_000 * 1.14868566764928) < 1e-6)
    #expect(RecruitmentSolver(projection: projection, settings: s, target: .guidelineRatio(atMost: 1)).yearMet().year == 2033)

    // No growth, 10% attrition of specialists, 2 hires a year (after the
    // year's attrition): S_t = 0.9 S_{t−1} + 2 from S_0 = 5: 6.5, 7.85,
    // 9.065, 10.1585 → capacity ≥ 11,000 first at t = 4 (2030).
    w = .frozen
    w.attritionPerYear = [.gpSpecialist: 0.1]
    s.workforce = w
    s.plan = RecruitmentPlan(specialistHiring: .perYear(2), hireFTE: 1)
    r = projection.run(s)
    #expect(abs(r.total.band(.specialistFTE, yearIndex: 3).mean - 9.065) < tol)
    #expect(abs(r.total.band(.specialistFTE, yearIndex: 4).mean - 10.1585) < tol)
    #expect(abs(r.total.band(.leavers, yearIndex: 1).mean - 0.5) < tol)
    #expect(RecruitmentSolver(projection: projection, settings: s, target: .guidelineRatio(atMost: 1)).yearMet().year == 2030)
  }

  @Test func traineePipelineReachesFiveTimesTheIntakeAndAddsSpecialistsAfterFiveYears() {
    // Intake N = 4 a year from 2027, training 5 years, everyone stays on
    // completion; 20 specialists, so supervisors (1 trainee per specialist
    // FTE) always have room. Intake of year t is in training in t … t+4
    // and becomes a specialist in t+5. Trainees: 4 t for t ≤ 5, then 5 × 4
    // = 20 for good. Specialists: 20 until 2031, then 20 + 4 (t − 5).
    let projection = WorkforceProjection(regions: [handRegion(listed: 5_000, specialists: 20)])
    let s = ProjectionSettings(startYear: 2026, years: 10, workforce: .frozen, plan: RecruitmentPlan(traineeIntakePerYear: 4))
    let r = projection.run(s)
    for t in 0...10 {
      let trainees = r.total.band(.traineeHeadcount, yearIndex: t).mean
      let specialists = r.total.band(.specialistHeadcount, yearIndex: t).mean
      #expect(abs(trainees - Double(4 * min(t, 5))) < tol, "year index \(t)")
      #expect(abs(specialists - Double(20 + 4 * max(0, t - 5))) < tol, "year index \(t)")
    }
    // Capacity in the steady state (t = 5 onwards, no supervision in the
    // frozen parameters), time-weighted: a trainee's year from d to d + 1
    // years done is past mid-training (2.5 years) for 0, 0, ½, 1, 1 of the
    // year at d = 0 … 4: 275 + 275 + 412.5 + 550 + 550 = 2,062.5 per
    // cohort member (half the trainee-years at 550), × 4 = 8,250, plus
    // specialists. (A year-end snapshot gave 1,925: 6.7% low.)
    #expect(abs(r.total.band(.guidelineCapacity, yearIndex: 5).mean - (1_100 * 20 + 8_250)) < tol)
    #expect(abs(r.total.band(.guidelineCapacity, yearIndex: 7).mean - (1_100 * 28 + 8_250)) < tol)
    #expect(abs(r.total.band(.traineesPastMid, yearIndex: 7).mean - 10) < tol)
    #expect(r.warnings.isEmpty)
  }

  @Test func stayProbabilityAndSupervisionCostCapacityNow() {
    // Stay 0.8: each cohort adds 3.2 specialists. Supervision 0.1 specialist
    // FTE per trainee: 20 trainees take 2.0 FTE from 10 specialists in 2031
    // (below the cap of 0.3 × 10): capacity 9 × 1,100... computed below.
    var w = WorkforceParameters.frozen
    w.completionStayProbability = 0.8
    w.supervisionFTEPerTrainee = 0.1
    // Two trainees per specialist FTE: room for all 20 on 10 specialists.
    w.maxTraineesPerSpecialistFTE = 2
    let projection = WorkforceProjection(regions: [handRegion(listed: 5_000, specialists: 10)])
    let r = projection.run(ProjectionSettings(startYear: 2026, years: 7, workforce: w, plan: RecruitmentPlan(traineeIntakePerYear: 4)))
    #expect(abs(r.total.band(.specialistHeadcount, yearIndex: 6).mean - 13.2) < tol)
    #expect(abs(r.total.band(.specialistHeadcount, yearIndex: 7).mean - 16.4) < tol)
    // Year index 5: 10 specialists (11,000), 20 trainees (4 × 2,062.5 =
    // 8,250, time-weighted), supervision 20 × 0.1 = 2 FTE = 2,200:
    // capacity 17,050.
    #expect(abs(r.total.band(.supervisionFTE, yearIndex: 5).mean - 2) < tol)
    #expect(abs(r.total.band(.guidelineCapacity, yearIndex: 5).mean - 17_050) < tol)
  }

  @Test func retirementFollowsTheAgeDistribution() {
    // Ten specialists born 1961 are 65 in 2026 … With the standard spread a
    // quarter retire at each of 65, 66, 67, 68 (ages in 2026+1 = 66 …):
    // year 2027 is age 66: hazard 1/3 of those at 66. Expected: 10 in 2026
    // (age 65 is the input year, no step), then 10 × 2/3, × 1/2, × 0.
    var clinicians = (0..<10).map { Clinician(id: "gp\($0)", role: .gpSpecialist, fte: 1, birthYear: 1961) }
    clinicians.append(Clinician(id: "young", role: .gpSpecialist, fte: 1, birthYear: 1990))
    let c = CareCentre(id: "vc", name: "VC", clinicians: clinicians, population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age30to44), count: 1000)]))
    var w = WorkforceParameters.frozen
    w.retirement = .standard
    let r = WorkforceProjection(regions: [Region(name: "R", centres: [c])]).run(ProjectionSettings(startYear: 2026, years: 3, workforce: w))
    let expected = [11, 1 + 10 * 2.0 / 3, 1 + 10.0 / 3, 1]
    for t in 0...3 { #expect(abs(r.total.band(.specialistHeadcount, yearIndex: t).mean - expected[t]) < tol) }
    #expect(abs(r.total.band(.retirements, yearIndex: 1).mean - 10.0 / 3) < tol)
    #expect(RetirementDistribution.standard.hazard(atAge: 64) == 0)
    #expect(abs(RetirementDistribution.standard.hazard(atAge: 65) - 0.25) < tol)
    #expect(RetirementDistribution.standard.hazard(atAge: 68) == 1)
  }

  @Test func stochasticMeanTracksTheExpectedValueAndIsReproducible() {
    // 40 specialists with 10% attrition for 5 years: expected 40 × 0.9^5 =
    // 23.62. The mean of 400 replications has a standard error of about
    // sqrt(40 × 0.59 × 0.41) / 20 ≈ 0.16; allow 0.8 (5 standard errors).
    var w = WorkforceParameters.frozen
    w.attritionPerYear = [.gpSpecialist: 0.1]
    let projection = WorkforceProjection(regions: [handRegion(listed: 40_000, specialists: 40)])
    let s = ProjectionSettings(startYear: 2026, years: 5, mode: .stochastic(replications: 400, seed: 42), workforce: w)
    let r = projection.run(s)
    let band = r.total.band(.specialistHeadcount, yearIndex: 5)
    #expect(abs(band.mean - 40 * 0.59049) < 0.8)
    #expect(band.p05 < band.mean && band.mean < band.p95)
    let again = projection.run(s)
    #expect(again.total.band(.specialistHeadcount, yearIndex: 5) == band)
    #expect(again.totalPerReplication.map { $0[5].specialistHeadcount } == r.totalPerReplication.map { $0[5].specialistHeadcount })
  }

  @Test func regionsAreSumsOfTheirCentres() {
    let a = handRegion(listed: 11_000, specialists: 5)
    var b = handRegion(listed: 3_000, specialists: 4)
    b.name = "Other"
    b.centres[0].id = "vc-b"
    let r = WorkforceProjection(regions: [a, b], totalName: "Both").run(ProjectionSettings(startYear: 2026, years: 1, workforce: .frozen))
    #expect(r.series.count == 2 + 2 + 1)
    // Total ratio from sums: 14,000 / (9 × 1,100) = 1.414..., not the mean of 2.0 and 0.68.
    #expect(abs(r.total.band(.guidelineRatio, yearIndex: 0).mean - 14_000.0 / 9_900) < tol)
    #expect(abs(r.total.band(.listedPerSpecialistFTE, yearIndex: 0).mean - 14_000.0 / 9) < tol)
  }

  @Test func hiresGoToTheLargestGapAndLocumsFillGapsUpToTheBudget() {
    // Centre A: 11,000 listed, 5 specialists (gap 5 FTE). Centre B: 2,200
    // listed, 1 specialist (gap 1 FTE). 3 hires: all to A (gaps 5 → 4 → 3 > 1).
    // Locum budget 2 FTE over remaining gaps 2 (A) and 1 (B): scale 2/3.
    let a = handRegion(listed: 11_000, specialists: 5).centres[0]
    var b = handRegion(listed: 2_200, specialists: 1).centres[0]
    b.id = "vc-b"
    var w = WorkforceParameters.frozen
    w.locumBudgetFTE = 2
    let r = WorkforceProjection(regions: [Region(name: "R", centres: [a, b])]).run(
      ProjectionSettings(startYear: 2026, years: 1, workforce: w, plan: RecruitmentPlan(specialistHiring: .perYear(3), hireFTE: 1)))
    #expect(r.series[0].band(.specialistHires, yearIndex: 1).mean == 3)
    #expect(r.series[1].band(.specialistHires, yearIndex: 1).mean == 0)
    #expect(abs(r.series[0].band(.locumFTE, yearIndex: 1).mean - 2 * 2.0 / 3) < tol)
    #expect(abs(r.series[1].band(.locumFTE, yearIndex: 1).mean - 2.0 / 3) < tol)
    // Locums add visits but no capacity.
    #expect(abs(r.series[0].band(.guidelineCapacity, yearIndex: 1).mean - 8_800) < tol)
  }

  @Test func outcomeModelSeamReceivesEachCentreYearAndIsListedWeighted() {
    // A model returning the centre's own guideline ratio; the region gets
    // the listed-weighted mean: (11,000 × 2.0 + 3,300 × 1.0) / 14,300.
    let a = handRegion(listed: 11_000, specialists: 5).centres[0]
    var b = handRegion(listed: 3_300, specialists: 3).centres[0]
    b.id = "vc-b"
    let model = YearOutcomeModel(metricNames: ["ratio"]) { state in
      let demand = state.population.reduce(0) { $0 + $1.count * $1.profile.needWeight } * state.doctorDemandFactor
      return [demand / state.guidelineCapacity]
    }
    let r = WorkforceProjection(regions: [Region(name: "R", centres: [a, b])]).run(
      ProjectionSettings(startYear: 2026, years: 1, workforce: .frozen, outcomeModel: model))
    #expect(r.outcomeNames == ["ratio"])
    let k = StaffingMetric.allCases.count
    #expect(abs(r.total.bands[0][k].mean - (11_000 * 2.0 + 3_300 * 1.0) / 14_300) < tol)
  }
}

@Suite struct IndexedMaxHeapTests {
  @Test func placesLikeALinearScanForTheLargestKeyWithTiesToTheLowerIndex() {
    var rng = Xoshiro256(seed: 3)
    for _ in 0..<200 {
      let n = 1 + rng.nextIndex(30)
      // Few distinct keys so ties are common.
      var keys = (0..<n).map { _ in Double(rng.nextIndex(5)) }
      var heap = IndexedMaxHeap(keys: keys)
      for _ in 0..<(1 + rng.nextIndex(60)) {
        var best = 0
        for i in keys.indices where keys[i] > keys[best] { best = i }
        #expect(heap.top == best)
        let step = Double(rng.nextIndex(3))
        keys[best] -= step
        heap.lower(best, to: keys[best])
      }
    }
  }
}

@Suite struct WorkforcePolicyTests {
  let tol = 1e-9

  @Test func gapFillingHiresUpToTheMarketLimitAndCountsThePipeline() {
    // Gap 5 full-time specialists (11,000 listed, 5 specialists), limit 3 a
    // year, full-time hires. No delay: 3 in 2027, 2 in 2028, then none.
    // One year's delay: decided 3 in 2027 (start 2028); in 2028 the gap is
    // still 5 but 3 are on the way: 2 more (start 2029); then none.
    let projection = WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)])
    var s = ProjectionSettings(startYear: 2026, years: 4, workforce: .frozen,
                               plan: RecruitmentPlan(specialistHiring: .fillGaps(marketLimit: 3), hireFTE: 1))
    var r = projection.run(s)
    #expect((0...4).map { r.total.band(.specialistHires, yearIndex: $0).mean } == [0, 3, 2, 0, 0])
    #expect(abs(r.total.band(.guidelineRatio, yearIndex: 2).mean - 1) < tol)
    s.plan.startDelayYears = 1
    r = projection.run(s)
    #expect((0...4).map { r.total.band(.specialistHires, yearIndex: $0).mean } == [0, 0, 3, 2, 0])
  }

  @Test func movesKeepTheRegionsSpecialistsAndGoWhereTheGapIs() {
    // A: 11,000 listed, 5 specialists (gap 5); B: 1,100 listed, 5 specialists
    // (no gap). 20% move a year. Expected value: 2 movers in 2027, all to A
    // (the only gap): A 4 + 2 = 6, B 4. Region total stays 10 in both modes.
    let a = handRegion(listed: 11_000, specialists: 5).centres[0]
    var b = handRegion(listed: 1_100, specialists: 5).centres[0]
    b.id = "vc-b"
    var w = WorkforceParameters.frozen
    w.moveShare = 0.2
    let projection = WorkforceProjection(regions: [Region(name: "R", centres: [a, b])])
    let r = projection.run(ProjectionSettings(startYear: 2026, years: 3, workforce: w))
    #expect(abs(r.series[0].band(.specialistHeadcount, yearIndex: 1).mean - 6) < tol)
    #expect(abs(r.series[1].band(.specialistHeadcount, yearIndex: 1).mean - 4) < tol)
    let s = projection.run(ProjectionSettings(startYear: 2026, years: 3, mode: .stochastic(replications: 30, seed: 2), workforce: w))
    for rep in s.totalPerReplication { for y in rep { #expect(abs(y.specialistHeadcount - 10) < tol) } }
  }

  @Test func taskSharingLowersDoctorDemand() {
    // Task-sharing share 0.1 rising 0.05 a year, at most 0.3: demand
    // 11,000 × (1 − 0.1) in the first year, × (1 − 0.3) from the fifth on.
    var w = WorkforceParameters.frozen
    w.taskSharingShare = 0.1
    w.taskSharingIncreasePerYear = 0.05
    w.taskSharingMaximum = 0.3
    let r = WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)])
      .run(ProjectionSettings(startYear: 2026, years: 7, workforce: w))
    #expect(abs(r.total.band(.weightedDemand, yearIndex: 0).mean - 11_000) < 1e-6)
    #expect(abs(r.total.band(.weightedDemand, yearIndex: 1).mean - 9_900) < 1e-6)
    #expect(abs(r.total.band(.weightedDemand, yearIndex: 6).mean - 7_700) < 1e-6)
    #expect(abs(r.total.band(.listed, yearIndex: 6).mean - 11_000) < tol)
  }
}

@Suite struct ProjectionDeterminismTests {
  @Test func resultsDoNotDependOnWhetherCentresRunInParallel() {
    // The same replication with centres in parallel and one after another.
    let nation = SyntheticRegion().region(name: "Gotland", population: 61_001, seed: 8)
    let projection = WorkforceProjection(regions: [nation, ExampleRegion.make()], totalName: "Both")
    var w = WorkforceParameters.standard
    w.moveShare = 0.05
    let s = ProjectionSettings(
      years: 6, mode: .stochastic(replications: 2, seed: 11), workforce: w,
      plan: RecruitmentPlan(specialistHiring: .fillGaps(marketLimit: 3), startDelayYears: 1, traineeIntakePerYear: 2, fteIncreasePerYear: 0.02))
    for r in 0..<2 {
      let parallel = projection.runReplication(r, s, parallelCentres: true)
      let serial = projection.runReplication(r, s, parallelCentres: false)
      #expect(parallel == serial)
    }
  }

  @Test func workingTimeViewSetsTheAssignmentCapacity() {
    // Five full-time specialists: the working-time panel of each is
    // 1,366.8 h × 60 / 74.5 min = 1,100.8 (WorkingTimeParameters).
    var s = ProjectionSettings(startYear: 2026, years: 0, workforce: .frozen)
    s.policy.capacityView = .workingTime
    let r = WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)]).run(s)
    let capacity = r.totalPerReplication[0][0].assignmentCapacity
    #expect(abs(capacity - 5 * 1_366.8 * 60 / 74.5) < 1e-6)
    // 70% of 11,000 want one (7,700 places); capacity 5,503.9: share 5,503.9 / 11,000.
    #expect(abs(r.total.band(.fixedDoctorShare, yearIndex: 0).mean - capacity / 11_000) < 1e-9)
  }
}
