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
