import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Test func pairCountsMatchADictionary() {
  var table = PairCounter(capacity: 2)
  var reference: [Int64: (Int32, Int32)] = [:]
  var rng = Xoshiro256(seed: 3)
  for _ in 0..<50000 {
    let a = Int32(rng.nextIndex(3000)), b = Int32(rng.nextIndex(40))
    let s: Int32 = rng.nextIndex(2) == 0 ? 1 : 0
    table.add(a, b, primary: 1, secondary: s)
    let k = Int64(a) << 32 | Int64(b)
    let old = reference[k] ?? (0, 0)
    reference[k] = (old.0 + 1, old.1 + s)
  }
  #expect(table.count == reference.count)
  var seen = 0
  table.forEach { a, b, p, s in
    let r = reference[Int64(a) << 32 | Int64(b)]
    #expect(r?.0 == p && r?.1 == s)
    seen += 1
  }
  #expect(seen == reference.count)
  #expect(table.counts(5000, 1) == (0, 0))
}
