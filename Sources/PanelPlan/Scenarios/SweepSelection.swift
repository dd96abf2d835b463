/// Which sweep points are best: an objective to rank by, constraints to
/// meet, and two results for a Pareto front. `panelplan sweep` and
/// `panelplan merge` share it, so a merged sweep ranks exactly as a
/// single run does.
///
/// ```swift
/// var s = SweepSelection()
/// s.objective = try SweepColumn("shareOfferable", parameters: p, metrics: m)
/// s.constraints = [try SweepConstraint(parsing: "doctorFTE<=10", parameters: p, metrics: m)]
/// print(s.report(rows, parameterNames: p, top: 10, separate: false))
/// ```
public struct SweepSelection: Sendable {
  /// One side of a Pareto front: a result and whether more is better.
  public struct Axis: Sendable, Hashable {
    public var column: SweepColumn
    public var maximise: Bool
    public init(column: SweepColumn, maximise: Bool) {
      self.column = column
      self.maximise = maximise
    }
  }

  /// The result to rank by; nil for no ranking.
  public var objective: SweepColumn?
  /// Largest first (true) or smallest first.
  public var maximise: Bool
  /// Bounds every ranked or front point must meet.
  public var constraints: [SweepConstraint]
  /// Two results for a Pareto front; nil for none.
  public var pareto: (Axis, Axis)?

  public init(objective: SweepColumn? = nil, maximise: Bool = true, constraints: [SweepConstraint] = [], pareto: (Axis, Axis)? = nil) {
    self.objective = objective
    self.maximise = maximise
    self.constraints = constraints
    self.pareto = pareto
  }

  /// Whether nothing is asked for.
  public var isEmpty: Bool { objective == nil && pareto == nil }

  /// Parses `A:max,B:min` (direction optional, default max).
  ///
  /// - Throws: `InputError` whose problem says what was expected.
  public static func paretoAxes(parsing text: String, parameters: [String], metrics: [String]) throws -> (Axis, Axis) {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2 else { throw InputError(field: text, problem: "found '\(text)', expected two results such as coc:max,waitDays:min") }
    var axes: [Axis] = []
    for part in parts {
      var name = part
      var maximise = true
      if let colon = part.lastIndex(of: ":") {
        let dir = part[part.index(after: colon)...]
        guard dir == "max" || dir == "min" else { throw InputError(field: text, problem: "found direction '\(dir)', expected max or min") }
        maximise = dir == "max"
        name = String(part[..<colon])
      }
      axes.append(Axis(column: try SweepColumn(name, parameters: parameters, metrics: metrics), maximise: maximise))
    }
    return (axes[0], axes[1])
  }

  /// Ranked points and the front, as indices into the rows.
  public struct Analysis: Sendable, Hashable {
    /// Points meeting every constraint with a defined objective, best first.
    public var ranked: [Int]?
    /// The Pareto front among the points meeting the constraints.
    public var front: [Int]?
    /// How many points meet the constraints.
    public var feasible: Int
  }

  /// Ranks the rows and finds the front (`SweepRanking`).
  ///
  /// - Complexity: O(n log n + n·c) for n rows and c constraints.
  public func analyse(_ rows: [SweepRow]) -> Analysis {
    let constraintValues = constraints.map { c in rows.map { c.column.value(in: $0) } }
    let feasible = rows.indices.filter { i in constraints.indices.allSatisfy { constraints[$0].holds(constraintValues[$0][i]) } }
    let ranked = objective.map { objective in
      SweepRanking.rank(
        objective: rows.map { objective.value(in: $0) }, maximise: maximise, constraints: constraints, constraintValues: constraintValues)
    }
    let front = pareto.map { a, b in
      SweepRanking.paretoFront(
        feasible.map { a.column.value(in: rows[$0]) }, feasible.map { b.column.value(in: rows[$0]) },
        maximiseA: a.maximise, maximiseB: b.maximise
      ).map { feasible[$0] }
    }
    return Analysis(ranked: ranked, front: front, feasible: feasible.count)
  }
}
