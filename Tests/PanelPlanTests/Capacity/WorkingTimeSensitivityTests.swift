import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The sensitivity of the calibrated panel to each working-time default
/// (issue 13, finding 2).
@Suite struct WorkingTimeSensitivityTests {
  /// The example: indirect work per patient-year 25 → 0 minutes
  /// alone moves the full-time specialist's panel from 1,366.8 × 60 / 74.5
  /// = 1,100.8 to 1,366.8 × 60 / 49.5 = 1,656.7, +50.5%. Minutes a visit
  /// 30 → 36 (+20%): 82,008 / (1.1 × 51 + 25) = 1,011.2, −8.1%.
  @Test func sensitivityTableReproducesHandWorkedPanels() {
    let rows = WorkingTimeSensitivity.rows()
    let indirect = rows.first { $0.name == "indirectMinutesPerPatientYear" }!
    #expect(abs(indirect.panel - 82_008 / 74.5) < 1e-6)
    #expect(abs(indirect.panelAtZero! - 82_008 / 49.5) < 1e-6)
    #expect(abs(indirect.panelAtZero! / indirect.panel - 1.505) < 0.001)
    let visit = rows.first { $0.name == "minutesPerVisit" }!
    #expect(visit.panelAtZero == nil)
    #expect(abs(visit.panelPlus20Percent - 82_008 / (1.1 * 51 + 25)) < 1e-6)
    // Every default has a source or says it is an assumption.
    #expect(rows.count == 12 && rows.allSatisfy { !ParameterCatalog.source("workingTime." + $0.name).isEmpty })
    #expect(rows.filter { ParameterCatalog.source("workingTime." + $0.name) == "assumption" }.map(\.name).sorted() == [
      "administrationHoursPerWeek", "indirectMinutesPerPatientYear", "indirectMinutesPerVisit", "meetingHoursPerWeek",
      "sickDaysPerYear",
    ])
  }
}
