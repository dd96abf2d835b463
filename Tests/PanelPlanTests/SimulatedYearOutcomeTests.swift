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

  /// One doctor and no team: every visit is with that doctor, so doctor
  /// COC, all-contacts COC and the fixed-doctor share are exactly 1 in
  /// every year (worked by hand: COC = (Σ nⱼ² − N) / (N (N − 1)) = 1 when
  /// one provider has all N visits).
  @Test func oneDoctorGivesContinuityOfOne() {
    let centre = CareCentre(
      id: "one", name: "One",
      clinicians: [Clinician(id: "a", role: .gpSpecialist, fte: 1, birthYear: 1980)],
      population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age65to74), count: 400)]))
    let r = run(Region(name: "R", centres: [centre]), years: 1)
    #expect(r.outcomeNames == YearOutcomeModel.simulatedMetrics.map(\.column))
    let k = StaffingMetric.allCases.count
    for y in r.years.indices {
      for metric in [SimulationMetric.coc(.doctor), .coc(.all), .fixedDoctorShare(.doctor)] {
        let i = r.outcomeNames.firstIndex(of: metric.column)!
        #expect(r.total.bands[y][k + i].mean == 1, "\(metric.column) in \(r.years[y])")
      }
    }
  }

  /// A region's value is the listed-weighted mean of its centres' values
  /// (`YearOutcomeModel`), recomputed here from the centre rows.
  @Test func regionValuesAreListedWeightedMeansOfCentres() {
    let r = run(ExampleRegion.make())
    let k = StaffingMetric.allCases.count
    let centres = r.series.filter { $0.level == .centre }
    #expect(centres.count > 1)
    for y in r.years.indices {
      for i in r.outcomeNames.indices {
        var weighted = 0.0, listed = 0.0
        for c in centres {
          let n = c.band(.listed, yearIndex: y).mean
          weighted += n * c.bands[y][k + i].mean
          listed += n
        }
        let expected = weighted / listed
        let total = r.total.bands[y][k + i].mean
        #expect(expected.isFinite)
        #expect(abs(total - expected) <= 1e-9 * max(1, abs(expected)), "\(r.outcomeNames[i]) in \(r.years[y])")
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
