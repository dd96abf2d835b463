/// What a visit-record scan keeps per patient and part of the file to follow
/// the order of visits: the first and last visit, the consecutive
/// same-provider pairs so far and the latest recorded fixed doctor. One
/// record per (patient, part), so a row's update touches one cache line.
struct PatientSequence: Sendable {
  /// Where the patient was first seen in this part: `part << 40 | counted row
  /// in the part`, so keys order patients by first appearance in the file;
  /// -1 while the part has not seen the patient.
  var firstRow: Int64
  var firstMinute: Int32
  var lastMinute: Int32
  var firstAll: Int32
  var lastAll: Int32
  var pairsAll: Int32 = 0
  /// -1 while the patient has had no doctor visit.
  var firstDoctor: Int32
  var lastDoctor: Int32
  var pairsDoctor: Int32 = 0
  /// The fixed doctor on the patient's latest visit row that names one.
  var fixedMinute = Int32.min
  var fixedClinician: Int32 = -1
  /// A visit arrived dated before the one read before it.
  var unordered = false
  /// The first centre the patient visited in this part and the visits
  /// there; visits at other centres go to `PatientPartition.centrePairs`.
  /// Most patients use one centre, so most rows need no table lookup for it,
  /// and keeping it here keeps a row's update on one cache line.
  var homeCentre: Int32 = -1
  var homeCentreVisits: Int32 = 0

  init(firstRow: Int64, minute: Int32, clinician: Int32, doctor: Bool) {
    self.firstRow = firstRow
    firstMinute = minute
    lastMinute = minute
    firstAll = clinician
    lastAll = clinician
    firstDoctor = doctor ? clinician : -1
    lastDoctor = doctor ? clinician : -1
  }

  /// A part that has not seen the patient.
  static let unseen = PatientSequence(firstRow: -1, minute: 0, clinician: -1, doctor: false)

  /// Continues this sequence with `next`, the same patient's sequence in a
  /// later part of the file.
  mutating func append(_ s: PatientSequence) {
    if s.firstRow < 0 { return }
    if firstRow < 0 { self = s; return }
    if s.unordered || s.firstMinute < lastMinute { unordered = true }
    lastMinute = s.lastMinute
    pairsAll &+= s.pairsAll &+ (lastAll == s.firstAll ? 1 : 0)
    lastAll = s.lastAll
    if s.firstDoctor >= 0 {
      if lastDoctor >= 0 && lastDoctor == s.firstDoctor { pairsDoctor &+= 1 }
      if firstDoctor < 0 { firstDoctor = s.firstDoctor }
      pairsDoctor &+= s.pairsDoctor
      lastDoctor = s.lastDoctor
    }
    if s.fixedClinician >= 0 && s.fixedMinute >= fixedMinute {
      fixedMinute = s.fixedMinute
      fixedClinician = s.fixedClinician
    }
  }
}

/// The continuity state of the patients whose id hash falls in one radix
/// partition (`ContinuityPartitionSink.partition`), shared by every part of
/// the file: each worker folds its rows of the partition in while holding
/// the partition's lock (`SharedPartitions`).
///
/// A partition holds about 1/1024 of the patients, so its interner, sequence
/// records and pair tables stay small enough for the core's cache while a
/// batch of its rows is folded in.
///
/// What needs no order (N, k, Σ n_j², max n_j, visits with the fixed doctor,
/// visits per centre) comes from the (patient, clinician) and (patient,
/// centre) counts, which any worker may add to in any order. What needs date
/// order (SECON's consecutive pairs, the latest fixed doctor) is kept per
/// (patient, part), so each part's rows are followed in that part's file
/// order, and the parts are joined in file order at the end
/// (`PatientSequence.append`). A patient whose rows do not arrive in date
/// order is flagged `unordered`, and the analysis rereads the file for those
/// patients only. Visits at the same minute keep their order in the file.
struct PatientPartition: Sendable {
  /// Number of parts the file may be read in (sequence records per patient).
  let parts: Int
  /// Patient ids, dense local indices in order of first fold.
  var ids = ByteInterner(capacity: 16)
  /// Per (local patient, part): `sequences[patient * parts + part]`.
  var sequences: [PatientSequence] = []
  /// (local patient, clinician) → (all visits, doctor visits).
  var visitPairs = PairCounter(capacity: 16)
  /// (local patient, centre) → visits.
  var centrePairs = PairCounter(capacity: 16)

  init(parts: Int) { self.parts = max(1, parts) }

  /// Folds in one counted visit read by `part` (clinician, fixed doctor and
  /// centre are indices of the scan's shared interners; -1 when absent).
  @inline(__always)
  mutating func add(
    id: UnsafeRawBufferPointer, hash: UInt64, part: Int, row: Int64, minute t: Int32, clinician c: Int32, doctor: Bool,
    fixedDoctor f: Int32, centre z: Int32
  ) {
    var isNew = false
    let p = ids.intern(id, hash: hash, isNew: &isNew)
    let i = Int(p)
    if isNew {
      for _ in 0..<parts { sequences.append(.unseen) }
    }
    let otherCentre = sequences.withUnsafeMutableBufferPointer { ps -> Bool in
      let k = i * parts + part
      if ps[k].firstRow < 0 {
        ps[k] = PatientSequence(firstRow: row, minute: t, clinician: c, doctor: doctor)
      } else {
        if t < ps[k].lastMinute { ps[k].unordered = true }
        ps[k].lastMinute = t
        if ps[k].lastAll == c { ps[k].pairsAll &+= 1 }
        ps[k].lastAll = c
        if doctor {
          if ps[k].firstDoctor < 0 { ps[k].firstDoctor = c } else if ps[k].lastDoctor == c { ps[k].pairsDoctor &+= 1 }
          ps[k].lastDoctor = c
        }
      }
      if f >= 0 && t >= ps[k].fixedMinute {
        ps[k].fixedMinute = t
        ps[k].fixedClinician = f
      }
      if z >= 0 && ps[k].homeCentre < 0 { ps[k].homeCentre = z }
      if z >= 0 && ps[k].homeCentre == z { ps[k].homeCentreVisits &+= 1; return false }
      return z >= 0
    }
    visitPairs.add(p, c, primary: 1, secondary: doctor ? 1 : 0)
    if otherCentre { centrePairs.add(p, z, primary: 1, secondary: 0) }
  }

  /// Local patient `i`'s sequence over the whole file (its parts joined in
  /// file order).
  func sequence(_ i: Int) -> PatientSequence {
    var s = sequences[i * parts]
    for k in 1..<parts { s.append(sequences[i * parts + k]) }
    return s
  }

  /// Calls `body(patient, centre, visits)` once for every (patient, centre)
  /// with visits (the parts' home centres summed with the other centres).
  func forEachCentre(_ body: (Int32, Int32, Int32) -> Void) {
    var all = centrePairs
    for (k, s) in sequences.enumerated() where s.homeCentre >= 0 && s.homeCentreVisits > 0 {
      all.add(Int32(k / parts), s.homeCentre, primary: s.homeCentreVisits, secondary: 0)
    }
    all.forEach { p, z, n, _ in body(p, z, n) }
  }

  /// Bytes held, for memory accounting.
  var memoryBytes: Int {
    ids.memoryBytes + sequences.capacity * MemoryLayout<PatientSequence>.stride
      + visitPairs.memoryBytes + centrePairs.memoryBytes
  }
}
