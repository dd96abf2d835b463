import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// What the working-time calibration means (issue 13, finding 2).
@Suite struct WorkingTimeParametersTests {
  /// The guideline centre's honest figure: at the calibrated panel supply
  /// equals demand, so with 1,100.8 patients the doctor's slots a year,
  /// (82,008 − 1,100.8 × 25) / 45 = 1,211.0, equal the visits made,
  /// 1,100.8 × 1.1 = 1,210.9 (to rounding): 100% busy on average.
  @Test func calibrationIsSupplyEqualsDemand() {
    let panel = WorkingTimeCapacity.breakdown(for: Clinician(id: "", role: .gpSpecialist, fte: 1)).panel
    let s = DoctorSlots(clinicians: [Clinician(id: "", role: .gpSpecialist, fte: 1)], panels: [panel], weightedListed: panel,
                        workingTime: .standard, openDaysPerYear: 249)
    #expect(abs(s.visitSlotsPerYear[0] / (panel * 1.1) - 1) < 1e-9)
  }
}
