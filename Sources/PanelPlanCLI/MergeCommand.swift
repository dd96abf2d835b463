import Foundation
import PanelPlan

/// `panelplan merge`: shard files of one sweep back into the file a single
/// `panelplan sweep` writes, then optionally the ranking and Pareto front.
public enum MergeCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "merge",
    abstract: "Merge sweep shards into the bytes a single-process sweep writes; rank and find the Pareto front.",
    discussion: """
      Reads the shard files written by 'panelplan sweep --shard-index K --shard-count
      N' (or --shard-from-env in an array job) and checks that they are every shard
      of one sweep exactly once: a shard of another sweep (another fingerprint:
      another definition, seed or replications), a shard given twice, a missing
      shard or a shard with missing rows (an interrupted task) is refused by name,
      and nothing is written. The merged rows are byte for byte what 'panelplan
      sweep' writes in one process, in the shards' format (CSV or JSON) and CSV
      dialect.

      --maximise/--minimise, --subject-to and --pareto work as in 'panelplan
      sweep' and print their tables to standard output after the rows are written.
      """,
    positionals: [PositionalSpec("shard", help: "Shard files, in any order (a shell glob such as shards/part-*.csv).", variadic: true)],
    options: [
      OptionSpec("out", value: "FILE", help: "Write the merged rows to FILE (whole or not at all) instead of standard output."),
      OptionSpec("maximise", value: "NAME", help: "Rank points by this result, largest first."),
      OptionSpec("minimise", value: "NAME", help: "Rank points by this result, smallest first."),
      OptionSpec("subject-to", value: "CONSTRAINT", help: "Keep only points where NAME>=X (or <=, >, <) holds; repeatable."),
      OptionSpec("top", value: "K", help: "Ranked points to show.", default: "10"),
      OptionSpec("pareto", value: "A:DIR,B:DIR", help: "Pareto front over two results; DIR is max or min (default max)."),
    ])

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    let shards = a.positionals
    guard !shards.isEmpty else { throw UsageError("missing argument <shard>: give the shard files", usage: spec.usage) }
    let top = try a.int("top", in: 1...1_000_000)!
    var files: [SweepShardFile] = []
    var errors: [InputError] = []
    for path in shards {
      do { files.append(try SweepShardFile.read(path)) } catch let e as InputError { errors.append(e) } catch let e as InputErrors {
        errors += e.errors
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    let merged = try SweepShardMerge.merge(files)
    let h = merged.header
    let wanted = try SweepCommand.selection(a, parameters: h.parameterNames, metrics: h.metricNames)
    if !wanted.isEmpty && !a.has("out") {
      throw UsageError("ranking and --pareto need --out FILE for the merged rows", usage: spec.usage)
    }
    if let out = a.string("out") {
      let ext = (out as NSString).pathExtension.lowercased()
      if (ext == "json" && h.format != .json) || (ext == "csv" && h.format != .csv) {
        throw UsageError("--out \(out): the shards hold \(h.format.rawValue), expected a .\(h.format.rawValue) file", usage: spec.usage)
      }
    }
    // Rows for ranking are parsed before anything is written, so a damaged
    // row fails the command with no file left behind.
    let rows = wanted.isEmpty ? [] : try SweepShardMerge.rows(merged)
    if let out = a.string("out") {
      try AtomicFile.write(merged.text, to: out)
    } else {
      output.write(merged.text)
    }
    if !wanted.isEmpty { output.write(wanted.report(rows, parameterNames: h.parameterNames, top: top, separate: false)) }
    output.warn("Merged \(merged.shards.count) shards, \(h.pointCount) points; fingerprint \(h.fingerprint.prefix(16))\n")
  }
}
