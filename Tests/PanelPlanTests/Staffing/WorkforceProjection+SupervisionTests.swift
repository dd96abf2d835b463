import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Trainees (issue 13, finding 5): supervisor capacity limits intake and
/// panels; trainee stages are time-weighted over the year.
@Suite struct TraineeSupervisionTests {
  let tol = 1e-9

  @Test func halfOfASteadyPipelinesTraineeYearsArePastMidTraining() {
    // Five-year ST, one trainee starting each year, full time: years from
    // d = 0 … 4 done. Past mid (2.5 years) for 0, 0, ½, 1, 1 of the year:
    // 2.5 of 5 = 50%. A year-end snapshot counted d ≥ 2.5 only: 2 of 5.
    let w = WorkforceParameters.frozen
    let shares = (0..<5).map { w.pastMidShare(yearsDone: Double($0), fte: 1, yearIndex: 1) }
    #expect(shares == [0, 0, 0.5, 1, 1])
    // Half time: training advances 0.5 a year; from 2.25 done the year
    // covers 2.25 … 2.75, past mid for half of it.
    #expect(abs(w.pastMidShare(yearsDone: 2.25, fte: 0.5, yearIndex: 1) - 0.5) < tol)
    // Year 0 is the input as given: its own stage.
    #expect(w.pastMidShare(yearsDone: 2.4, fte: 1, yearIndex: 0) == 0)
    #expect(w.pastMidShare(yearsDone: 2.5, fte: 1, yearIndex: 0) == 1)
  }

  @Test func intakeBeyondSupervisorRoomIsNotTakenInAndWarned() {
    // One full-time specialist, at most 1 trainee per specialist FTE: a plan
    // of 3 trainees a year takes in 1 in 2027 (2 declined) and none after
    // (3 declined a year); the trainee count stays 1.
    let projection = WorkforceProjection(regions: [handRegion(listed: 2_000, specialists: 1)])
    let r = projection.run(ProjectionSettings(
      startYear: 2026, years: 3, workforce: .frozen, plan: RecruitmentPlan(traineeIntakePerYear: 3)))
    #expect(abs(r.total.band(.traineeHeadcount, yearIndex: 1).mean - 1) < tol)
    #expect(abs(r.total.band(.traineeHeadcount, yearIndex: 3).mean - 1) < tol)
    #expect(abs(r.total.band(.traineeIntake, yearIndex: 2).mean - 0) < tol)
    #expect(abs(r.totalPerReplication[0][1].traineeIntakeDeclined - 2) < tol)
    #expect(abs(r.totalPerReplication[0][2].traineeIntakeDeclined - 3) < tol)
    #expect(r.warnings.first.map(Terms.render)?.hasPrefix("2027: 2.0 of the 3 trainees the plan takes in were not taken in") == true)
    #expect(r.warnings.count == 3)
  }

  @Test func traineesBeyondSupervisorCapacityHoldNoPanel() {
    // One specialist, three trainees past mid-training (progress 0.6 = 3 of
    // 5 years): only 1 trainee FTE is supervised. Guideline capacity 1,100
    // + 3 × 550 × 1/3 = 1,650 (year 0 and, all still past mid, year 1);
    // 2 trainee FTE unsupervised.
    let projection = WorkforceProjection(regions: [handRegion(listed: 2_000, specialists: 1, trainees: [0.6, 0.6, 0.6])])
    let r = projection.run(ProjectionSettings(startYear: 2026, years: 1, workforce: .frozen))
    #expect(abs(r.total.band(.guidelineCapacity, yearIndex: 0).mean - 1_650) < tol)
    #expect(abs(r.total.band(.guidelineCapacity, yearIndex: 1).mean - 1_650) < tol)
    #expect(abs(r.totalPerReplication[0][1].unsupervisedTraineeFTE - 2) < tol)
    #expect(r.warnings.map(Terms.render) == [
      "2027: 2.00 trainee FTE beyond supervisor capacity hold no panel; most at vc: 3.00 trainee FTE on 1.00 specialist FTE (at most 1 per specialist FTE)"
    ])
    // With room for three per specialist FTE all count: 1,100 + 1,650.
    var w = WorkforceParameters.frozen
    w.maxTraineesPerSpecialistFTE = 3
    let all = projection.run(ProjectionSettings(startYear: 2026, years: 1, workforce: w))
    #expect(abs(all.total.band(.guidelineCapacity, yearIndex: 1).mean - 2_750) < tol)
    #expect(all.warnings.isEmpty)
  }
}
