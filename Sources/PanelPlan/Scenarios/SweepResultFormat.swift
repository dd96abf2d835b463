/// How sweep rows are written: CSV and JSON a row at a time (so they can
/// stream to a file as points finish), a table all at once.
///
/// Columns: `point` (1-based), one per parameter (its name), then for each
/// metric `<metric>_mean`, `<metric>_p5`, `<metric>_p50`, `<metric>_p95`
/// (quantiles over replications, type 7; see `Quantiles.type7`).
public struct SweepResultFormat: Sendable {
  public enum Kind: String, Sendable, CaseIterable { case csv, json, table }

  public var kind: Kind
  public var parameterNames: [String]
  public var metricNames: [String]

  public init(kind: Kind, parameterNames: [String], metricNames: [String]) {
    self.kind = kind
    self.parameterNames = parameterNames
    self.metricNames = metricNames
  }

  /// Whether rows can be written as they come (CSV, JSON) or only at the end.
  public var streams: Bool { kind != .table }

  /// CSV column names.
  public var csvColumns: [String] {
    ["point"] + parameterNames + metricNames.flatMap { m in SummaryStatistic.allCases.map { "\(m)_\($0.rawValue)" } }
  }

  /// Text before the first row.
  public var header: String {
    switch kind {
    case .csv:
      var w = CSVWriter()
      w.append(csvColumns)
      return w.text
    case .json: return "[\n"
    case .table: return ""
    }
  }

  /// Text of consecutive rows; `first` says whether they start the file
  /// (JSON puts a comma between rows).
  public func rows(_ rows: [SweepRow], first: Bool) -> String {
    switch kind {
    case .csv:
      var w = CSVWriter()
      for r in rows {
        var fields = [String(r.point + 1)] + r.parameters.map(Self.csvText)
        for m in r.metrics { fields += [m.mean, m.p05, m.p50, m.p95].map(NumberFormat.machine) }
        w.append(fields)
      }
      return w.text
    case .json:
      var out = ""
      for (k, r) in rows.enumerated() {
        if !(first && k == 0) { out += ",\n" }
        var o: [JSONMember] = [JSONMember("point", .number(Double(r.point + 1)))]
        o.append(JSONMember("parameters", .object(zip(parameterNames, r.parameters).map { JSONMember($0, $1) })))
        o.append(JSONMember("metrics", .object(zip(metricNames, r.metrics).map { name, m in
          JSONMember(name, .object([
            JSONMember("mean", .number(m.mean)), JSONMember("p5", .number(m.p05)),
            JSONMember("p50", .number(m.p50)), JSONMember("p95", .number(m.p95)),
          ]))
        })))
        out += "  " + JSONValue.object(o).jsonText
      }
      return out
    case .table:
      return ""
    }
  }

  /// Text after the last row (`rowCount` rows were written).
  public func footer(rowCount: Int) -> String {
    kind == .json ? (rowCount > 0 ? "\n]\n" : "]\n") : ""
  }

  static func csvText(_ v: JSONValue) -> String {
    switch v {
    case .number(let x): return NumberFormat.machine(x)
    case .string(let s): return s
    default: return v.jsonText
    }
  }

  static func tableText(_ v: JSONValue) -> String {
    if case .number(let x) = v { return readable(x) }
    return csvText(v)
  }

  /// Three significant digits or two decimals, whichever says more.
  public static func readable(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "–" : (x > 0 ? "∞" : "-∞") }
    if x == x.rounded() && abs(x) < 1e6 { return NumberFormat.grouped(x) }
    let a = abs(x)
    if a >= 100 { return NumberFormat.grouped(x) }
    if a >= 1 { return NumberFormat.fixed(x, decimals: 2) }
    return NumberFormat.fixed(x, decimals: 3)
  }
}
