import Foundation
import PanelPlan

/// `panelplan continuity --rolling 18m --step 1m`: continuity over time
/// (`RollingContinuity`), one row per window end, scope and index.
enum RollingContinuityOptions {
  static let options: [OptionSpec] = [
    OptionSpec("rolling", value: "WINDOW", help: "Continuity over time: windows of this length (18m, 12m, 3m; or 1y), one CSV row per window end, scope and index, with the first window's value +20% as target. Default with --skr: 18m."),
    OptionSpec("step", value: "STEP", help: "With --rolling: months between window ends (1m, 3m, ...).", default: "1m"),
  ]

  static func run(
    _ a: ParsedArguments, path: String, columns: VisitColumns, delimiter: UInt8?, threads: Int,
    options: VisitContinuityOptions, patients: PatientRecords?, skr: Bool, output: inout CommandOutput
  ) throws {
    let usage = ContinuityCommand.spec.usage
    let windowText = a.string("rolling") ?? (skr ? "\(VisitContinuityOptions.skrMonths)m" : "")
    guard let window = RollingContinuity.months(windowText) else {
      throw UsageError("option '--rolling': found '\(windowText)', expected a length such as 18m, 12m, 3m or 1y", usage: usage)
    }
    let stepText = a.string("step") ?? "1m"
    guard let step = RollingContinuity.months(stepText) else {
      throw UsageError("option '--step': found '\(stepText)', expected a length such as 1m or 3m", usage: usage)
    }
    if a.has("compare-from") || a.has("compare-to") || a.has("compare-file") || a.has("per-patient") {
      throw UsageError("--rolling writes a series; leave out --compare-* and --per-patient", usage: usage)
    }
    if let f = a.string("format"), f != "csv" && f != "table" {
      throw UsageError("--rolling writes CSV; leave out --format \(f)", usage: usage)
    }
    let reader = VisitRecordReader(path: path, columns: columns, delimiter: delimiter, skipBadRows: a.flag("skip-bad-rows"), workers: threads)
    var o = options
    if a.has("min-visits") { o.minVisits = try a.int("min-visits", in: 1...1_000_000)! }
    let windows = try RollingContinuity.run(reader: reader, options: o, patientRecords: patients, windowMonths: window, stepMonths: step, skr: skr)
    if windows.isEmpty { output.warn(Terms.message("No window of {1} months fits between the first and last dates in {2}.", String(window), path) + "\n") }
    let text = RollingContinuity.csv(windows)
    try ContinuityCommand.emitReport(a) { _ in RollingContinuity.html(windows, file: path, windowMonths: window, stepMonths: step) }
    try ContinuityCommand.emit(text, a, &output)
  }
}
