import Dispatch
import Foundation
import PanelPlan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `panelplan sweep`: many scenarios and replications in parallel,
/// summarised per point, ranked, with a Pareto front.
public enum SweepCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "sweep",
    abstract: "Run a scenario sweep in parallel: one row per point, mean and 5/50/95% quantiles.",
    discussion: """
      Reads a sweep file (see Examples/sweep.json): a base scenario, the parameters
      to vary by path (centre.clinicians[role=specialist].count,
      centre.clinicians[id=gp-anna].fte, visitsPerPatientYear), a grid or Latin
      hypercube design, replications per point and a seed. Everything is checked
      before the run. Each row holds the point's parameter values, then per metric
      the mean and the 5%, 50% and 95% quantiles over replications (type 7: linear
      interpolation between order statistics). The same seed gives byte-identical
      output for any --threads.

      Metrics of the built-in capacity model: guidelineRatio, workingTimeRatio,
      specialistFTEGap, shareOfferable, listedPerSpecialistFTE, doctorFTE,
      demandPerDay, slotsPerDay, overflowFrequency (share of open days with more
      Poisson demand than slots; Green, Savin and Murray 2007).

      With --out, CSV and JSON rows are written as points finish to a temporary
      file renamed to FILE at the end. Ctrl-C stops starting new points; the
      points finished so far (always the first ones, in order) are kept in FILE,
      and the command exits with status 1. Without --out, Ctrl-C writes nothing.
      A progress bar goes to standard error when it is a terminal.

      --maximise/--minimise rank the points meeting every --subject-to constraint
      (NAME>=X, NAME<=X, NAME>X, NAME<X; repeatable). --pareto A:max,B:min lists the
      points no other point beats on both. NAME is a parameter, a metric (its
      mean) or a metric with .p5, .p50 or .p95. Both print tables after the rows
      (with --format csv or json, they need --out for the rows).
      """,
    positionals: [PositionalSpec("sweep.json", help: "Sweep file; omit with --example.", optional: true)],
    options: [
      OptionSpec("format", value: "FORMAT", help: "How rows are written; with --out the default follows the file's extension (.json: json, otherwise csv).", default: "table", allowed: ["table", "csv", "json"]),
      .out,
      OptionSpec("seed", value: "S", help: "Seed of the random streams, overriding the sweep file's (default: the file's, else 1)."),
      OptionSpec("threads", value: "N", help: "Worker threads; results do not depend on it.", default: "all cores"),
      OptionSpec("replications", value: "N", help: "Replications per point, overriding the sweep file's."),
      OptionSpec("example", help: "Run the built-in example sweep (36 points, 20 replications; seconds)."),
      OptionSpec("maximise", value: "NAME", help: "Rank points by this result, largest first."),
      OptionSpec("minimise", value: "NAME", help: "Rank points by this result, smallest first."),
      OptionSpec("subject-to", value: "CONSTRAINT", help: "Keep only points where NAME>=X (or <=, >, <) holds; repeatable."),
      OptionSpec("top", value: "K", help: "Ranked points to show.", default: "10"),
      OptionSpec("pareto", value: "A:DIR,B:DIR", help: "Pareto front over two results; DIR is max or min (default max)."),
      .csvDialect, .report, .lang,
      OptionSpec("report-metric", value: "NAME", help: "The result the report's heat map shows. Default: the ranking objective, else the first result."),
    ])

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    let file = a.positional(0)
    let isExample = a.flag("example")
    if file == nil && !isExample { throw UsageError("missing argument <sweep.json> (or --example)", usage: spec.usage) }
    if file != nil && isExample { throw UsageError("give either <sweep.json> or --example, not both", usage: spec.usage) }
    let threadsText = a.string("threads") ?? "all cores"
    let threads: Int
    if threadsText == "all cores" {
      threads = ProcessInfo.processInfo.activeProcessorCount
    } else {
      threads = try a.int("threads", in: 1...1024)!
    }
    let seed = try a.has("seed") ? a.uint64("seed") : nil
    let replications = try a.has("replications") ? a.int("replications", in: 1...1_000_000) : nil
    let top = try a.int("top", in: 1...1_000_000)!

    var format = a.string("format") ?? "table"
    if !a.has("format"), let out = a.string("out") { format = out.lowercased().hasSuffix(".json") ? "json" : "csv" }
    let kind = SweepResultFormat.Kind(rawValue: format) ?? .table

    var definition = try file.map(SweepDefinition.load) ?? SweepDefinition.example()
    if let replications { definition.replications = replications }
    guard let model = SweepModels.make(named: definition.model) else {
      throw InputError(file: file, field: "model", problem: "found '\(definition.model)', expected one of: \(SweepModels.names.joined(separator: ", "))")
    }
    let plan = SweepPlan(definition, seed: seed)
    try run(plan: plan, model: model, file: file, threads: threads, kind: kind, top: top, arguments: a, output: &output)
  }

  /// What ranking and Pareto need from each row, kept while rows stream.
  struct Wanted {
    var objective: SweepColumn?
    var maximise = true
    var constraints: [SweepConstraint] = []
    var pareto: (SweepColumn, Bool, SweepColumn, Bool)?
    var isEmpty: Bool { objective == nil && pareto == nil }
  }

  static func wanted(_ a: ParsedArguments, parameters: [String], metrics: [String]) throws -> Wanted {
    func column(_ name: String, _ option: String) throws -> SweepColumn {
      do { return try SweepColumn(name, parameters: parameters, metrics: metrics) } catch let e as InputError {
        throw UsageError("option '--\(option)': '\(name)': \(e.problem)", usage: spec.usage)
      }
    }
    var w = Wanted()
    if a.has("maximise") && a.has("minimise") { throw UsageError("give --maximise or --minimise, not both", usage: spec.usage) }
    if let m = a.string("maximise") { w.objective = try column(m, "maximise") }
    if let m = a.string("minimise") { w.objective = try column(m, "minimise"); w.maximise = false }
    for text in a.strings("subject-to") {
      do {
        w.constraints.append(try SweepConstraint(parsing: text, parameters: parameters, metrics: metrics))
      } catch let e as InputError {
        throw UsageError("option '--subject-to': '\(text)': \(e.problem)", usage: spec.usage)
      }
    }
    if !w.constraints.isEmpty && w.objective == nil && !a.has("pareto") {
      throw UsageError("--subject-to needs --maximise, --minimise or --pareto", usage: spec.usage)
    }
    if let p = a.string("pareto") {
      let parts = p.split(separator: ",").map(String.init)
      guard parts.count == 2 else { throw UsageError("option '--pareto': found '\(p)', expected two results such as coc:max,waitDays:min", usage: spec.usage) }
      var cols: [(SweepColumn, Bool)] = []
      for part in parts {
        var name = part
        var maximise = true
        if let colon = part.lastIndex(of: ":") {
          let dir = part[part.index(after: colon)...]
          guard dir == "max" || dir == "min" else {
            throw UsageError("option '--pareto': found direction '\(dir)', expected max or min", usage: spec.usage)
          }
          maximise = dir == "max"
          name = String(part[..<colon])
        }
        cols.append((try column(name, "pareto"), maximise))
      }
      w.pareto = (cols[0].0, cols[0].1, cols[1].0, cols[1].1)
    }
    return w
  }

  /// Runs a planned sweep with a model (opened from the existential once,
  /// so the runner's hot loop is specialised for the concrete model).
  static func run<M: SweepModel>(
    plan: SweepPlan, model: M, file: String?, threads: Int, kind: SweepResultFormat.Kind, top: Int,
    arguments a: ParsedArguments, output: inout CommandOutput
  ) throws {
    let format = SweepResultFormat(kind: kind, parameterNames: plan.parameterNames, metricNames: model.metricNames)
    let wanted = try wanted(a, parameters: plan.parameterNames, metrics: model.metricNames)
    let outPath = a.string("out")
    if !wanted.isEmpty && outPath == nil && kind != .table {
      throw UsageError("with --format \(kind.rawValue), ranking and --pareto need --out FILE for the rows", usage: spec.usage)
    }
    let runner = SweepRunner(plan: plan, model: model, threads: threads)
    do {
      try runner.preflight()
    } catch let e as InputErrors {
      throw InputErrors(e.errors.map { file.map($0.inFile) ?? $0 })
    }

    // Where rows go: streamed to a temporary file (CSV, JSON with --out),
    // or collected and written whole at the end.
    let stream = format.streams ? try CommandFiles.output(a, "out") : nil
    // Swedish Excel's dialect applies to CSV rows, piece by piece.
    let dialect = kind == .csv ? (a.string("csv-dialect").flatMap(CSVDialect.init(rawValue:)) ?? .standard) : .standard
    var text = dialect.convert(format.header)
    if let stream { try stream.write(text); text = "" }
    var tableRows: [SweepRow] = []
    var kept: [SweepRow] = []  // parameters plus only the metrics ranking needs
    var written = 0

    let control = SweepControl()
    let interrupt = InterruptWatch(control: control)
    let progress = isatty(STDERR_FILENO) == 1 ? ProgressBar(control: control, total: plan.pointCount) : nil
    let t0 = DispatchTime.now().uptimeNanoseconds
    let outcome: SweepOutcome
    do {
      defer {
        progress?.stop()
        interrupt.stop()
      }
      outcome = try runner.run(control: control) { rows in
        if kind == .table { tableRows += rows } else {
          let piece = dialect.convert(format.rows(rows, first: written == 0))
          if let stream { try stream.write(piece) } else { text += piece }
        }
        written += rows.count
        if !wanted.isEmpty || a.has("report") { kept += rows }
      }
    } catch {
      stream?.discard()
      throw error
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    if kind == .table { text += format.table(tableRows) } else { text += format.footer(rowCount: written) }

    if let stream {
      try stream.write(text)
      try stream.commit()
      text = ""
    } else if outcome.interrupted {
      throw InputError(problem: "interrupted after \(outcome.pointsDone) of \(outcome.pointCount) points; nothing written (use --out to keep finished points)")
    } else if outPath != nil {
      try CommandFiles.write(text, a, "out")
      text = ""
    }
    if outcome.interrupted, let outPath {
      throw InputError(file: outPath, problem: "interrupted after \(outcome.pointsDone) of \(outcome.pointCount) points; the file holds those first \(outcome.pointsDone) rows")
    }
    if a.has("report") {
      let name = a.string("report-metric") ?? wanted.objective?.name ?? model.metricNames[0]
      let column: SweepColumn
      do { column = try SweepColumn(name, parameters: plan.parameterNames, metrics: model.metricNames) } catch let e as InputError {
        throw UsageError("option '--report-metric': '\(name)': \(e.problem)", usage: spec.usage)
      }
      let (ranked, front, _) = analyse(kept, wanted)
      try emitReport(a) { language in
        SweepCharts.report(
          kept, parameterNames: plan.parameterNames, metricNames: model.metricNames, replications: plan.replications,
          seed: plan.seed, column: column, ranked: ranked,
          objectiveLabel: wanted.objective.map { (wanted.maximise ? "max " : "min ") + $0.name },
          paretoFront: wanted.pareto.flatMap { p in front.map { (p.0, p.2, $0) } }, language: language)
      }
    }
    output.write(text)
    if !wanted.isEmpty { output.write(report(kept, wanted: wanted, format: format, top: top, separate: !text.isEmpty)) }
    if progress != nil {
      let rate = Double(outcome.pointsDone) / max(seconds, 1e-9)
      output.warn(String(format: "%d points × %d replications in %.2f s (%.0f points/s, %d threads)\n",
        outcome.pointsDone, plan.replications, seconds, rate, threads))
    }
  }

  /// The ranked points (best first, constraints met) and the Pareto front
  /// (taken over the points that meet the constraints), as row indices, and
  /// how many points meet the constraints.
  static func analyse(_ rows: [SweepRow], _ w: Wanted) -> (ranked: [Int]?, front: [Int]?, feasible: Int) {
    let constraintValues = w.constraints.map { c in rows.map { c.column.value(in: $0) } }
    let feasible = rows.indices.filter { i in w.constraints.indices.allSatisfy { w.constraints[$0].holds(constraintValues[$0][i]) } }
    let ranked = w.objective.map { objective in
      SweepRanking.rank(
        objective: rows.map { objective.value(in: $0) }, maximise: w.maximise, constraints: w.constraints,
        constraintValues: constraintValues)
    }
    let front = w.pareto.map { a, maxA, b, maxB in
      SweepRanking.paretoFront(
        feasible.map { a.value(in: rows[$0]) }, feasible.map { b.value(in: rows[$0]) }, maximiseA: maxA, maximiseB: maxB
      ).map { feasible[$0] }
    }
    return (ranked, front, feasible.count)
  }

  /// Ranking and Pareto tables.
  static func report(_ rows: [SweepRow], wanted w: Wanted, format: SweepResultFormat, top: Int, separate: Bool) -> String {
    var out = separate ? "\n" : ""
    func table(_ indices: [Int], _ columns: [SweepColumn], first: String? = nil) -> String {
      var headers = ["point"] + format.parameterNames
      if first != nil { headers.insert("rank", at: 0) }
      var seen = Set(headers)
      let extra = columns.filter { seen.insert($0.name).inserted }
      headers += extra.map(\.name)
      var t = TextTable(headers: headers)
      for (k, i) in indices.enumerated() {
        let r = rows[i]
        var cells = [String(r.point + 1)] + r.parameters.map { v in
          if case .number(let x) = v { return SweepResultFormat.readable(x) }
          return v.jsonText
        }
        if first != nil { cells.insert(String(k + 1), at: 0) }
        cells += extra.map { SweepResultFormat.readable($0.value(in: r)) }
        t.append(cells)
      }
      return t.render()
    }
    let (rankedPoints, frontPoints, feasibleCount) = analyse(rows, w)
    if let objective = w.objective, let ranked = rankedPoints {
      out += "Ranking: \(w.maximise ? "maximise" : "minimise") \(objective.name)"
      if !w.constraints.isEmpty { out += " subject to " + w.constraints.map(\.description).joined(separator: ", ") }
      out += "\n\(ranked.count) of \(rows.count) points qualify" + (ranked.count > top ? "; the best \(top):" : ":") + "\n"
      if !ranked.isEmpty { out += table(Array(ranked.prefix(top)), [objective] + w.constraints.map(\.column), first: "rank") }
    }
    if let (a, maxA, b, maxB) = w.pareto, let front = frontPoints {
      if w.objective != nil { out += "\n" }
      out += "Pareto front: \(a.name) (\(maxA ? "max" : "min")) and \(b.name) (\(maxB ? "max" : "min"))"
      if !w.constraints.isEmpty { out += " among points meeting the constraints" }
      out += "\n\(front.count) of \(feasibleCount) points are on the front:\n"
      if !front.isEmpty { out += table(front, [a, b]) }
    }
    return out
  }
}

/// Ctrl-C during a run: stops starting new points instead of killing the
/// process, so finished points can be kept. Restores the default on `stop()`.
final class InterruptWatch {
  let source: any DispatchSourceSignal

  init(control: SweepControl) {
    signal(SIGINT, SIG_IGN)
    // A queue of its own, so the handler gets a thread even while every
    // core runs sweep workers.
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "panelplan.sweep.sigint"))
    source.setEventHandler { control.requestStop() }
    source.resume()
  }

  func stop() {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}

/// A one-line progress bar on standard error: points done, rate, time left.
final class ProgressBar {
  let timer: any DispatchSourceTimer
  let total: Int

  init(control: SweepControl, total: Int) {
    self.total = total
    let start = DispatchTime.now().uptimeNanoseconds
    timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "panelplan.sweep.progress"))
    timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(250))
    timer.setEventHandler {
      let done = control.pointsDone
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      FileHandle.standardError.write(Data(ProgressBar.line(done: done, total: total, seconds: seconds, stopping: control.stopRequested).utf8))
    }
    timer.resume()
  }

  /// `\r[#####.....]  340/1000 points  125 points/s  0:05 left`
  static func line(done: Int, total: Int, seconds: Double, stopping: Bool) -> String {
    let width = 30
    let filled = total > 0 ? min(width, done * width / total) : width
    let rate = seconds > 0 ? Double(done) / seconds : 0
    var left = "–"
    if rate > 0 {
      let s = Int((Double(total - done) / rate).rounded(.up))
      left = s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    return "\r[\(bar)] \(done)/\(total) points  \(String(format: "%.0f", rate)) points/s  \(left) left" + (stopping ? "  stopping…" : "") + "\u{1B}[K"
  }

  func stop() {
    timer.cancel()
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
