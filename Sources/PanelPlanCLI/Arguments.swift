/// A command-line option: `--name VALUE`, or a flag `--name` when it takes
/// no value.
public struct OptionSpec: Sendable {
  /// The long name without dashes, e.g. `format`.
  public var name: String
  /// Placeholder for the value in help, e.g. `FORMAT`; nil for a flag.
  public var valueName: String?
  /// One sentence of help.
  public var help: String
  /// The default, shown in help.
  public var defaultValue: String?
  /// The allowed values, checked when parsing and shown in help.
  public var allowed: [String]?

  public init(_ name: String, value: String? = nil, help: String, default defaultValue: String? = nil, allowed: [String]? = nil) {
    self.name = name
    self.valueName = value
    self.help = help
    self.defaultValue = defaultValue
    self.allowed = allowed
  }

  public var isFlag: Bool { valueName == nil }

  /// `--format table|csv|json`, used everywhere a command writes results.
  public static let format = OptionSpec(
    "format", value: "FORMAT", help: "How results are written; with --out FILE.csv or FILE.json the file's extension chooses csv or json.", default: "table", allowed: ["table", "csv", "json"])
  /// `--out FILE`: write results to a file, whole or not at all.
  public static let out = OptionSpec(
    "out", value: "FILE", help: "Write the results to FILE (whole or not at all) instead of standard output.")
  /// `--report FILE`: a self-contained HTML report with charts.
  public static let report = OptionSpec(
    "report", value: "FILE", help: "Also write a self-contained HTML report with charts to FILE.")
  /// `--lang en|sv`: the language of report labels.
  public static let lang = OptionSpec(
    "lang", value: "LANG", help: "Language of the terminal table and the report: labels, numbers (sv: 12 000, 2,10, 55 %) and dates (ISO).", default: "en", allowed: ["en", "sv"])
  /// `--csv-dialect standard|excel-sv`.
  public static let csvDialect = OptionSpec(
    "csv-dialect", value: "DIALECT", help: "CSV dialect: excel-sv writes ';' separators and decimal commas for Swedish Excel.",
    default: "standard", allowed: ["standard", "excel-sv"])
  /// `--seed S`.
  public static let seed = OptionSpec(
    "seed", value: "S", help: "Seed of the random streams; the same seed gives the same results.", default: "1")
}

/// A positional argument.
public struct PositionalSpec: Sendable {
  public var name: String
  public var help: String
  public var optional: Bool
  /// Whether it takes every remaining argument (only the last positional).
  public var variadic: Bool
  public init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
    self.name = name
    self.help = help
    self.optional = optional
    self.variadic = variadic
  }
}

/// What a subcommand accepts, and its help text.
public struct CommandSpec: Sendable {
  /// Subcommand name, e.g. `capacity`.
  public var name: String
  /// One line, shown in the command list.
  public var abstract: String
  /// Longer explanation shown in the command's help, optional.
  public var discussion: String
  public var positionals: [PositionalSpec]
  public var options: [OptionSpec]

  public init(name: String, abstract: String, discussion: String = "", positionals: [PositionalSpec] = [], options: [OptionSpec] = []) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.positionals = positionals
    self.options = options
  }

  /// `panelplan capacity [<centre.json>] [--format FORMAT] ...`
  public var usage: String {
    var s = "panelplan \(name)"
    for p in positionals { s += (p.optional ? " [<\(p.name)>]" : " <\(p.name)>") + (p.variadic ? "..." : "") }
    if !options.isEmpty { s += " [options]" }
    return s
  }

  /// The full help text.
  public var help: String {
    var lines = ["OVERVIEW: \(abstract)", ""]
    if !discussion.isEmpty { lines += [discussion, ""] }
    lines += ["USAGE: \(usage)", ""]
    if !positionals.isEmpty {
      lines.append("ARGUMENTS:")
      for p in positionals { lines.append(Self.row("<\(p.name)>", p.help)) }
      lines.append("")
    }
    lines.append("OPTIONS:")
    for o in options {
      var text = o.help
      if let a = o.allowed { text += " One of: \(a.joined(separator: ", "))." }
      if let d = o.defaultValue { text += " Default: \(d)." }
      lines.append(Self.row("--\(o.name)" + (o.valueName.map { " \($0)" } ?? ""), text))
    }
    lines.append(Self.row("-h, --help", "Show this help."))
    return lines.joined(separator: "\n") + "\n"
  }

  static func row(_ left: String, _ text: String) -> String {
    let pad = 26
    let head = "  " + left
    if head.count >= pad { return head + "\n" + String(repeating: " ", count: pad) + text }
    return head + String(repeating: " ", count: pad - head.count) + text
  }
}

/// A usage mistake: exit 64 with the message and the usage line.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var usage: String?
  public init(_ message: String, usage: String? = nil) {
    self.message = message
    self.usage = usage
  }
  public var description: String { message }
}

/// Parsed arguments of one command.
public struct ParsedArguments: Sendable {
  public var spec: CommandSpec
  public var positionals: [String] = []
  var values: [String: String] = [:]
  /// Every value of each option, in order, for options that may repeat.
  var allValues: [String: [String]] = [:]
  var flags: Set<String> = []
  /// Options that came from `--settings FILE` (`SettingsFile`), for messages.
  var fromSettingsFile: Set<String> = []
  /// Whether `--help` was given.
  public var wantsHelp = false

  /// Parses `arguments` (without the program and command names).
  public init(_ arguments: [String], spec: CommandSpec) throws {
    self.spec = spec
    var i = 0
    var onlyPositionals = false
    while i < arguments.count {
      let a = arguments[i]
      i += 1
      if onlyPositionals || !a.hasPrefix("-") || a == "-" {
        positionals.append(a)
        continue
      }
      if a == "--" { onlyPositionals = true; continue }
      if a == "-h" || a == "--help" { wantsHelp = true; continue }
      var name = String(a.drop(while: { $0 == "-" }))
      var inline: String?
      if let eq = name.firstIndex(of: "=") {
        inline = String(name[name.index(after: eq)...])
        name = String(name[..<eq])
      }
      guard let o = spec.options.first(where: { $0.name == name }) else {
        throw UsageError("unknown option '\(a)'", usage: spec.usage)
      }
      if o.isFlag {
        if inline != nil { throw UsageError("option '--\(name)' takes no value", usage: spec.usage) }
        flags.insert(name)
        continue
      }
      let value: String
      if let inline { value = inline } else {
        guard i < arguments.count else { throw UsageError("option '--\(name)' needs a value \(o.valueName!)", usage: spec.usage) }
        value = arguments[i]
        i += 1
      }
      if let allowed = o.allowed, !allowed.contains(value) {
        throw UsageError("option '--\(name)': found '\(value)', expected one of \(allowed.joined(separator: ", "))", usage: spec.usage)
      }
      values[name] = value
      allValues[name, default: []].append(value)
    }
    if wantsHelp { return }
    // `--out plan.csv` / `plan.json` chooses the format unless `--format` is
    // given, on every command where `--out` holds the results (the shared
    // `OptionSpec.out`; `assign --out` is always its CSV list).
    if values["format"] == nil, let out = values["out"],
      spec.options.contains(where: { $0.name == "out" && $0.help == OptionSpec.out.help }),
      let f = spec.options.first(where: { $0.name == "format" }) {
      let ext = out.split(separator: "/").last.flatMap { $0.split(separator: ".").count > 1 ? $0.split(separator: ".").last : nil }
      if let ext = ext.map({ $0.lowercased() }), ext == "csv" || ext == "json", f.allowed?.contains(ext) ?? true {
        values["format"] = ext
      }
    }
    let required = spec.positionals.filter { !$0.optional }.count
    if positionals.count < required {
      throw UsageError("missing argument <\(spec.positionals[positionals.count].name)>", usage: spec.usage)
    }
    if positionals.count > spec.positionals.count && spec.positionals.last?.variadic != true {
      throw UsageError("unexpected argument '\(positionals[spec.positionals.count])'", usage: spec.usage)
    }
  }

  /// The positional at `index`, or nil when it was not given.
  public func positional(_ index: Int) -> String? {
    index < positionals.count ? positionals[index] : nil
  }

  /// Whether a flag was given.
  public func flag(_ name: String) -> Bool {
    precondition(spec.options.contains { $0.name == name && $0.isFlag }, "undeclared flag --\(name)")
    return flags.contains(name)
  }

  /// The value of an option, or its declared default.
  public func string(_ name: String) -> String? {
    guard let o = spec.options.first(where: { $0.name == name }) else {
      preconditionFailure("undeclared option --\(name)")
    }
    return values[name] ?? o.defaultValue
  }

  /// Every value given for an option that may repeat
  /// (`--subject-to A --subject-to B`), in order; empty when not given.
  public func strings(_ name: String) -> [String] {
    precondition(spec.options.contains { $0.name == name }, "undeclared option --\(name)")
    return allValues[name] ?? []
  }

  /// Whether the option was given explicitly.
  public func has(_ name: String) -> Bool { values[name] != nil || flags.contains(name) }

  /// A whole-number option within `range`.
  public func int(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int? {
    guard let s = string(name) else { return nil }
    guard let v = Int(s), range.contains(v) else {
      throw UsageError("option '--\(name)': found '\(s)', expected a whole number from \(range.lowerBound) to \(range.upperBound)", usage: spec.usage)
    }
    return v
  }

  /// A 64-bit unsigned option (seeds).
  public func uint64(_ name: String) throws -> UInt64? {
    guard let s = string(name) else { return nil }
    guard let v = UInt64(s) else {
      throw UsageError("option '--\(name)': found '\(s)', expected a whole number from 0 to \(UInt64.max)", usage: spec.usage)
    }
    return v
  }

  /// A number option within `range`.
  public func double(_ name: String, in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws -> Double? {
    guard let s = string(name) else { return nil }
    guard let v = Double(s), v.isFinite, range.contains(v) else {
      throw UsageError("option '--\(name)': found '\(s)', expected a number from \(range.lowerBound) to \(range.upperBound)", usage: spec.usage)
    }
    return v
  }
}
