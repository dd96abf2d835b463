import Testing
@testable import PanelPlan

@Test func internGivesDenseIdsInFirstSeenOrderAndSurvivesGrowth() {
  // Reference: a Dictionary of Strings, over enough ids to grow the table many times.
  var ids = ByteInterner(capacity: 4)
  var reference: [String: Int32] = [:]
  var rng = Xoshiro256(seed: 7)
  for _ in 0..<20000 {
    let s = "P" + String(rng.nextIndex(5000)) + (rng.nextIndex(2) == 0 ? "" : "ä")
    let expected = reference[s] ?? Int32(reference.count)
    reference[s] = expected
    #expect(ids.intern(s) == expected)
  }
  #expect(ids.count == reference.count)
  for (s, i) in reference { #expect(ids.find(s) == i && ids.string(i) == s) }
  #expect(ids.find("nobody") == -1)
  #expect(ids.intern("") == Int32(reference.count) && ids.find("") == Int32(reference.count))
}

@Test func sortedOrderIsByteOrder() {
  var ids = ByteInterner()
  for s in ["b", "ab", "a", "Ö", "B"] { _ = ids.intern(s) }
  #expect(ids.sortedOrder().map { ids.string($0) } == ["B", "a", "ab", "b", "Ö"])
}
