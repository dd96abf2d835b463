extension LeastCostLattice {
  /// A feasible point no single step can improve: the search for boxes too
  /// large for `solve` (a per-year plan over 4 levers × 4 years has 16
  /// dimensions; branch and bound is exponential in them).
  ///
  /// From a feasible `start` (the planner gives the exact constant-per-year
  /// optimum), repeats until nothing changes:
  /// 1. *lowering*: each coordinate, costliest step first, is lowered to the
  ///    least value that keeps the point feasible (binary search: with the
  ///    others fixed, feasibility is monotone in it);
  /// 2. *exchange*: one step of a coordinate is traded for the fewest steps
  ///    of a cheaper coordinate that restore feasibility, when that costs less.
  ///
  /// Guarantee (what is proved, not hoped): the answer is feasible, costs
  /// no more than `start`, and is *1-opt*: no coordinate can be lowered by
  /// a step, and no one-step exchange with a cheaper coordinate lowers the
  /// cost. It is a local optimum, not necessarily the global one; tests
  /// compare it with `bruteForce`, and the planner uses `solve` (exact)
  /// whenever the box is small enough. `maxChecks` stops early (then
  /// `complete` is false and only "feasible, no costlier than start" holds).
  public static func descend(
    from start: [Int], upper: [Int], cost: [Double], maxChecks: Int = .max, feasible: ([Int]) -> Bool
  ) -> (answer: Answer, complete: Bool) {
    precondition(start.count == upper.count && upper.count == cost.count, "one start, bound and cost per coordinate")
    var memo: [[Int]: Bool] = [:]
    var exhausted = false
    func check(_ x: [Int]) -> Bool {
      if let v = memo[x] { return v }
      if memo.count >= maxChecks { exhausted = true; return false }
      let v = feasible(x)
      memo[x] = v
      return v
    }
    func total(_ x: [Int]) -> Double { zip(x, cost).reduce(0.0) { $0 + Double($1.0) * $1.1 } }
    var x = start
    let k = x.count
    // Costliest step first; ties to the later coordinate (later years of a
    // lever), whose amounts have had the least time to act.
    let order = Array(0..<k).sorted { (cost[$0], $0) > (cost[$1], $1) }

    /// The least value of coordinate i in lo...x[i] keeping `x` feasible (x feasible).
    func lowest(_ i: Int, in x: [Int], from lo: Int) -> Int {
      var y = x
      var bad = lo - 1, good = x[i]
      while good - bad > 1 {
        let mid = bad + (good - bad) / 2
        y[i] = mid
        if check(y) { good = mid } else { bad = mid }
      }
      return good
    }

    var improved = true
    while improved && !exhausted {
      improved = false
      for i in order where x[i] > 0 && cost[i] > 0 {
        let v = lowest(i, in: x, from: 0)
        if v < x[i] { x[i] = v; improved = true }
      }
      if improved { continue }
      exchange: for i in order where x[i] > 0 && cost[i] > 0 {
        for j in order where j != i && cost[j] < cost[i] && x[j] < upper[j] {
          // Steps of j that together cost less than one step of i.
          let room = upper[j] - x[j]
          let kMax = cost[j] > 0 ? min(room, Int((cost[i] / cost[j] - 1e-9).rounded(.up)) - 1) : room
          guard kMax >= 1 else { continue }
          var y = x
          y[i] -= 1
          y[j] += kMax
          guard check(y) else { continue }
          y[j] = lowest(j, in: y, from: x[j] + 1)
          if total(y) < total(x) - 1e-12 { x = y; improved = true; break exchange }
        }
      }
    }
    return (Answer(point: x, cost: total(x), checks: memo.count), !exhausted)
  }
}
