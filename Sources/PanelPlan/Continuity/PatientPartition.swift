/// One counted visit as a partition keeps it: 20 bytes, no id bytes (the
/// patient is the partition's dense local index).
struct PartitionRow: Sendable {
  /// Local patient index in the partition (`PatientPartition.ids`).
  var patient: Int32
  /// Minutes since 1970-01-01 (`ISODateBytes`).
  var minute: Int32
  /// Shared clinician index << 1 | 1 for a doctor contact.
  var clinicianAndDoctor: Int32
  /// Shared clinician index of the fixed doctor named on the row, -1 when none.
  var fixedDoctor: Int32
  /// Shared centre index, -1 when absent or not counted.
  var centre: Int32
}

/// The continuity state of the patients whose id hash falls in one radix
/// partition (`ContinuityPartitionSink.partition`), shared by every part of
/// the file: each worker folds its rows of the partition in while holding
/// the partition's lock (`SharedPartitions`).
///
/// A partition holds about 1/1024 of the patients and of the rows: its
/// interner and its rows stay small enough for the core's cache while a
/// batch of its rows is folded in, and again when its patients are finished
/// (`PatientPartition+Finish`).
///
/// Why rows are kept (20 bytes each) rather than folded into running
/// per-patient state: SECON and the latest fixed doctor need each patient's
/// visits in date order, and a file in random order (a region's export)
/// gives most patients' rows out of order. Folding on the fly then needed a
/// second read of the whole file for those patients (the old design: a
/// second parse, a global hash lookup per row and a scatter of all rows).
/// Keeping the compact rows per partition costs 20 bytes per visit, a
/// quarter to a sixth of the CSV's own size, and lets every patient be
/// finished in one pass over its partition, in cache, whatever the order of
/// the file. Rows are kept per part of the file, each part's in its file
/// order, so concatenating the parts gives file order (ties at the same
/// minute keep it) however the workers' folds interleaved.
struct PatientPartition: Sendable {
  /// Number of parts the file may be read in.
  let parts: Int
  /// Patient ids, dense local indices in order of first fold.
  var ids = ByteInterner(capacity: 16)
  /// Per local patient: `part << 40 | counted row in the part` of its first
  /// row in the file (orders patients by first appearance).
  var firstRow: [Int64] = []
  /// Per part, this partition's rows of that part in file order.
  var rows: [[PartitionRow]]

  init(parts: Int) {
    self.parts = max(1, parts)
    rows = [[PartitionRow]](repeating: [], count: self.parts)
  }

  /// Folds in one counted visit read by `part` (clinician, fixed doctor and
  /// centre are indices of the scan's shared interners; -1 when absent).
  /// `row` is `part << 40 | counted row in the part`.
  @inline(__always)
  mutating func add(
    id: UnsafeRawBufferPointer, hash: UInt64, part: Int, row: Int64, minute t: Int32, clinician c: Int32, doctor: Bool,
    fixedDoctor f: Int32, centre z: Int32
  ) {
    var isNew = false
    let p = ids.intern(id, hash: hash, isNew: &isNew)
    if isNew {
      firstRow.append(row)
    } else if row < firstRow[Int(p)] {
      // An earlier part's batch folded after a later part's.
      firstRow[Int(p)] = row
    }
    rows[part].append(PartitionRow(patient: p, minute: t, clinicianAndDoctor: c << 1 | (doctor ? 1 : 0), fixedDoctor: f, centre: z))
  }

  /// Rows kept, over all parts.
  var rowCount: Int { rows.reduce(0) { $0 + $1.count } }

  /// Bytes held, for memory accounting.
  var memoryBytes: Int {
    ids.memoryBytes + firstRow.capacity * 8 + rows.reduce(0) { $0 + $1.capacity * MemoryLayout<PartitionRow>.stride }
  }
}
