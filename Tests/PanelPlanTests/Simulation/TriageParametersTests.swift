import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Issue 13, finding 2: the visit rate means visits made, after nurse
/// triage, in the simulation as in the calibration.
@Suite struct TriageParametersTests {
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
}
