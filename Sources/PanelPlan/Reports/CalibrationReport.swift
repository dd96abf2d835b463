import Foundation

/// Writing a calibration: the estimates table, the validation table
/// (observed beside simulated), the scenario file with its `calibration`
/// section, and the HTML report (observed points on simulated bands).
public enum CalibrationReport {
  static func f(_ x: Double, _ d: Int = 3) -> String { x.isFinite ? String(format: "%.\(d)f", x) : "-" }

  /// The estimates, notes and defaults, then the validation table; its
  /// header line contains "observed".
  public static func table(_ c: CentreCalibration, _ v: CalibrationValidation, file: String) -> String {
    var out = "Calibration of \(c.scenario.centre.name) from \(file), \(ISODateBytes.format(c.fromDay))…\(ISODateBytes.format(c.toDay)) (\(f(c.windowYears, 2)) years), \(c.listed) listed patients\n\n"
    var t = TextTable(headers: ["Estimate", "Value", "Std error", "Count", "Of", "Units"])
    for e in c.estimates {
      t.append([e.name, f(e.value, 4), f(e.standardError, 4), String(e.count), e.countOf, String(e.units)])
    }
    out += t.render()
    out += "\nDefaults kept (not estimable from these records):\n"
    for d in c.defaults { out += "  - \(d)\n" }
    if !c.notes.isEmpty {
      out += "\nNotes:\n"
      for n in c.notes { out += "  - \(n)\n" }
    }
    out += "\nValidation: the calibrated scenario simulated over \(c.scenario.parameters.years) year(s) after \(c.scenario.parameters.warmUpYears) warm-up year(s), \(v.replications) replications (5-95% band)\n"
    var w = TextTable(headers: ["Quantity (observed vs simulated)", "Observed", "Simulated mean", "5%", "95%", "Observed in band"])
    for r in v.rows {
      w.append([r.name, f(r.observed), f(r.simulatedMean), f(r.simulatedLow), f(r.simulatedHigh), r.inside.map { $0 ? "inside" : "OUTSIDE" } ?? "-"])
    }
    out += w.render()
    let outside = v.outside
    if outside.isEmpty {
      out += "\nEvery observed value lies inside the simulated band.\n"
    } else {
      out += "\nThe model does not reproduce \(outside.count) of \(v.rows.count) observed value(s): \(outside.map(\.name).joined(separator: "; ")). "
      out += "Read the simulated figures for these with care: the booking model, not the records, decides them.\n"
    }
    return out
  }

  /// The `calibration` section of the scenario file.
  public struct Section: Sendable, Codable {
    public var source: String
    public var from: String
    public var to: String
    public var windowYears: Double
    public var listedPatients: Int
    public var estimated: [CentreCalibration.Estimate]
    public var defaults: [String]
    public var notes: [String]
  }

  /// The scenario as JSON (what `simulate` reads) with a `calibration`
  /// section naming each calibrated value's count, window and standard
  /// error, and the defaults kept. `Scenario` ignores the section when read.
  public static func scenarioJSON(_ c: CentreCalibration, file: String) throws -> String {
    let scenario = String(decoding: try JSONInput.encode(c.scenario), as: UTF8.self)
    let section = Section(
      source: file, from: ISODateBytes.format(c.fromDay), to: ISODateBytes.format(c.toDay), windowYears: c.windowYears,
      listedPatients: c.listed, estimated: c.estimates.map { e in
        var e = e
        // JSON has no NaN: an undefined standard error is written as -1.
        if !e.standardError.isFinite { e.standardError = -1 }
        if !e.value.isFinite { e.value = -1 }
        return e
      }, defaults: c.defaults, notes: c.notes)
    var body = String(decoding: try JSONInput.encode(section), as: UTF8.self)
    body = body.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "\n  ")
    // Splice the section in as the object's first field ("calibration"
    // sorts before every scenario field).
    guard let brace = scenario.firstIndex(of: "{") else { return scenario }
    var s = scenario
    s.insert(contentsOf: "\n  \"calibration\" : \(body),", at: s.index(after: brace))
    return s
  }

  /// A self-contained HTML page: per compared quantity, the simulated
  /// 5–95% band as a bar, its mean as a tick and the observed value as a
  /// dot (red when outside the band), each row on its own scale.
  public static func html(_ c: CentreCalibration, _ v: CalibrationValidation, file: String) -> String {
    func esc(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
    let rowH = 28, left = 300, width = 420, top = 30
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(left + width + 40)\" height=\"\(top + rowH * v.rows.count + 20)\" font-family=\"sans-serif\" font-size=\"12\">"
    svg += "<text x=\"\(left)\" y=\"16\">observed (dot) on simulated 5–95% band (bar, tick = mean)</text>"
    for (k, r) in v.rows.enumerated() {
      let y = top + k * rowH
      let values = [r.observed, r.simulatedLow, r.simulatedHigh, r.simulatedMean].filter(\.isFinite)
      svg += "<text x=\"\(left - 8)\" y=\"\(y + 14)\" text-anchor=\"end\">\(esc(r.name))</text>"
      guard let lo0 = values.min(), let hi0 = values.max() else { continue }
      let pad = max((hi0 - lo0) * 0.15, max(abs(hi0), 1e-3) * 0.05)
      let lo = lo0 - pad, hi = hi0 + pad
      func x(_ t: Double) -> Int { left + Int((t - lo) / (hi - lo) * Double(width)) }
      if r.simulatedLow.isFinite && r.simulatedHigh.isFinite {
        svg += "<rect x=\"\(x(r.simulatedLow))\" y=\"\(y + 4)\" width=\"\(max(2, x(r.simulatedHigh) - x(r.simulatedLow)))\" height=\"14\" fill=\"#9ecae1\"/>"
      }
      if r.simulatedMean.isFinite { svg += "<line x1=\"\(x(r.simulatedMean))\" x2=\"\(x(r.simulatedMean))\" y1=\"\(y + 2)\" y2=\"\(y + 20)\" stroke=\"#08519c\" stroke-width=\"2\"/>" }
      if r.observed.isFinite {
        svg += "<circle cx=\"\(x(r.observed))\" cy=\"\(y + 11)\" r=\"5\" fill=\"\(r.inside == false ? "#d62728" : "#222")\"/>"
      }
      svg += "<text x=\"\(left + width + 6)\" y=\"\(y + 14)\">\(r.inside == false ? "outside" : "")</text>"
    }
    svg += "</svg>"
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Calibration: \(esc(c.scenario.centre.name))</title></head>
      <body style="font-family: sans-serif; max-width: 900px">
      <h1>Calibration: \(esc(c.scenario.centre.name))</h1>
      <p>Records: \(esc(file)), \(ISODateBytes.format(c.fromDay))–\(ISODateBytes.format(c.toDay)); \(c.listed) listed patients; \(v.replications) replications.</p>
      \(svg)
      <pre>\(esc(table(c, v, file: file)))</pre>
      </body></html>

      """
  }
}
