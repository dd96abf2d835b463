/// The least-cost point of an integer box whose feasibility is monotone.
///
/// Problem: levers i = 1…k, each with an integer step xᵢ ∈ 0…uᵢ and a cost
/// cᵢ ≥ 0 per step; minimise Σ cᵢ·xᵢ subject to `feasible(x)`, where
/// feasibility is *upward closed*: if x is feasible, so is every y ≥ x
/// (componentwise). For staffing plans this holds because more of any lever
/// (one more hire, trainee, point of task sharing or FTE a year) never
/// lowers capacity, and with per-doctor random streams changes nobody
/// else's fate (`ProjectionSettings.Mode.stochastic`).
///
/// Search (a monotone lattice search, exact under that assumption):
/// - the two levers with the most steps are searched last; for every
///   setting of the others (enumerated in increasing order), the feasible
///   region of the last two is a staircase: the least feasible value of the
///   last lever, m(a), is non-increasing in the second-to-last lever's value
///   a. The staircase is walked from a = 0 upwards, each m(a) found by
///   binary search below m(a − 1), so a pair costs O((u₁ + u₂)·log) checks
///   instead of O(u₁·u₂) (Frederickson & Johnson's idea for sorted matrices).
///   The least-cost point of a staircase lies on one of its corners, so only
///   corners are costed.
/// - branch and bound: the incumbent starts as `descend`'s local optimum
///   from the upper corner; costs are non-negative, and every feasible
///   completion of a partial setting needs the last lever at least at its
///   least feasible value with the levers between at their maximum (one
///   binary search), so a partial setting whose cost plus that floor's cost
///   reaches the best found is cut, with every larger value of that lever;
///   a setting whose remaining levers all at their maximum are still
///   infeasible is skipped. The bounds only cut what cannot beat the best,
///   so the answer stays exact.
/// - every check is memoised.
/// Ties in cost go to the point found first (smaller values of the earlier
/// enumerated levers). `bruteForce` checks every point; tests compare them.
public enum LeastCostLattice {
  /// The answer: the point (steps per lever, in the input order), its cost
  /// and the number of distinct feasibility checks made.
  public struct Answer: Sendable, Equatable {
    public var point: [Int]
    public var cost: Double
    public var checks: Int
  }

  /// The least-cost feasible point, or nil when even the upper corner is infeasible.
  ///
  /// - Parameters:
  ///   - upper: the largest step of each lever (≥ 0).
  ///   - cost: cost per step of each lever (≥ 0).
  ///   - feasible: upward-closed feasibility.
  public static func solve(upper: [Int], cost: [Double], feasible: ([Int]) -> Bool) -> Answer? {
    precondition(upper.count == cost.count && !upper.isEmpty, "one upper bound and one cost per lever")
    precondition(cost.allSatisfy { $0 >= 0 } && upper.allSatisfy { $0 >= 0 }, "costs and bounds are non-negative")
    let k = upper.count
    var memo: [[Int]: Bool] = [:]
    // Enumeration order: the two levers with the most steps last.
    let order = Array(0..<k).sorted { (upper[$0], -$0) < (upper[$1], -$1) }
    func check(_ ordered: [Int]) -> Bool {
      var x = [Int](repeating: 0, count: k)
      for (j, i) in order.enumerated() { x[i] = ordered[j] }
      if let v = memo[x] { return v }
      let v = feasible(x)
      memo[x] = v
      return v
    }
    let u = order.map { upper[$0] }
    let c = order.map { cost[$0] }
    guard check(u) else { return nil }
    var best: (point: [Int], cost: Double)? = nil

    func consider(_ p: [Int]) {
      let total = zip(p, c).reduce(0.0) { $0 + Double($1.0) * $1.1 }
      if best == nil || total < best!.cost - 1e-12 { best = (p, total) }
    }

    // Least v in (lo, hi] with feasible(prefix + [v]) (hi known feasible,
    // lo known infeasible or −1), by binary search.
    func leastLast(_ prefix: [Int], above lo: Int = -1, upTo hi: Int) -> Int {
      var lo = lo, hi = hi
      while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2
        if check(prefix + [mid]) { hi = mid } else { lo = mid }
      }
      return hi
    }

    // The same by galloping down from hi (probes hi − 1, hi − 2, hi − 4, …,
    // then bisects the bracket): a staircase's next corner is usually a
    // step or two below the last, found in one or two checks instead of
    // log₂(hi − lo).
    func leastLastNear(_ prefix: [Int], above lo: Int, upTo hi: Int) -> Int {
      var good = hi, gap = 1
      while good - gap > lo {
        if check(prefix + [good - gap]) { good -= gap; gap *= 2 } else { return leastLast(prefix, above: good - gap, upTo: good) }
      }
      return leastLast(prefix, above: lo, upTo: good)
    }

    func prefixCost(_ p: [Int]) -> Double { zip(p, c).reduce(0.0) { $0 + Double($1.0) * $1.1 } }

    // An incumbent before branching, so the bounds below cut from the start:
    // the descent from the upper corner (feasible, checked above).
    let start = LeastCostLattice.descend(from: u, upper: u, cost: c, feasible: check).answer
    consider(start.point)

    func recurse(_ prefix: [Int]) {
      let d = prefix.count
      // Skip when even the rest at their maximum does not reach the target.
      guard check(prefix + Array(u[d...])) else { return }
      if d == k - 1 {
        consider(prefix + [leastLast(prefix, upTo: u[d])])
        return
      }
      // Bound: every feasible completion needs the last lever at least at
      // `floor`, its least value with the levers between at their maximum
      // (monotonicity), and costs are non-negative.
      let between = Array(u[d..<(k - 1)])
      let floor = leastLast(prefix + between, upTo: u[k - 1])
      if let b = best, prefixCost(prefix) + Double(floor) * c[k - 1] >= b.cost - 1e-12 { return }
      if d == k - 2 {
        // Staircase over the last two levers; m(a) ≥ floor for every a.
        var m = u[d + 1]
        for a in 0...u[d] {
          let head = prefix + [a]
          if let b = best, prefixCost(head) + Double(floor) * c[d + 1] >= b.cost - 1e-12 { break }
          guard check(head + [m]) else { continue }  // m(a) > m(a−1) is impossible once feasible; here not yet feasible
          m = leastLastNear(head, above: floor - 1, upTo: m)
          consider(head + [m])
          if m == floor { break }  // larger a only costs more
        }
        return
      }
      for v in 0...u[d] {
        let head = prefix + [v]
        if let b = best, prefixCost(head) + Double(floor) * c[k - 1] >= b.cost - 1e-12 { break }
        recurse(head)
      }
    }
    if k == 1 {
      consider([leastLast([], upTo: u[0])])
    } else {
      recurse([])
    }
    guard let b = best else { return nil }
    var x = [Int](repeating: 0, count: k)
    for (j, i) in order.enumerated() { x[i] = b.point[j] }
    return Answer(point: x, cost: b.cost, checks: memo.count)
  }

  /// Checks every point of the box: the reference for tests.
  public static func bruteForce(upper: [Int], cost: [Double], feasible: ([Int]) -> Bool) -> Answer? {
    var best: Answer? = nil
    var x = [Int](repeating: 0, count: upper.count)
    var checks = 0
    while true {
      checks += 1
      if feasible(x) {
        let total = zip(x, cost).reduce(0.0) { $0 + Double($1.0) * $1.1 }
        if best == nil || total < best!.cost - 1e-12 { best = Answer(point: x, cost: total, checks: 0) }
      }
      var i = 0
      while i < x.count && x[i] == upper[i] { x[i] = 0; i += 1 }
      if i == x.count { break }
      x[i] += 1
    }
    best?.checks = checks
    return best
  }
}
