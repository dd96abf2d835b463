/// What a visit-record scan keeps per patient to follow the order of visits:
/// the first and last visit, the consecutive same-provider pairs so far and
/// the latest recorded fixed doctor. One record per patient, so a row's
/// update touches one cache line.
struct PatientSequence: Sendable {
  /// Where the patient was first seen: `part << 40 | counted row in the part`,
  /// so keys order patients by first appearance in the file.
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
  /// The first centre the patient visited and the visits there; visits at
  /// other centres go to `PatientPartition.centrePairs`. Most patients use
  /// one centre, so most rows need no table lookup for it.
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
}

/// The continuity state of the patients whose id hash falls in one radix
/// partition (`ContinuityPartitionSink.partition`), seen by one part of the
/// file.
///
/// A partition holds about 1/1024 of the patients, so its interner, sequence
/// records and pair tables stay small enough for the core's cache while a
/// batch of its rows is folded in; this is what makes the per-row work cheap
/// compared with one table of millions of patients per worker.
///
/// What needs no order (N, k, Σ n_j², max n_j, visits with the fixed doctor)
/// comes from the (patient, clinician) counts. What needs date order (SECON's
/// consecutive pairs) is counted as rows arrive, exact when each patient's
/// rows arrive in date-and-time order; a patient whose rows do not is flagged
/// `unordered`, and the analysis rereads the file for those patients only.
/// Visits at the same minute keep their order in the file.
struct PatientPartition: Sendable {
  /// Patient ids, dense local indices in first-seen order.
  var ids = ByteInterner(capacity: 16)
  var patients: [PatientSequence] = []
  /// (local patient, clinician) → (all visits, doctor visits).
  var visitPairs = PairCounter(capacity: 16)
  /// (local patient, centre) → visits.
  var centrePairs = PairCounter(capacity: 16)

  /// Folds in one counted visit (clinician, fixed doctor and centre are
  /// indices of the part's interners; -1 when absent).
  @inline(__always)
  mutating func add(
    id: UnsafeRawBufferPointer, hash: UInt64, row: Int64, minute t: Int32, clinician c: Int32, doctor: Bool,
    fixedDoctor f: Int32, centre z: Int32
  ) {
    var isNew = false
    let p = ids.intern(id, hash: hash, isNew: &isNew)
    let i = Int(p)
    if isNew {
      patients.append(PatientSequence(firstRow: row, minute: t, clinician: c, doctor: doctor))
    }
    let otherCentre = patients.withUnsafeMutableBufferPointer { ps -> Bool in
      if !isNew {
        if t < ps[i].lastMinute { ps[i].unordered = true }
        ps[i].lastMinute = t
        if ps[i].lastAll == c { ps[i].pairsAll &+= 1 }
        ps[i].lastAll = c
        if doctor {
          if ps[i].firstDoctor < 0 { ps[i].firstDoctor = c } else if ps[i].lastDoctor == c { ps[i].pairsDoctor &+= 1 }
          ps[i].lastDoctor = c
        }
      }
      if f >= 0 && t >= ps[i].fixedMinute {
        ps[i].fixedMinute = t
        ps[i].fixedClinician = f
      }
      if z >= 0 && ps[i].homeCentre < 0 { ps[i].homeCentre = z }
      if z >= 0 && ps[i].homeCentre == z { ps[i].homeCentreVisits &+= 1; return false }
      return z >= 0
    }
    visitPairs.add(p, c, primary: 1, secondary: doctor ? 1 : 0)
    if otherCentre { centrePairs.add(p, z, primary: 1, secondary: 0) }
  }

  /// Folds in the same partition as seen by the part of the file right after
  /// this one; `clinicianMap` and `centreMap` take that part's interner
  /// indices to this one's.
  mutating func absorb(_ o: PatientPartition, clinicianMap cmap: [Int32], centreMap zmap: [Int32]) {
    var pmap = [Int32](repeating: 0, count: o.ids.count)
    @inline(__always) func mapped(_ c: Int32) -> Int32 { c < 0 ? -1 : cmap[Int(c)] }
    for j in 0..<o.ids.count {
      var isNew = false
      let g = o.ids.withBytes(Int32(j)) { ids.intern($0, hash: ByteInterner.hash($0), isNew: &isNew) }
      pmap[j] = g
      let s = o.patients[j]
      let fa = mapped(s.firstAll), la = mapped(s.lastAll)
      let fd = mapped(s.firstDoctor), ld = mapped(s.lastDoctor), ff = mapped(s.fixedClinician)
      if isNew {
        var n = s
        n.firstAll = fa
        n.lastAll = la
        n.firstDoctor = fd
        n.lastDoctor = ld
        n.fixedClinician = ff
        n.homeCentre = -1
        n.homeCentreVisits = 0
        patients.append(n)
        addCentre(g, s.homeCentre < 0 ? -1 : zmap[Int(s.homeCentre)], visits: s.homeCentreVisits)
        continue
      }
      let i = Int(g)
      var m = patients[i]
      if s.unordered || s.firstMinute < m.lastMinute { m.unordered = true }
      m.lastMinute = s.lastMinute
      m.pairsAll &+= s.pairsAll &+ (m.lastAll == fa ? 1 : 0)
      m.lastAll = la
      if fd >= 0 {
        if m.lastDoctor >= 0 && m.lastDoctor == fd { m.pairsDoctor &+= 1 }
        if m.firstDoctor < 0 { m.firstDoctor = fd }
        m.pairsDoctor &+= s.pairsDoctor
        m.lastDoctor = ld
      }
      if ff >= 0 && s.fixedMinute >= m.fixedMinute {
        m.fixedMinute = s.fixedMinute
        m.fixedClinician = ff
      }
      patients[i] = m
      addCentre(g, s.homeCentre < 0 ? -1 : zmap[Int(s.homeCentre)], visits: s.homeCentreVisits)
    }
    o.visitPairs.forEach { p, c, a, d in visitPairs.add(pmap[Int(p)], cmap[Int(c)], primary: a, secondary: d) }
    o.centrePairs.forEach { p, z, a, _ in addCentre(pmap[Int(p)], zmap[Int(z)], visits: a) }
  }

  /// Adds `visits` at centre `z` for local patient `p`.
  mutating func addCentre(_ p: Int32, _ z: Int32, visits: Int32) {
    guard z >= 0, visits > 0 else { return }
    let i = Int(p)
    if patients[i].homeCentre < 0 { patients[i].homeCentre = z }
    if patients[i].homeCentre == z {
      patients[i].homeCentreVisits &+= visits
    } else {
      centrePairs.add(p, z, primary: visits, secondary: 0)
    }
  }

  /// Calls `body(patient, centre, visits)` for every (patient, centre) with visits.
  func forEachCentre(_ body: (Int32, Int32, Int32) -> Void) {
    for (i, s) in patients.enumerated() where s.homeCentre >= 0 && s.homeCentreVisits > 0 {
      body(Int32(i), s.homeCentre, s.homeCentreVisits)
    }
    centrePairs.forEach { p, z, n, _ in body(p, z, n) }
  }

  /// Bytes held, for memory accounting.
  var memoryBytes: Int {
    ids.memoryBytes + patients.capacity * MemoryLayout<PatientSequence>.stride + visitPairs.memoryBytes + centrePairs.memoryBytes
  }
}
