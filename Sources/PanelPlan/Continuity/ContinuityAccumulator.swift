/// Per-worker state of a continuity scan over visit records, merged in file
/// order into one.
///
/// Memory (the design choice, see also `VisitContinuityAnalysis`): per
/// distinct patient about 45 bytes of sequence state plus the id's bytes and
/// its hash slot; per distinct (patient, clinician) pair one table entry with
/// two counts. Nothing is kept per row, so memory is bounded by patients and
/// the providers each saw, not by the length of the file.
///
/// What needs no order (N, k, Σ n_j², max n_j, visits with the fixed doctor)
/// comes from the pair counts. What needs date order (SECON's consecutive
/// pairs) is counted as rows arrive, which is exact when each patient's rows
/// arrive in date-and-time order (true of exports sorted by date, or by
/// patient and date). Visits at the same minute keep their order in the file.
/// A patient whose rows arrive out of order is flagged, and the analysis
/// rereads the file for the flagged patients only (`SequenceCollector`).
struct ContinuityAccumulator: VisitSink {
  var filter: VisitFilter
  /// Count each patient's visits per centre (to find the unit they mostly use).
  let countCentres: Bool

  var patients = ByteInterner(capacity: 1 << 16)
  var clinicians = ByteInterner(capacity: 1 << 12)
  var centres = ByteInterner(capacity: 64)
  /// (patient, clinician) → (all visits, doctor visits).
  var visitPairs = PairCounter(capacity: 1 << 16)
  /// (patient, centre) → visits.
  var centrePairs = PairCounter(capacity: 1 << 10)

  // Sequence state per patient (struct of arrays).
  var firstMinute: [Int32] = []
  var lastMinute: [Int32] = []
  var firstAll: [Int32] = []
  var lastAll: [Int32] = []
  var pairsAll: [Int32] = []
  var firstDoctor: [Int32] = []
  var lastDoctor: [Int32] = []
  var pairsDoctor: [Int32] = []
  var unordered: [Bool] = []
  /// The fixed doctor on the patient's latest visit row that names one.
  var fixedMinute: [Int32] = []
  var fixedClinician: [Int32] = []

  var countedRows = 0
  var minDay = Int32.max
  var maxDay = Int32.min

  init(filter: VisitFilter, countCentres: Bool) {
    self.filter = filter
    self.countCentres = countCentres
  }

  mutating func appendPatient(minute t: Int32, clinician c: Int32, doctor: Bool) {
    firstMinute.append(t)
    lastMinute.append(t)
    firstAll.append(c)
    lastAll.append(c)
    pairsAll.append(0)
    firstDoctor.append(doctor ? c : -1)
    lastDoctor.append(doctor ? c : -1)
    pairsDoctor.append(0)
    unordered.append(false)
    fixedMinute.append(Int32.min)
    fixedClinician.append(-1)
  }

  mutating func accept(_ row: VisitRow) {
    let cls = filter.classify(row)
    if cls == 0 { return }
    let doctor = cls == 2
    var isNew = false
    let p = patients.intern(row.patient, isNew: &isNew)
    let c = clinicians.intern(row.clinician)
    let t = row.minute
    let i = Int(p)
    if isNew {
      appendPatient(minute: t, clinician: c, doctor: doctor)
    } else {
      if t < lastMinute[i] { unordered[i] = true }
      lastMinute[i] = t
      if lastAll[i] == c { pairsAll[i] &+= 1 }
      lastAll[i] = c
      if doctor {
        if firstDoctor[i] < 0 { firstDoctor[i] = c } else if lastDoctor[i] == c { pairsDoctor[i] &+= 1 }
        lastDoctor[i] = c
      }
    }
    visitPairs.add(p, c, primary: 1, secondary: doctor ? 1 : 0)
    if !row.fixedDoctor.isEmpty && t >= fixedMinute[i] {
      fixedMinute[i] = t
      fixedClinician[i] = clinicians.intern(row.fixedDoctor)
    }
    if countCentres && !row.centre.isEmpty {
      centrePairs.add(p, centres.intern(row.centre), primary: 1, secondary: 0)
    }
    countedRows += 1
    let d = row.day
    if d < minDay { minDay = d }
    if d > maxDay { maxDay = d }
  }

  /// Folds in the state of the part of the file that comes right after this one.
  mutating func absorb(_ o: ContinuityAccumulator) {
    let cmap = (0..<Int32(o.clinicians.count)).map { k in o.clinicians.withBytes(k) { clinicians.intern($0) } }
    let zmap = (0..<Int32(o.centres.count)).map { k in o.centres.withBytes(k) { centres.intern($0) } }
    var pmap = [Int32](repeating: 0, count: o.patients.count)
    for j in 0..<o.patients.count {
      var isNew = false
      let g = o.patients.withBytes(Int32(j)) { patients.intern($0, isNew: &isNew) }
      pmap[j] = g
      let i = Int(g)
      let fa = cmap[Int(o.firstAll[j])], la = cmap[Int(o.lastAll[j])]
      let fd = o.firstDoctor[j] < 0 ? -1 : cmap[Int(o.firstDoctor[j])]
      let ld = o.lastDoctor[j] < 0 ? -1 : cmap[Int(o.lastDoctor[j])]
      let ff = o.fixedClinician[j] < 0 ? -1 : cmap[Int(o.fixedClinician[j])]
      if isNew {
        appendPatient(minute: o.firstMinute[j], clinician: fa, doctor: false)
        lastMinute[i] = o.lastMinute[j]
        lastAll[i] = la
        pairsAll[i] = o.pairsAll[j]
        firstDoctor[i] = fd
        lastDoctor[i] = ld
        pairsDoctor[i] = o.pairsDoctor[j]
        unordered[i] = o.unordered[j]
        fixedMinute[i] = o.fixedMinute[j]
        fixedClinician[i] = ff
        continue
      }
      if o.unordered[j] || o.firstMinute[j] < lastMinute[i] { unordered[i] = true }
      lastMinute[i] = o.lastMinute[j]
      pairsAll[i] &+= o.pairsAll[j] &+ (lastAll[i] == fa ? 1 : 0)
      lastAll[i] = la
      if fd >= 0 {
        if lastDoctor[i] >= 0 && lastDoctor[i] == fd { pairsDoctor[i] &+= 1 }
        if firstDoctor[i] < 0 { firstDoctor[i] = fd }
        pairsDoctor[i] &+= o.pairsDoctor[j]
        lastDoctor[i] = ld
      }
      if ff >= 0 && o.fixedMinute[j] >= fixedMinute[i] {
        fixedMinute[i] = o.fixedMinute[j]
        fixedClinician[i] = ff
      }
    }
    o.visitPairs.forEach { p, c, a, d in visitPairs.add(pmap[Int(p)], cmap[Int(c)], primary: a, secondary: d) }
    o.centrePairs.forEach { p, z, a, _ in centrePairs.add(pmap[Int(p)], zmap[Int(z)], primary: a, secondary: 0) }
    countedRows += o.countedRows
    minDay = min(minDay, o.minDay)
    maxDay = max(maxDay, o.maxDay)
  }

  /// Bytes held, for memory accounting.
  var memoryBytes: Int {
    patients.memoryBytes + clinicians.memoryBytes + centres.memoryBytes + visitPairs.memoryBytes + centrePairs.memoryBytes
      + firstMinute.capacity * 4 * 10 + unordered.capacity
  }
}

/// Second pass for patients whose rows arrived out of date order: collects
/// their counted visits as (patient, minute, clinician, doctor) so they can be
/// sorted. Only those patients' visits are kept.
struct SequenceCollector: VisitSink {
  var filter: VisitFilter
  let patients: ByteInterner
  let clinicians: ByteInterner
  let wanted: [Bool]
  var patient: [Int32] = []
  var minute: [Int32] = []
  var clinician: [Int32] = []
  var doctor: [Bool] = []

  mutating func accept(_ row: VisitRow) {
    let p = patients.find(row.patient)
    guard p >= 0, wanted[Int(p)] else { return }
    let cls = filter.classify(row)
    if cls == 0 { return }
    patient.append(p)
    minute.append(row.minute)
    clinician.append(clinicians.find(row.clinician))
    doctor.append(cls == 2)
  }
}

/// A first pass for SKR's preset: the last date in the file, and the visits
/// per (patient, centre) over the whole file, to find listing units when no
/// patients file gives them.
struct ListingScan: VisitSink {
  let countCentres: Bool
  var patients = ByteInterner(capacity: 1 << 16)
  var centres = ByteInterner(capacity: 64)
  var centrePairs = PairCounter(capacity: 1 << 16)
  var maxDay = Int32.min

  mutating func accept(_ row: VisitRow) {
    let d = row.day
    if d > maxDay { maxDay = d }
    guard countCentres, !row.centre.isEmpty else { return }
    centrePairs.add(patients.intern(row.patient), centres.intern(row.centre), primary: 1, secondary: 0)
  }

  mutating func absorb(_ o: ListingScan) {
    let pmap = (0..<Int32(o.patients.count)).map { k in o.patients.withBytes(k) { patients.intern($0) } }
    let zmap = (0..<Int32(o.centres.count)).map { k in o.centres.withBytes(k) { centres.intern($0) } }
    o.centrePairs.forEach { p, z, a, _ in centrePairs.add(pmap[Int(p)], zmap[Int(z)], primary: a, secondary: 0) }
    maxDay = max(maxDay, o.maxDay)
  }
}

/// The centre with the most visits per patient; ties go to the centre id
/// first in byte order, so the answer never depends on row order.
func mostFrequentCentre(_ pairs: PairCounter, patients: Int, centres: ByteInterner) -> [Int32] {
  var rank = [Int32](repeating: 0, count: centres.count)
  for (r, z) in centres.sortedOrder().enumerated() { rank[Int(z)] = Int32(r) }
  var best = [Int32](repeating: -1, count: patients)
  var bestCount = [Int32](repeating: 0, count: patients)
  pairs.forEach { p, z, n, _ in
    let i = Int(p)
    if n > bestCount[i] || (n == bestCount[i] && best[i] >= 0 && rank[Int(z)] < rank[Int(best[i])]) {
      best[i] = z
      bestCount[i] = n
    }
  }
  return best
}
