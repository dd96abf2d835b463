import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct PatienceParametersTests {
  typealias F = SimulationFixtures

  static func noCapacityRun(acuteShare: Double) -> SimulationResult {
    let centre = CareCentre(id: "c", name: "c", clinicians: F.doctors(1), population: F.patients(1_000, fixedDoctor: "gp-0"))
    var p = F.flat(visitsPerYear: 2.49, years: 1)  // 10 doctor contacts a day
    p.demand.acuteShare = acuteShare
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [0]
    return sim.run(seed: 21, stream: [0])
  }

  /// No doctor capacity, no nurses: nobody is seen, and every contact that
  /// arose on day a leaves at the end of day a + tolerance + patience,
  /// having waited exactly that: 10 + 30 = 40 open days for planned
  /// contacts, 0 + 5 = 5 for acute ones. Contacts that arose in the last
  /// 41 open days (a ≥ 249 − 41) are still waiting: a Poisson count with
  /// mean 41 × 10, within 4 standard deviations.
  @Test func withNoDoctorCapacityEveryContactGoesElsewhereAfterExactlyItsPatience() {
    for (acuteShare, limit) in [(0.0, 40), (1.0, 5)] {
      let r = Self.noCapacityRun(acuteShare: acuteShare)
      let t = r.tallies
      let left = t.wentElsewherePlanned + t.wentElsewhereAcute
      #expect(t.slotsUsed == 0)
      #expect(t.waitHistogram.reduce(0, +) == 0)
      #expect(left > 1_000)
      #expect(t.wentElsewhereWaitDays == left * limit)
      #expect(left + t.unservedDoctorContacts == t.doctorContacts)
      let mean = Double((limit + 1) * 10)
      #expect(abs(Double(t.unservedDoctorContacts) - mean) < 4 * mean.squareRoot(), "limit \(limit)")
      if acuteShare == 1 {
        #expect(t.wentElsewhereAcute == left && t.wentElsewhereAcuteAwaitingDoctor == left)
        #expect(r.assessedWithinGuarantee == 0)
        #expect(r.acuteSeenByDoctorWithinGuarantee == 0)
      } else {
        #expect(t.wentElsewherePlanned == left)
      }
    }
  }

  /// An overloaded doctor (5 slots a day, about 10 planned contacts a day,
  /// two years): no contact is seen after its last acceptable day (10 + 30
  /// open days), the backlog stays below the demand of that many days
  /// (Poisson, 4 standard deviations), and at least the excess goes
  /// elsewhere. Without patience the backlog grows to about half the
  /// demand.
  @Test func patienceBoundsTheWaitAndTheBacklogOfAnOverloadedCentre() {
    let centre = CareCentre(id: "c", name: "c", clinicians: F.doctors(1), population: F.patients(1_000, fixedDoctor: "gp-0"))
    var p = F.flat(visitsPerYear: 2.49, years: 2)
    p.demand.acuteShare = 0
    // No acute reserve: reserved slots go unused while the planned calendar
    // is still filling up in the first weeks.
    p.booking.acuteReservedShare = 0
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [5]
    let r = sim.run(seed: 22, stream: [0])
    #expect(r.tallies.waitHistogram[41...].allSatisfy { $0 == 0 })
    #expect(r.waitDays(quantile: 1) <= 40)
    let bound = 41.0 * 10
    #expect(Double(r.tallies.unservedDoctorContacts) < bound + 4 * bound.squareRoot())
    #expect(r.wentElsewhereShare > 0.4)
    #expect(r.doctorUtilisation > 0.99)

    p.patience = .unlimited
    var endless = CentreSimulation(centre: centre, parameters: p)
    endless.slotsPerPresentDayOverride = [5]
    let e = endless.run(seed: 22, stream: [0])
    #expect(e.wentElsewhereShare == 0)
    #expect(Double(e.tallies.unservedDoctorContacts) / Double(e.tallies.doctorContacts) > 0.4)
  }
}
