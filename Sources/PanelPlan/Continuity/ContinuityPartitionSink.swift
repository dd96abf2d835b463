import Foundation

/// The per-worker sink of a continuity scan: filters each row, then radix-
/// partitions it by a hash of the patient id into a bounded batch of compact
/// records, and folds a full batch into the scan's shared per-partition state
/// (`SharedPartitions`) one partition at a time.
///
/// Why: the old sink updated tables of millions of patients for every row,
/// about twenty cache (and TLB) misses per row. Writing a row to one of
/// `partitions` append-only buckets is sequential; folding a bucket touches
/// only its partition's small tables (`PatientPartition`), which stay in the
/// core's cache while the bucket is folded.
///
/// Memory: per patient its `PatientPartition` state (bounded by patients and
/// the providers each saw), once for all workers, plus one fixed batch of
/// `batchBytes` per worker; nothing grows with the number of rows.
struct ContinuityPartitionSink: VisitSink {
  /// log₂ of the number of partitions.
  static let partitionBits = 10
  static let partitions = 1 << partitionBits
  /// Record header: row in batch (4), minute (4), clinician (4), fixed doctor
  /// (4), centre (4), doctor flag (1), id length (2), the low 32 bits of the
  /// id's hash (4; all the partition's interner uses, so the fold does not
  /// hash the id again); the id's bytes follow.
  static let headerBytes = 27

  var filter: VisitFilter
  let countCentres: Bool
  /// The part of the file this sink reads (for first-seen order).
  let part: Int64
  let shared: SharedPartitions
  /// This part's clinicians and centres in first-seen order (to number them
  /// in file order after the scan), and each one's index in `shared`.
  var clinicians = ByteInterner(capacity: 1 << 12)
  var centres = ByteInterner(capacity: 64)
  var clinicianMap: [Int32] = []
  var centreMap: [Int32] = []
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

  init(filter: VisitFilter, countCentres: Bool, part: Int, shared: SharedPartitions, batchBytes: Int = defaultBatchBytes) {
    self.filter = filter
    self.countCentres = countCentres
    self.part = Int64(part)
    self.shared = shared
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
    let c = clinician(row.clinician)
    let f: Int32 = row.fixedDoctor.isEmpty ? -1 : (Self.same(row.fixedDoctor, row.clinician) ? c : clinician(row.fixedDoctor))
    let z: Int32 = countCentres && !row.centre.isEmpty ? centre(row.centre) : -1
    let h = ByteInterner.hash(row.patient)
    let b = Self.partition(h)
    let idBytes = row.patient.count
    let need = Self.headerBytes + idBytes
    if idBytes > Int(UInt16.max) || need > batch.bucketBytes {
      // An id too long for a record: fold it at once (after what came before).
      flush()
      let (k, r) = (Int(part), part << 40 | Int64(countedRows))
      shared.with(b) {
        $0.add(id: row.patient, hash: h, part: k, row: r, minute: row.minute, clinician: c, doctor: cls == 2, fixedDoctor: f, centre: z)
      }
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
      at.storeBytes(of: UInt32(truncatingIfNeeded: h), toByteOffset: 23, as: UInt32.self)
      if idBytes > 0 { (at + Self.headerBytes).copyMemory(from: row.patient.baseAddress!, byteCount: idBytes) }
      fill[b] += need
    }
    countedRows += 1
    let d = row.day
    if d < minDay { minDay = d }
    if d > maxDay { maxDay = d }
  }

  /// The shared index of a clinician (a local lookup; the shared interner's
  /// lock only for a clinician new to this part).
  @inline(__always)
  mutating func clinician(_ id: UnsafeRawBufferPointer) -> Int32 {
    let l = Int(clinicians.intern(id))
    if l == clinicianMap.count { clinicianMap.append(shared.clinician(id)) }
    return clinicianMap[l]
  }

  @inline(__always)
  mutating func centre(_ id: UnsafeRawBufferPointer) -> Int32 {
    let l = Int(centres.intern(id))
    if l == centreMap.count { centreMap.append(shared.centre(id)) }
    return centreMap[l]
  }

  /// Folds the batch into the shared partitions and empties it. Within a
  /// bucket records are in file order. Each worker starts at its own
  /// partition and first skips partitions another worker holds, so workers
  /// seldom wait for each other.
  mutating func flush() {
    let rowBase = part << 40 | Int64(batchBase)
    let p = Self.partitions
    let first = Int(part) * p / shared.parts
    var busy: [Int] = []
    for j in 0..<p {
      let b = (first + j) % p
      if fill[b] > 0 && !shared.tryWith(b, { fold(b, rowBase: rowBase, into: &$0) }) { busy.append(b) }
    }
    for b in busy { shared.with(b) { fold(b, rowBase: rowBase, into: &$0) } }
    for b in 0..<p { fill[b] = 0 }
    batchBase = countedRows
  }

  /// Folds bucket `b` of the batch into its partition's state.
  @inline(__always)
  func fold(_ b: Int, rowBase: Int64, into st: inout PatientPartition) {
    let start = batch.base + b * batch.bucketBytes
    let end = fill[b]
    let k = Int(part)
    var o = 0
    while o < end {
      let r = start + o
      let n = Int(r.loadUnaligned(fromByteOffset: 21, as: UInt16.self))
      let id = UnsafeRawBufferPointer(start: r + Self.headerBytes, count: n)
      st.add(
        id: id, hash: UInt64(r.loadUnaligned(fromByteOffset: 23, as: UInt32.self)), part: k, row: rowBase + Int64(r.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
        minute: r.loadUnaligned(fromByteOffset: 4, as: Int32.self), clinician: r.loadUnaligned(fromByteOffset: 8, as: Int32.self),
        doctor: r.load(fromByteOffset: 20, as: UInt8.self) != 0, fixedDoctor: r.loadUnaligned(fromByteOffset: 12, as: Int32.self),
        centre: r.loadUnaligned(fromByteOffset: 16, as: Int32.self))
      o += Self.headerBytes + n
    }
  }

  /// Bytes held by this worker (its batch and interners), for memory accounting.
  var memoryBytes: Int {
    batch.partitions * batch.bucketBytes + clinicians.memoryBytes + centres.memoryBytes
  }
}

/// A fixed block of memory cut into one append-only bucket per partition.
/// A class only to free the block when the sink goes away (one per worker).
final class RowBatch {
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
