import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

struct SimulationChartsTests {
  @Test func distributionsAndUtilisationMatchTheTallies() {
    var small = ExampleCentre.make()
    small.population.groups = small.population.groups.map { PatientGroup(profile: $0.profile, count: $0.count / 20) }
    let s = Replications.run(CentreSimulation(centre: small, parameters: .init()), count: 2, seed: 3, threads: 1)
    for r in s.results {
      // Every patient counted for COC lands in exactly one bin.
      #expect(r.tallies.cocHistogram[0].reduce(0, +) <= r.tallies.indexPatients[0])
      #expect(r.tallies.doctorSlotsUsed.reduce(0, +) == r.tallies.slotsUsed)
      #expect(r.tallies.doctorSlotsOffered.reduce(0, +) == r.tallies.slotsOffered)
      #expect(r.tallies.fixedShareHistogram[0].reduce(0, +) == r.tallies.fixedSharePatients[0])
    }
    let doc = SVGElements.parse(SimulationCharts.doctorUtilisation(s))
    #expect(doc.error == nil)
    let bars = doc.marks("bar")
    #expect(bars.count == s.results[0].tallies.doctorIds.count)
    let t0 = s.results[0].tallies, t1 = s.results[1].tallies
    let expected = (Double(t0.doctorSlotsUsed[0]) / Double(t0.doctorSlotsOffered[0]) + Double(t1.doctorSlotsUsed[0]) / Double(t1.doctorSlotsOffered[0])) / 2
    #expect(abs(bars[0].number("data-value") - expected) < 1e-9)
    let coc = SVGElements.parse(SimulationCharts.cocDistribution(s))
    let shares = coc.marks("bar").filter { $0["data-series"] == "doctor contacts" }.map { $0.number("data-value") }
    #expect(shares.count == SimulationTallies.indexBins)
    #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
  }
}
