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
