import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The warm-up (issue 13, finding 6): contacts of the warm-up are not counted.
@Suite struct SimulationParametersTests {
  /// One doctor with 40 slots a day for 300 patients at 4 visits a year
  /// (about 4.8 a day): with one warm-up year and one measured year, the
  /// results count one year: 249 open days, 249 × 40 slots offered, and
  /// about 300 × 4 = 1,200 doctor contacts (within 4 Poisson standard
  /// errors, √1,200 ≈ 35), not the 2,400 of both years.
  @Test func warmUpContactsAndDaysAreNotCounted() {
    let centre = CareCentre(id: "c", name: "c", clinicians: SimulationFixtures.doctors(1), population: SimulationFixtures.patients(300, fixedDoctor: "gp-0"))
    var p = SimulationFixtures.flat(visitsPerYear: 4, years: 1)
    p.warmUpYears = 1
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [40]
    let r = sim.run(seed: 2, stream: [0])
    #expect(r.tallies.openDays == 249)
    #expect(r.tallies.slotsOffered == 249 * 40)
    #expect(r.tallies.doctorDays == 249)
    #expect(abs(Double(r.tallies.doctorContacts) - 1_200) < 4 * 1_200.0.squareRoot())
    #expect(r.tallies.personYearsByBand.reduce(0, +) == 300)
    // Every contact is seen the day it arises, so visits made = contacts.
    #expect(r.tallies.slotsUsed == r.tallies.doctorContacts)
  }

  /// An overloaded doctor (0 slots): every contact goes elsewhere once out
  /// of patience. Measured after a warm-up, the contacts that went
  /// elsewhere are the measured year's contacts less those still within
  /// patience at the end (at most the last tolerance + patience days),
  /// never warm-up contacts: so went-elsewhere ≤ doctor contacts.
  @Test func wentElsewhereCountsOnlyMeasuredContacts() {
    let centre = CareCentre(id: "c", name: "c", clinicians: SimulationFixtures.doctors(1), population: SimulationFixtures.patients(300, fixedDoctor: "gp-0"))
    var p = SimulationFixtures.flat(visitsPerYear: 4, years: 1)
    p.warmUpYears = 1
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [0]
    let r = sim.run(seed: 2, stream: [0])
    let gone = r.tallies.wentElsewherePlanned + r.tallies.wentElsewhereAcute
    #expect(gone <= r.tallies.doctorContacts)
    #expect(gone + r.tallies.unservedDoctorContacts == r.tallies.doctorContacts)
  }

  /// The default is the one the convergence test chose, and scenario files
  /// carry it.
  @Test func defaultWarmUpIsOneYearAndRoundTrips() throws {
    #expect(SimulationParameters().warmUpYears == 1)
    var p = SimulationParameters()
    p.warmUpYears = 3
    let data = try JSONInput.encode(p)
    #expect(try JSONDecoder().decode(SimulationParameters.self, from: data).warmUpYears == 3)
  }
}
