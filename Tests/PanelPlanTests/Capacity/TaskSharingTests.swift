import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Task sharing has one meaning everywhere (issue 13, finding 4): a share s
/// of doctor time per patient moves to the team, so a doctor's panel grows
/// by 1 / (1 − s).
@Suite struct TaskSharingTests {
  let tol = 1e-9

  @Test func panelFactorIsOneOverOneMinusShare() {
    #expect(abs(TaskSharing.panelFactor(share: 0) - 1) < tol)
    #expect(abs(TaskSharing.panelFactor(share: 0.25) - 4.0 / 3) < tol)
    #expect(abs(TaskSharing.panelFactor(share: 0.5) - 2) < tol)
  }

  @Test func altschulerDelegationSharesFromTheComponents() {
    // Model 1: doctor keeps 0.71 × 0.23 + 0.99 × 0.53 + 0.36 = 0.1633 +
    // 0.5247 + 0.36 = 1.048 h of 2.06 h: share 1 − 1.048/2.06.
    #expect(abs(DelegationModel.altschuler2012Model1.hoursAfter - 1.048) < tol)
    #expect(abs(DelegationModel.altschuler2012Model1.doctorTimeShare - (1 - 1.048 / 2.06)) < tol)
    // Model 2: 0.71 × 0.4 + 0.99 × 0.7 + 0.36 = 0.284 + 0.693 + 0.36 = 1.337.
    #expect(abs(DelegationModel.altschuler2012Model2.hoursAfter - 1.337) < tol)
    // Model 3: 0.355 + 0.7425 + 0.36 = 1.4575.
    #expect(abs(DelegationModel.altschuler2012Model3.hoursAfter - 1.4575) < tol)
    #expect(DelegationModel.altschuler2012None.doctorTimeShare == 0)
  }

  @Test func capacityPanelsGrowByOneOverOneMinusShareInBothViews() {
    // Full-time specialist: guideline 1,100 / 0.8 = 1,375. Working time:
    // 1,366.8 h × 60 / 74.5 min = 1,100.77, / 0.8 = 1,375.97; minutes a
    // patient needs from the doctor 74.5 × 0.8 = 59.6.
    let c = Clinician(id: "a", role: .gpSpecialist, fte: 1)
    let p = CapacityParameters(taskSharingShare: 0.2)
    #expect(abs(p.guidelinePanel(for: c) - 1_375) < tol)
    let b = p.workingTimeBreakdown(for: c)
    #expect(abs(b.panel - 1_366.8 * 60 / 74.5 / 0.8) < 1e-6)
    #expect(abs(b.minutesPerPatientYear - 59.6) < 1e-9)
    // Hours and visit capacity are the doctor's own: unchanged.
    let b0 = CapacityParameters().workingTimeBreakdown(for: c)
    #expect(abs(b.patientHours - b0.patientHours) < tol)
    #expect(abs(b.visitCapacityPerYear - b0.visitCapacityPerYear) < tol)
  }

  @Test func capacityAndProjectionGiveTheSameGapWithTheSameShare() {
    // 11,000 listed of weight 1, 5 full-time specialists, share 0.2.
    // Capacity: 5 × 1,375 = 6,875; gap (11,000 − 6,875) / 1,375 = 3.0 FTE;
    // ratio 11,000 / 6,875 = 1.6. Projection (demand × 0.8 = 8,800 against
    // 5,500): gap (8,800 − 5,500) / 1,100 = 3.0; ratio 1.6.
    let region = handRegion(listed: 11_000, specialists: 5)
    let cap = CentreCapacity(centre: region.centres[0], parameters: CapacityParameters(taskSharingShare: 0.2))
    #expect(abs(cap.guidelineCapacity - 6_875) < tol)
    #expect(abs(cap.specialistFTEGap - 3) < tol)
    #expect(abs(cap.guidelineRatio - 1.6) < tol)
    var w = WorkforceParameters.frozen
    w.taskSharingShare = 0.2
    let r = WorkforceProjection(regions: [region]).run(ProjectionSettings(startYear: 2026, years: 1, workforce: w))
    #expect(abs(r.total.band(.specialistFTEGap, yearIndex: 1).mean - 3) < tol)
    #expect(abs(r.total.band(.guidelineRatio, yearIndex: 1).mean - 1.6) < tol)
  }

  @Test func noSilentCapOnTheProjectionShare() {
    // 0.5 was silently cut to 0.3 before; now it applies as given.
    var w = WorkforceParameters.frozen
    w.taskSharingShare = 0.5
    #expect(abs(w.taskShare(inYear: 1) - 0.5) < tol)
    #expect(w.taskSharingProblem(years: 10) == nil)
    // Above the bound: a message, not a cap.
    w.taskSharingShare = 0.8
    #expect(w.taskSharingProblem(years: 1)?.contains("above the largest accepted task-sharing share 0.75") == true)
    // A ramp 0.5 + 0.1 a year reaches 0.8 in projected year 4 (0.5, 0.6,
    // 0.7, 0.8): rejected, naming the year.
    w.taskSharingShare = 0.5
    w.taskSharingIncreasePerYear = 0.1
    #expect(w.taskSharingProblem(years: 3) == nil)
    #expect(w.taskSharingProblem(years: 5)?.contains("in projected year 4 of 5") == true)
    // An explicit plateau below the bound stops the ramp: accepted.
    w.taskSharingMaximum = 0.6
    #expect(w.taskSharingProblem(years: 5) == nil)
    #expect(abs(w.taskShare(inYear: 5) - 0.6) < tol)
  }

  @Test func scenarioShareAboveTheBoundIsAProblemWithItsField() {
    var s = Scenario.example()
    s.parameters.demand.taskSharingShare = 0.9
    let problems = s.problems().filter { $0.field == "demand.taskSharingShare" }
    #expect(problems.count == 1)
    s.parameters.demand.taskSharingShare = 0.5
    #expect(s.problems().filter { $0.field == "demand.taskSharingShare" }.isEmpty)
  }

  @Test func simulationEnlargesPanelsOnlyWhenANurseCanTakeTheWork() {
    var p = SimulationParameters()
    p.demand.taskSharingShare = 0.2
    let gp = Clinician(id: "gp", role: .gpSpecialist, fte: 1)
    let population = ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: 10)])
    let withNurse = CentreSimulation(
      centre: CareCentre(id: "a", name: "A", clinicians: [gp, Clinician(id: "rn", role: .nurse, fte: 1)], population: population),
      parameters: p)
    #expect(withNurse.effectiveTaskSharingShare == 0.2)
    // Assignment capacity of the specialist: 1,100 / 0.8 = 1,375.
    let cap = PatientAssignment.capacity(of: withNurse.centre.clinicians, policy: .standard, parameters: withNurse.capacityParameters)
    #expect(abs(cap[0] - 1_375) < tol)
    #expect(cap[1] == 0)
    let alone = CentreSimulation(
      centre: CareCentre(id: "b", name: "B", clinicians: [gp], population: population), parameters: p)
    #expect(alone.effectiveTaskSharingShare == 0)
  }
}

@Suite struct TaskSharingSlotsTests {
  /// A share s of per-patient indirect work moves with the patients' visits:
  /// a doctor with 1,375 patients at s = 0.2 has the slots of one with 1,100
  /// at s = 0 (1,375 × 25 × 0.8 = 1,100 × 25 = 27,500 indirect minutes).
  @Test func perPatientIndirectWorkShrinksByTheShare() {
    func slots(listed: Int, share: Double) -> Double {
      var p = SimulationParameters()
      p.demand.taskSharingShare = share
      let centre = CareCentre(
        id: "a", name: "A",
        clinicians: [Clinician(id: "gp", role: .gpSpecialist, fte: 1), Clinician(id: "rn", role: .nurse, fte: 1)],
        population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: listed)]))
      let sim = CentreSimulation(centre: centre, parameters: p)
      let cal = SimulationCalendar(years: 1, publicHolidayDaysPerYear: p.workingTime.publicHolidayDaysPerYear)
      return sim.slotsPerPresentDay(load: [Double(listed), 0], calendar: cal)[0]
    }
    let shared = slots(listed: 1_375, share: 0.2)
    let plain = slots(listed: 1_100, share: 0)
    #expect(plain > 0)
    #expect(abs(shared - plain) < 1e-9)
  }
}
