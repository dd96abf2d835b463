import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Results of one simulated centre (issue 13, finding 7).
@Suite struct SimulationResultTests {
  /// The guarantee metric is named for the guarantee, whatever its days
  /// (`acuteAssessmentDays`): 7 of 10 acute contacts assessed within it
  /// give 0.7 under the new name; the old 3-day name is gone from metrics.
  @Test func guaranteeMetricFollowsTheConfiguredDays() {
    let r = SimulationResult(tallies: {
      var t = SimulationTallies()
      t.acuteAssessed = 10
      t.acuteAssessedWithinGuarantee = 7
      t.acuteLeftUnassessed = 0
      return t
    }(), years: 1)
    #expect(r.assessedWithinGuarantee == 0.7)
    #expect(r[SimulationMetric(column: "assessedWithinGuarantee")!] == 0.7)
    #expect(SimulationMetric(column: "assessedWithin3Days") == nil)
  }
}
