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
/// Issue 17, a region's simulation report: past 40 doctors the utilisation
/// chart is a histogram of doctors (a bar and label per doctor was
/// unreadable at a 40-centre region's 262 doctors); every doctor offered
/// slots is counted once, in the bin its mean utilisation falls in.
@Test func manyDoctorsUtilisationIsAHistogramOfDoctors() {
  var small = ExampleCentre.make()
  small.population.groups = small.population.groups.map { PatientGroup(profile: $0.profile, count: $0.count / 40) }
  let centres = (0..<8).map { k -> CareCentre in
    var c = small
    c.id = "vc-\(k)"
    return c
  }
  let s = Replications.run(region: Region(name: "R", centres: centres), parameters: .init(), count: 1, seed: 5)
  #expect(s.results[0].tallies.doctorIds.count > SimulationCharts.mostDoctorBars)
  let doctors = s.results[0].tallies.doctorSlotsOffered.filter { $0 > 0 }.count
  let doc = SVGElements.parse(SimulationCharts.doctorUtilisation(s))
  #expect(doc.error == nil)
  let bars = doc.marks("bar")
  #expect(bars.count == 10)
  #expect(bars.reduce(0) { $0 + Int($1.number("data-value")) } == doctors)
  // The top bin by hand: doctors whose slots used per offered are 0.9 to 1.
  let t = s.results[0].tallies
  let top = t.doctorIds.indices.filter { j in
    t.doctorSlotsOffered[j] > 0 && Double(t.doctorSlotsUsed[j]) / Double(t.doctorSlotsOffered[j]) >= 0.9
  }.count
  #expect(Int(bars[9].number("data-value")) == top)
}
