/// What finishing a partition needs from the whole scan (read-only, shared by
/// the workers finishing partitions in parallel).
struct PartitionFinishContext: Sendable {
  /// Shared clinician index → the analysis's clinician index (file order).
  let clinicianRemap: [Int32]
  /// Shared centre index → rank of its id in byte order (ties of the most
  /// frequent centre go to the first); empty when units are not counted.
  let centreRank: [Int32]
  /// The patients file's ids, and per record its fixed doctor as an
  /// analysis clinician index (-1 when none); nil without a patients file.
  let records: ByteInterner?
  let recordFixedDoctor: [Int32]
  /// Shared clinicians (sizes the per-worker counters).
  let clinicianCount: Int
  let centreCount: Int
}

/// Per global patient outputs of finishing, written through raw pointers:
/// each partition writes only its own patients' slots.
struct PartitionFinishOutputs: Sendable {
  let doctor: SendablePointer<ContinuityStatistics>
  let all: SendablePointer<ContinuityStatistics>
  /// Fixed doctor (analysis clinician index), -1 when none.
  let fixedDoctor: SendablePointer<Int32>
  /// Centre of most of the patient's counted visits (shared centre index), -1 when none.
  let unit: SendablePointer<Int32>
  /// Index into the patients file, -1 when absent.
  let record: SendablePointer<Int32>
}

extension PatientPartition {
  /// Finishes every patient of the partition in one pass over its rows and
  /// frees them: rows grouped by patient with a counting sort (parts
  /// concatenated in order, so each patient's rows stay in file order), put
  /// in date order when they are not (stable: file order on ties), then fed
  /// visit by visit to `ContinuityStatistics.record` in both scopes with the
  /// patient's fixed doctor (the patients file's, else the one named on the
  /// latest row that names one). Returns the number of patients whose rows
  /// were not in date order.
  ///
  /// - Complexity: O(rows + patients) plus the sort of out-of-order patients'
  ///   few visits; everything touched is the partition's, so it stays in cache.
  mutating func finish(globalIndex g: [Int32], context cx: PartitionFinishContext, into out: PartitionFinishOutputs) -> Int {
    let n = ids.count
    var start = [Int32](repeating: 0, count: n + 1)
    var total = 0
    for part in rows {
      total += part.count
      for r in part { start[Int(r.patient) + 1] &+= 1 }
    }
    for p in 0..<n { start[p + 1] &+= start[p] }
    var sorted = [PartitionRow](unsafeUninitializedCapacity: total) { buf, count in
      var at = start
      for part in rows {
        for r in part {
          let p = Int(r.patient)
          buf.baseAddress!.advanced(by: Int(at[p])).initialize(to: r)
          at[p] &+= 1
        }
      }
      count = total
    }
    rows = [[PartitionRow]](repeating: [], count: parts)

    var countAll = [Int32](repeating: 0, count: cx.clinicianCount)
    var countDoctor = [Int32](repeating: 0, count: cx.clinicianCount)
    var countCentre = [Int32](repeating: 0, count: cx.centreCount)
    var unordered = 0
    let cmap = cx.clinicianRemap
    sorted.withUnsafeMutableBufferPointer { v in
      for p in 0..<n {
        let lo = Int(start[p]), hi = Int(start[p + 1])
        let i = Int(g[p])
        var inOrder = true
        if hi - lo > 1 {
          for k in (lo + 1)..<hi where v[k].minute < v[k - 1].minute { inOrder = false; break }
        }
        if !inOrder {
          unordered += 1
          Self.sortByMinute(v, lo, hi)
        }
        // The fixed doctor: the patients file's, else the latest row's.
        var fixed: Int32 = -1
        var rec: Int32 = -1
        if let records = cx.records {
          rec = ids.withBytes(Int32(p)) { records.find($0) }
          if rec >= 0 { fixed = cx.recordFixedDoctor[Int(rec)] }
        }
        if fixed < 0 {
          var k = hi - 1
          while k >= lo && v[k].fixedDoctor < 0 { k -= 1 }
          if k >= lo { fixed = cmap[Int(v[k].fixedDoctor)] }
        }
        var all = ContinuityStatistics(), doctor = ContinuityStatistics()
        var prevAll: Int32 = -1, prevDoctor: Int32 = -1
        var best: Int32 = -1, bestCount: Int32 = 0
        for k in lo..<hi {
          let c = v[k].clinicianAndDoctor >> 1
          let ci = Int(c)
          let withFixed = cmap[ci] == fixed
          all.record(countBefore: countAll[ci], sameAsPrevious: c == prevAll, withFixedDoctor: withFixed)
          countAll[ci] &+= 1
          prevAll = c
          if v[k].clinicianAndDoctor & 1 != 0 {
            doctor.record(countBefore: countDoctor[ci], sameAsPrevious: c == prevDoctor, withFixedDoctor: withFixed)
            countDoctor[ci] &+= 1
            prevDoctor = c
          }
          let z = v[k].centre
          if z >= 0 {
            countCentre[Int(z)] &+= 1
            let m = countCentre[Int(z)]
            if m > bestCount || (m == bestCount && cx.centreRank[Int(z)] < cx.centreRank[Int(best)]) {
              best = z
              bestCount = m
            }
          }
        }
        for k in lo..<hi {
          let ci = Int(v[k].clinicianAndDoctor >> 1)
          countAll[ci] = 0
          countDoctor[ci] = 0
          if v[k].centre >= 0 { countCentre[Int(v[k].centre)] = 0 }
        }
        out.doctor[i] = doctor
        out.all[i] = all
        out.fixedDoctor[i] = fixed
        out.unit[i] = best
        out.record[i] = rec
      }
    }
    // The global table has the ids now.
    ids = ByteInterner(capacity: 16)
    firstRow = []
    return unordered
  }

  /// Stable sort of `v[lo..<hi]` by minute: insertion sort for a few visits,
  /// else a sort of unique (minute, position) keys.
  static func sortByMinute(_ v: UnsafeMutableBufferPointer<PartitionRow>, _ lo: Int, _ hi: Int) {
    if hi - lo <= 32 {
      for k in (lo + 1)..<hi {
        let x = v[k]
        var j = k
        while j > lo && v[j - 1].minute > x.minute { v[j] = v[j - 1]; j -= 1 }
        v[j] = x
      }
      return
    }
    var keys = (lo..<hi).map { UInt64(UInt32(bitPattern: v[$0].minute) ^ 0x8000_0000) << 32 | UInt64($0 - lo) }
    keys.sort()
    let copy = Array(v[lo..<hi])
    for (k, key) in keys.enumerated() { v[lo + k] = copy[Int(key & 0xFFFF_FFFF)] }
  }
}
