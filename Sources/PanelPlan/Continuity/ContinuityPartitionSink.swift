import Foundation

/// The per-worker sink of a continuity scan: filters each row, then radix-
/// partitions it by a hash of the patient id into a bounded batch of compact
/// records, and folds a full batch into per-partition state one partition at
/// a time.
///
/// Why: the old sink updated tables of millions of patients for every row,
/// about twenty cache (and TLB) misses per row. Writing a row to one of
/// `partitions` append-only buckets is sequential; folding a bucket touches
/// only its partition's small tables (`PatientPartition`), which stay in the
/// core's cache while the bucket is folded.
///
/// Memory: per patient its `PatientPartition` state (bounded by patients and
/// the providers each saw) plus one fixed batch of `batchBytes` per worker;
/// nothing grows with the number of rows.
struct ContinuityPartitionSink: VisitSink {
  /// log₂ of the number of partitions.
  static let partitionBits = 10
  static let partitions = 1 << partitionBits
  /// Record header: row in batch (4), minute (4), clinician (4), fixed doctor
  /// (4), centre (4), doctor flag (1), id length (2); the id's bytes follow.
  static let headerBytes = 23

  var filter: VisitFilter
  let countCentres: Bool
  /// The part of the file this sink reads (for first-seen order).
  let part: Int64
  var clinicians = ByteInterner(capacity: 1 << 12)
  var centres = ByteInterner(capacity: 64)
  var states: [PatientPartition]
  let batch: RowBatch
  /// Bytes used in each bucket of `batch`.
  var fill: [Int]

  var countedRows = 0
  /// Counted rows folded before the current batch.
  var batchBase = 0
  var minDay = Int32.max
  var maxDay = Int32.min

  /// Default batch per worker: large enough that folding a bucket is worth
  /// the trip to its partition, small next to the per-patient state.
  static let defaultBatchBytes = 32 << 20

  init(filter: VisitFilter, countCentres: Bool, part: Int, batchBytes: Int = defaultBatchBytes) {
    self.filter = filter
    self.countCentres = countCentres
    self.part = Int64(part)
    states = [PatientPartition](repeating: PatientPartition(), count: Self.partitions)
    batch = RowBatch(partitions: Self.partitions, bucketBytes: max(1 << 10, batchBytes / Self.partitions))
    fill = [Int](repeating: 0, count: Self.partitions)
  }

  @inline(__always)
  static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
  }

  @inline(__always)
  static func partition(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - partitionBits)) }

  mutating func accept(_ row: VisitRow) {
    let cls = filter.classify(row)
    if cls == 0 { return }
    let c = clinicians.intern(row.clinician)
    let f: Int32 = row.fixedDoctor.isEmpty ? -1 : (Self.same(row.fixedDoctor, row.clinician) ? c : clinicians.intern(row.fixedDoctor))
    let z: Int32 = countCentres && !row.centre.isEmpty ? centres.intern(row.centre) : -1
    let h = ByteInterner.hash(row.patient)
    let b = Self.partition(h)
    let idBytes = row.patient.count
    let need = Self.headerBytes + idBytes
    if idBytes > Int(UInt16.max) || need > batch.bucketBytes {
      // An id too long for a record: fold it at once (after what came before).
      flush()
      states[b].add(
        id: row.patient, hash: h, row: part << 40 | Int64(countedRows), minute: row.minute, clinician: c, doctor: cls == 2,
        fixedDoctor: f, centre: z)
      batchBase += 1
    } else {
      if fill[b] + need > batch.bucketBytes { flush() }
      let at = batch.base + b * batch.bucketBytes + fill[b]
      at.storeBytes(of: UInt32(truncatingIfNeeded: countedRows - batchBase), toByteOffset: 0, as: UInt32.self)
      at.storeBytes(of: row.minute, toByteOffset: 4, as: Int32.self)
      at.storeBytes(of: c, toByteOffset: 8, as: Int32.self)
      at.storeBytes(of: f, toByteOffset: 12, as: Int32.self)
      at.storeBytes(of: z, toByteOffset: 16, as: Int32.self)
      at.storeBytes(of: cls == 2 ? 1 : 0, toByteOffset: 20, as: UInt8.self)
      at.storeBytes(of: UInt16(idBytes), toByteOffset: 21, as: UInt16.self)
      if idBytes > 0 { (at + Self.headerBytes).copyMemory(from: row.patient.baseAddress!, byteCount: idBytes) }
      fill[b] += need
    }
    countedRows += 1
    let d = row.day
    if d < minDay { minDay = d }
    if d > maxDay { maxDay = d }
  }

  /// Folds the batch into the partitions' state, partition by partition, and
  /// empties it. Within a bucket records are in file order.
  mutating func flush() {
    let rowBase = part << 40 | Int64(batchBase)
    states.withUnsafeMutableBufferPointer { st in
      for b in 0..<Self.partitions {
        let start = batch.base + b * batch.bucketBytes
        let end = fill[b]
        var o = 0
        while o < end {
          let r = start + o
          let n = Int(r.loadUnaligned(fromByteOffset: 21, as: UInt16.self))
          let id = UnsafeRawBufferPointer(start: r + Self.headerBytes, count: n)
          st[b].add(
            id: id, hash: ByteInterner.hash(id), row: rowBase + Int64(r.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
            minute: r.loadUnaligned(fromByteOffset: 4, as: Int32.self), clinician: r.loadUnaligned(fromByteOffset: 8, as: Int32.self),
            doctor: r.load(fromByteOffset: 20, as: UInt8.self) != 0, fixedDoctor: r.loadUnaligned(fromByteOffset: 12, as: Int32.self),
            centre: r.loadUnaligned(fromByteOffset: 16, as: Int32.self))
          o += Self.headerBytes + n
        }
        fill[b] = 0
      }
    }
    batchBase = countedRows
  }

  /// Bytes held, for memory accounting.
  var memoryBytes: Int {
    states.reduce(0) { $0 + $1.memoryBytes } + batch.partitions * batch.bucketBytes + clinicians.memoryBytes + centres.memoryBytes
  }
}

/// A fixed block of memory cut into one append-only bucket per partition.
/// A class only to free the block when the sink goes away (one per worker).
final class RowBatch: @unchecked Sendable {
  let partitions: Int
  let bucketBytes: Int
  let base: UnsafeMutableRawPointer
  init(partitions: Int, bucketBytes: Int) {
    self.partitions = partitions
    self.bucketBytes = bucketBytes
    base = UnsafeMutableRawPointer.allocate(byteCount: partitions * bucketBytes, alignment: 64)
  }

  deinit { base.deallocate() }
}
