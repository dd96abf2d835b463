import Foundation

/// The one table of model parameters: each parameter's name in scenario
/// files, what it means in plain words, and where its default comes from
/// (the source cited in the parameter type's doc comment, or "assumption").
///
/// Reports list every parameter a run used from here (`ReportAssumptions`),
/// `capacity --hours` prints the working-time sources from here
/// (`WorkingTimeSensitivity`), and `Terms` holds the Swedish of each label
/// and source, so a source is written once.
public enum ParameterCatalog {
  /// One parameter.
  public struct Entry: Sendable {
    /// The name in scenario files (`triage.triagedShare`); the projection's
    /// parameters, set by `project`'s options, are under `workforce.`,
    /// `plan.` and `projection.`.
    public var path: String
    /// The command-line option that sets it, if any (`attrition`).
    public var option: String?
    /// What it is, in plain words.
    public var label: String
    /// Where the default comes from.
    public var source: String
  }

  /// A value a run used, with the documented default it is compared with.
  public struct Reading: Sendable {
    public var path: String
    public var value: Value
    public var defaultValue: Value
    public init(_ path: String, _ value: Value, _ defaultValue: Value) {
      self.path = path
      self.value = value
      self.defaultValue = defaultValue
    }
  }

  /// A parameter's value, formatted in the report's language when shown.
  public enum Value: Sendable {
    case number(Double, unit: String)
    case numbers([Double])
    case flag(Bool)
    case text(String)
    /// Words, each translated (a list of group names).
    case texts([String])

    /// The value as a reader sees it, in `l`'s numbers.
    public func text(_ l: ReportLanguage) -> String {
      func n(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        let decimals = x == x.rounded() ? 0 : abs(x * 100 - (x * 100).rounded()) < 1e-9 ? 2 : 3
        return NumberFormat.grouped(x, decimals: decimals)
      }
      switch self {
      case .number(let x, let unit):
        // "1 year", not "1 years".
        let u = x == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit
        return n(x) + (u.isEmpty ? "" : " " + l(u))
      case .numbers(let xs): return xs.map(n).joined(separator: l == .sv ? "; " : ", ")
      case .flag(let b): return b ? l("yes") : l("no")
      case .text(let s): return l(s)
      case .texts(let words): return words.map { l($0) }.joined(separator: ", ")
      }
    }
  }

  /// The entry for a path.
  public static func entry(_ path: String) -> Entry? { byPath[path] }

  /// Where the default of `path` comes from (English), "" when unknown.
  public static func source(_ path: String) -> String { byPath[path]?.source ?? "" }

  static let byPath: [String: Entry] = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })

  /// The options that set parameters (listed as parameters, not again as
  /// options; an option whose parameter a run leaves out, such as the
  /// lever `recruit` solves for, is not an assumption of that run).
  public static var parameterOptions: Set<String> { Set(entries.compactMap(\.option)) }

  /// The report rows for `readings`: the plain label with the file name,
  /// the value, and the default's source, or, for a value that differs
  /// from the default, where it was set and the default it replaces.
  ///
  /// - Parameter given: options given on the command line; a changed value
  ///   whose option is among them is "given on the command line", any
  ///   other changed value comes from `changedOrigin` (the input file,
  ///   or the visit records `calibrate` estimated it from).
  public static func items(
    _ readings: [Reading], given: Set<String>, changedOrigin: String = "set in the input file", language l: ReportLanguage
  ) -> [ReportAssumptions.Item] {
    var seen: Set<String> = []
    return readings.filter { seen.insert($0.path).inserted }.map { r in
      let e = byPath[r.path]
      let name = (e.map { l($0.label) } ?? r.path) + " (" + r.path + ")"
      let source = e.map { l($0.source) } ?? ""
      guard r.value != r.defaultValue else { return .init(name: name, value: r.value.text(l), source: source) }
      let origin = e?.option.map { given.contains($0) } == true
        ? l("given on the command line") + " (--" + e!.option! + ")" : l(changedOrigin)
      return .init(name: name, value: r.value.text(l),
                   source: origin + "; " + l("default") + " " + r.defaultValue.text(l) + ": " + source)
    }
  }
}
