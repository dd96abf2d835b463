import Foundation
import PanelPlan

/// `panelplan continuity`: continuity indices from a unit's own visit records.
public enum ContinuityCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "continuity",
    abstract: "Continuity indices (COC, UPC, SECON, Herfindahl, MMCI, fixed-doctor share) from visit records.",
    discussion: """
      Reads a CSV of visits (one row per contact; header row; ',' or ';'; RFC 4180
      quotes; UTF-8) and reports, per unit, fixed doctor, age band and priority
      group, the number of patients and visits and the mean, median and p10-p90 of
      each index, over doctor contacts and over all contacts. Dates are ISO 8601
      (2024-03-05, optionally with a time). The file need not be sorted; memory
      grows with patients, not rows. A patients CSV (--patients) adds age band,
      priority group, fixed doctor and listing unit. Bad rows stop the run with
      file:line:column; --skip-bad-rows counts and skips them instead.
      """,
    positionals: [PositionalSpec("visits.csv", help: "Visit records (see Examples/visits.csv).")],
    options: [
      .format, .csvDialect, .out, .report, .lang,
      OptionSpec("patients", value: "FILE", help: "Patients CSV: patient, birth_year or age_band, sex, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor, unit (see Examples/patients.csv)."),
      OptionSpec("per-patient", value: "FILE", help: "Also write one row per patient with every index per scope (coc_doctor, coc_all, ...), whole or not at all; a scope where the patient has fewer than --min-visits visits keeps its counts with every index empty."),
      OptionSpec("from", value: "DATE", help: "First day counted, YYYY-MM-DD (inclusive). Default: no limit."),
      OptionSpec("to", value: "DATE", help: "Last day counted, YYYY-MM-DD (inclusive). Default: no limit."),
      OptionSpec("min-visits", value: "N", help: "Visits a patient needs in a scope to count there (COC needs 2).", default: "2 (3 with --skr)"),
      OptionSpec("skr", help: "SKR Primärvårdskvalitet's definition: at least 3 visits in the 18 months ending at --to (or the last date in the file), only visits at the patient's listing unit (the patients file's unit, else the unit of most of the patient's rows)."),
      doctorValuesOption,
      OptionSpec("contact-types", value: "LIST", help: "Comma-separated contact types that count, e.g. physical,video (case ignored). Default: all."),
      OptionSpec("compare-from", value: "DATE", help: "Comparison mode: first day of the baseline period; the main window is the current period."),
      OptionSpec("compare-to", value: "DATE", help: "Comparison mode: last day of the baseline period."),
      OptionSpec("compare-file", value: "FILE", help: "Comparison mode: baseline visits from another file (with --compare-from/--compare-to if given, else the main window)."),
    ] + readingOptions(centreColumn: true) + RollingContinuityOptions.options)

  static func day(_ a: ParsedArguments, _ name: String) throws -> Int32? {
    guard a.has(name), let s = a.string(name) else { return nil }
    guard let d = ISODateBytes.parse(s), s.count == 10 else {
      throw UsageError("option '--\(name)': found '\(s)', expected a date YYYY-MM-DD", usage: spec.usage)
    }
    return d
  }

  static func list(_ s: String) -> [String] {
    s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// `--doctor-values`, shared with `calibrate` so both state the same default.
  static let doctorValuesOption = OptionSpec("doctor-values", value: "LIST", help: "Comma-separated profession values that mean a doctor, replacing the built-in list (case, punctuation and spaces ignored).", default: "Swedish doctor titles: läkare, ST-läkare, AT-läkare, BT-läkare, distriktsläkare, specialistläkare, allmänläkare, leg. läkare, specialist i allmänmedicin, hyrläkare ... and doctor, physician, GP")

  /// The options `visitReading` reads, shared with `calibrate`.
  static func readingOptions(centreColumn: Bool) -> [OptionSpec] {
    [
      OptionSpec("patient", value: "COL", help: "Column with the patient id.", default: "patient"),
      OptionSpec("date", value: "COL", help: "Column with the visit date.", default: "date"),
      OptionSpec("clinician", value: "COL", help: "Column with the clinician id.", default: "clinician"),
      OptionSpec("profession", value: "COL", help: "Column with the clinician's profession.", default: "profession"),
    ] + (centreColumn ? [OptionSpec("centre", value: "COL", help: "Column with the care centre (optional unless named).", default: "centre")] : []) + [
      OptionSpec("contact-type", value: "COL", help: "Column with the contact type (optional unless named).", default: "contact_type"),
      OptionSpec("fixed-doctor", value: "COL", help: "Column with the patient's fixed doctor (optional unless named).", default: "fixed_doctor"),
      OptionSpec("delimiter", value: "D", help: "Field delimiter; auto detects ',' or ';' from the header.", default: "auto", allowed: ["auto", ",", ";"]),
      OptionSpec("skip-bad-rows", help: "Skip malformed rows, count them and report the first few, instead of stopping."),
      OptionSpec("threads", value: "N", help: "Parts read in parallel; results do not depend on it.", default: "the number of cores"),
    ]
  }

  /// The visit reader's settings from the options `continuity` and
  /// `calibrate` share: the columns chosen by name, the delimiter and the
  /// threads. `centreColumn` is false where `--centre` names a centre file.
  static func visitReading(_ a: ParsedArguments, centreColumn: Bool) throws -> (columns: VisitColumns, delimiter: UInt8?, threads: Int) {
    var columns = VisitColumns()
    func choose(_ name: String, _ keyPath: WritableKeyPath<VisitColumns, VisitColumns.Choice>) {
      if a.has(name), let v = a.string(name) { columns[keyPath: keyPath] = .init(v, required: true) }
    }
    choose("patient", \.patient)
    choose("date", \.date)
    choose("clinician", \.clinician)
    choose("profession", \.profession)
    if centreColumn { choose("centre", \.centre) }
    choose("contact-type", \.contactType)
    choose("fixed-doctor", \.fixedDoctor)
    let delimiter: UInt8? = a.string("delimiter") == ";" ? UInt8(ascii: ";") : a.string("delimiter") == "," ? UInt8(ascii: ",") : nil
    let threads = a.has("threads") ? try a.int("threads", in: 1...256)! : ProcessInfo.processInfo.activeProcessorCount
    return (columns, delimiter, threads)
  }

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    guard let path = a.positional(0) else { throw UsageError("missing argument <visits.csv>", usage: spec.usage) }
    let (columns, delimiter, threads) = try visitReading(a, centreColumn: true)

    var options = VisitContinuityOptions()
    options.fromDay = try day(a, "from")
    options.toDay = try day(a, "to")
    if let f = options.fromDay, let t = options.toDay, f > t {
      throw UsageError("option '--from' is after '--to'", usage: spec.usage)
    }
    if a.has("min-visits") { options.minVisits = try a.int("min-visits", in: 1...1_000_000)! }
    if a.has("doctor-values") { options.doctorValues = Set(list(a.string("doctor-values")!)) }
    if a.has("contact-types") { options.contactTypes = Set(list(a.string("contact-types")!)) }
    let skr = a.flag("skr")
    if skr && a.has("from") { throw UsageError("--skr sets the window itself (18 months ending at --to); leave out --from", usage: spec.usage) }

    let patients = try a.has("patients") ? PatientRecords.load(path: a.string("patients")!) : nil
    func analyse(_ file: String, _ o: VisitContinuityOptions, skrEnd: Int32?) throws -> VisitContinuityAnalysis {
      let reader = VisitRecordReader(path: file, columns: columns, delimiter: delimiter, skipBadRows: a.flag("skip-bad-rows"), workers: threads)
      var r = try VisitContinuityAnalysis.run(reader: reader, options: o, patientRecords: patients, skr: skr, skrEndDay: skrEnd)
      // An explicit --min-visits overrides the preset's 3.
      if skr && a.has("min-visits") { r.minVisits = o.minVisits }
      return r
    }

    if a.has("rolling") || a.has("step") {
      try RollingContinuityOptions.run(a, path: path, columns: columns, delimiter: delimiter, threads: threads, options: options, patients: patients, skr: skr, output: &output)
      return
    }
    let current = try analyse(path, options, skrEnd: options.toDay)
    for e in current.scan.skippedExamples { output.warn(Terms.message("Skipped: {1}", "\(e)") + "\n") }
    if current.scan.skippedRows > 0 { output.warn(Terms.message("Skipped {1} bad row(s) in {2}.", Terms.number(Double(current.scan.skippedRows)), path) + "\n") }
    for w in current.professions.warnings(file: path) { output.warn(w + "\n") }
    let groups = current.summaries()
    let format = a.string("format") ?? "table"

    let comparing = a.has("compare-from") || a.has("compare-to") || a.has("compare-file")
    var text: String
    var comparisonSection: ((ReportLanguage) -> String)?
    var csvBytes: [UInt8]?
    if comparing {
      var b = options
      if a.has("compare-from") || a.has("compare-to") {
        b.fromDay = try day(a, "compare-from")
        b.toDay = try day(a, "compare-to")
      }
      let baseFile = a.string("compare-file") ?? path
      let baseline = try analyse(baseFile, b, skrEnd: b.toDay)
      for e in baseline.scan.skippedExamples { output.warn(Terms.message("Skipped: {1}", "\(e)") + "\n") }
      func title(_ f: String, _ x: VisitContinuityAnalysis) -> String {
        "\(f) \(x.fromDay.map(ISODateBytes.format) ?? "start")…\(x.toDay.map(ISODateBytes.format) ?? "end")"
      }
      let changes = ContinuityReport.changes(baseline: baseline.summaries(), current: groups)
      text = try ContinuityReport.comparison(changes, format: format, baselineTitle: title(baseFile, baseline), currentTitle: title(path, current))
      comparisonSection = { ContinuityComparisonReport.section(changes, baselineTitle: title(baseFile, baseline), currentTitle: title(path, current), language: $0) }
    } else {
      switch format {
      case "csv":
        // Written in the dialect by the byte writer; emitted as is below.
        csvBytes = ContinuityReport.csvBytes(groups, dialect: csvDialect(a))
        text = ""
      case "json": text = try ContinuityReport.json(current, groups, file: path)
      default: text = Verdicts.continuity(groups, minVisits: current.minVisits) + ContinuityReport.table(current, groups, file: path) + "\n" + current.professions.table()
      }
    }
    // Everything is computed before anything is written.
    if let file = try CommandFiles.output(a, "per-patient") {
      // Bytes in the dialect, formatted on all threads and streamed into the
      // checked output: never one String of the whole file, and still
      // whole or not at all (the output publishes only on commit).
      var sink = file
      do {
        // The per-patient file is always CSV: the dialect applies to it even
        // when the main results are a table.
        let dialect = a.string("csv-dialect").flatMap(CSVDialect.init(rawValue:)) ?? .standard
        try ContinuityReport.writePerPatientCSV(current, dialect: dialect, threads: threads, to: &sink)
        try file.commit()
      } catch {
        file.discard()
        throw error
      }
    }
    try emitReport(a, verdict: { Verdicts.continuity(groups, minVisits: current.minVisits) }) { l in
      let html = ContinuityCharts.report(current, file: path, language: l)
      return comparisonSection.map { ContinuityComparisonReport.inserting($0(l), into: html) } ?? html
    }
    if var csvBytes {
      // Excel-sv CSV starts with a byte-order mark (see `inDialect`).
      if csvDialect(a) == .excelSv && !csvBytes.starts(with: [0xEF, 0xBB, 0xBF]) { csvBytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
      if let file = try CommandFiles.output(a, "out") {
        do { try file.write(csvBytes); try file.commit() } catch { file.discard(); throw error }
      } else {
        output.write(String(decoding: csvBytes, as: UTF8.self))
      }
    } else {
      try emit(text, a, &output)
    }
  }
}
