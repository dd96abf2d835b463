import Testing
@testable import PanelPlan
import PanelPlanTestSupport

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

@Test func sortedOrderIsByteOrderWithShorterFirstOnATie() {
  // Ids sharing 8- and 16-byte prefixes, of lengths 0–30, with zero bytes (which the
  // prefix word pads with), checked against a plain lexicographic sort.
  var rng = Xoshiro256(seed: 12, stream: [3])
  var ids = ByteInterner()
  var seen: [[UInt8]] = []
  for _ in 0..<4000 {
    let prefixes: [[UInt8]] = [Array("P0517018".utf8), [0, 1, 0], Array("patient-00000000001".utf8)]
    let prefix = prefixes[rng.nextIndex(prefixes.count)]
    let id = Array(prefix.prefix(rng.nextIndex(prefix.count + 1))) + (0..<rng.nextIndex(12)).map { _ in UInt8([0, 1, 48, 49, 255][rng.nextIndex(5)]) }
    var isNew = false
    _ = id.withUnsafeBytes { ids.intern($0, isNew: &isNew) }
    if isNew { seen.append(id) }
  }
  let expected = seen.indices.sorted { seen[$0].lexicographicallyPrecedes(seen[$1]) }.map(Int32.init)
  #expect(ids.sortedOrder() == expected)
}
