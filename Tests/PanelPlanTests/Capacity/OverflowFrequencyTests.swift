import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Issue 13, finding 3: one overflow definition (Green, Savin and Murray
/// 2007: a doctor's working day with more demand for the doctor than
/// slots), exact where the model is analytic.
@Suite struct OverflowFrequencyTests {
  /// Direct summation of e^−λ λ^j / j! (a reference, written separately).
  static func tail(_ lambda: Double, _ k: Int) -> Double {
    var cdf = 0.0
    for j in 0...max(0, k) { cdf += exp(-lambda + Double(j) * log(lambda) - lgamma(Double(j + 1))) }
    return k < 0 ? 1 : 1 - cdf
  }

  /// Values by hand and from the reference: P(Poisson(1) > 0) = 1 − e^−1 =
  /// 0.632121; P(Poisson(9) > 10) = 0.294012 (tables); a far tail computed
  /// without cancellation, P(Poisson(2) > 20) ≈ 2^21 e^−2 / 21! × (1 + 2/22
  /// + ...) ≈ 5.56e-15.
  @Test func poissonTailMatchesReferenceValues() {
    #expect(abs(OverflowFrequency.poissonTail(mean: 1, exceeding: 0) - (1 - exp(-1))) < 1e-15)
    #expect(abs(OverflowFrequency.poissonTail(mean: 9, exceeding: 10) - 0.294_012) < 1e-6)
    let far = OverflowFrequency.poissonTail(mean: 2, exceeding: 20)
    let first = exp(21 * log(2.0) - 2 - lgamma(22))
    #expect(far > first && far < first * 1.1)
    for (l, k) in [(0.5, 3), (4.86, 6), (30.0, 25), (120.0, 130), (1_500.0, 1_450)] {
      #expect(abs(OverflowFrequency.poissonTail(mean: l, exceeding: k) - Self.tail(l, k)) < 1e-9, "λ \(l), k \(k)")
    }
    #expect(OverflowFrequency.poissonTail(mean: 3, exceeding: -1) == 1)
    #expect(OverflowFrequency.poissonTail(mean: 0, exceeding: 0) == 0)
  }

  /// Fractional slots: 6.25 slots a day are 7 on a quarter of the days.
  @Test func fractionalSlotsMixTheTwoWholeCounts() {
    let v = OverflowFrequency.perWorkingDay(demandPerDay: 5, slotsPerDay: 6.25)
    #expect(abs(v - (0.75 * Self.tail(5, 6) + 0.25 * Self.tail(5, 7))) < 1e-12)
  }

  /// The single doctor at the guideline: 1,100 weight-1 patients at
  /// 1.1 visits, 249 open days, default absences (201 present days). By
  /// hand: λ = 1,210 / 249 = 4.8594 a working day; slots (82,008 − 27,500)
  /// / 45 / 201 = 6.0263; overflow 0.9737 · P(X > 6) + 0.0263 · P(X > 7)
  /// = 0.2150 (Python, scipy-free summation). The simulation, counting only
  /// the doctor's present days, is within 4 binomial standard errors.
  @Test func simulatedOverflowOnWorkingDaysMatchesTheExactTail() {
    let spd = (82_008.0 - 27_500) / 45 / 201
    let exact = OverflowFrequency.doctor(panel: 1_100, visitsPerPatientYear: 1.1, openDaysPerYear: 249, slotsPerPresentDay: spd)
    let f = spd - 6
    #expect(abs(exact - ((1 - f) * Self.tail(1_210.0 / 249, 6) + f * Self.tail(1_210.0 / 249, 7))) < 1e-12)
    #expect(abs(exact - 0.2150) < 5e-4)

    let patients = (0..<1_100).map { Patient(id: "p\($0)", profile: PatientProfile(ageBand: .age45to64, needWeight: 1), fixedDoctorId: "gp-0") }
    let centre = CareCentre(id: "c", name: "c", clinicians: SimulationFixtures.doctors(1), population: ListedPopulation(patients: patients))
    var p = SimulationParameters(years: 4, warmUpYears: 0)
    p.demand = DemandParameters(doctorVisitsPerYear: Array(repeating: 1.1, count: AgeBand.allCases.count), scaleByNeedWeight: false)
    let sim = CentreSimulation(centre: centre, parameters: p)
    let r = sim.run(seed: 4, stream: [0])
    let days = Double(r.tallies.doctorDays)
    #expect(days > 4 * 190 && days < 4 * 212)  // present days only, about 4 × 201
    let se = (exact * (1 - exact) / days).squareRoot()
    #expect(abs(r.overflowDayShare - exact) < 4 * se)
  }

  /// Days away are not overflow: a doctor with a small panel (200 patients,
  /// λ = 0.88 a day against 6+ slots) overflows on almost no working day,
  /// where counting days away (no slots) gave about their share, ~19%.
  @Test func daysAwayAreNotOverflowDays() {
    let patients = (0..<200).map { Patient(id: "p\($0)", profile: PatientProfile(ageBand: .age45to64, needWeight: 1), fixedDoctorId: "gp-0") }
    let centre = CareCentre(id: "c", name: "c", clinicians: SimulationFixtures.doctors(1), population: ListedPopulation(patients: patients))
    var p = SimulationParameters(years: 2, warmUpYears: 0)
    p.demand = DemandParameters(doctorVisitsPerYear: Array(repeating: 1.1, count: AgeBand.allCases.count), scaleByNeedWeight: false)
    let r = CentreSimulation(centre: centre, parameters: p).run(seed: 1, stream: [0])
    let exact = OverflowFrequency.doctor(
      panel: 200, visitsPerPatientYear: 1.1, openDaysPerYear: 249, slotsPerPresentDay: (82_008.0 - 5_000) / 45 / 201)
    #expect(exact < 1e-4)
    #expect(r.overflowDayShare < 0.01)
  }
}
