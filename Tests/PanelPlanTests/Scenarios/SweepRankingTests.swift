import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Test func rankingKeepsFeasiblePointsBestFirst() throws {
  // Five hand-made points: (objective, constraint value).
  let objective: [Double] = [0.70, 0.90, 0.80, .nan, 0.90]
  let fte: [Double] = [5, 7, 6, 4, 6]
  let c = try SweepConstraint(parsing: "doctorFTE <= 6", parameters: ["doctorFTE"], metrics: ["coc"])
  #expect(c.bound == 6 && c.comparison == .atMost)
  // Point 1 breaks the constraint and point 3 has no objective; of the
  // rest, 4 (0.90) beats 2 (0.80) beats 0 (0.70).
  #expect(SweepRanking.rank(objective: objective, maximise: true, constraints: [c], constraintValues: [fte]) == [4, 2, 0])
  #expect(SweepRanking.rank(objective: objective, maximise: false, constraints: [c], constraintValues: [fte]) == [0, 2, 4])
  // Without constraints the tie 1 / 4 keeps the lower index first.
  #expect(SweepRanking.rank(objective: objective, maximise: true, constraints: [], constraintValues: []) == [1, 4, 2, 0])
}

@Test func columnsResolveParametersMetricsAndStatistics() throws {
  let row = SweepRow(point: 0, parameters: [.number(5), .string("x")], metrics: [Summary(mean: 1, p05: 0.5, p50: 0.9, p95: 2)])
  let params = ["centre.clinicians[role=specialist].count", "label"]
  #expect(try SweepColumn("centre.clinicians[role=specialist].count", parameters: params, metrics: ["coc"]).value(in: row) == 5)
  #expect(try SweepColumn("coc", parameters: params, metrics: ["coc"]).value(in: row) == 1)
  #expect(try SweepColumn("coc.p5", parameters: params, metrics: ["coc"]).value(in: row) == 0.5)
  #expect(try SweepColumn("coc.p95", parameters: params, metrics: ["coc"]).value(in: row) == 2)
  #expect(try SweepColumn("label", parameters: params, metrics: ["coc"]).value(in: row).isNaN)
  #expect(throws: InputError.self) { try SweepColumn("cco", parameters: params, metrics: ["coc"]) }
  #expect(throws: InputError.self) { try SweepConstraint(parsing: "coc = 1", parameters: [], metrics: ["coc"]) }
  #expect(throws: InputError.self) { try SweepConstraint(parsing: "coc >= high", parameters: [], metrics: ["coc"]) }
}

@Test func paretoFrontOfAHandMadeSet() {
  // Maximise a, minimise b. Points (a, b):
  // 0 (1, 1)  on the front (best b)
  // 1 (2, 3)  on the front
  // 2 (2, 4)  dominated by 1
  // 3 (3, 5)  on the front (best a)
  // 4 (1, 2)  dominated by 0
  // 5 (2, 3)  a duplicate of 1: on the front too
  // 6 (0, 0)  on the front (best b)
  let a: [Double] = [1, 2, 2, 3, 1, 2, 0]
  let b: [Double] = [1, 3, 4, 5, 2, 3, 0]
  #expect(SweepRanking.paretoFront(a, b, maximiseA: true, maximiseB: false) == [3, 1, 5, 0, 6])
  // Maximising both: (3, 5) dominates everything.
  #expect(SweepRanking.paretoFront(a, b, maximiseA: true, maximiseB: true) == [3])
}

@Test func paretoFrontMatchesBruteForce() {
  for seed in 0..<300 as Range<UInt64> {
    var rng = Xoshiro256(seed: seed)
    let n = rng.nextIndex(30)
    // Few distinct values, so ties and duplicates are common.
    let a = (0..<n).map { _ in Double(rng.nextIndex(6)) }
    let b = (0..<n).map { _ in Double(rng.nextIndex(6)) }
    let maxA = rng.nextIndex(2) == 0, maxB = rng.nextIndex(2) == 0
    func atLeast(_ x: Double, _ y: Double, _ max: Bool) -> Bool { max ? x >= y : x <= y }
    func dominates(_ j: Int, _ i: Int) -> Bool {
      let noWorse = atLeast(a[j], a[i], maxA) && atLeast(b[j], b[i], maxB)
      return noWorse && (a[j] != a[i] || b[j] != b[i])
    }
    let brute = (0..<n).filter { i in !(0..<n).contains { j in dominates(j, i) } }
    #expect(Set(SweepRanking.paretoFront(a, b, maximiseA: maxA, maximiseB: maxB)) == Set(brute), "seed \(seed)")
  }
}
