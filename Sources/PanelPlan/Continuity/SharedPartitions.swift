import Foundation

/// The per-partition continuity state of one scan, shared by all its
/// workers: one `PatientPartition` per radix partition, each behind its own
/// lock, and the scan's clinician and centre interners behind one lock each.
///
/// Why shared: with one state per worker every patient (seen by every
/// worker) was kept once per worker and the workers' states then merged,
/// re-interning every id (seconds, and twice the memory). Here a partition
/// has one owner at a time; a worker folds its whole bucket for a partition
/// under the partition's lock, so locks are taken ~1,024 times per batch,
/// never per row, and two workers rarely want the same partition at once
/// (they start their folds at different partitions). Order-dependent state is
/// kept per (patient, part) (`PatientPartition`), so the result does not
/// depend on which worker folds first.
///
/// A class: shared by reference between the workers' sinks; its storage is
/// only touched under the locks, or after the scan by one thread.
final class SharedPartitions: @unchecked Sendable {
  let count: Int
  let parts: Int
  let states: UnsafeMutablePointer<PatientPartition>
  private let locks: [NSLock]
  private let interning = NSLock()
  /// Indices by first registration; renumbered in file order after the scan.
  private(set) var clinicians = ByteInterner(capacity: 1 << 12)
  private(set) var centres = ByteInterner(capacity: 64)

  /// - Parameters:
  ///   - count: partitions.
  ///   - parts: at most how many parts the file is read in.
  init(count: Int, parts: Int) {
    self.count = count
    self.parts = max(1, parts)
    states = UnsafeMutablePointer<PatientPartition>.allocate(capacity: count)
    states.initialize(repeating: PatientPartition(parts: self.parts), count: count)
    locks = (0..<count).map { _ in NSLock() }
  }

  deinit {
    states.deinitialize(count: count)
    states.deallocate()
  }

  /// The shared index of a clinician id.
  func clinician(_ id: UnsafeRawBufferPointer) -> Int32 {
    interning.lock()
    defer { interning.unlock() }
    return clinicians.intern(id)
  }

  /// The shared index of a centre id.
  func centre(_ id: UnsafeRawBufferPointer) -> Int32 {
    interning.lock()
    defer { interning.unlock() }
    return centres.intern(id)
  }

  /// Runs `body` on partition `b` if no other worker holds it; false if one does.
  @inline(__always)
  func tryWith(_ b: Int, _ body: (inout PatientPartition) -> Void) -> Bool {
    guard locks[b].try() else { return false }
    body(&states[b])
    locks[b].unlock()
    return true
  }

  /// Runs `body` on partition `b`, waiting for it if another worker holds it.
  @inline(__always)
  func with(_ b: Int, _ body: (inout PatientPartition) -> Void) {
    locks[b].lock()
    body(&states[b])
    locks[b].unlock()
  }

  /// Bytes held, for memory accounting.
  var memoryBytes: Int {
    (0..<count).reduce(0) { $0 + states[$1].memoryBytes } + clinicians.memoryBytes + centres.memoryBytes
  }
}
