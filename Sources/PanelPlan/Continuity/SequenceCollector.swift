/// Second pass for patients whose rows arrived out of date order: collects
/// their counted visits so they can be put in date order. Only those
/// patients' visits are kept, 12 bytes each: the patient's global index and
/// the visit packed as `SequenceCollector.pack` does.
struct SequenceCollector: VisitSink {
  var filter: VisitFilter
  let patients: ByteInterner
  let clinicians: ByteInterner
  let wanted: [Bool]
  var patient: [Int32] = []
  var visit: [UInt64] = []

  /// Minute in the high 32 bits (offset so that unsigned order is time
  /// order), then the clinician, then 1 for a doctor contact: comparing
  /// `>> 32` orders by minute.
  @inline(__always)
  static func pack(minute: Int32, clinician: Int32, doctor: Bool) -> UInt64 {
    UInt64(UInt32(bitPattern: minute) ^ 0x8000_0000) << 32 | UInt64(UInt32(bitPattern: clinician)) << 1 & 0xFFFF_FFFF | (doctor ? 1 : 0)
  }

  mutating func accept(_ row: VisitRow) {
    let p = patients.find(row.patient)
    guard p >= 0, wanted[Int(p)] else { return }
    let cls = filter.classify(row)
    if cls == 0 { return }
    patient.append(p)
    visit.append(Self.pack(minute: row.minute, clinician: clinicians.find(row.clinician), doctor: cls == 2))
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
