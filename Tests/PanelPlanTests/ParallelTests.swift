import Synchronization
import Testing
@testable import PanelPlan

/// `Parallel`: results in index order, the same for any thread count, each
/// index handled exactly once.
@Suite struct ParallelTests {
  /// Uneven work that depends only on the index: the sum of (i mod 37) × 10
  /// uniforms of the index's own stream.
  static func work(_ i: Int) -> Double {
    var rng = Xoshiro256(seed: 5, stream: [UInt64(i)])
    var s = 0.0
    for _ in 0..<(i % 37) * 10 { s += rng.nextUnit() }
    return s
  }

  @Test(arguments: [0, 1, 5, 1_000])
  func mapGivesTheSequentialResultsForAnyThreadCount(count: Int) {
    let expected = (0..<count).map(Self.work)
    for threads in [1, 2, 7] {
      #expect(Parallel.map(count: count, threads: threads, Self.work) == expected, "threads \(threads)")
    }
  }

  @Test func forEachVisitsEveryIndexOnce() {
    let n = 2_000
    for threads in [1, 2, 7] {
      var hits = [Int](repeating: 0, count: n)
      let sum = Atomic<Int>(0)
      Parallel.withDisjointSlots(&hits) { slots in
        Parallel.forEach(count: n, threads: threads) { i in
          slots[i] += 1
          sum.add(i, ordering: .relaxed)
        }
      }
      #expect(hits == [Int](repeating: 1, count: n), "threads \(threads)")
      #expect(sum.load(ordering: .relaxed) == n * (n - 1) / 2)
    }
  }

  /// x → 3x + i + work(i) once per element: an element changed twice, or
  /// not at all, would differ.
  @Test func updateChangesEachElementInPlaceOnce() {
    let n = 1_000
    let start = (0..<n).map { Double($0) * 0.5 }
    let expected = (0..<n).map { 3 * start[$0] + Double($0) + Self.work($0) }
    for threads in [1, 2, 7] {
      var xs = start
      Parallel.update(&xs, threads: threads) { x, i in x = 3 * x + Double(i) + Self.work(i) }
      #expect(xs == expected, "threads \(threads)")
    }
    var empty: [Double] = []
    Parallel.update(&empty, threads: 3) { x, _ in x += 1 }
    #expect(empty.isEmpty)
  }

  /// A worker's scratch buffer and counter.
  struct Scratch: Sendable {
    var buffer: [Double] = []
    var indicesRun = 0
  }

  /// Each index's result is computed in the worker's reused buffer, so it
  /// must not depend on which worker ran it or what it ran before.
  @Test func workersWithStateGiveTheSameResultsForAnyWorkerCount() {
    let n = 300
    let expected: [Double?] = (0..<n).map { Self.work($0) * 2 }
    for workers in [1, 2, 7] {
      var states = [Scratch](repeating: Scratch(), count: workers)
      let results = Parallel.map(count: n, states: &states) { scratch, i in
        scratch.indicesRun += 1
        scratch.buffer.removeAll(keepingCapacity: true)
        scratch.buffer.append(Self.work(i))
        scratch.buffer.append(Self.work(i))
        return scratch.buffer.reduce(0, +)
      }
      #expect(results == expected, "workers \(workers)")
      // The states come back changed: every index ran on exactly one of them.
      #expect(states.reduce(0) { $0 + $1.indicesRun } == n)
    }
  }

  /// After a stop, no new index is claimed and claimed ones finish, so the
  /// results are a prefix, each as without the stop.
  @Test func workersStopAfterAPrefix() {
    let n = 500
    for workers in [1, 2, 7] {
      var states = [Scratch](repeating: Scratch(), count: workers)
      let finished = Atomic<Int>(0)
      let results = Parallel.map(count: n, states: &states, until: { finished.load(ordering: .relaxed) >= 20 }) { scratch, i in
        scratch.indicesRun += 1
        finished.add(1, ordering: .relaxed)
        return Self.work(i)
      }
      let done = results.prefix { $0 != nil }.count
      #expect(done >= 20 && done < n, "workers \(workers): \(done) done")
      #expect(results[done...].allSatisfy { $0 == nil })
      #expect(done == finished.load(ordering: .relaxed))
      #expect(states.reduce(0) { $0 + $1.indicesRun } == done)
      #expect(results.prefix(done).enumerated().allSatisfy { $0.element == Self.work($0.offset) })
    }
  }

  @Test func chunksAreNeverEmptyAndAboutSixteenPerWorker() {
    #expect(Parallel.chunkSize(count: 10, workers: 2) == 1)
    #expect(Parallel.chunkSize(count: 1_172, workers: 2) == 36)
    #expect(Parallel.chunkSize(count: 1_000_000, workers: 8) == 7_812)
  }
}
