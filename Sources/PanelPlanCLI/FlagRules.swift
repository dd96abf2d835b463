import Foundation
import PanelPlan

/// Options that a command would not use in the combination given: refused
/// before any work, so that a mistyped or misplaced option never passes
/// silently (a planner who writes `--lang sv` without `--report` believes
/// something is in Swedish).
///
/// Rules that need the input's kind (a region file given to `simulate
/// --print-scenario`) live in the command itself.
public enum FlagRules {
  /// Throws a `UsageError` for the first option the command would ignore.
  public static func check(_ a: ParsedArguments) throws {
    func has(_ name: String) -> Bool { a.spec.options.contains { $0.name == name } && a.has(name) }
    func refuse(_ message: String) -> UsageError { UsageError(message, usage: a.spec.usage) }
    func refuseAny(_ names: [String], _ reason: String) throws {
      if let n = names.first(where: has) { throw refuse("--\(n) is not used \(reason)") }
    }

    // --lang applies to the table and to the report (issue 17); CSV and JSON
    // are the same in every language, so alone with them it does nothing.
    if has("lang") && !has("report") && a.spec.options.contains(where: { $0.name == "format" }) && (a.string("format") ?? "table") != "table" {
      throw refuse("--lang sets the language of the table and the report; CSV and JSON are the same in every language")
    }
    if has("csv-dialect") {
      var format = a.string("format") ?? "table"
      if a.spec.name == "sweep" && !has("format"), let out = a.string("out") {
        format = out.lowercased().hasSuffix(".json") ? "json" : "csv"
      }
      if format != "csv" && !has("per-patient") {
        throw refuse("--csv-dialect applies to CSV output; it needs --format csv")
      }
    }

    switch a.spec.name {
    case "capacity":
      if has("hours") && a.string("format") == "json" {
        throw refuse("--hours has a table and a CSV form (issue 17); it needs --format table or csv")
      }
    case "example":
      // --print-centre prints JSON, or with --format csv --out DIR a CSV centre folder (issue 17).
      if has("print-centre") && has("format") && a.string("format") == "table" {
        throw refuse("--print-centre prints JSON, or a CSV folder with --format csv --out DIR; leave out --format table")
      }
    case "simulate":
      if has("print-scenario") {
        try refuseAny(["replications", "seed", "threads", "report", "format", "csv-dialect"], "with --print-scenario (it prints the scenario and stops)")
      }
    case "project", "recruit":
      try staffing(a, has, refuse, refuseAny)
    case "sweep":
      if has("top") && !has("maximise") && !has("minimise") {
        throw refuse("--top sets how many ranked points to show; it needs --maximise or --minimise")
      }
      if has("report-metric") && !has("report") { throw refuse("--report-metric picks what the report shows; it needs --report FILE") }
    case "generate":
      if a.positional(0) == "sweden" { try refuseAny(["region", "population"], "with 'sweden' (it writes all 21 regions)") }
    default:
      break
    }
  }

  static func staffing(
    _ a: ParsedArguments, _ has: (String) -> Bool, _ refuse: (String) -> UsageError,
    _ refuseAny: ([String], String) throws -> Void
  ) throws {
    // A bad value is reported as such before asking whether it is used.
    _ = try a.uint64("seed")
    _ = try a.int("replications", in: 0...100_000)
    if try has("seed") && (a.int("replications", in: 0...100_000) ?? 0) == 0 {
      throw refuse("--seed needs --replications R (1 or more): without replications nothing is random")
    }
    if has("roster") {
      guard let input = a.positional(0) else { throw refuse("--roster goes with a folder of care-centre files; give the folder") }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), !isDirectory.boolValue {
        throw refuse("--roster goes with a folder of care-centre files; \(input) is a file")
      }
    }
    if a.spec.name == "project" {
      let hires = try a.int("hires", in: 0...1_000_000) ?? 0
      let hiring = has("fill-gaps") || hires > 0 || has("hires-by-year")
      if !hiring { try refuseAny(["start-delay", "hire-fte"], "when nobody is hired (give --hires N or --fill-gaps LIMIT)") }
      return
    }
    // recruit
    try refuseAny(["simulate"], "by recruit (it solves with the guideline projection); use project --simulate")
    try refuseAny(["no-centres"], "by recruit (it never keeps per-centre series)")
    if has("when") {
      try refuseAny(["by", "levers"], "with --when (it reports the year the given plan meets the target)")
    }
    if !has("cost") {
      try refuseAny(["constant", "write-plan", "max", "step", "frontier"], "without --cost (they shape the least-cost joint plan)")
    }
    if a.string("target") == "fixed-doctor" {
      try refuseAny(["ratio"], "with --target fixed-doctor (--overall and --nursing-home set that target)")
    } else {
      try refuseAny(["overall", "nursing-home"], "with --target guideline (--ratio sets that target)")
    }
    if try (a.int("replications", in: 0...100_000) ?? 0) == 0 {
      try refuseAny(["confidence"], "without --replications R (1 or more): expected values either meet the target or not")
    }
  }
}
