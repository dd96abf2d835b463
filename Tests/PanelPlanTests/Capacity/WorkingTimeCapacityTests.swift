import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The working-time view: the calibration to 1,100 and hours that add up.
struct WorkingTimeCapacityTests {
  @Test func fullTimeSpecialistCalibratesTo1100() {
    // By hand (WorkingTimeParameters' doc comment): 2,080 contracted hours
    // − (30 + 11 + 10 + 8) days × 8 h = 1,608 h present; − 6 h/week of
    // meetings and administration over 40.2 weeks = 1,366.8 patient hours.
    // One patient: 1.1 visits × (30 + 15) min + 25 min = 74.5 min a year.
    // 1,366.8 × 60 / 74.5 = 1,100.78.
    let b = WorkingTimeCapacity.breakdown(for: Clinician(id: "a", role: .gpSpecialist, fte: 1))
    #expect(b.contractedHours == 2_080)
    #expect(abs(b.patientHours - 1_366.8) < 1e-9)
    #expect(abs(b.minutesPerPatientYear - 74.5) < 1e-12)
    #expect(abs(b.panel - 1_366.8 * 60 / 74.5) < 1e-9)
    #expect(abs(b.panel - 1_100) / 1_100 <= 0.02)
  }

  @Test func halfTimeIsHalfTheCapacity() {
    let full = WorkingTimeCapacity.breakdown(for: Clinician(id: "a", role: .gpSpecialist, fte: 1))
    let half = WorkingTimeCapacity.breakdown(for: Clinician(id: "b", role: .gpSpecialist, fte: 0.5))
    #expect(abs(half.panel - full.panel / 2) < 1e-9)
  }

  @Test func traineePastMidByHand() {
    // Present 1,608 h; 40% rotation = 643.2 → 964.8 h at the unit = 24.12
    // weeks; study 4 h × 24.12 = 96.48 → 868.32; meetings and administration
    // 3 + 3 h × 24.12 = 144.72 → 723.6 patient hours. Visits take 1.5 × 30
    // = 45 min: 1.1 × (45 + 15) + 25 = 91 min a patient. 723.6 × 60 / 91.
    let t = Clinician(id: "t", role: .gpTrainee, fte: 1, trainingProgress: 0.6)
    let b = WorkingTimeCapacity.breakdown(for: t)
    #expect(abs(b.rotationHours - 643.2) < 1e-9)
    #expect(abs(b.studyHours - 96.48) < 1e-9)
    #expect(abs(b.patientHours - 723.6) < 1e-9)
    #expect(abs(b.minutesPerPatientYear - 91) < 1e-12)
    #expect(abs(b.panel - 723.6 * 60 / 91) < 1e-9)
  }

  @Test func dutiesReduceTimeAndLocumsHoldNoPanel() {
    // 20% research: clinical 1,608 h → 321.6 h research; meetings and
    // administration scale by the 80% left: 6 × 40.2 × 0.8 = 192.96.
    // Patient hours: 1,286.4 − 192.96 = 1,093.44.
    let r = WorkingTimeCapacity.breakdown(for: Clinician(id: "r", role: .gpSpecialist, fte: 1, duties: DutyShares(research: 0.2)))
    #expect(abs(r.researchHours - 321.6) < 1e-9)
    #expect(abs(r.patientHours - 1_093.44) < 1e-9)
    let l = WorkingTimeCapacity.breakdown(for: Clinician(id: "l", role: .locum, fte: 1))
    #expect(l.panel == 0)
    #expect(abs(l.visitCapacityPerYear - 1_366.8 * 60 / 45) < 1e-9)  // visits still count
  }

  @Test func hoursAlwaysAddUpToContracted() {
    // Property: every contracted hour lands in exactly one item, for any
    // role, FTE and duties.
    var rng = Xoshiro256(seed: 42)
    for _ in 0..<2_000 {
      let role = ClinicianRole.allCases[rng.nextIndex(ClinicianRole.allCases.count)]
      var shares = (0..<4).map { _ in rng.nextUnit() * 0.3 }
      if rng.nextUnit() < 0.1 { shares = [1, 0, 0, 0] }
      let c = Clinician(
        id: "x", role: role, fte: rng.nextUnit() * 1.5,
        duties: DutyShares(supervision: shares[0], research: shares[1], sideAssignments: shares[2], management: shares[3]),
        trainingProgress: rng.nextUnit())
      let b = WorkingTimeCapacity.breakdown(for: c)
      let sum = b.items.reduce(0) { $0 + $1.hours }
      #expect(abs(sum - b.contractedHours) < 1e-6 * max(1, b.contractedHours))
      #expect(b.items.allSatisfy { $0.hours >= -1e-9 })
    }
  }
}
