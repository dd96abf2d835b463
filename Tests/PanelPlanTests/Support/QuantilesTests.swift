import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Test func type7QuantilesOfAKnownSample() {
  // Sorted: 1 1 2 3 4 5 6 9 (n = 8). By hand, h = 7p:
  // p = 0.05: h = 0.35, x0 = x1 = 1 -> 1
  // p = 0.5:  h = 3.5, 3 + 0.5 (4 - 3) = 3.5
  // p = 0.95: h = 6.65, 6 + 0.65 (9 - 6) = 7.95 (R: quantile(x, .95) = 7.95)
  var xs: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
  let s = Summary(summarising: &xs)
  #expect(s.mean == 31.0 / 8)
  #expect(s.p05 == 1)
  #expect(s.p50 == 3.5)
  #expect(abs(s.p95 - 7.95) < 1e-12)
}

@Test func type7EndsAndSingleValue() {
  let xs: [Double] = [10, 20, 30, 40, 50]
  #expect(Quantiles.type7(xs, 0) == 10)
  #expect(Quantiles.type7(xs, 1) == 50)
  #expect(Quantiles.type7(xs, 0.25) == 20)
  // 1..10: p = 0.05 gives h = 0.45, 1.45; p = 0.95 gives h = 8.55, 9.55.
  let ten = (1...10).map(Double.init)
  #expect(abs(Quantiles.type7(ten, 0.05) - 1.45) < 1e-12)
  #expect(abs(Quantiles.type7(ten, 0.95) - 9.55) < 1e-12)
  var one: [Double] = [7]
  #expect(Summary(summarising: &one) == Summary(mean: 7, p05: 7, p50: 7, p95: 7))
}

@Test func summaryMatchesADirectComputationOnRandomSamples() {
  for seed in 0..<200 as Range<UInt64> {
    var rng = Xoshiro256(seed: seed)
    let n = 1 + rng.nextIndex(40)
    var xs = (0..<n).map { _ in (rng.nextUnit() * 100).rounded() / 4 }
    let original = xs
    let s = Summary(summarising: &xs)
    // Direct: the 1-based definition, Q(p) = x_j + g (x_{j+1} - x_j),
    // j = floor((n - 1) p) + 1, g its fraction (Hyndman and Fan 1996).
    let sorted = original.sorted()
    func direct(_ p: Double) -> Double {
      let m = 1 + Double(n - 1) * p
      let j = Int(m.rounded(.down))
      let g = m - Double(j)
      return j >= n ? sorted[n - 1] : (1 - g) * sorted[j - 1] + g * sorted[j]
    }
    #expect(abs(s.p05 - direct(0.05)) < 1e-9)
    #expect(abs(s.p50 - direct(0.5)) < 1e-9)
    #expect(abs(s.p95 - direct(0.95)) < 1e-9)
    #expect(abs(s.mean - original.reduce(0, +) / Double(n)) < 1e-9)
  }
}

@Test func equalValuesHaveExactlyThatMeanAndNaNIsLeftOut() {
  var same = [Double](repeating: 5.3, count: 20)
  #expect(Summary(summarising: &same).mean == 5.3)
  // The NaN rule: undefined replications are left out (mean of 1 and 3).
  var withNaN: [Double] = [1, .nan, 3]
  let s = Summary(summarising: &withNaN)
  #expect(s.mean == 2 && s.p50 == 2)
  #expect(abs(s.p05 - 1.1) < 1e-12 && abs(s.p95 - 2.9) < 1e-12)
  #expect(Summary(values: [.nan, .nan]).mean.isNaN)
  // An infinity among unequal values has no mean.
  #expect(Summary(values: [1, .infinity]).mean.isNaN)
  var infinite: [Double] = [.infinity, .infinity]
  #expect(Summary(summarising: &infinite).p50 == .infinity)
}
