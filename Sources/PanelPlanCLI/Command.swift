import Foundation
import PanelPlan

/// Where a command writes: results, and messages for the user.
///
/// Commands never print directly, so tests can run them in-process and a
/// failed run can be made to write nothing.
public struct CommandOutput {
  /// Results (stdout, or the `--out` file).
  public var standardOutput = ""
  /// Progress and warnings (stderr).
  public var standardError = ""
  /// Set by a command whose results are whole but report a failure (e.g.
  /// `validate` with a failing case): they are written, and the exit is 1.
  public var failed = false
  public init() {}

  public mutating func write(_ s: String) { standardOutput += s }
  public mutating func warn(_ s: String) { standardError += s }
}

/// A subcommand of `panelplan`.
public protocol CLICommand {
  /// Name, abstract, arguments and options.
  static var spec: CommandSpec { get }
  /// Runs the command. Throw `UsageError` for misuse, `InputError(s)` for bad
  /// data; write results to `output`.
  static func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws
}

extension CLICommand {
  /// Writes `text` to `--out FILE` when given (atomically), else to the
  /// output. Commands that declare `OptionSpec.out` call this once, with the
  /// whole result, so a failure never leaves a partial file.
  public static func emit(_ text: String, _ arguments: ParsedArguments, _ output: inout CommandOutput) throws {
    let text = inDialect(text, arguments)
    if let out = try CommandFiles.output(arguments, "out") {
      try out.writeWhole(text)
    } else {
      output.write(text)
    }
  }
}

extension CLICommand {
  /// The CSV dialect to write: `--csv-dialect` when the command has it and
  /// writes CSV, else the standard dialect.
  public static func csvDialect(_ arguments: ParsedArguments) -> CSVDialect {
    let options = arguments.spec.options
    guard options.contains(where: { $0.name == "csv-dialect" }), arguments.string("format") == "csv",
      let d = arguments.string("csv-dialect").flatMap(CSVDialect.init(rawValue:)) else { return .standard }
    return d
  }

  /// CSV text in the command's `--csv-dialect`. Excel opens a CSV file as
  /// UTF-8 only when it starts with a byte-order mark; without it å, ä and
  /// ö come out garbled, so excel-sv text starts with one.
  public static func inDialect(_ text: String, _ arguments: ParsedArguments) -> String {
    let dialect = csvDialect(arguments)
    return dialect == .excelSv ? "\u{FEFF}" + dialect.convert(text) : text
  }

  /// Writes the HTML report made by `make` to `--report FILE` when given.
  ///
  /// - Parameters:
  ///   - parameters: every model parameter the results used, listed in the
  ///     report's assumptions with where each default comes from
  ///     (`ParameterCatalog`).
  ///   - changedOrigin: where a value that differs from its default came
  ///     from when no option set it (default: the input file).
  ///   - settings: rows of the run's own settings (a sweep's design and
  ///     varied parameters), in the report's language.
  ///   - used: options whose value the command chose itself (recruit
  ///     --cost's confidence: 0.9 with replications, 1 without), by name.
  ///   - verdict: the table's plain-language verdict, made in the report's
  ///     language and shown under the report's title.
  public static func emitReport(
    _ arguments: ParsedArguments, parameters: [ParameterCatalog.Reading] = [], changedOrigin: String = "set in the input file",
    settings: ((ReportLanguage) -> [ReportAssumptions.Item])? = nil, used: [String: String] = [:],
    verdict: (() -> String)? = nil, _ make: (ReportLanguage) throws -> String
  ) throws {
    guard let out = try CommandFiles.output(arguments, "report") else { return }
    let language = ReportLanguage(rawValue: arguments.string("lang") ?? "en") ?? .en
    let html = try ReportLanguage.$current.withValue(language) {
      let assumptions = reportAssumptions(
        arguments, settings: settings?(language) ?? [], parameters: parameters, changedOrigin: changedOrigin, used: used)
      var html = try make(language)
      if let verdict, let r = html.range(of: "</h1>") {
        let text = verdict().trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "`", with: "\"")
        html.replaceSubrange(r.upperBound..<r.upperBound, with: "\n<p><strong>" + SVGCanvas.escape(text) + "</strong></p>")
      }
      return assumptions.appended(to: html, language: language)
    }
    try out.writeWhole(html)
  }
}

extension CLICommand {
  /// Options that say only where or how results are written (or shown),
  /// not what they are: left out of a report's assumptions.
  static var presentationOptions: Set<String> {
    ["format", "out", "report", "lang", "csv-dialect", "threads", "per-patient", "report-metric", "top", "write-scenario"]
  }

  /// What a report states as its assumptions: the input, every option
  /// that shapes the results (not where or how they are written) with its
  /// help, and every model parameter the run used with its source. An
  /// option that sets a listed parameter is shown once, as the parameter.
  static func reportAssumptions(
    _ a: ParsedArguments, settings: [ReportAssumptions.Item] = [], parameters: [ParameterCatalog.Reading] = [],
    changedOrigin: String = "set in the input file", used: [String: String] = [:]
  ) -> ReportAssumptions {
    let l = ReportLanguage.current
    let asParameters = ParameterCatalog.parameterOptions
    var items: [ReportAssumptions.Item] = []
    for (i, p) in a.spec.positionals.enumerated() {
      items.append(.init(name: "<\(p.name)>", value: a.positional(i) ?? l("built-in example"),
                         source: a.positional(i) == nil ? l("default") + ": " + l(p.help) : l("given on the command line")))
    }
    for o in a.spec.options where !Self.presentationOptions.contains(o.name) && !o.name.hasPrefix("print-") && !asParameters.contains(o.name) {
      if o.isFlag {
        if a.has(o.name) { items.append(.init(name: "--" + o.name, value: l("yes"), source: l("given on the command line") + ": " + l(o.help))) }
        continue
      }
      if let v = used[o.name], !a.has(o.name) {
        items.append(.init(name: "--" + o.name, value: v, source: l("chosen for this run") + ": " + l(o.help)))
        continue
      }
      guard let v = a.string(o.name) else { continue }
      items.append(.init(name: "--" + o.name, value: v,
                         source: (a.has(o.name) ? l("given on the command line") : l("default")) + ": " + l(o.help)))
    }
    let given = Set(a.spec.options.map(\.name).filter(a.has))
    items += settings
    items += ParameterCatalog.items(parameters, given: given, changedOrigin: changedOrigin, language: l)
    var words = ["panelplan", a.spec.name] + a.positionals
    for o in a.spec.options where a.has(o.name) {
      if o.isFlag { words.append("--" + o.name) } else { for v in a.strings(o.name) { words += ["--" + o.name, v] } }
    }
    let command = words.map { w in w.contains(" ") ? "'" + w + "'" : w }.joined(separator: " ")
    return ReportAssumptions(items: items, command: command)
  }
}

/// The `panelplan` program: dispatch to subcommands, help, errors and exit codes.
public enum PanelPlanCLI {
  /// The version printed by `--version`.
  public static let version = "0.1.0"

  /// Every subcommand, in the order `--help` lists them.
  public static var commands: [any CLICommand.Type] {
    [
      CapacityCommand.self,
      ExampleCommand.self,
      SimulateCommand.self,
      ProjectCommand.self,
      RecruitCommand.self,
      SweepCommand.self,
      MergeCommand.self,
      ContinuityCommand.self,
      CalibrateCommand.self,
      AssignCommand.self,
      GenerateCommand.self,
      ValidateCommand.self,
    ]
  }

  /// Exit codes (sysexits.h for usage).
  public enum ExitCode {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
  }

  static var help: String {
    var lines = [
      "OVERVIEW: PanelPlan plans how many patients each doctor in primary care can be",
      "fixed doctor for, and what staffing it takes to get there.",
      "",
      "USAGE: panelplan <command> [options]",
      "",
      "COMMANDS:",
    ]
    for c in commands { lines.append(CommandSpec.row(c.spec.name, c.spec.abstract)) }
    lines += [
      "",
      "OPTIONS:",
      CommandSpec.row("-h, --help", "Show this help."),
      CommandSpec.row("--version", "Show the version."),
      "",
      "See 'panelplan <command> --help' for a command's options.",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// Runs the program on `arguments` (without the program name) and returns
  /// the exit code; what it prints goes to `output`.
  public static func run(_ arguments: [String], output: inout CommandOutput) -> Int32 {
    guard let first = arguments.first else {
      output.write(help)
      return ExitCode.success
    }
    if first == "--help" || first == "-h" || first == "help" {
      output.write(help)
      return ExitCode.success
    }
    if first == "--version" {
      output.write("panelplan \(version)\n")
      return ExitCode.success
    }
    guard let command = commands.first(where: { $0.spec.name == first }) else {
      output.warn("Error: unknown command '\(first)'\nUsage: panelplan <command> [options]; see 'panelplan --help'\n")
      return ExitCode.usage
    }
    var scratch = CommandOutput()
    do {
      var parsed = try ParsedArguments(Array(arguments.dropFirst()), spec: command.spec)
      if parsed.wantsHelp {
        output.write(command.spec.help)
        return ExitCode.success
      }
      try parsed.addSettingsFile()
      // Before any work: flags the command would not use, and outputs that
      // would overwrite an input or cannot be written.
      try FlagRules.check(parsed)
      try CommandFiles.check(parsed)
      // `--lang sv` gives Swedish words and numbers in tables and verdicts;
      // CSV and JSON stay machine-readable whatever the language.
      let language = parsed.spec.options.contains { $0.name == "lang" }
        ? ReportLanguage(rawValue: parsed.string("lang") ?? "en") ?? .en : .en
      let human = !parsed.spec.options.contains { $0.name == "format" } || parsed.string("format") == "table"
      // Commands that can take long and count no units of their own get a
      // line with the time elapsed (simulate, project, recruit and sweep
      // show units and time left).
      let ticker = command.spec.name == "continuity" || (command.spec.name == "recruit" && parsed.flag("when")) ? TerminalProgress.start(command.spec.name) : nil
      defer { ticker?.stop() }
      try Terms.$messageLanguage.withValue(language) {
        try ReportLanguage.$current.withValue(human ? language : .en) { try command.run(parsed, output: &scratch) }
      }
      output.standardOutput += scratch.standardOutput
      output.standardError += scratch.standardError
      return scratch.failed ? ExitCode.failure : ExitCode.success
    } catch let e as UsageError {
      output.standardError += scratch.standardError
      output.warn("Error: \(SettingsFile.locate(e.message, arguments))\nUsage: \(e.usage ?? command.spec.usage)\n")
      return ExitCode.usage
    } catch {
      // Results of a failed run are dropped: output is whole or nothing.
      output.standardError += scratch.standardError
      output.warn("Error: " + "\(error)".replacingOccurrences(of: "\n", with: "\nError: ") + "\n")
      return ExitCode.failure
    }
  }

  /// Runs the program with the process's arguments and exits.
  public static func main() -> Never {
    var output = CommandOutput()
    let code = run(Array(CommandLine.arguments.dropFirst()), output: &output)
    FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
    FileHandle.standardError.write(Data(output.standardError.utf8))
    exit(code)
  }
}
