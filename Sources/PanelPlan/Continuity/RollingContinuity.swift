import Foundation

/// Continuity over time (issue 14): the indices over a moving window of
/// `windowMonths` ending every `stepMonths`, the last window ending on the
/// file's last date (or `--to`), the first starting on or after its first.
///
/// Each window is a full `VisitContinuityAnalysis` of the rows in it (same
/// definitions, minimum visits and SKR preset as a single run), so a
/// window's row equals `continuity --from START --to END` on the same file.
/// The target line is the first window's value × 1.2 (a +20% goal, as
/// regions have set for continuity; SKR Primärvårdskvalitet reports the
/// 18-month index).
///
/// - Complexity: one read of the file per window (k windows: k reads); no
///   state is kept between windows.
public enum RollingContinuity {
  /// One window's aggregates over all patients.
  public struct Window: Sendable {
    public var fromDay: Int32
    public var toDay: Int32
    public var summary: VisitContinuityAnalysis.GroupSummary
  }

  /// Parses `18m`, `12m`, `3m` (months) or `1y`/`2y` (years) into months.
  public static func months(_ s: String) -> Int? {
    let t = s.trimmingCharacters(in: .whitespaces).lowercased()
    guard let unit = t.last, let n = Int(t.dropLast()), n > 0, n <= 600 else { return nil }
    switch unit {
    case "m": return n
    case "y": return n * 12
    default: return nil
    }
  }

  /// The windows, oldest first.
  public static func run(
    reader: VisitRecordReader, options: VisitContinuityOptions, patientRecords: PatientRecords?,
    windowMonths: Int, stepMonths: Int, skr: Bool = false
  ) throws -> [Window] {
    precondition(windowMonths > 0 && stepMonths > 0, "window and step must be positive")
    // The file's dates within any --from/--to.
    let whole = try VisitContinuityAnalysis.run(reader: reader, options: options, patientRecords: patientRecords)
    guard let first = whole.firstVisitDay, let last = whole.lastVisitDay else { return [] }
    let lastEnd = min(options.toDay ?? last, last)
    let firstStart = max(options.fromDay ?? first, first)
    var ends: [Int32] = []
    var j = 0
    while true {
      let end = ISODateBytes.monthsBefore(lastEnd + 1, months: j * stepMonths) - 1
      let start = ISODateBytes.monthsBefore(end + 1, months: windowMonths)
      if start < firstStart { break }
      ends.append(end)
      j += 1
    }
    return try ends.reversed().map { end in
      var o = options
      o.toDay = end
      o.fromDay = ISODateBytes.monthsBefore(end + 1, months: windowMonths)
      var a: VisitContinuityAnalysis
      if skr {
        a = try VisitContinuityAnalysis.run(reader: reader, options: o, patientRecords: patientRecords, skr: true, skrEndDay: end)
        // The preset sets 18 months; the rolling window overrides it.
        if windowMonths != VisitContinuityOptions.skrMonths {
          o.minVisits = VisitContinuityOptions.skrMinVisits
          o.listingUnitOnly = true
          a = try VisitContinuityAnalysis.run(reader: reader, options: o, patientRecords: patientRecords)
        }
      } else {
        a = try VisitContinuityAnalysis.run(reader: reader, options: o, patientRecords: patientRecords)
      }
      return Window(fromDay: o.fromDay!, toDay: end, summary: a.summary(grouping: "all")[0])
    }
  }

  /// Index means by name and scope, in `csv`'s order.
  static var indices: [(String, (ContinuitySummary) -> IndexDistribution?)] { [
    ("coc", { $0.coc }), ("upc", { $0.upc }), ("secon", { $0.secon }), ("fixed_doctor_share", { $0.fixedDoctorShare }),
  ] }

  /// One row per window end, scope and index: the window, patients counted,
  /// the mean, and the target (the first window's mean × 1.2).
  public static func csv(_ windows: [Window]) -> String {
    var w = CSVWriter()
    w.append(["window_end", "window_start", "scope", "index", "patients", "mean", "target"])
    for x in windows {
      for (scope, s) in [("doctor", x.summary.doctor), ("all", x.summary.all)] {
        for (name, get) in indices {
          let first = windows.first.flatMap { f in get(scope == "doctor" ? f.summary.doctor : f.summary.all)?.mean }
          w.append([ISODateBytes.format(x.toDay), ISODateBytes.format(x.fromDay), scope, name, String(get(s)?.count ?? 0),
                    get(s).map { NumberFormat.machine($0.mean) } ?? "", first.map { NumberFormat.machine($0 * 1.2) } ?? ""])
        }
      }
    }
    return w.text
  }

  /// A self-contained HTML page: per scope, the COC, UPC and SECON means
  /// by window end, with the +20% target line from the first window's COC.
  public static func html(_ windows: [Window], file: String, windowMonths: Int, stepMonths: Int) -> String {
    let width = 640.0, height = 220.0, left = 50.0, top = 20.0
    var body = ""
    for (scope, pick) in [("doctor contacts", { (w: Window) in w.summary.doctor }), ("all contacts", { (w: Window) in w.summary.all })] {
      var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width + left + 120))\" height=\"\(Int(height + top + 40))\" font-family=\"sans-serif\" font-size=\"11\">"
      let n = windows.count
      func x(_ i: Int) -> Double { left + (n > 1 ? Double(i) / Double(n - 1) : 0.5) * width }
      func y(_ v: Double) -> Double { top + (1 - v) * height }
      svg += "<line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(top)\" y2=\"\(top + height)\" stroke=\"#888\"/>"
      for t in [0.0, 0.5, 1.0] { svg += "<text x=\"\(left - 6)\" y=\"\(y(t) + 4)\" text-anchor=\"end\">\(t)</text>" }
      let colours = ["#1f77b4", "#2ca02c", "#9467bd"]
      for (k, (name, get)) in indices.prefix(3).enumerated() {
        let points = windows.enumerated().compactMap { i, w in get(pick(w)).map { "\(x(i)),\(y($0.mean))" } }
        svg += "<polyline fill=\"none\" stroke=\"\(colours[k])\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
        svg += "<text x=\"\(left + width + 8)\" y=\"\(top + 14 + Double(k) * 14)\" fill=\"\(colours[k])\">\(name.uppercased())</text>"
      }
      if let f = windows.first.flatMap({ pick($0).coc?.mean }) {
        let target = min(1, f * 1.2)
        svg += "<line x1=\"\(left)\" x2=\"\(left + width)\" y1=\"\(y(target))\" y2=\"\(y(target))\" stroke=\"#d62728\" stroke-dasharray=\"5,4\"/>"
        svg += "<text x=\"\(left + width + 8)\" y=\"\(y(target) + 4)\" fill=\"#d62728\">COC target +20%</text>"
      }
      if let a = windows.first, let b = windows.last {
        svg += "<text x=\"\(left)\" y=\"\(top + height + 16)\">\(ISODateBytes.format(a.toDay))</text>"
        svg += "<text x=\"\(left + width)\" y=\"\(top + height + 16)\" text-anchor=\"end\">\(ISODateBytes.format(b.toDay))</text>"
      }
      svg += "</svg>"
      body += "<h2>\(scope)</h2>\n\(svg)\n"
    }
    let name = file.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Continuity over time</title></head>
      <body style="font-family: sans-serif; max-width: 900px">
      <h1>Continuity over time</h1>
      <p>\(name): \(windowMonths)-month windows every \(stepMonths) month(s), by window end; dashed: the first window's COC + 20%.</p>
      \(body)</body></html>

      """
  }
}
