import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Guideline capacity against values worked out by hand from
/// Socialstyrelsen's 1,100 / 550 and the documented defaults.
struct GuidelineCapacityTests {
  @Test func fullTimeSpecialistIs1100() {
    let c = Clinician(id: "a", role: .gpSpecialist, fte: 1)
    #expect(GuidelineCapacity.panel(for: c) == 1_100)
  }

  @Test func partTimeSpecialistWithSupervision() {
    // 1,100 × 0.6 FTE × (1 − 0.10 supervision) = 594.
    let c = Clinician(id: "a", role: .gpSpecialist, fte: 0.6, duties: DutyShares(supervision: 0.1))
    #expect(abs(GuidelineCapacity.panel(for: c) - 594) < 1e-9)
  }

  @Test func traineeBeforeAndAfterMidTraining() {
    let early = Clinician(id: "t1", role: .gpTrainee, fte: 1, trainingProgress: 0.3)
    let mid = Clinician(id: "t2", role: .gpTrainee, fte: 1, trainingProgress: 0.5)
    let late = Clinician(id: "t3", role: .gpTrainee, fte: 0.8, trainingProgress: 0.9)
    #expect(GuidelineCapacity.panel(for: early) == 275)  // documented default, half of 550
    #expect(GuidelineCapacity.panel(for: mid) == 550)  // mid-training counts as past mid
    #expect(abs(GuidelineCapacity.panel(for: late) - 440) < 1e-9)  // 550 × 0.8
  }

  @Test func traineeFigureIsAParameter() {
    // One region's 2024 count used 500 per trainee.
    let t = Clinician(id: "t", role: .gpTrainee, fte: 1, trainingProgress: 0.6)
    let p = GuidelineParameters(traineeAfterMidTrainingPanel: 500)
    #expect(GuidelineCapacity.panel(for: t, parameters: p) == 500)
  }

  @Test func locumAndTeamHoldNoPanel() {
    #expect(GuidelineCapacity.panel(for: Clinician(id: "l", role: .locum, fte: 1)) == 0)
    #expect(GuidelineCapacity.panel(for: Clinician(id: "n", role: .nurse, fte: 1)) == 0)
    let p = GuidelineParameters(locumPanel: 300)
    #expect(GuidelineCapacity.panel(for: Clinician(id: "l", role: .locum, fte: 0.5), parameters: p) == 150)
  }

  @Test func experienceAdjustmentSteps() {
    let adj = ExperienceAdjustment(steps: [(minYears: 3, factor: 1.0), (minYears: 0, factor: 0.8)])
    let p = GuidelineParameters(experienceAdjustment: adj)
    let newcomer = Clinician(id: "a", role: .gpSpecialist, fte: 1, yearsOfExperience: 2)
    let senior = Clinician(id: "b", role: .gpSpecialist, fte: 1, yearsOfExperience: 10)
    let unknown = Clinician(id: "c", role: .gpSpecialist, fte: 1)
    #expect(abs(GuidelineCapacity.panel(for: newcomer, parameters: p) - 880) < 1e-9)
    #expect(GuidelineCapacity.panel(for: senior, parameters: p) == 1_100)
    #expect(GuidelineCapacity.panel(for: unknown, parameters: p) == 1_100)
  }

  @Test func mixedUnitByHand() {
    // Capacity: 1,100 (full-time specialist) + 594 (0.6 FTE, 10% supervision)
    // + 550 (trainee past mid) + 0 (locum) + 0 (nurse) = 2,244.
    // Population: 2,000 × weight 1.0 + 500 × weight 2.0 = 3,000 weighted, 2,500 people.
    let centre = CareCentre(
      id: "u", name: "Unit",
      clinicians: [
        Clinician(id: "s1", role: .gpSpecialist, fte: 1),
        Clinician(id: "s2", role: .gpSpecialist, fte: 0.6, duties: DutyShares(supervision: 0.1)),
        Clinician(id: "t1", role: .gpTrainee, fte: 1, trainingProgress: 0.7),
        Clinician(id: "l1", role: .locum, fte: 0.5),
        Clinician(id: "n1", role: .nurse, fte: 1),
      ],
      population: ListedPopulation(groups: [
        PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: 2_000),
        PatientGroup(profile: PatientProfile(ageBand: .age80plus, needWeight: 2), count: 500),
      ]))
    let c = CentreCapacity(centre: centre)
    #expect(c.doctors.count == 4)  // the nurse holds no panel
    #expect(abs(c.guidelineCapacity - 2_244) < 1e-9)
    #expect(c.listedCount == 2_500)
    #expect(abs(c.weightedListed - 3_000) < 1e-9)
    #expect(abs(c.guidelineRatio - 3_000.0 / 2_244) < 1e-12)  // 1.3369
    #expect(abs(c.specialistFTEGap - 756.0 / 1_100) < 1e-12)  // 0.687 FTE
    #expect(abs(c.shareOfferableGuideline - 2_244.0 / 3_000) < 1e-12)  // 74.8%
    #expect(abs(c.listedPerSpecialistFTE - 2_500 / 1.6) < 1e-9)  // 1,562.5
    #expect(abs(c.listedPerDoctorFTE - 2_500 / 2.6) < 1e-9)  // locum excluded
    #expect(abs(c.locumFTE - 0.5) < 1e-12)
    #expect(abs(c.teamFTE - 1) < 1e-12)
  }

  @Test func noGapWhenCapacitySuffices() {
    let centre = CareCentre(
      id: "u", name: "Unit", clinicians: [Clinician(id: "s", role: .gpSpecialist, fte: 1)],
      population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64, needWeight: 1), count: 900)]))
    let c = CentreCapacity(centre: centre)
    #expect(c.specialistFTEGap == 0)
    #expect(c.shareOfferableGuideline == 1)
    #expect(abs(c.guidelineRatio - 900.0 / 1_100) < 1e-12)
  }
}
