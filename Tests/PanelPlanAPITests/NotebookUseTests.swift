// The library as a notebook user sees it: `import PanelPlan` without
// `@testable`. Every value checked here is worked out by hand from the
// formulas the doc comments cite (Socialstyrelsen's 1,100 per full-time
// specialist, the working-time defaults, Bice–Boxerman COC), not read back
// from the code. If something a user needs is not public, this target does
// not build.

import Foundation
import PanelPlan
import PanelPlanTestSupport
import Testing

/// A centre built in code: two full-time GP specialists and a nurse, 2,200
/// listed people of average need (weight 1).
private func twoDoctorCentre(listed: Int = 2_200) -> CareCentre {
  CareCentre(
    id: "vc-api", name: "VC API",
    clinicians: [
      Clinician(id: "gp-1", role: .gpSpecialist, fte: 1), Clinician(id: "gp-2", role: .gpSpecialist, fte: 1),
      Clinician(id: "rn-1", role: .nurse, fte: 1),
    ],
    population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64, needWeight: 1), count: listed)]))
}

@Suite struct CapacityFromCodeTests {
  /// Guideline view: 1,100 average-need patients per full-time specialist
  /// (Socialstyrelsen 2022), nurses hold no panel. Two specialists: 2,200,
  /// so 2,200 listed give ratio 1 and no gap; 3,300 listed give 1.5 and a
  /// gap of (3,300 − 2,200) / 1,100 = 1 full-time specialist.
  @Test func guidelineViewIs1100PerFullTimeSpecialist() {
    let c = CentreCapacity(centre: twoDoctorCentre())
    #expect(c.guidelineCapacity == 2_200)
    #expect(c.specialistFTE == 2)
    #expect(c.guidelineRatio == 1)
    #expect(c.specialistFTEGap == 0)
    #expect(c.shareOfferableGuideline == 1)
    let crowded = CentreCapacity(centre: twoDoctorCentre(listed: 3_300))
    #expect(crowded.guidelineRatio == 1.5)
    #expect(abs(crowded.specialistFTEGap - 1) < 1e-12)
    // 2,200 places for 3,300 people: two in three can be offered one.
    #expect(abs(crowded.shareOfferableGuideline - 2.0 / 3.0) < 1e-12)
    // A 60% specialist with 10% supervision: 1,100 × 0.6 × 0.9 = 594.
    var part = Clinician(id: "gp-p", role: .gpSpecialist, fte: 0.6)
    part.duties.supervision = 0.1
    #expect(abs(GuidelineCapacity.panel(for: part) - 594) < 1e-9)
  }

  /// Working-time view with the documented defaults: 52 weeks × 40 h =
  /// 2,080 h; less (30 + 11 + 10 + 8) days × 8 h = 472 h: 1,608 h present,
  /// 40.2 weeks; less 3 + 3 h a week of meetings and administration (241.2 h):
  /// 1,366.8 h for patients. A patient needs 1.1 × (30 + 15) + 25 = 74.5
  /// minutes a year: panel 1,366.8 × 60 / 74.5 = 1,100.78.
  @Test func workingTimeViewFollowsTheHoursByHand() {
    let b = WorkingTimeCapacity.breakdown(for: Clinician(id: "gp", role: .gpSpecialist, fte: 1))
    #expect(abs(b.contractedHours - 2_080) < 1e-9)
    #expect(abs(b.patientHours - 1_366.8) < 1e-9)
    #expect(abs(b.minutesPerPatientYear - 74.5) < 1e-12)
    #expect(abs(b.panel - 1_366.8 * 60 / 74.5) < 1e-9)
    // Every hour counted once: the items add up to the contracted hours.
    #expect(abs(b.items.map(\.hours).reduce(0, +) - b.contractedHours) < 1e-9)
    let c = CentreCapacity(centre: twoDoctorCentre())
    #expect(abs(c.workingTimeCapacity - 2 * 1_366.8 * 60 / 74.5) < 1e-9)
    #expect(abs(c.workingTimeRatio - 2_200 / (2 * 1_366.8 * 60 / 74.5)) < 1e-12)
  }
}

@Suite struct AssignmentFromCodeTests {
  /// 2,200 places (guideline view, fill limit 1) for 1,650 people: everyone
  /// who wants a fixed doctor gets one, and nobody is given to the nurse.
  /// With 3,300 people only 2,200 can be placed.
  @Test func fixedDoctorsFillTheGuidelinePlacesAndNoMore() {
    for (listed, placed) in [(1_650, 1_650), (3_300, 2_200)] {
      let centre = twoDoctorCentre(listed: listed)
      let table = PatientTable(population: centre.population, clinicians: centre.clinicians)
      // Everybody wants a fixed doctor, so the count placed is exact.
      let policy = AssignmentPolicy(
        wantShare: Dictionary(uniqueKeysWithValues: PriorityGroup.allCases.map { ($0, 1.0) }), capacityView: .guideline, fillLimit: 1)
      var rng = Xoshiro256(seed: 11)
      let a = PatientAssignment.assign(patients: table, clinicians: centre.clinicians, policy: policy, using: &rng)
      #expect(a.assignedCount == placed)
      #expect(a.capacity == [1_100, 1_100, 0])
      #expect(a.load[2] == 0)
      #expect(a.load.allSatisfy { $0 <= 1_100 + 1e-9 })
    }
  }
}

@Suite struct SimulationFromCodeTests {
  /// Four equal doctors, nobody listed with one, choice at random and free
  /// slots every day: each visit goes to a doctor uniformly at random, so
  /// E[Σ n_j²] = N + N(N − 1)/4 and E[COC] = 1/4 for every patient with
  /// N ≥ 2 visits. Over about 1,900 index patients the mean is within a
  /// few hundredths of 0.25. The same seed gives the same result.
  @Test func randomChoiceGivesExpectedCOCAndASeedRepeats() {
    let m = 4
    let clinicians = (0..<m).map { Clinician(id: "gp-\($0)", role: .gpSpecialist, fte: 1) }
    let population = ListedPopulation(patients: (0..<2_000).map { Patient(id: "p\($0)", profile: PatientProfile(ageBand: .age45to64)) })
    let centre = CareCentre(id: "c", name: "c", clinicians: clinicians, population: population)
    var p = SimulationFixtures.flat(visitsPerYear: 5, years: 1)
    p.assignment.order = []
    p.booking.preferPreviousDoctor = false
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = Array(repeating: 100, count: m)
    let r = sim.run(seed: 2026, stream: [0])
    let coc = r.coc(.doctor)
    #expect(abs(coc - 1.0 / Double(m)) < 0.03, "COC \(coc)")
    #expect(r.fixedDoctorShare(.doctor).isNaN || r.fixedDoctorShare(.doctor) == 0)
    let again = sim.run(seed: 2026, stream: [0])
    #expect(again.coc(.doctor) == coc)
  }
}

@Suite struct ProjectionFromCodeTests {
  /// 11,000 listed, 5 full-time specialists: capacity 5,500, ratio 2.0.
  /// Frozen workforce, one full-time hire a year from the second year:
  /// 5,500 + 1,100 t ≥ 11,000 first at t = 5, 2031.
  @Test func hiringOneAYearMeetsTheGuidelineIn2031() {
    let projection = WorkforceProjection(regions: [handRegion(listed: 11_000, specialists: 5)])
    var s = ProjectionSettings(startYear: 2026, years: 6, workforce: .frozen)
    s.plan = RecruitmentPlan(specialistHiring: .perYear(1), hireFTE: 1)
    let r = projection.run(s)
    #expect(r.years == Array(2026...2032))
    for (t, year) in r.years.enumerated() {
      let expected = 11_000 / (5_500 + 1_100 * Double(t))
      #expect(abs(r.total.band(.guidelineRatio, yearIndex: r.yearIndex(year)!).mean - expected) < 1e-9, "\(year)")
    }
    let solver = RecruitmentSolver(projection: projection, settings: s, target: .guidelineRatio(atMost: 1))
    #expect(solver.yearMet().year == 2031)
  }
}

@Suite struct SweepFromCodeTests {
  /// A capacity sweep over the listed count of a one-specialist centre:
  /// guideline ratio n / 1,100 at every point, the same in every
  /// replication (the capacity model is analytic).
  @Test func capacitySweepGivesTheGuidelineRatioAtEachPoint() throws {
    let centre = CareCentre(
      id: "c", name: "c", clinicians: [Clinician(id: "d", role: .gpSpecialist, fte: 1)],
      population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64, needWeight: 1), count: 1_100)]))
    let base = JSONValue.object([JSONMember("centre", try JSONValue.parse(try JSONInput.encode(centre)))])
    let counts: [Double] = [550, 1_100, 2_200]
    let definition = SweepDefinition(
      base: base, design: .grid, replications: 3, seed: 5,
      parameters: [
        SweepParameter(
          name: "listed", path: try JSONPath(parsing: "centre.population.groups[0].count"), source: .values(counts.map { .number($0) }),
          whole: true)
      ])
    let model = CapacitySweepModel()
    var rows: [SweepRow] = []
    let outcome = try SweepRunner(plan: SweepPlan(definition), model: model, threads: 2).run { rows += $0 }
    #expect(outcome.pointsDone == 3 && !outcome.interrupted)
    let ratio = try #require(model.metricNames.firstIndex(of: "guidelineRatio"))
    #expect(rows.map(\.point) == [0, 1, 2])
    for (row, n) in zip(rows, counts) {
      #expect(abs(row.metrics[ratio].mean - n / 1_100) < 1e-12)
      #expect(row.metrics[ratio].p05 == row.metrics[ratio].p95)
    }
  }
}

@Suite struct ContinuityFromRowsTests {
  /// Visit rows written as a user's export. Patient a: doctors d1, d1, d2
  /// (N = 3, Σ n² = 4 + 1 = 5): COC = (5 − 3) / (3 · 2) = 1/3, UPC = 2/3.
  /// Patient b: d1, d1 (N = 2): COC = UPC = 1. Patient c: one visit, no
  /// COC (needs N ≥ 2). A nurse visit of a's counts only for all contacts:
  /// d1, d1, d2, n1 gives Σ n² = 6, COC = (6 − 4) / 12 = 1/6.
  @Test func cocAndUPCFromAFewRows() throws {
    let path = temporaryFile("""
      patient,date,clinician,profession
      a,2025-01-10,d1,läkare
      a,2025-02-10,d1,läkare
      a,2025-03-10,d2,läkare
      a,2025-03-20,n1,sjuksköterska
      b,2025-01-05,d1,läkare
      b,2025-06-05,d1,läkare
      c,2025-04-01,d2,läkare

      """)
    var options = VisitContinuityOptions()
    options.minVisits = 2
    let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: path, workers: 1), options: options)
    let all = try #require(a.summary(grouping: "all").first)
    #expect(all.doctor.patients == 2 && all.doctor.visits == 5)
    let coc = try #require(all.doctor.coc)
    #expect(abs(coc.mean - (1.0 / 3 + 1) / 2) < 1e-12)
    let upc = try #require(all.doctor.upc)
    #expect(abs(upc.mean - (2.0 / 3 + 1) / 2) < 1e-12)
    let allContacts = try #require(all.all.coc)
    #expect(abs(allContacts.mean - (1.0 / 6 + 1) / 2) < 1e-12)
    // The index functions agree with the formula on their own.
    #expect(ContinuityIndex.coc(sumOfSquares: 5, visits: 3) == 1.0 / 3)
    #expect(ContinuityIndex.coc(sumOfSquares: 1, visits: 1) == nil)
  }
}
