// The checks of a sweep that do not depend on its model, each naming its
// field path.
extension SweepDefinition {
  /// The number of points the design gives (the product of the levels for
  /// a grid, saturating at `Int.max`).
  public var pointCount: Int {
    switch design {
    case .latinHypercube: return points ?? 0
    case .grid:
      var n = 1
      for p in parameters {
        let (m, overflow) = n.multipliedReportingOverflow(by: p.levels?.count ?? 1)
        n = overflow ? .max : m
      }
      return n
    }
  }

  /// The largest number of points a sweep may have.
  public static let maximumPoints = 10_000_000

  /// Every problem that does not depend on the model, with field paths.
  public func problems() -> [InputError] {
    var out: [InputError] = []
    func bad(_ field: String, _ problem: String) { out.append(InputError(field: field, problem: problem)) }
    if !SweepModels.names.contains(model) {
      bad("model", "found '\(model)', expected one of: \(SweepModels.names.joined(separator: ", "))")
    }
    if !(1...1_000_000).contains(replications) { bad("replications", "found \(replications), expected a whole number from 1 to 1000000") }
    switch design {
    case .grid:
      if points != nil { bad("points", "a grid has one point per combination of values; expected no 'points' (it is for design latinHypercube)") }
      if pointCount > Self.maximumPoints {
        bad("parameters", "the grid has \(pointCount == .max ? "too many" : String(pointCount)) points, expected at most \(Self.maximumPoints)")
      }
    case .latinHypercube:
      if let n = points {
        if !(1...Self.maximumPoints).contains(n) { bad("points", "found \(n), expected a whole number from 1 to \(Self.maximumPoints)") }
      } else {
        bad("points", "missing; a latinHypercube design needs the number of points")
      }
    }
    var seen: [String: Int] = [:]
    for (i, p) in parameters.enumerated() {
      let at = "parameters[\(i)]"
      if let j = seen[p.name] { bad(at + ".name", "duplicate name '\(p.name)', already used by parameters[\(j)]") } else { seen[p.name] = i }
      switch p.source {
      case .values(let vs):
        if vs.isEmpty { bad(at + ".values", "found an empty list, expected at least one value") }
        for (k, v) in vs.enumerated() {
          switch v {
          case .number, .string, .bool: break
          default: bad(at + ".values[\(k)]", "found \(v.kindDescription), expected a number, string or true/false")
          }
        }
      case .range(let from, let to, let step):
        if !(step > 0) { bad(at + ".range.step", "found \(step), expected a positive step") }
        if !(to >= from) { bad(at + ".range.to", "found \(to), expected a value of at least from (\(from))") }
        if step > 0, (to - from) / step >= Double(Self.maximumPoints) {
          bad(at + ".range.step", "gives more than \(Self.maximumPoints) values; expected a larger step")
        }
      case .distribution(let dist):
        if design == .grid {
          bad(at + ".distribution", "a grid needs a finite list of values; expected 'values' or 'range', or design latinHypercube")
        }
        switch dist {
        case .uniform(let a, let b):
          if !(b >= a) { bad(at + ".distribution.max", "found \(b), expected at least min (\(a))") }
        case .normal(_, let s, let lo, let hi):
          if !(s > 0) { bad(at + ".distribution.sd", "found \(s), expected a positive standard deviation") }
          if let lo, let hi, !(hi > lo) { bad(at + ".distribution.max", "found \(hi), expected more than min (\(lo))") }
        case .triangular(let a, let c, let b):
          if !(a <= c && c <= b && a < b) {
            bad(at + ".distribution", "found min \(a), mode \(c), max \(b); expected min ≤ mode ≤ max and min < max")
          }
        }
      }
    }
    return out
  }
}
