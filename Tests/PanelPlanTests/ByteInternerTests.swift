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

/// A table rebuilt from ids already known distinct (their bytes back to back
/// and hash tags, as the continuity scan does after numbering patients) finds
/// every id at its given index, finds no other, and keeps interning.
@Test func distinctArenaTableFindsEveryIdAtItsIndex() {
  let ids = (0..<5000).map { i in i % 3 == 0 ? "\(i)" : "patient-\(i)-" + String(repeating: "x", count: i % 17) } + [""]
  var arena: [UInt8] = []
  var starts = [0]
  var tags: [UInt32] = []
  for id in ids {
    let bytes = Array(id.utf8)
    arena += bytes
    starts.append(arena.count)
    tags.append(bytes.withUnsafeBytes { UInt32(truncatingIfNeeded: ByteInterner.hash($0)) })
  }
  var t = ByteInterner(distinctArena: arena, starts: starts, hashTags: tags)
  #expect(t.count == ids.count)
  #expect(ids.indices.allSatisfy { t.find(ids[$0]) == Int32($0) && t.string(Int32($0)) == ids[$0] })
  #expect(t.find("patient-1-y") == -1)
  #expect(t.intern("patient-4-xxxx") == 4)
  #expect(t.intern("new") == Int32(ids.count))
}
