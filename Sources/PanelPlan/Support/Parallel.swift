import Dispatch

/// Storage that workers fill at disjoint indices; read only after every
/// worker has finished. A raw buffer, so no worker ever touches shared
/// array bookkeeping (no uniqueness check, no reallocation).
private final class DisjointSlots<T: Sendable>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T?>
  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }
  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }
}

/// Computes `body(i)` for every `i` in `0..<count` on up to `threads`
/// workers with `DispatchQueue.concurrentPerform`, and returns the results
/// in index order.
///
/// Worker `w` takes indices `w, w + threads, ...`; each result lands in its
/// own slot, so the output is the same whatever `threads` is, provided
/// `body` depends only on its index (derive random streams from it).
///
/// - Complexity: O(count) calls of `body`, spread over the workers.
public func parallelIndexMap<T: Sendable>(
  count: Int, threads: Int, _ body: @Sendable (Int) -> T
) -> [T] {
  precondition(count >= 0 && threads >= 1, "count must be ≥ 0 and threads ≥ 1")
  let workers = min(threads, max(count, 1))
  if workers == 1 { return (0..<count).map(body) }
  let slots = DisjointSlots<T>(count: count)
  DispatchQueue.concurrentPerform(iterations: workers) { w in
    var i = w
    while i < count {
      slots.buffer[i] = body(i)
      i += workers
    }
  }
  return slots.buffer.map { $0! }
}
