import PanelPlan

/// The files a command reads and writes, named by its options, so that
/// every output is checked against every input before any work
/// (`OutputFile`'s rules) and written through one path.
public enum CommandFiles {
  /// Options that name an output file, in the order they are checked.
  public static let outputOptions = ["out", "report", "per-patient", "write-scenario", "write-plan"]
  /// Options that name an input file (besides the positionals).
  public static let inputOptions = ["patients", "compare-file", "roster", "parameters", "centre", "visits", "previous", "settings"]

  /// Every input the arguments name: the positionals that are files (the
  /// `generate` kind is a word, not a file) and the input options given.
  public static func inputs(_ a: ParsedArguments) -> [String] {
    var out = a.spec.name == "generate" ? [] : a.positionals
    for name in inputOptions where a.spec.options.contains(where: { $0.name == name }) && a.has(name) {
      // In `continuity`, --centre names a column, not a file.
      if name == "centre" && a.spec.name == "continuity" { continue }
      if let v = a.string(name) { out.append(v) }
    }
    if a.spec.name == "sweep", let file = a.positional(0) { out += SweepDefinition.files(of: file) }
    return out
  }

  /// The checked output for `option` (`out`, `report`, `per-patient`), or
  /// nil when not given. Nothing is created until the first write.
  public static func output(_ a: ParsedArguments, _ option: String) throws -> OutputFile? {
    guard a.spec.options.contains(where: { $0.name == option }), a.has(option), let path = a.string(option) else { return nil }
    // `generate visits --out DIR` names a folder; GenerateVisits checks its files.
    if a.spec.name == "generate", option == "out", a.positional(0) == "visits" { return nil }
    return try OutputFile(path: path, inputs: inputs(a), role: "--\(option)")
  }

  /// Checks every output the arguments name, before the command runs:
  /// each against every input, and against each other.
  public static func check(_ a: ParsedArguments) throws {
    let outputs = try outputOptions.compactMap { try output(a, $0) }
    try OutputFile.checkDistinct(outputs)
  }

  /// Writes `text` whole to the output named by `option`.
  public static func write(_ text: String, _ a: ParsedArguments, _ option: String) throws {
    guard let out = try output(a, option) else { return }
    try out.writeWhole(text)
  }
}
