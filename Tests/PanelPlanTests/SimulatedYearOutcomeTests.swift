import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The simulation plugged into staffing projections through `YearOutcomeModel`.
struct SimulatedYearOutcomeTests {
  func run(_ region: Region, years: Int = 2) -> ProjectionResult {
    var s = ProjectionSettings(years: years)
    s.outcomeModel = .simulation(regions: [region])
    return WorkforceProjection(regions: [region], totalName: region.name).run(s)
  }

  @Test func metricsArePresentAndInRange() {
    let region = ExampleRegion.make()
    let r = run(region)
    #expect(r.outcomeNames == YearOutcomeModel.simulatedMetricNames)
    let k = StaffingMetric.allCases.count
    for y in r.years.indices {
      for (i, name) in r.outcomeNames.enumerated() where name != "waitDaysMean" {
        let v = r.total.bands[y][k + i].mean
        #expect(v >= 0 && v <= 1, "\(name) in \(r.years[y]) = \(v)")
      }
    }
  }

  @Test func aCentreWithAmpleCapacityServesEveryContact() {
    // 300 listed, two full-time specialists (capacity 2,200): nobody waits
    // long and no doctor contact is left unserved.
    let centre = CareCentre(
      id: "small", name: "Small",
      clinicians: [Clinician(id: "a", role: .gpSpecialist, fte: 1, birthYear: 1980), Clinician(id: "b", role: .gpSpecialist, fte: 1, birthYear: 1985)],
      population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64), count: 300)]))
    let r = run(Region(name: "R", centres: [centre]), years: 1)
    let k = StaffingMetric.allCases.count
    let unserved = r.outcomeNames.firstIndex(of: "unservedShare")!
    for y in r.years.indices { #expect(r.total.bands[y][k + unserved].mean == 0) }
  }

  @Test func sameSeedSameOutcomes() {
    let region = ExampleRegion.make()
    let a = run(region), b = run(region)
    #expect(a.total.bands == b.total.bands)
  }
}
