import Foundation

/// Number formatting for tables (human) and CSV/JSON (machine).
public enum NumberFormat {
  /// `12,345` style: thousands separated by commas, rounded to `decimals`.
  public static func grouped(_ x: Double, decimals: Int = 0) -> String {
    // Never "∞" or "inf" to a planner: a ratio over zero is not defined.
    guard x.isFinite else { return "–" }
    // The English digits first (not `fixed`, which is already localised),
    // then grouped, then localised once.
    let s = String(format: "%.\(decimals)f", abs(x))
    let parts = s.split(separator: ".", maxSplits: 1)
    var intPart = String(parts[0])
    var groups: [String] = []
    while intPart.count > 3 {
      groups.insert(String(intPart.suffix(3)), at: 0)
      intPart.removeLast(3)
    }
    groups.insert(intPart, at: 0)
    let sign = x < 0 && s.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
    let english = sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    return ReportLanguage.current == .sv ? SwedishFormat.localise(english) : english
  }

  /// Fixed decimals, no grouping: `1234.57` (Swedish: `1234,57`).
  public static func fixed(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return "–" }
    let english = String(format: "%.\(decimals)f", x)
    return ReportLanguage.current == .sv ? SwedishFormat.localise(english) : english
  }

  /// A share as a percentage: `61.2%` (Swedish: `61,2 %`).
  public static func percent(_ share: Double, decimals: Int = 1) -> String {
    guard share.isFinite else { return "–" }
    return fixed(share * 100, decimals: decimals) + (ReportLanguage.current == .sv ? "\u{00A0}%" : "%")
  }

  /// A machine-readable number: shortest round-trip form, empty for NaN
  /// or infinity (CSV readers take an empty cell as missing).
  public static func machine(_ x: Double) -> String {
    guard x.isFinite else { return "" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }
}
