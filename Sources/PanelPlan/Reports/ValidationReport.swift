/// Writers for `panelplan validate`: a table for people, JSON for machines.
public enum ValidationReport {
  /// One row per case (case, source, expected, model, tolerance, pass),
  /// then each case's assumptions, then a summary line.
  public static func table(_ cases: [PublishedCase]) -> String {
    var t = TextTable(
      headers: ["case", "source", "expected", "model", "tolerance", "result"],
      alignments: [.left, .left, .right, .right, .right, .left])
    for c in cases {
      t.append([c.id, c.citation, number(c.expected), number(c.model), "±" + number(c.tolerance), c.pass ? "pass" : "FAIL"])
    }
    var s = "PanelPlan validated against the published methods\n\n" + t.render() + "\n"
    for c in cases {
      s += "\(c.id): \(c.name)\n"
      s += "  source: \(c.source)\n"
      s += "  tolerance: \(c.toleranceReason)\n"
      for a in c.assumptions { s += "  assumes: \(a)\n" }
    }
    let passed = cases.filter(\.pass).count
    s += "\n\(passed) of \(cases.count) cases pass.\n"
    return s
  }

  /// A JSON array of objects, one per case, each with a boolean `pass`.
  public static func json(_ cases: [PublishedCase]) throws -> String {
    struct Row: Encodable {
      var id, name, source, citation: String
      var expected, model, tolerance: Double?
      var toleranceReason: String
      var assumptions: [String]
      var pass: Bool
    }
    let finite = { (x: Double) -> Double? in x.isFinite ? x : nil }
    let rows = cases.map {
      Row(
        id: $0.id, name: $0.name, source: $0.source, citation: $0.citation, expected: finite($0.expected), model: finite($0.model),
        tolerance: finite($0.tolerance), toleranceReason: $0.toleranceReason, assumptions: $0.assumptions, pass: $0.pass)
    }
    return String(decoding: try JSONInput.encode(rows), as: UTF8.self)
  }

  /// Enough significant digits to see a difference within the tolerance.
  static func number(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "–" : "∞" }
    let a = abs(x)
    if a == 0 { return "0" }
    if a >= 100 { return NumberFormat.grouped(x, decimals: 1) }
    if a >= 1 { return NumberFormat.fixed(x, decimals: 3) }
    if a >= 1e-4 { return NumberFormat.fixed(x, decimals: 5) }
    return String(format: "%.2e", x)
  }
}
