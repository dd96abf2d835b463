import Foundation

/// A sweep file: a base scenario, the parameters to vary, the design that
/// picks the points, replications per point and a seed.
///
/// ```json
/// {
///   "model": "capacity",
///   "base": {"centre": {"$file": "centre.json"}},
///   "design": "grid",
///   "replications": 20,
///   "seed": 7,
///   "parameters": [
///     {"name": "specialists", "path": "centre.clinicians[role=specialist].count", "values": [4, 5, 6]},
///     {"name": "fteFarid", "path": "centre.clinicians[id=gp-farid].fte", "range": {"from": 0.6, "to": 1.0, "step": 0.2}}
///   ]
/// }
/// ```
///
/// - `base`: the scenario object, or a file name (relative to the sweep
///   file) holding it. Anywhere inside it, `{"$file": "x.json"}` stands for
///   the contents of that file (relative to the file it appears in).
/// - `design`: `grid` (every combination; the first parameter varies
///   slowest) or `latinHypercube` (`points` random points, each parameter's
///   range cut into `points` equally likely strata, each used once).
/// - A parameter gives exactly one of `values` (a list), `range` (`from`,
///   `to`, `step`, both ends included) or `distribution` (latin hypercube
///   only: `{"type": "uniform", "min", "max"}`, `{"type": "normal", "mean",
///   "sd", "min"?, "max"?}`, `{"type": "triangular", "min", "mode", "max"}`).
///   `"whole": true` rounds drawn values to whole numbers (for counts).
///
/// Unknown fields are errors; every problem names its field path.
public struct SweepDefinition: Sendable {
  /// Name of the model that evaluates each scenario (`SweepModels`).
  public var model: String
  /// The scenario every point starts from.
  public var base: JSONValue
  public var design: SweepDesignKind
  /// Number of points of a random design.
  public var points: Int?
  /// Replications per point (independent random streams).
  public var replications: Int
  /// Seed of every random stream of the sweep.
  public var seed: UInt64
  public var parameters: [SweepParameter]

  public init(
    model: String = SweepModels.defaultName, base: JSONValue, design: SweepDesignKind = .grid, points: Int? = nil,
    replications: Int = 10, seed: UInt64 = 1, parameters: [SweepParameter]
  ) {
    self.model = model
    self.base = base
    self.design = design
    self.points = points
    self.replications = replications
    self.seed = seed
    self.parameters = parameters
  }
}

/// How a sweep picks its points.
public enum SweepDesignKind: String, Sendable, Hashable, Codable, JSONEnumeration, CaseIterable {
  /// Full factorial: every combination of the parameters' values.
  case grid
  /// Latin hypercube sampling (McKay, Beckman and Conover 1979).
  case latinHypercube
}

/// One varied parameter.
public struct SweepParameter: Sendable, Hashable {
  /// Column name in results; defaults to the path.
  public var name: String
  /// Where in the scenario the value goes.
  public var path: JSONPath
  /// Where its values come from.
  public var source: Source
  /// Round every value to a whole number.
  public var whole: Bool

  public enum Source: Sendable, Hashable {
    case values([JSONValue])
    case range(from: Double, to: Double, step: Double)
    case distribution(SweepDistribution)
  }

  public init(name: String? = nil, path: JSONPath, source: Source, whole: Bool = false) {
    self.name = name ?? path.text
    self.path = path
    self.source = source
    self.whole = whole
  }

  /// The finite list of values of a `values` or `range` source, in order;
  /// nil for a distribution.
  ///
  /// A range gives from, from + step, ... up to `to` (included when it is
  /// within 10⁻⁹ steps), each rounded to 12 decimals so that 0.1 + 0.2
  /// reads 0.3 in results.
  public var levels: [JSONValue]? {
    switch source {
    case .values(let v): return whole ? v.map(Self.roundWhole) : v
    case .range(let from, let to, let step):
      let n = Self.rangeCount(from: from, to: to, step: step)
      return (0..<n).map { k in
        let x = ((from + Double(k) * step) * 1e12).rounded() / 1e12
        return .number(whole ? x.rounded() : x)
      }
    case .distribution: return nil
    }
  }

  static func rangeCount(from: Double, to: Double, step: Double) -> Int {
    guard step > 0, to >= from else { return 0 }
    let n = ((to - from) / step + 1e-9).rounded(.down) + 1
    return n < 1e7 ? Int(n) : 10_000_000
  }

  static func roundWhole(_ v: JSONValue) -> JSONValue {
    if case .number(let x) = v { return .number(x.rounded()) }
    return v
  }
}
