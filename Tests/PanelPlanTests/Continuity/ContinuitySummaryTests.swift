import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Test func quantilesInterpolateBetweenOrderStatistics() {
  // Values 0, 0.5, 1 (n = 3): h = 2p. p10: h = 0.2 → 0 + 0.2·0.5 = 0.1;
  // p25: h = 0.5 → 0.25; p50 → 0.5; p75: h = 1.5 → 0.75; p90: h = 1.8 → 0.9.
  var v = [1.0, 0.0, 0.5]
  let d = IndexDistribution(values: &v)!
  #expect(abs(d.p10 - 0.1) < 1e-12 && abs(d.p25 - 0.25) < 1e-12 && d.median == 0.5)
  #expect(abs(d.p75 - 0.75) < 1e-12 && abs(d.p90 - 0.9) < 1e-12 && abs(d.mean - 0.5) < 1e-12)
  var empty: [Double] = []
  #expect(IndexDistribution(values: &empty) == nil)
}

@Test func binnedQuantilesMatchSortingOnLargeInputs() {
  // Above 4,096 values the histogram path is used; it must give exactly the
  // sorted-array answer, ties and all.
  for seed in 0..<5 {
    var rng = Xoshiro256(seed: UInt64(seed))
    let n = 5000 + rng.nextIndex(20000)
    var v = (0..<n).map { _ in rng.nextIndex(3) == 0 ? 1.0 : Double(rng.nextIndex(50)) / 50 }
    let sorted = v.sorted()
    let ranks = [0, 1, n / 3, n / 2, n - 2, n - 1]
    #expect(Quantiles.orderStatistics(&v, ranks: ranks) == ranks.map { sorted[$0] })
  }
}

@Test func summaryCountsEachIndexOverPatientsWhereItIsDefined() {
  var one = ContinuityStatistics()
  one.add(visitsWithOneProvider: 1, withFixedDoctor: false)
  var two = ContinuityStatistics()
  two.add(visitsWithOneProvider: 2, withFixedDoctor: true)
  two.sameProviderPairs = 1
  let s = ContinuitySummary([one.indices(hasFixedDoctor: false), two.indices(hasFixedDoctor: true)])
  // COC only for the 2-visit patient; UPC for both; FD share only where known.
  #expect(s.patients == 2 && s.visits == 3)
  #expect(s.coc?.count == 1 && s.upc?.count == 2 && s.fixedDoctorShare?.count == 1)
}
