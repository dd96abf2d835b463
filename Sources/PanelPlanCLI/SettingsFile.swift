import Foundation
import PanelPlan

/// `project --settings FILE`: a JSON object holding `project`'s options by
/// name, so a plan written by `recruit --write-plan` (issue 19) runs
/// unchanged, and a planner can read and edit it:
///
/// ```json
/// { "comment": "…", "start-year": 2026, "years": 4, "replications": 20, "seed": 1,
///   "hires-by-year": [120, 80, 0, 0], "trainees-by-year": [40, 40, 40, 40] }
/// ```
///
/// Numbers and lists of numbers are given as numbers, `retirement-ages` as
/// a string ("65-68"), flags as true/false; `comment` is ignored. The
/// values then go through the very same option parsing and checks as on
/// the command line, so a file and the options it spells give the same
/// projection, bit for bit.
enum SettingsFile {
  /// The per-year plan options (`RecruitmentPlan.hiresByYear` and siblings).
  static let perYearOptions: [OptionSpec] = [
    OptionSpec("hires-by-year", value: "LIST", help: "Specialists hired per year, one whole number per projected year from the first (each starts --start-delay years after its year); replaces --hires. Years past the list hire nobody."),
    OptionSpec("trainees-by-year", value: "LIST", help: "Trainees taken in per projected year, comma-separated; replaces --trainees. Years past the list take in nobody."),
    OptionSpec("fte-increase-by-year", value: "LIST", help: "FTE added to each part-time specialist per projected year, comma-separated; replaces --fte-increase."),
    OptionSpec("task-sharing-increase-by-year", value: "LIST", help: "Task-sharing share added per projected year, comma-separated (the share in year t is --task-sharing plus the first t entries); replaces --task-sharing-increase."),
  ]

  static let option = OptionSpec(
    "settings", value: "FILE",
    help: "A JSON object of this command's projection options by name, e.g. {\"years\": 4, \"hires-by-year\": [120, 80]} (what 'recruit --write-plan' writes); an option may not be given both in the file and here.")

  /// Options a settings file may hold: the projection's, not files or output.
  static func allowed(in spec: CommandSpec) -> [OptionSpec] {
    let excluded: Set = ["roster", "simulate", "no-centres", "settings"]
    let names = Set((StaffingOptions.options + perYearOptions).map(\.name)).subtracting(excluded)
    return spec.options.filter { names.contains($0.name) }
  }

  /// The file's options as command-line values, in file order.
  static func options(fromFile path: String, spec: CommandSpec) throws -> [(name: String, value: String?, field: String)] {
    let data = try InputFile.read(path, what: "a JSON settings file")
    let tree = try JSONInput.parseChecked(data, file: path)
    guard case .object(let members) = tree else {
      throw InputError(file: path, problem: "found \(tree.kindDescription), expected a JSON object of option names and values")
    }
    let allowed = allowed(in: spec)
    var out: [(String, String?, String)] = []
    func bad(_ key: String, _ problem: String) -> InputError {
      JSONInput.locate(InputError(file: path, field: key, problem: problem), in: data)
    }
    func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
    for m in members where m.key != "comment" {
      guard let o = allowed.first(where: { $0.name == m.key }) else {
        throw bad(m.key, "unknown setting; expected one of comment, " + allowed.map(\.name).joined(separator: ", "))
      }
      switch m.value {
      case .bool(let b) where o.isFlag: out.append((o.name, b ? nil : "false", m.key))
      case .number(let x) where !o.isFlag: out.append((o.name, number(x), m.key))
      case .string(let s) where !o.isFlag: out.append((o.name, s, m.key))
      case .array(let items) where o.valueName == "LIST":
        var parts: [String] = []
        for (i, v) in items.enumerated() {
          guard case .number(let x) = v else { throw bad("\(m.key)[\(i)]", "found \(v.kindDescription), expected a number") }
          parts.append(number(x))
        }
        out.append((o.name, parts.joined(separator: ","), m.key))
      default:
        throw bad(m.key, "found \(m.value.kindDescription), expected " + (o.isFlag ? "true or false" : o.valueName == "LIST" ? "a list of numbers" : "a number or a string"))
      }
    }
    return out
  }

  /// A JSON value for an option's command-line text: a number when it is
  /// one, a list for LIST options, else a string.
  static func jsonValue(_ text: String, list: Bool) -> String {
    func num(_ s: String) -> String? {
      let t = s.trimmingCharacters(in: .whitespaces)
      guard let d = Double(t), d.isFinite, t.range(of: "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", options: .regularExpression) != nil else { return nil }
      return t
    }
    if list { return "[" + text.split(separator: ",").map { num(String($0)) ?? jsonQuote(String($0)) }.joined(separator: ", ") + "]" }
    return num(text) ?? jsonQuote(text)
  }

  /// A settings file from option names and command-line texts, in order.
  static func render(comment: String, _ options: [(name: String, text: String)]) -> String {
    var lines = ["  \"comment\" : \(jsonQuote(comment))"]
    for (name, text) in options {
      lines.append("  \(jsonQuote(name)) : \(jsonValue(text, list: name.hasSuffix("-by-year")))")
    }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }

  /// A number list option within `range`, or nil when not given.
  static func list(_ a: ParsedArguments, _ name: String, in range: ClosedRange<Double>, whole: Bool) throws -> [Double]? {
    guard a.spec.options.contains(where: { $0.name == name }), let text = a.string(name) else { return nil }
    return try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
      let t = item.trimmingCharacters(in: .whitespaces)
      guard let v = Double(t), v.isFinite, range.contains(v), !whole || v == v.rounded() else {
        throw UsageError("option '--\(name)': found '\(t)', expected \(whole ? "whole numbers" : "numbers") from \(NumberFormat.machine(range.lowerBound)) to \(NumberFormat.machine(range.upperBound)), comma-separated", usage: a.spec.usage)
      }
      return v
    }
  }

  /// The per-year plan options on top of `settings`.
  static func applyPerYear(_ a: ParsedArguments, to settings: inout ProjectionSettings) throws {
    func replaces(_ list: String, _ constant: [String]) throws {
      if a.has(list), let c = constant.first(where: a.has) {
        throw UsageError("--\(list) replaces --\(c); give one of them", usage: a.spec.usage)
      }
    }
    try replaces("hires-by-year", ["hires", "fill-gaps"])
    try replaces("trainees-by-year", ["trainees"])
    try replaces("fte-increase-by-year", ["fte-increase"])
    try replaces("task-sharing-increase-by-year", ["task-sharing-increase"])
    if let h = try list(a, "hires-by-year", in: 0...1_000_000, whole: true) { settings.plan.hiresByYear = h.map { Int($0) } }
    if let t = try list(a, "trainees-by-year", in: 0...1_000_000, whole: true) { settings.plan.traineesByYear = t.map { Int($0) } }
    if let f = try list(a, "fte-increase-by-year", in: 0...1, whole: false) { settings.plan.fteIncreaseByYear = f }
    if let s = try list(a, "task-sharing-increase-by-year", in: 0...TaskSharing.maximumShare, whole: false) {
      settings.workforce.taskSharingIncreaseByYear = s
      if let problem = settings.workforce.taskSharingProblem(years: settings.years) {
        throw UsageError("option '--task-sharing-increase-by-year': \(problem)", usage: a.spec.usage)
      }
    }
  }
}

extension ParsedArguments {
  /// Adds the options of `--settings FILE` (see `SettingsFile`); an option
  /// both in the file and on the command line is refused.
  mutating func addSettingsFile() throws {
    guard spec.options.contains(where: { $0.name == "settings" }), let path = values["settings"] else { return }
    for (name, value, field) in try SettingsFile.options(fromFile: path, spec: spec) {
      if has(name) {
        throw UsageError("--\(name) is given both on the command line and in \(path) (field \(field)); give it once", usage: spec.usage)
      }
      if let value {
        if value == "false" && spec.options.first(where: { $0.name == name })?.isFlag == true { continue }
        values[name] = value
        allValues[name, default: []].append(value)
        fromSettingsFile.insert(name)
      } else {
        flags.insert(name)
        fromSettingsFile.insert(name)
      }
    }
  }
}

extension SettingsFile {
  /// A usage message about an option that came from `--settings FILE`
  /// names the file, so the planner edits the right place.
  static func locate(_ message: String, _ arguments: [String]) -> String {
    guard let i = arguments.firstIndex(where: { $0 == "--settings" || $0.hasPrefix("--settings=") }) else { return message }
    let path = arguments[i].hasPrefix("--settings=") ? String(arguments[i].dropFirst(11)) : (i + 1 < arguments.count ? arguments[i + 1] : "")
    guard message.hasPrefix("option '--"), let end = message.dropFirst(10).firstIndex(of: "'") else { return message }
    let name = String(message[message.index(message.startIndex, offsetBy: 10)..<end])
    let onCommandLine = arguments.contains { $0 == "--" + name || $0.hasPrefix("--\(name)=") }
    return onCommandLine ? message : "\(path): \(name): " + message
  }
}
