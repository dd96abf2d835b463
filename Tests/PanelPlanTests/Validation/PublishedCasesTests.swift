import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// `panelplan validate`'s cases: every one passes, for several seeds, and
/// the pieces they rest on hold values worked by hand.
@Suite struct PublishedCasesTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func everyCasePasses(seed: UInt64) {
    let cases = PublishedCases.all(seed: seed)
    for c in cases { #expect(c.pass, "\(c.id): expected \(c.expected), model \(c.model), tolerance \(c.tolerance)") }
    #expect(Set(cases.map(\.id)).count == cases.count)
  }

  @Test func theIssuesListIsCovered() {
    let ids = PublishedCases.all().map(\.id)
    for prefix in ["murray2007", "altschuler2012.hours", "altschuler2012.delegation", "guideline2022", "workingTime.guideline1100",
                   "gsm2007", "coc.interchangeableDoctors", "mmci", "coc.herfindahlIdentity"] {
      #expect(ids.contains { $0.hasPrefix(prefix) }, "\(prefix)")
    }
    #expect(ids.filter { $0.hasPrefix("altschuler2012.hours") }.count == 4)
    #expect(ids.filter { $0.hasPrefix("altschuler2012.delegation") }.count == 4)
  }

  @Test func poissonTailByHand() {
    // P(N > 1), N ~ Poisson(2): 1 − e^−2 (1 + 2) = 0.59399415…
    #expect(abs(PublishedCases.poissonTail(mean: 2, above: 1) - 0.5939941502901619) < 1e-12)
    // P(N > 0) = 1 − e^−λ.
    #expect(abs(PublishedCases.poissonTail(mean: 0.5, above: 0) - 0.3934693402873666) < 1e-12)
    #expect(PublishedCases.poissonTail(mean: 0, above: 3) == 0)
  }

  @Test func murraysPanelIsEnteredAsVisitsADay() {
    // 20 visits a day × 220 days / 2 visits = 2,200; at 0.5 FTE 1,100.
    var w = WorkingTimeParameters()
    w.vacationDaysPerYear = 25; w.publicHolidayDaysPerYear = 11; w.trainingDaysPerYear = 4; w.sickDaysPerYear = 0
    w.plannedVisitsPerPatientYear = 2; w.acuteVisitsPerPatientYear = 0
    #expect(WorkingTimeCapacity.supplyEqualsDemandPanel(visitsPerDay: 20, parameters: w) == 2_200)
    #expect(WorkingTimeCapacity.supplyEqualsDemandPanel(visitsPerDay: 20, fte: 0.5, parameters: w) == 1_100)
  }

  @Test func aFailingCaseSaysSo() {
    let c = PublishedCase(id: "x", name: "x", source: "s", citation: "s", expected: 1, model: 1.2, tolerance: 0.1, toleranceReason: "r")
    #expect(!c.pass)
    let nan = PublishedCase(id: "y", name: "y", source: "s", citation: "s", expected: 1, model: .nan, tolerance: 10, toleranceReason: "r")
    #expect(!nan.pass)
  }
}
