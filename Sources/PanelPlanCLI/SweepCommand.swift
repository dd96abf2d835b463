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

      "model": "projection" sweeps a region or nation file (the staffing projection
      of 'panelplan project'; see Examples/sweep-nation.json): paths reach into it
      (regions[name=Skåne].centres[*].clinicians[role=specialist].count) and into
      its "settings" (settings.hires, settings.trainees, settings.years, ...: the
      options of 'project'). Metrics: guidelineRatio, worstRegionGuidelineRatio,
      regionsAtGuideline, firstYearAtGuideline, listedPerSpecialistFTE,
      specialistFTE, traineeFTE, shareWithFixedDoctor, nursingHomeShare (last year),
      specialistHires, traineeIntake (all years).
      "model": "simulation" also takes a region or nation with the simulation
      parameters beside it ({"regions": [...], "years": 1, "demand": {...}}):
      every centre is simulated in parallel and merged, as 'panelplan simulate'.

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

      On a cluster, --shard-index K --shard-count N runs only points K, K+N,
      K+2N, ... and writes a shard file: the same CSV or JSON rows under a header
      with the sweep's fingerprint (SHA-256 of the resolved definition and seed), K
      and N. Without those options, inside an array job K and N come from the
      scheduler's variables (Slurm, AWS Batch, Google Cloud Batch; a Kubernetes
      Indexed Job exports only JOB_COMPLETION_INDEX, so give --shard-count N), and
      standard error says which variables were used; --whole-sweep runs every
      point even there. A point's random streams depend only on the seed,
      the point and the replication, so 'panelplan merge' puts the shards back
      into exactly the bytes of a single run.
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
      OptionSpec("shard-index", value: "K", help: "Run only shard K (0-based) of --shard-count: points K, K+N, K+2N, ...; without it, K comes from the scheduler's array variables."),
      OptionSpec("shard-count", value: "N", help: "Cut the sweep into N interleaved shards (merge them with 'panelplan merge')."),
      OptionSpec("shard-from-env", help: "Take the shard index and count from the scheduler: SLURM_ARRAY_TASK_ID/COUNT (or MIN/MAX), AWS_BATCH_JOB_ARRAY_INDEX/SIZE, BATCH_TASK_INDEX/COUNT; JOB_COMPLETION_INDEX needs --shard-count. This is the default when one of these variables is set; the flag makes a missing variable an error."),
      OptionSpec("whole-sweep", help: "Run every point even inside an array job (ignore the scheduler's array variables)."),
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
    let shard = try shardOptions(a, environment: ProcessInfo.processInfo.environment, kind: kind, output: &output)
    try run(plan: plan, model: model, file: file, threads: threads, kind: kind, top: top, shard: shard, arguments: a, output: &output)
  }

  /// The shard to run from `--shard-index`, `--shard-count`,
  /// `--shard-from-env` and the scheduler's array variables; nil for the
  /// whole sweep.
  static func shardOptions(
    _ a: ParsedArguments, environment: [String: String], kind: SweepResultFormat.Kind, output: inout CommandOutput
  ) throws -> (shard: SweepShard, origin: SweepShard.Origin)? {
    let resolved: (shard: SweepShard, origin: SweepShard.Origin)?
    do {
      if a.flag("whole-sweep") {
        for option in ["shard-index", "shard-count", "shard-from-env"] where a.has(option) {
          throw UsageError("--whole-sweep runs every point: leave out --\(option)", usage: spec.usage)
        }
      }
      // Inside an array job the scheduler's variables choose the shard
      // unless told otherwise (issue 18): a task of an array is nearly
      // always meant to run its own share of the points.
      let inArrayJob = SweepShard.indexVariables.contains { environment[$0] != nil }
      resolved = try SweepShard.resolve(
        index: a.int("shard-index", in: 0...SweepDefinition.maximumPoints), count: a.int("shard-count", in: 1...SweepDefinition.maximumPoints),
        fromEnvironment: a.flag("shard-from-env") || (inArrayJob && !a.flag("whole-sweep")), environment: environment)
    } catch let e as SweepShard.ResolutionError {
      throw UsageError(e.message, usage: spec.usage)
    }
    guard let resolved else {
      if let name = SweepShard.indexVariables.first(where: { environment[$0] != nil }) {
        output.warn(Terms.message("Note: {1} is set but --whole-sweep runs every point in this task.", name) + "\n")
      }
      return nil
    }
    if kind == .table {
      throw UsageError("a shard is written as csv or json: give --format csv or json, or --out FILE.csv|.json", usage: spec.usage)
    }
    for option in ["maximise", "minimise", "subject-to", "pareto", "report"] where a.has(option) {
      throw UsageError("--\(option) works on the whole sweep: give it to 'panelplan merge' after the shards are done", usage: spec.usage)
    }
    return resolved
  }

  /// The ranking and Pareto front asked for by `--maximise`/`--minimise`,
  /// `--subject-to` and `--pareto` (shared with `merge`).
  static func selection(_ a: ParsedArguments, parameters: [String], metrics: [String]) throws -> SweepSelection {
    let usage = a.spec.usage
    func column(_ name: String, _ option: String) throws -> SweepColumn {
      do { return try SweepColumn(name, parameters: parameters, metrics: metrics) } catch let e as InputError {
        throw UsageError("option '--\(option)': '\(name)': \(e.problem)", usage: usage)
      }
    }
    var w = SweepSelection()
    if a.has("maximise") && a.has("minimise") { throw UsageError("give --maximise or --minimise, not both", usage: usage) }
    if let m = a.string("maximise") { w.objective = try column(m, "maximise") }
    if let m = a.string("minimise") { w.objective = try column(m, "minimise"); w.maximise = false }
    for text in a.strings("subject-to") {
      do {
        w.constraints.append(try SweepConstraint(parsing: text, parameters: parameters, metrics: metrics))
      } catch let e as InputError {
        throw UsageError("option '--subject-to': '\(text)': \(e.problem)", usage: usage)
      }
    }
    if !w.constraints.isEmpty && w.objective == nil && !a.has("pareto") {
      throw UsageError("--subject-to needs --maximise, --minimise or --pareto", usage: usage)
    }
    if let p = a.string("pareto") {
      do {
        w.pareto = try SweepSelection.paretoAxes(parsing: p, parameters: parameters, metrics: metrics)
      } catch let e as InputError {
        if e.field == p { throw UsageError("option '--pareto': \(e.problem)", usage: usage) }
        throw UsageError("option '--pareto': '\(e.field ?? p)': \(e.problem)", usage: usage)
      }
    }
    return w
  }

  /// Runs a planned sweep with a model (opened from the existential once,
  /// so the runner's hot loop is specialised for the concrete model).
  static func run<M: SweepModel>(
    plan: SweepPlan, model: M, file: String?, threads: Int, kind: SweepResultFormat.Kind, top: Int,
    shard: (shard: SweepShard, origin: SweepShard.Origin)? = nil,
    arguments a: ParsedArguments, output: inout CommandOutput
  ) throws {
    let format = SweepResultFormat(kind: kind, parameterNames: plan.parameterNames, metricNames: model.metricNames)
    let wanted = try selection(a, parameters: plan.parameterNames, metrics: model.metricNames)
    let outPath = a.string("out")
    if !wanted.isEmpty && outPath == nil && kind != .table {
      throw UsageError("with --format \(kind.rawValue), ranking and --pareto need --out FILE for the rows", usage: spec.usage)
    }
    // Swedish Excel's dialect applies to CSV rows, piece by piece.
    let dialect = kind == .csv ? (a.string("csv-dialect").flatMap(CSVDialect.init(rawValue:)) ?? .standard) : .standard
    // A shard keeps its rows in the standard dialect under a header naming
    // the sweep; `merge` applies the dialect, so merged bytes match.
    let shardWriter = shard.map { s in
      SweepShardWriter(header: SweepShardHeader(
        fingerprint: plan.fingerprint(metricNames: model.metricNames), shard: s.shard, pointCount: plan.pointCount, format: kind,
        dialect: dialect, parameterNames: plan.parameterNames, metricNames: model.metricNames))
    }
    let runner = SweepRunner(plan: plan, model: model, threads: threads, shard: shard?.shard ?? .whole)
    do {
      try runner.preflight(throughModel: (shard?.shard.index ?? 0) == 0)
    } catch let e as InputErrors {
      throw InputErrors(e.errors.map { file.map($0.inFile) ?? $0 })
    }

    if let shard, let shardWriter {
      output.warn(
        "Sweep \(shard.shard) from \(shard.origin.scheduler) (\(shard.origin.variables.joined(separator: ", "))): "
          + "\(runner.pointCount) of \(plan.pointCount) points; fingerprint \(shardWriter.header.fingerprint.prefix(16))\n")
    }

    // Where rows go: streamed to a temporary file (CSV, JSON with --out),
    // or collected and written whole at the end.
    let stream = format.streams ? try CommandFiles.output(a, "out") : nil
    // Excel-sv CSV starts with a byte-order mark (see `inDialect`).
    var text = shardWriter?.prefix ?? ((dialect == .excelSv && kind == .csv ? "\u{FEFF}" : "") + dialect.convert(format.header))
    if let stream { try stream.write(text); text = "" }
    var tableRows: [SweepRow] = []
    var kept: [SweepRow] = []  // parameters plus only the metrics ranking needs
    var written = 0

    let control = SweepControl()
    let interrupt = InterruptWatch(control: control)
    let progress = isatty(STDERR_FILENO) == 1 ? ProgressBar(control: control, total: runner.pointCount) : nil
    let t0 = DispatchTime.now().uptimeNanoseconds
    let outcome: SweepOutcome
    do {
      defer {
        progress?.stop()
        interrupt.stop()
      }
      outcome = try runner.run(control: control) { rows in
        if kind == .table { tableRows += rows } else {
          let piece = shardWriter?.rows(rows, first: written == 0) ?? dialect.convert(format.rows(rows, first: written == 0))
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
    if kind == .table {
      text = Verdicts.sweep(points: tableRows.count, ranked: !wanted.isEmpty) + text + format.table(tableRows)
    } else {
      text += shardWriter?.suffix(rowCount: written) ?? format.footer(rowCount: written)
    }

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
      let analysis = wanted.analyse(kept)
      try emitReport(a, parameters: plan.baseReadings(), settings: plan.assumptionItems) { language in
        SweepCharts.report(
          kept, parameterNames: plan.parameterNames, metricNames: model.metricNames, replications: plan.replications,
          seed: plan.seed, column: column, ranked: analysis.ranked,
          objectiveLabel: wanted.objective.map { (wanted.maximise ? "max " : "min ") + $0.name },
          paretoFront: wanted.pareto.flatMap { p in analysis.front.map { (p.0.column, p.1.column, $0) } }, language: language)
      }
    }
    output.write(text)
    if !wanted.isEmpty { output.write(wanted.report(kept, parameterNames: plan.parameterNames, top: top, separate: !text.isEmpty)) }
    if progress != nil {
      let rate = Double(outcome.pointsDone) / max(seconds, 1e-9)
      output.warn(Terms.message("{1} points × {2} replications in {3} s ({4} points/s, {5} threads)",
        Terms.number(Double(outcome.pointsDone)), Terms.number(Double(plan.replications)), Terms.number(seconds, decimals: 2),
        Terms.number(rate), String(threads)) + "\n")
    }
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
