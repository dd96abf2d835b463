import Dispatch
import Foundation
import Synchronization

/// The one place where PanelPlan runs loops on several threads, and the one
/// file of the library for unsafe pointer code (issue 12, item 4).
///
/// Every parallel loop here has the same shape: indices `0..<count` are
/// claimed from one atomic counter by workers of
/// `DispatchQueue.concurrentPerform`, and the work for index `i` writes only
/// slot `i` of its output (and, for the worker-state variant, the worker's
/// own state). Results are therefore in index order and, provided the work
/// for `i` depends only on `i` (derive random streams from it, as
/// `Xoshiro256(seed:stream:)` does), the same bytes whatever the thread
/// count or the order in which workers happen to run.
///
/// ## Why it is race-free
///
/// 1. Each index is handed to exactly one worker: claims (one index, or a
///    chunk of consecutive ones) start where one `Atomic<Int>`'s
///    `wrappingAdd` says, which returns every value once, so no two claimed
///    ranges overlap.
/// 2. A worker writes only the slots of the indices it claimed, and only
///    the state of its own worker number (`concurrentPerform` runs each
///    worker number once). No two threads ever touch the same element;
///    neighbouring elements are distinct memory locations.
/// 3. The memory is an array's own buffer, borrowed with
///    `withUnsafeMutableBufferPointer` from an `inout` (or freshly created)
///    array, so nothing else can read or resize the array meanwhile.
/// 4. The caller reads the slots only after `concurrentPerform` has returned,
///    which happens after every worker has finished.
///
/// The only concurrency escape that makes this possible is `DisjointSlots`
/// below, which hands an array's buffer to the workers; rules 1–4 are why
/// the compiler may take our word for it. Code elsewhere in the library
/// uses these functions (or `DisjointSlots` through `withDisjointSlots`)
/// instead of pointer wrappers of its own.
///
/// ```swift
/// let squares = Parallel.map(count: 1_000, threads: 4) { i in i * i }
/// var xs = [Double](repeating: 1, count: 1_000)
/// Parallel.update(&xs, threads: 4) { x, i in x *= Double(i) }
/// ```
public enum Parallel {
  /// Threads to use when the caller has no setting: the active processors.
  public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

  // MARK: - Map over indices

  /// `body(i)` for every `i` in `0..<count`, in index order, computed on up
  /// to `threads` workers.
  ///
  /// With one thread (or at most one index) everything runs on the calling
  /// thread, with no Dispatch at all.
  ///
  /// - Complexity: O(count) calls of `body`, spread over the workers.
  public static func map<T: Sendable>(count: Int, threads: Int = defaultThreads, _ body: @Sendable (Int) -> T) -> [T] {
    precondition(count >= 0 && threads >= 1, "count must be ≥ 0 and threads ≥ 1")
    let workers = min(threads, count)
    if workers <= 1 { return (0..<count).map(body) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let slots = DisjointSlots(buffer)
      claim(count: count, chunk: chunkSize(count: count, workers: workers), workers: workers, until: { false }) { _, range in
        for i in range { slots.initialize(i, to: body(i)) }
      }
      // Every index was claimed and initialised (no stop condition).
      initialized = count
    }
  }

  /// Runs `body(i)` for every `i` in `0..<count` on up to `threads` workers.
  ///
  /// For work whose results go to shared state that is itself safe to use
  /// from several threads (an `Atomic`, or `DisjointSlots` at disjoint
  /// indices).
  public static func forEach(count: Int, threads: Int = defaultThreads, _ body: @Sendable (Int) -> Void) {
    precondition(count >= 0 && threads >= 1, "count must be ≥ 0 and threads ≥ 1")
    let workers = min(threads, count)
    if workers <= 1 {
      for i in 0..<count { body(i) }
      return
    }
    claim(count: count, chunk: chunkSize(count: count, workers: workers), workers: workers, until: { false }) { _, range in
      for i in range { body(i) }
    }
  }

  // MARK: - In place

  /// Calls `body(&elements[i], i)` for every index, on up to `threads`
  /// workers, each element changed by exactly one of them.
  ///
  /// - Complexity: O(n) calls of `body`, where n is `elements.count`.
  public static func update<T: Sendable>(
    _ elements: inout [T], threads: Int = defaultThreads, _ body: @Sendable (inout T, Int) -> Void
  ) {
    precondition(threads >= 1, "threads must be ≥ 1")
    let count = elements.count
    let workers = min(threads, count)
    if workers <= 1 {
      for i in 0..<count { body(&elements[i], i) }
      return
    }
    elements.withUnsafeMutableBufferPointer { buffer in
      let slots = DisjointSlots(buffer)
      claim(count: count, chunk: chunkSize(count: count, workers: workers), workers: workers, until: { false }) { _, range in
        for i in range { body(&slots[i], i) }
      }
    }
  }

  // MARK: - Workers with their own state

  /// `body(&state, i)` for indices `0, 1, 2, …` of `0..<count`, on one
  /// worker per element of `states` (at most `count`), each index claimed
  /// one at a time by whichever worker is free next: for long, uneven work
  /// items that need per-worker buffers (a sweep's points).
  ///
  /// Worker `w` uses `states[w]` only, so buffers are reused without locks;
  /// the state must be scratch space only, never part of a result, or the
  /// results would depend on which worker ran which index.
  ///
  /// - Parameter until: checked before each claim; once it returns true no
  ///   new index is claimed, and those already claimed finish.
  /// - Returns: one slot per index, nil for an index never claimed. Claims
  ///   are handed out in index order and every claimed index finishes, so
  ///   the non-nil slots are always a prefix.
  public static func map<State: Sendable, T: Sendable>(
    count: Int, states: inout [State], until stop: @Sendable () -> Bool = { false },
    _ body: @Sendable (inout State, Int) -> T
  ) -> [T?] {
    precondition(count >= 0 && !states.isEmpty, "count must be ≥ 0, with at least one state")
    var results = [T?](repeating: nil, count: count)
    let workers = min(states.count, count)
    if workers <= 1 {
      for i in 0..<count {
        if stop() { break }
        results[i] = body(&states[0], i)
      }
      return results
    }
    states.withUnsafeMutableBufferPointer { stateBuffer in
      results.withUnsafeMutableBufferPointer { resultBuffer in
        let workerStates = DisjointSlots(stateBuffer), slots = DisjointSlots(resultBuffer)
        claim(count: count, chunk: 1, workers: workers, until: stop) { w, range in
          for i in range { slots[i] = body(&workerStates[w], i) }
        }
      }
    }
    return results
  }

  // MARK: - The claiming loop

  /// Indices per claim: about 16 claims per worker, so a slow worker (the
  /// machine is shared) holds up little at the end, while a claim (one
  /// atomic add) stays rare next to the work.
  static func chunkSize(count: Int, workers: Int) -> Int { max(1, count / (workers * 16)) }

  /// Runs `body(worker, range)` on `workers` workers until `0..<count` is
  /// used up, each range of `chunk` indices claimed by one worker only.
  private static func claim(
    count: Int, chunk: Int, workers: Int, until stop: @Sendable () -> Bool,
    _ body: @Sendable (_ worker: Int, _ indices: Range<Int>) -> Void
  ) {
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      while !stop() {
        // At most `workers` claims past the end, so no overflow.
        let start = next.wrappingAdd(chunk, ordering: .relaxed).oldValue
        if start >= count { return }
        body(w, start..<min(count, start + chunk))
      }
    }
  }

  // MARK: - The one escape

  /// An array's buffer shared by workers that each touch their own indices
  /// (see the type's contract, rules 1–4). Internal: for parallel code in
  /// the library that scatters results to computed, disjoint positions
  /// (the continuity scan's per-partition outputs), borrowed through
  /// `withDisjointSlots(_:_:)` and used inside `forEach` or `map`.
  ///
  /// Reads of an element no worker writes may happen from any number of
  /// workers. The element type need not be `Sendable`: each element is
  /// touched by one worker at a time and handed back when the loop ends.
  struct DisjointSlots<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
      base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
      count = buffer.count
    }

    /// The element at `i` (bounds-checked), read or changed in place.
    subscript(i: Int) -> Element {
      unsafeAddress {
        precondition(i >= 0 && i < count, "slot out of range")
        return UnsafePointer(base + i)
      }
      nonmutating unsafeMutableAddress {
        precondition(i >= 0 && i < count, "slot out of range")
        return base + i
      }
    }

    /// Initialises slot `i` of uninitialised memory (`map`'s result).
    func initialize(_ i: Int, to value: consuming Element) {
      precondition(i >= 0 && i < count, "slot out of range")
      (base + i).initialize(to: value)
    }
  }

  /// Lends `array`'s buffer as `DisjointSlots` for the duration of `body`.
  static func withDisjointSlots<T, R>(_ array: inout [T], _ body: (DisjointSlots<T>) throws -> R) rethrows -> R {
    try array.withUnsafeMutableBufferPointer { try body(DisjointSlots($0)) }
  }
}

/// A pointer handed to parallel workers that each touch their own,
/// disjoint elements, under `Parallel`'s contract (rules 1–4 above): the
/// loops of the continuity scan write per-partition and per-patient outputs
/// at computed positions through it. Indexing reads and writes in place.
struct SendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ p: UnsafeMutablePointer<T>) { pointer = p }

  subscript(i: Int) -> T {
    unsafeAddress { UnsafePointer(pointer + i) }
    nonmutating unsafeMutableAddress { pointer + i }
  }
}

/// The read-only form of `SendablePointer`: many workers may read it.
struct SendableConstPointer<T>: @unchecked Sendable {
  let pointer: UnsafePointer<T>
  init(_ p: UnsafePointer<T>) { pointer = p }

  subscript(i: Int) -> T { unsafeAddress { pointer + i } }
}
