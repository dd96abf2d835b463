import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct SyntheticRegionTests {
  @Test func regionMatchesItsPopulationAndRatios() {
    // Uppsala, 404,589 residents: about 404,589 / 9,000 = 45 centres, the
    // whole population listed, specialists about 404,589 / 2,039 = 198
    // (Poisson draws per centre: standard deviation about 14; allow 5 sd).
    let r = SyntheticRegion().region(name: "Uppsala", population: 404_589, seed: 1)
    #expect(r.centres.count == 45)
    #expect(r.centres.reduce(0) { $0 + $1.population.count } == 404_589)
    let specialists = r.centres.reduce(0) { $0 + $1.clinicians.filter { $0.role == .gpSpecialist }.count }
    #expect(abs(Double(specialists) - 404_589 / 2_039) < 70)
    for c in r.centres {
      #expect(Validation.problems(in: c).isEmpty)
      for cl in c.clinicians where cl.role == .gpSpecialist {
        let age = SyntheticRegion().year - (cl.birthYear ?? 0)
        #expect((32...67).contains(age))
      }
    }
  }

  @Test func seededAndReproducible() throws {
    let g = SyntheticRegion()
    let a = try JSONInput.encode(g.region(name: "Gotland", population: 61_001, seed: 5))
    let b = try JSONInput.encode(g.region(name: "Gotland", population: 61_001, seed: 5))
    let c = try JSONInput.encode(g.region(name: "Gotland", population: 61_001, seed: 6))
    #expect(a == b)
    #expect(a != c)
  }

  @Test func swedenHasTwentyOneRegionsOfRealSize() {
    // SCB 2023: Sweden 10,551,707; the table sums to within 0.5% of that.
    let total = SwedishRegions.populations2023.reduce(0) { $0 + $1.population }
    #expect(SwedishRegions.populations2023.count == 21)
    #expect(abs(Double(total) - 10_551_707) / 10_551_707 < 0.005)
    #expect(SwedishRegions.find("orebro")?.name == "Örebro")
    #expect(SwedishRegions.find("Västra")?.population == 1_761_846)
  }
}
