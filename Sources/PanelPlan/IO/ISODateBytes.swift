/// ISO 8601 calendar dates and times read straight from bytes.
///
/// Accepted: `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`
/// (seconds, fractions and a zone after that are ignored: visit order within a
/// day only needs minutes). Surrounding spaces are ignored. Years 1900–2199.
public enum ISODateBytes {
  /// Minutes in a day.
  public static let minutesPerDay: Int32 = 1440

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
  /// `days_from_civil`, exact for every date).
  
  public static func dayNumber(year: Int, month: Int, day: Int) -> Int32 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int32(era * 146_097 + doe - 719_468)
  }

  /// The civil date of a day number (inverse of `dayNumber`).
  public static func civil(_ dayNumber: Int32) -> (year: Int, month: Int, day: Int) {
    let z = Int(dayNumber) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// `YYYY-MM-DD` of a day number.
  public static func format(_ dayNumber: Int32) -> String {
    let (y, m, d) = civil(dayNumber)
    func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
    return "\(y)-\(two(m))-\(two(d))"
  }

  /// Parses a `YYYY-MM-DD` string (for options such as `--from`).
  public static func parse(_ s: String) -> Int32? {
    var s = s
    return s.withUTF8 { b in parseMinute(UnsafeRawBufferPointer(b)) }.map { $0 / minutesPerDay }
  }

  
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  @inline(__always)
  static func digit(_ b: UInt8) -> Int? {
    b &- 48 < 10 ? Int(b &- 48) : nil
  }

  /// Minutes since 1970-01-01 00:00 (local civil time) of a date or date and
  /// time; nil when the bytes are not one.
  ///
  /// - Complexity: O(length).
  
  public static func parseMinute(_ p: UnsafeRawBufferPointer) -> Int32? {
    var s = 0, e = p.count
    while s < e && p[s] == 32 { s += 1 }
    while e > s && p[e - 1] == 32 { e -= 1 }
    guard e - s >= 10, p[s + 4] == 45, p[s + 7] == 45,
      let y0 = digit(p[s]), let y1 = digit(p[s + 1]), let y2 = digit(p[s + 2]), let y3 = digit(p[s + 3]),
      let m0 = digit(p[s + 5]), let m1 = digit(p[s + 6]), let d0 = digit(p[s + 8]), let d1 = digit(p[s + 9])
    else { return nil }
    let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
    let month = m0 * 10 + m1
    let day = d0 * 10 + d1
    guard (1900...2199).contains(year), (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
    else { return nil }
    var minute = 0
    if e - s > 10 {
      let sep = p[s + 10]
      guard sep == 84 || sep == 32, e - s >= 16, p[s + 13] == 58,
        let h0 = digit(p[s + 11]), let h1 = digit(p[s + 12]), let n0 = digit(p[s + 14]), let n1 = digit(p[s + 15])
      else { return nil }
      let hour = h0 * 10 + h1, min = n0 * 10 + n1
      guard hour < 24, min < 60 else { return nil }
      minute = hour * 60 + min
    }
    return dayNumber(year: year, month: month, day: day) &* minutesPerDay &+ Int32(minute)
  }

  /// The day `months` calendar months before `dayNumber` (the day of month
  /// clamped to the shorter month: 31 Mar − 1 month = 28/29 Feb).
  public static func monthsBefore(_ dayNumber: Int32, months: Int) -> Int32 {
    let (y, m, d) = civil(dayNumber)
    let total = y * 12 + (m - 1) - months
    let ny = total >= 0 ? total / 12 : (total - 11) / 12
    let nm = total - ny * 12 + 1
    return Self.dayNumber(year: ny, month: nm, day: min(d, daysInMonth(year: ny, month: nm)))
  }
}
