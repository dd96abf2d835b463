/// A binary max-heap of indices `0..<n` ordered by a key each, ties to the
/// lower index (the order a linear scan with a strict `>` gives), so "the
/// largest key" costs O(log m) instead of a scan of all m members. Indexed:
/// it knows where each member sits, so a member's key can fall in place.
///
/// Used to give the next patient to the doctor with the most room left
/// (`PanelAssignment`) and to place hires and trainees where the gap or the
/// supervisor room is largest (`ReplicationEngine`).
///
/// - Complexity: O(m) to build, O(log m) per change.
struct IndexedMaxHeap {
  /// Key per index (only members are in the heap).
  private(set) var keys: [Double]
  private var heap: [Int]
  /// Position of each index in `heap`, -1 when not a member.
  private var position: [Int]

  /// A heap of `members` (by default every index of `keys`).
  init(keys: [Double], members: [Int]? = nil) {
    self.keys = keys
    heap = members ?? Array(keys.indices)
    position = [Int](repeating: -1, count: keys.count)
    for (k, i) in heap.enumerated() { position[i] = k }
    for k in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(k) }
  }

  private func better(_ a: Int, _ b: Int) -> Bool { keys[a] > keys[b] || (keys[a] == keys[b] && a < b) }

  /// The member with the largest key; nil when there are none.
  var top: Int? { heap.first }

  /// Lowers member `i`'s key to `key` (keys only fall); a non-member's key
  /// is recorded and it stays out.
  mutating func lower(_ i: Int, to key: Double) {
    keys[i] = key
    if position[i] >= 0 { siftDown(position[i]) }
  }

  private mutating func siftDown(_ start: Int) {
    var k = start
    let n = heap.count
    while true {
      let l = 2 * k + 1, r = l + 1
      var best = k
      if l < n && better(heap[l], heap[best]) { best = l }
      if r < n && better(heap[r], heap[best]) { best = r }
      if best == k { return }
      heap.swapAt(k, best)
      position[heap[k]] = k
      position[heap[best]] = best
      k = best
    }
  }
}
