import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Issue 13, finding 2: one meaning of the visit rate (visits made, after
/// triage) in the calibration and the simulation, and the sensitivity of
/// the calibrated panel to each working-time default.
@Suite struct VisitRateMeaningTests {
  /// With nurse triage (t = 0.9 triaged, r = 0.35 resolved) and room for
  /// everyone, the doctor visits made per person-year equal the configured
  /// rate, and their acute share the configured 0.4 / 1.1. By hand:
  /// a' = a / (1 − tr + a·tr) = 0.3636 / 0.7996 = 0.4548 of contacts arise
  /// acute, contacts arise at 1.1 / (1 − 0.4548 × 0.315) = 1.2839 a year, and
  /// 1.2839 × (1 − 0.1433) = 1.1 reach a doctor. 3,000 people over 2 years
  /// make about 6,600 visits: within 4 Poisson standard errors.
  @Test func visitsMadeMatchTheConfiguredRateUnderTriage() {
    let clinicians = SimulationFixtures.doctors(3) + [Clinician(id: "rn", role: .nurse, fte: 2)]
    let centre = CareCentre(id: "c", name: "c", clinicians: clinicians, population: SimulationFixtures.patients(3_000, fixedDoctor: nil))
    var p = SimulationFixtures.flat(visitsPerYear: 1.1, years: 2)
    p.patience = .unlimited
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [40, 40, 40, 0]
    let r = sim.run(seed: 6, stream: [0])
    let personYears = 6_000.0
    let made = Double(r.tallies.slotsUsed)
    #expect(abs(made / personYears - 1.1) < 4 * made.squareRoot() / personYears)
    let arising = Double(r.tallies.doctorContacts)
    let expectedArising: Double = 1.1 / (1 - 0.363_636 / 0.799_591 * 0.315) * personYears
    #expect(abs(arising - expectedArising) < 4 * expectedArising.squareRoot())
    // Acute share of visits made: acute booked / visits made ≈ 0.3636.
    let acuteShare = Double(r.tallies.acuteBooked) / made
    #expect(abs(acuteShare - 0.4 / 1.1) < 4 * (0.3636 * 0.6364 / made).squareRoot())
  }

  /// The example: indirect work per patient-year 25 → 0 minutes
  /// alone moves the full-time specialist's panel from 1,366.8 × 60 / 74.5
  /// = 1,100.8 to 1,366.8 × 60 / 49.5 = 1,656.7, +50.5%. Minutes a visit
  /// 30 → 36 (+20%): 82,008 / (1.1 × 51 + 25) = 1,011.2, −8.1%.
  @Test func sensitivityTableReproducesHandWorkedPanels() {
    let rows = WorkingTimeSensitivity.rows()
    let indirect = rows.first { $0.name == "indirectMinutesPerPatientYear" }!
    #expect(abs(indirect.panel - 82_008 / 74.5) < 1e-6)
    #expect(abs(indirect.panelAtZero! - 82_008 / 49.5) < 1e-6)
    #expect(abs(indirect.panelAtZero! / indirect.panel - 1.505) < 0.001)
    let visit = rows.first { $0.name == "minutesPerVisit" }!
    #expect(visit.panelAtZero == nil)
    #expect(abs(visit.panelPlus20Percent - 82_008 / (1.1 * 51 + 25)) < 1e-6)
    // Every default has a source or says it is an assumption.
    #expect(rows.count == 12 && rows.allSatisfy { !$0.source.isEmpty })
    #expect(rows.filter { $0.source == "assumption" }.map(\.name).sorted() == [
      "administrationHoursPerWeek", "indirectMinutesPerPatientYear", "indirectMinutesPerVisit", "meetingHoursPerWeek",
      "sickDaysPerYear",
    ])
  }

  /// The guideline centre's honest figure: at the calibrated panel supply
  /// equals demand, so with 1,100.8 patients the doctor's slots a year,
  /// (82,008 − 1,100.8 × 25) / 45 = 1,211.0, equal the visits made,
  /// 1,100.8 × 1.1 = 1,210.9 (to rounding): 100% busy on average.
  @Test func calibrationIsSupplyEqualsDemand() {
    let panel = WorkingTimeCapacity.breakdown(for: Clinician(id: "", role: .gpSpecialist, fte: 1)).panel
    let s = DoctorSlots(clinicians: [Clinician(id: "", role: .gpSpecialist, fte: 1)], panels: [panel], weightedListed: panel,
                        workingTime: .standard, openDaysPerYear: 249)
    #expect(abs(s.visitSlotsPerYear[0] / (panel * 1.1) - 1) < 1e-9)
  }
}
