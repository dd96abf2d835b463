import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Staffing metrics and their names (issue 13, finding 7).
@Suite struct StaffingTotalsTests {
  /// The two fixed-doctor shares have two names: people in staffing output,
  /// visits in continuity output.
  @Test func fixedDoctorSharesHaveDistinctNames() {
    #expect(StaffingMetric.fixedDoctorShare.rawValue == "share_with_fixed_doctor")
    #expect(ContinuitySummary.indexNames.contains("fixed_doctor_share"))
    #expect(!ContinuitySummary.indexNames.contains("share_with_fixed_doctor"))
  }
}
