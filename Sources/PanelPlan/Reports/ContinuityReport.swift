import Foundation

/// Tables, CSV and JSON for continuity results from visit records.
public enum ContinuityReport {
  /// Index column names as in CSV and JSON.
  static let indexNames = ContinuitySummary.indexNames
  static let indexTitles = ["COC", "UPC", "SECON", "Herfindahl", "MMCI", "FD share"]

  /// The readable table: a header about the run, then one block per
  /// grouping with each index as mean/median.
  public static func table(_ a: VisitContinuityAnalysis, _ groups: [VisitContinuityAnalysis.GroupSummary], file: String) -> String {
    var s = header(a, file: file)
    s += "Each index: mean/median over patients with at least \(a.minVisits) visits in the scope"
    s += " (fixed-doctor share: over those who have a fixed doctor). Distributions: --format csv or json.\n"
    for name in orderedGroupings(groups) {
      s += "\nBy \(name.replacingOccurrences(of: "_", with: " ")):\n"
      var t = TextTable(headers: ["group", "scope", "patients", "visits"] + indexTitles)
      for g in groups where g.grouping == name {
        for (scope, sum) in [("doctor", g.doctor), ("all", g.all)] {
          t.append([g.group, scope, NumberFormat.grouped(Double(sum.patients)), NumberFormat.grouped(Double(sum.visits))]
            + sum.distributions.map { d in d.map { NumberFormat.fixed($0.mean, decimals: 3) + "/" + NumberFormat.fixed($0.median, decimals: 3) } ?? "–" })
        }
      }
      s += t.render()
    }
    return s
  }

  static func orderedGroupings(_ groups: [VisitContinuityAnalysis.GroupSummary]) -> [String] {
    var names: [String] = []
    for g in groups where !names.contains(g.grouping) { names.append(g.grouping) }
    return names
  }

  static func header(_ a: VisitContinuityAnalysis, file: String) -> String {
    let window = "\(a.fromDay.map(ISODateBytes.format) ?? "start")…\(a.toDay.map(ISODateBytes.format) ?? "end")"
    var s = "Continuity from \(file): \(NumberFormat.grouped(Double(a.scan.rows))) rows read"
    if a.scan.skippedRows > 0 { s += ", \(NumberFormat.grouped(Double(a.scan.skippedRows))) bad rows skipped" }
    s += "; window \(window); \(NumberFormat.grouped(Double(a.countedVisits))) visits counted"
    s += " for \(NumberFormat.grouped(Double(a.patients.count))) patients.\n"
    return s
  }

  /// Long CSV: one row per grouping, group, scope and index.
  public static func csv(_ groups: [VisitContinuityAnalysis.GroupSummary]) -> String {
    var w = CSVWriter()
    w.append(["grouping", "group", "scope", "patients", "visits", "index", "n", "mean", "p10", "p25", "median", "p75", "p90"])
    for g in groups {
      for (scope, sum) in [("doctor", g.doctor), ("all", g.all)] {
        for (name, d) in zip(indexNames, sum.distributions) {
          let values = d.map { x in [String(x.count)] + [x.mean, x.p10, x.p25, x.median, x.p75, x.p90].map(NumberFormat.machine) }
            ?? ["0", "", "", "", "", "", ""]
          w.append([g.grouping, g.group, scope, String(sum.patients), String(sum.visits), name] + values)
        }
      }
    }
    return w.text
  }

  struct RunJSON: Encodable {
    var file: String
    var rows: Int
    var skippedRows: Int
    var from: String?
    var to: String?
    var minVisits: Int
    var countedVisits: Int
    var patients: Int
    var groups: [VisitContinuityAnalysis.GroupSummary]
  }

  /// JSON with the run's facts and every group's summaries.
  public static func json(_ a: VisitContinuityAnalysis, _ groups: [VisitContinuityAnalysis.GroupSummary], file: String) throws -> String {
    let r = RunJSON(
      file: file, rows: a.scan.rows, skippedRows: a.scan.skippedRows, from: a.fromDay.map(ISODateBytes.format),
      to: a.toDay.map(ISODateBytes.format), minVisits: a.minVisits, countedVisits: a.countedVisits, patients: a.patients.count, groups: groups)
    return String(decoding: try JSONInput.encode(r), as: UTF8.self) + "\n"
  }

  /// One row per patient with a counted visit, sorted by id: the groups, then
  /// per scope (`_doctor`, `_all`) visits, providers and each index (empty
  /// where undefined, e.g. COC with one visit, and every index empty, UPC
  /// included, in a scope where the patient has fewer than `minVisits`
  /// visits: such a patient is left out of that scope's aggregates).
  public static func perPatientCSV(_ a: VisitContinuityAnalysis) -> String {
    var w = CSVWriter()
    var head = ["patient"] + a.groupings.dropFirst().map(\.name)
    for scope in ContinuityScope.allCases {
      head += ["visits", "providers"].map { "\($0)_\(scope.rawValue)" } + indexNames.map { "\($0)_\(scope.rawValue)" }
    }
    w.append(head)
    let groupings = Array(a.groupings.dropFirst())
    for p in a.patients.sortedOrder() {
      let i = Int(p)
      var row = [a.patients.string(p)] + groupings.map { $0.labels[Int($0.groupOfPatient[i])] }
      for scope in ContinuityScope.allCases {
        let x = a.indices(i, scope)
        row += [String(x.visits), String(x.providers)]
        // Below --min-visits in the scope: counts only, every index empty.
        let values = a.counts(i, scope) ? [x.coc, x.upc, x.secon, x.herfindahl, x.mmci, x.fixedDoctorShare] : [Double?](repeating: nil, count: 6)
        row += values.map { $0.map(NumberFormat.machine) ?? "" }
      }
      w.append(row)
    }
    return w.text
  }

  /// One index of one group and scope in two periods.
  public struct Change: Sendable, Encodable {
    public var grouping: String
    public var group: String
    public var scope: String
    public var index: String
    public var baselinePatients: Int
    public var currentPatients: Int
    public var baselineMean: Double?
    public var currentMean: Double?
    /// (current − baseline) / baseline; nil when either is missing or the baseline is 0.
    public var relativeChange: Double?
  }

  /// Pairs groups of two runs by grouping and name (groups in either run).
  public static func changes(baseline: [VisitContinuityAnalysis.GroupSummary], current: [VisitContinuityAnalysis.GroupSummary]) -> [Change] {
    var keys: [(String, String)] = []
    for g in current + baseline where !keys.contains(where: { $0 == (g.grouping, g.group) }) { keys.append((g.grouping, g.group)) }
    var out: [Change] = []
    for (grouping, group) in keys {
      let b = baseline.first { $0.grouping == grouping && $0.group == group }
      let c = current.first { $0.grouping == grouping && $0.group == group }
      for scope in ContinuityScope.allCases {
        let bs = scope == .doctor ? b?.doctor : b?.all
        let cs = scope == .doctor ? c?.doctor : c?.all
        for (k, name) in indexNames.enumerated() {
          let bm = bs?.distributions[k]?.mean, cm = cs?.distributions[k]?.mean
          var rel: Double?
          if let bm, let cm, bm != 0 { rel = (cm - bm) / bm }
          out.append(Change(grouping: grouping, group: group, scope: scope.rawValue, index: name,
                            baselinePatients: bs?.patients ?? 0, currentPatients: cs?.patients ?? 0,
                            baselineMean: bm, currentMean: cm, relativeChange: rel))
        }
      }
    }
    return out
  }

  /// Comparison as a table, CSV or JSON.
  public static func comparison(_ changes: [Change], format: String, baselineTitle: String, currentTitle: String) throws -> String {
    switch format {
    case "csv":
      var w = CSVWriter()
      w.append(["grouping", "group", "scope", "index", "baseline_patients", "current_patients", "baseline_mean", "current_mean", "relative_change"])
      for c in changes {
        w.append([c.grouping, c.group, c.scope, c.index, String(c.baselinePatients), String(c.currentPatients),
                  c.baselineMean.map(NumberFormat.machine) ?? "", c.currentMean.map(NumberFormat.machine) ?? "",
                  c.relativeChange.map(NumberFormat.machine) ?? ""])
      }
      return w.text
    case "json":
      struct Root: Encodable { var baseline: String; var current: String; var changes: [Change] }
      return String(decoding: try JSONInput.encode(Root(baseline: baselineTitle, current: currentTitle, changes: changes)), as: UTF8.self) + "\n"
    default:
      var s = ReportLanguage.current == .sv
        ? "Utgångsläge: \(baselineTitle)\nNu:          \(currentTitle)\nMedelvärden över patienter; förändringen är relativ (överenskommelsens mål är +20 %).\n"
        : "Baseline: \(baselineTitle)\nCurrent:  \(currentTitle)\nMeans over patients; change is relative (the agreement's target is +20%).\n"
      var grouping = ""
      var t = TextTable(headers: ["group", "scope", "index", "baseline", "current", "change"])
      func flush() { if !t.rows.isEmpty { s += "\n" + ReportLanguage.current("By") + " " + Terms.label(grouping, ReportLanguage.current).lowercased() + ":\n" + t.render() } }
      for c in changes {
        if c.grouping != grouping {
          flush()
          grouping = c.grouping
          t = TextTable(headers: ["group", "scope", "index", "baseline", "current", "change"])
        }
        t.append([c.group, c.scope, Terms.label(c.index, ReportLanguage.current), c.baselineMean.map { NumberFormat.fixed($0, decimals: 3) } ?? "–",
                  c.currentMean.map { NumberFormat.fixed($0, decimals: 3) } ?? "–",
                  c.relativeChange.map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? "–"])
      }
      flush()
      return s
    }
  }
}
