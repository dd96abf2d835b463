import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The working calendar (issue 13, finding 7).
@Suite struct SimulationCalendarTests {
  /// The calendar gives the present days the slots are sized for: 249 open
  /// days − 30 vacation − 10 training − 8 sick = 201 on average (it gave
  /// 203.1). Over 2,000 specialist-years the mean is within 0.5 days (the
  /// spread of one year's sick days is a few days, so the standard error
  /// of the mean is about 0.1).
  @Test func calendarPresentDaysMatchTheWorkingTimeView() {
    let cal = SimulationCalendar(years: 20, publicHolidayDaysPerYear: 11)
    var total = 0
    for i in 0..<100 {
      var rng = Xoshiro256(seed: 9, stream: [UInt64(i)])
      let days = cal.presence(for: Clinician(id: "d", role: .gpSpecialist, fte: 1), workingTime: .standard, absences: .init(), using: &rng)
      total += days.reduce(0) { $0 + Int($1) }
    }
    let mean = Double(total) / 2_000
    #expect(abs(mean - 201) < 0.5)
    #expect(cal.expectedPresentDaysPerYear(for: Clinician(id: "d", role: .gpSpecialist, fte: 1), workingTime: .standard, absences: .init()) == 201)
  }
}
