/// A number a sweep row holds, by name: a parameter (its value), a metric's
/// mean (`coc`) or one of its statistics (`coc.p5`, `coc.p50`, `coc.p95`,
/// `coc.mean`).
public struct SweepColumn: Sendable, Hashable, CustomStringConvertible {
  public enum Source: Sendable, Hashable {
    case parameter(Int)
    case metric(Int, statistic: SummaryStatistic)
  }

  public var name: String
  public var source: Source

  public var description: String { name }

  /// Resolves a name against the parameter and metric names; parameter
  /// names are matched first and whole (they may contain dots).
  ///
  /// - Throws: `InputError` listing the names that exist.
  public init(_ name: String, parameters: [String], metrics: [String]) throws {
    self.name = name
    if let d = parameters.firstIndex(of: name) {
      source = .parameter(d)
      return
    }
    var metric = name
    var statistic = SummaryStatistic.mean
    if let dot = name.lastIndex(of: "."), let s = SummaryStatistic(rawValue: String(name[name.index(after: dot)...])) {
      metric = String(name[..<dot])
      statistic = s
    }
    guard let k = metrics.firstIndex(of: metric) else {
      throw InputError(
        field: name,
        problem: "no such result; expected a metric (\(metrics.joined(separator: ", "))), optionally with .p5, .p50 or .p95, or a parameter (\(parameters.joined(separator: ", ")))")
    }
    source = .metric(k, statistic: statistic)
  }

  /// The column's value in a row; NaN for a non-numeric parameter.
  public func value(in row: SweepRow) -> Double {
    switch source {
    case .parameter(let d):
      switch row.parameters[d] {
      case .number(let x): return x
      case .bool(let b): return b ? 1 : 0
      default: return .nan
      }
    case .metric(let k, let statistic):
      return row.metrics[k][statistic]
    }
  }
}

/// A bound on a column: `assessedWithinGuarantee>=0.9`, `doctorFTE<=6`.
public struct SweepConstraint: Sendable, Hashable, CustomStringConvertible {
  public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case atLeast = ">=", atMost = "<=", above = ">", below = "<"
  }

  public var column: SweepColumn
  public var comparison: Comparison
  public var bound: Double

  public var description: String { column.name + comparison.rawValue + NumberFormat.machine(bound) }

  /// Parses `name OP number` with OP one of `>=`, `<=`, `>`, `<`.
  public init(parsing text: String, parameters: [String], metrics: [String]) throws {
    let ops: [Comparison] = [.atLeast, .atMost, .above, .below]
    guard let op = ops.first(where: { text.contains($0.rawValue) }),
      let r = text.range(of: op.rawValue)
    else {
      throw InputError(field: text, problem: "expected NAME>=NUMBER, NAME<=NUMBER, NAME>NUMBER or NAME<NUMBER")
    }
    let name = text[..<r.lowerBound].trimmingSpaces
    let number = text[r.upperBound...].trimmingSpaces
    guard let b = Double(number), b.isFinite else {
      throw InputError(field: text, problem: "found '\(number)' after \(op.rawValue), expected a number")
    }
    column = try SweepColumn(name, parameters: parameters, metrics: metrics)
    comparison = op
    bound = b
  }

  /// Whether a value satisfies the constraint (NaN never does).
  public func holds(_ x: Double) -> Bool {
    switch comparison {
    case .atLeast: return x >= bound
    case .atMost: return x <= bound
    case .above: return x > bound
    case .below: return x < bound
    }
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}

/// Ranking of sweep points and their Pareto front.
public enum SweepRanking {
  /// Indices of the candidates that satisfy every constraint and have a
  /// defined objective, best first; ties keep the lower index first.
  ///
  /// - Parameters:
  ///   - objective: the objective value of each candidate.
  ///   - constraintValues: `constraintValues[c][i]`: the value constraint
  ///     c checks for candidate i.
  /// - Complexity: O(n log n + n·c).
  public static func rank(
    objective: [Double], maximise: Bool, constraints: [SweepConstraint], constraintValues: [[Double]]
  ) -> [Int] {
    let feasible = objective.indices.filter { i in
      !objective[i].isNaN && constraints.indices.allSatisfy { constraints[$0].holds(constraintValues[$0][i]) }
    }
    return feasible.sorted { a, b in
      let x = objective[a], y = objective[b]
      if x != y { return maximise ? x > y : x < y }
      return a < b
    }
  }

  /// Indices of the points no other point dominates over two objectives,
  /// in order of the first objective, best first (ties: the better second
  /// objective, then the lower index). Point j dominates i when it is at
  /// least as good in both and strictly better in one; equal points do not
  /// dominate each other, so duplicates on the front all appear. Points
  /// with a NaN are left out.
  ///
  /// Sorting by the first objective and keeping each point whose second
  /// objective beats every point before it (Kung, Luccio and Preparata
  /// 1975, in two dimensions).
  ///
  /// - Complexity: O(n log n).
  public static func paretoFront(_ a: [Double], _ b: [Double], maximiseA: Bool, maximiseB: Bool) -> [Int] {
    precondition(a.count == b.count, "two objectives of different lengths")
    // Work in "larger is better" for both.
    let sa = maximiseA ? 1.0 : -1.0, sb = maximiseB ? 1.0 : -1.0
    let order = a.indices.filter { !a[$0].isNaN && !b[$0].isNaN }.sorted { i, j in
      let x = sa * a[i], y = sa * a[j]
      if x != y { return x > y }
      let u = sb * b[i], v = sb * b[j]
      if u != v { return u > v }
      return i < j
    }
    var front: [Int] = []
    var bestB = -Double.infinity
    var bestBA = Double.nan  // first objective of the point holding bestB
    var seenAny = false
    for i in order {
      let x = sa * a[i], y = sb * b[i]
      if !seenAny || y > bestB {
        front.append(i)
        bestB = y
        bestBA = x
        seenAny = true
      } else if y == bestB && x == bestBA {
        front.append(i)  // an exact duplicate of a front point
      }
    }
    return front
  }
}
