/// The points of a sweep: for each point index, one value per parameter.
///
/// A grid is computed from the index (mixed radix, the first parameter
/// varying slowest), so it costs no memory however large. A Latin
/// hypercube keeps one permutation of the strata per parameter (4 bytes a
/// point and parameter).
public struct SweepDesign: Sendable {
  public let parameters: [SweepParameter]
  /// Number of points.
  public let count: Int
  let kind: Kind
  let seed: UInt64

  enum Kind: Sendable {
    case grid(levels: [[JSONValue]])
    /// `strata[d][i]`: the stratum of parameter d at point i.
    case latinHypercube(strata: [[Int32]])
  }

  /// The stream tag of design randomness. Model runs use streams
  /// `[point, replication, ...]`, and no point index reaches 2⁶⁴ − 1, so
  /// the two never share a stream.
  static let streamTag = UInt64.max

  /// Builds the design of a validated definition.
  public init(_ d: SweepDefinition) {
    parameters = d.parameters
    seed = d.seed
    switch d.design {
    case .grid:
      count = d.pointCount
      kind = .grid(levels: d.parameters.map { $0.levels ?? [] })
    case .latinHypercube:
      let n = d.points ?? 0
      count = n
      kind = .latinHypercube(strata: d.parameters.indices.map { k in
        var rng = Xoshiro256(seed: d.seed, stream: [Self.streamTag, UInt64(k)])
        var perm = (0..<Int32(n)).map { $0 }
        // Fisher–Yates: every ordering of the strata equally likely.
        if n > 1 {
          for i in stride(from: n - 1, to: 0, by: -1) { perm.swapAt(i, rng.nextIndex(i + 1)) }
        }
        return perm
      })
    }
  }

  /// The parameter values at a point, in parameter order.
  ///
  /// Latin hypercube: parameter d at point i takes probability
  /// u = (stratum + U) / n, with U uniform on [0, 1) from stream
  /// `[tag, d, i]`, and maps it through the distribution's quantile (a list
  /// or range: the ⌊u·k⌋-th of its k values).
  public func values(at point: Int) -> [JSONValue] {
    precondition(point >= 0 && point < count, "point \(point) outside 0..<\(count)")
    switch kind {
    case .grid(let levels):
      var rest = point
      var out = [JSONValue](repeating: .null, count: levels.count)
      for d in levels.indices.reversed() {
        out[d] = levels[d][rest % levels[d].count]
        rest /= levels[d].count
      }
      return out
    case .latinHypercube(let strata):
      return parameters.indices.map { d in
        var rng = Xoshiro256(seed: seed, stream: [Self.streamTag, UInt64(d), UInt64(point)])
        let u = (Double(strata[d][point]) + rng.nextUnit()) / Double(count)
        return value(of: parameters[d], atProbability: u)
      }
    }
  }

  /// The probability stratum (0..<count) of parameter `d` at `point` in a
  /// Latin hypercube; nil for a grid.
  public func stratum(parameter d: Int, point: Int) -> Int? {
    if case .latinHypercube(let strata) = kind { return Int(strata[d][point]) }
    return nil
  }

  func value(of p: SweepParameter, atProbability u: Double) -> JSONValue {
    switch p.source {
    case .distribution(let dist):
      let x = dist.quantile(u)
      return .number(p.whole ? x.rounded() : x)
    case .values, .range:
      let levels = p.levels ?? []
      return levels[min(levels.count - 1, Int(u * Double(levels.count)))]
    }
  }

  /// Values to try on the base scenario before a run, one parameter at a
  /// time: every level of a list or range, the ends of a distribution's
  /// support (the mean ± 4 sd for an untruncated normal).
  public func probeValues(of d: Int) -> [JSONValue] {
    let p = parameters[d]
    if let levels = p.levels { return levels }
    guard case .distribution(let dist) = p.source else { return [] }
    var xs: [Double]
    switch dist {
    case .normal(let m, let s, let lo, let hi): xs = [lo ?? m - 4 * s, hi ?? m + 4 * s]
    default: xs = [dist.support.min, dist.support.max]
    }
    if p.whole { xs = xs.map { $0.rounded() } }
    return xs.map { .number($0) }
  }
}
