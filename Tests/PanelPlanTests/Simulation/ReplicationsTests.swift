import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct ReplicationsTests {
  static func smallRegion() -> Region {
    var centres: [CareCentre] = []
    for c in 0..<5 {
      var centre = ExampleCentre.make()
      centre.id = "vc-\(c)"
      centre.population.groups = centre.population.groups.map { PatientGroup(profile: $0.profile, count: $0.count / (4 + c)) }
      centres.append(centre)
    }
    return Region(name: "test", centres: centres)
  }

  /// The same seed gives bit-identical results on 1 and 2 threads.
  @Test func replicationsAreIdenticalWhateverTheThreadCount() {
    var small = ExampleCentre.make()
    small.population.groups = small.population.groups.map { PatientGroup(profile: $0.profile, count: $0.count / 6) }
    let sim = CentreSimulation(centre: small, parameters: SimulationParameters(years: 1))
    let one = Replications.run(sim, count: 4, seed: 42, threads: 1)
    let two = Replications.run(sim, count: 4, seed: 42, threads: 2)
    // Tallies are sums and counts (no NaN), so == is bit-identity.
    #expect(one.results == two.results)
    // Replications differ from each other (their own streams).
    #expect(one.results[0] != one.results[1])
  }

  @Test func regionIsIdenticalWhateverTheThreadCountAndMergesCentres() {
    let region = Self.smallRegion()
    let p = SimulationParameters(years: 1)
    let one = RegionSimulation.run(region: region, parameters: p, seed: 9, threads: 1)
    let two = RegionSimulation.run(region: region, parameters: p, seed: 9, threads: 2)
    #expect(one == two)
    #expect(one.centres.count == 5)
    // The merged tallies are the sums of the centres'.
    #expect(one.total.tallies.doctorContacts == one.centres.reduce(0) { $0 + $1.tallies.doctorContacts })
    #expect(one.total.tallies.coverage.listed.reduce(0, +) == region.centres.reduce(0) { $0 + $1.population.count })
    // A centre simulated alone with its stream gives the same result as
    // inside the region.
    let alone = CentreSimulation(centre: region.centres[3], parameters: p).run(seed: 9, stream: [0, 0, 3])
    #expect(alone == one.centres[3])
  }

  /// Band over replications: the mean lies in [low, high] and the band is
  /// the 5% and 95% quantiles (type 7) of the replication values.
  @Test func bandsAreQuantilesOfReplications() {
    var small = ExampleCentre.make()
    small.population.groups = small.population.groups.map { PatientGroup(profile: $0.profile, count: $0.count / 10) }
    let s = Replications.run(CentreSimulation(centre: small, parameters: .init()), count: 6, seed: 1, threads: 2)
    let coc = s.results.map { $0.coc(.doctor) }
    let b = s[.coc(.doctor)]
    #expect(abs(b.mean - coc.reduce(0, +) / 6) < 1e-12)
    #expect(b.p05 <= b.mean && b.mean <= b.p95)
    // Type 7 with n = 6: h = 5 · 0.05 = 0.25 for the 5% point, 4.75 for 95%.
    let x = coc.sorted()
    #expect(abs(b.p05 - (x[0] + 0.25 * (x[1] - x[0]))) < 1e-12)
    #expect(abs(b.p95 - (x[4] + 0.75 * (x[5] - x[4]))) < 1e-12)
  }

  /// Metric names are stable API: the first ones and their order.
  @Test func metricNamesAreStable() {
    let names = SimulationResult(tallies: .init(), years: 1).metrics.map(\.name)
    #expect(Array(names.prefix(9)) == [
      "coc_doctor", "upc_doctor", "secon_doctor", "fixedDoctorShare_doctor",
      "coc_all", "upc_all", "secon_all", "fixedDoctorShare_all", "assessedWithinGuarantee",
    ])
    #expect(names.contains("shareWithFixedDoctor_nursing-home"))
    #expect(Set(names).count == names.count)
    // Each name reads back as its metric, and the table covers every case.
    for m in SimulationMetric.allCases { #expect(SimulationMetric(column: m.column) == m) }
    #expect(names.count == 4 * ContinuityScope.allCases.count + 21 + PriorityGroup.allCases.count)
  }

  /// Results are read by metric: each accessor agrees with the tallies it
  /// is a ratio of, worked by hand.
  @Test func metricsAreRatiosOfTheirTallies() {
    var t = SimulationTallies()
    t.indexPatients = [4, 5]
    t.cocSum = [2, 1]
    t.doctorContacts = 40
    t.acuteContacts = 10
    t.wentElsewherePlanned = 3
    t.wentElsewhereAcute = 2
    t.unservedDoctorContacts = 4
    let r = SimulationResult(tallies: t, years: 1)
    #expect(r[.coc(.doctor)] == 0.5)
    #expect(r[.coc(.all)] == 0.2)
    #expect(r[.wentElsewhereShare] == 5.0 / 40)
    #expect(r[.wentElsewhereAcuteShare] == 0.2)
    #expect(r[.wentElsewherePlannedShare] == 0.1)
    #expect(r[.unservedShare] == 0.1)
    #expect(r[.upc(.doctor)] == 0)
    #expect(r[.fixedDoctorShare(.doctor)].isNaN)
  }
}
