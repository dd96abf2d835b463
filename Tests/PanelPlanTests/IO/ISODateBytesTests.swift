import Testing
@testable import PanelPlan
import PanelPlanTestSupport

private func minute(_ s: String) -> Int32? {
  var s = s
  return s.withUTF8 { ISODateBytes.parseMinute(UnsafeRawBufferPointer($0)) }
}

@Test func dayNumbersAreDaysSince1970() {
  // 2000-03-01: 30 years = 10,957 days (7 leap days 1972–96 + 365·30 = 10,957),
  // plus Jan 31 + Feb 29 = 60 → 11,017.
  #expect(ISODateBytes.dayNumber(year: 1970, month: 1, day: 1) == 0)
  #expect(ISODateBytes.dayNumber(year: 2000, month: 3, day: 1) == 11017)
  #expect(ISODateBytes.dayNumber(year: 1969, month: 12, day: 31) == -1)
  for d in stride(from: Int32(-25000), to: 80000, by: 97) {
    let (y, m, dd) = ISODateBytes.civil(d)
    #expect(ISODateBytes.dayNumber(year: y, month: m, day: dd) == d)
  }
}

@Test func datesAndTimesParseFromBytes() {
  #expect(minute("2000-03-01").map { Int($0) } == 11017 * 1440)
  #expect(minute(" 2000-03-01T14:30:59+01:00 ").map { Int($0) } == 11017 * 1440 + 14 * 60 + 30)
  #expect(minute("2000-03-01 00:01").map { Int($0) } == 11017 * 1440 + 1)
  #expect(minute("2024-02-29") != nil)
  for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-05", "05/03/2024", "", "2024-03-05X", "2024-03-05T25:00", "1899-12-31"] {
    #expect(minute(bad) == nil, "\(bad)")
  }
}

@Test func monthsBeforeClampsToTheMonthEnd() {
  let d = { (y: Int, m: Int, dd: Int) in ISODateBytes.dayNumber(year: y, month: m, day: dd) }
  // SKR window ending 2024-06-30: from (2024-07-01 − 18 months) = 2023-01-01.
  #expect(ISODateBytes.monthsBefore(d(2024, 7, 1), months: 18) == d(2023, 1, 1))
  #expect(ISODateBytes.monthsBefore(d(2024, 3, 31), months: 1) == d(2024, 2, 29))
}
