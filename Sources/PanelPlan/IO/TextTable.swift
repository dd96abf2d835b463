import Foundation

/// A plain-text table with aligned columns, for terminal output.
public struct TextTable: Sendable {
  /// Column alignment.
  public enum Alignment: Sendable { case left, right }

  public var headers: [String]
  public var alignments: [Alignment]
  public var rows: [[String]] = []

  /// - Parameter alignments: one per header; default: first column left,
  ///   the rest right (labels, then numbers).
  public init(headers: [String], alignments: [Alignment]? = nil) {
    self.headers = headers
    self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
  }

  public mutating func append(_ row: [String]) {
    precondition(row.count == headers.count, "row has \(row.count) cells, table has \(headers.count) columns")
    rows.append(row)
  }

  /// The table as text, with a rule under the header, each line ending in
  /// a newline.
  ///
  /// Under `ReportLanguage.current == .sv` headers and label cells are
  /// translated through the table of terms (`Terms`).
  public func render() -> String {
    let language = ReportLanguage.current
    let headers = language == .en ? headers : headers.map { Terms.translate($0, language, audited: true) }
    let rows = language == .en ? rows : rows.map { $0.map { Terms.translate($0, language, audited: false) } }
    var widths = headers.map(\.count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, c) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - c.count)
        parts.append(alignments[i] == .left ? c + pad : pad + c)
      }
      var s = parts.joined(separator: "  ")
      while s.last == " " { s.removeLast() }
      return s + "\n"
    }
    var out = line(headers)
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for r in rows { out += line(r) }
    return out
  }
}

/// Writing CSV (RFC 4180): a header row, fields quoted only when needed.
public struct CSVWriter: Sendable {
  /// Field separator: `,` by default; `;` for Swedish Excel.
  public var separator: Character
  public private(set) var text = ""

  public init(separator: Character = ",") { self.separator = separator }

  /// Appends one record.
  public mutating func append(_ fields: [String]) {
    text += fields.map(quote).joined(separator: String(separator)) + "\n"
  }

  func quote(_ field: String) -> String {
    let needs = field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
    return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
  }
}

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
