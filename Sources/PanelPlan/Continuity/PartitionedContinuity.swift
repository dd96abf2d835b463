import Foundation

/// The shared partitions of a continuity scan (`SharedPartitions`), with
/// every patient given a global index in order of first appearance in the
/// file (as a single sequential reader would number them, whatever the
/// number of workers), and clinicians and centres numbered in file order.
struct PartitionedContinuity {
  var clinicians: ByteInterner
  var centres: ByteInterner
  /// The per-partition state; its clinician and centre indices are the
  /// shared interners', taken to `clinicians` and `centres` by
  /// `clinicianRemap` and `centreRemap`.
  let shared: SharedPartitions
  var clinicianRemap: [Int32]
  var centreRemap: [Int32]
  /// Per partition, the global index of each local patient.
  var globalIndex: [[Int32]]
  /// Patient ids by global index.
  var patients: ByteInterner
  /// Per global patient, from the sequence records joined over parts.
  var fixedClinician: [Int32]
  var unordered: [Bool]
  var pairsAll: [Int32]
  var pairsDoctor: [Int32]
  var countedRows = 0
  var minDay = Int32.max
  var maxDay = Int32.min
  /// Bytes held by the shared state and the sinks at the end of the scan.
  var sinkBytes = 0

  /// Flushes the sinks of a scan, given in file order (all sharing one
  /// `SharedPartitions`), numbers what they saw, and empties `sinks`.
  init(_ sinks: inout [ContinuityPartitionSink]) {
    let parts = sinks.count
    let workers = min(parts, ProcessInfo.processInfo.activeProcessorCount)
    sinks.withUnsafeMutableBufferPointer { sp in
      let s = SendablePointer(sp.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        var k = w
        while k < parts { s.pointer[k].flush(); k += workers }
      }
    }
    let shared = sinks[0].shared
    self.shared = shared
    sinkBytes = sinks.reduce(0) { $0 + $1.memoryBytes } + shared.memoryBytes
    // Clinicians and centres in file order: part 0's in first-seen order,
    // then each later part's new ones (as one sequential reader would).
    var cl = ByteInterner(capacity: 1 << 12), ce = ByteInterner(capacity: 64)
    var cmap = [Int32](repeating: -1, count: shared.clinicians.count)
    var zmap = [Int32](repeating: -1, count: shared.centres.count)
    for s in sinks {
      for l in 0..<s.clinicians.count where cmap[Int(s.clinicianMap[l])] < 0 {
        cmap[Int(s.clinicianMap[l])] = s.clinicians.withBytes(Int32(l)) { cl.intern($0) }
      }
      for l in 0..<s.centres.count where zmap[Int(s.centreMap[l])] < 0 {
        zmap[Int(s.centreMap[l])] = s.centres.withBytes(Int32(l)) { ce.intern($0) }
      }
      countedRows += s.countedRows
      minDay = min(minDay, s.minDay)
      maxDay = max(maxDay, s.maxDay)
    }
    clinicians = cl
    centres = ce
    clinicianRemap = cmap
    centreRemap = zmap
    let sinkRows = sinks.map(\.countedRows)
    sinks = []

    // Global numbering by first appearance: a bit per counted row, set at
    // each patient's first row (rows of part k follow those of parts < k);
    // a patient's index is the number of bits set before its own. No sort,
    // no sequential merge; the bitmap is one bit per row (6 MiB for 50 M).
    let p = shared.count
    var partBase = [Int](repeating: 0, count: parts + 1)
    for k in 0..<parts { partBase[k + 1] = partBase[k] + sinkRows[k] }
    let rowsInAll = partBase[parts]
    let words = rowsInAll / 64 + 1
    var bits = [UInt64](repeating: 0, count: words)
    @inline(__always) func position(_ firstRow: Int64) -> Int { partBase[Int(firstRow >> 40)] + Int(firstRow & (1 << 40 - 1)) }
    var total = 0, idBytes = 0
    for b in 0..<p {
      let st = shared.states[b]
      total += st.ids.count
      idBytes += st.ids.arena.count
      for i in 0..<st.ids.count {
        var k = 0
        while st.sequences[i * st.parts + k].firstRow < 0 { k += 1 }
        let r = position(st.sequences[i * st.parts + k].firstRow)
        bits[r >> 6] |= 1 << UInt64(r & 63)
      }
    }
    var before = [Int32](repeating: 0, count: words)
    var running: Int32 = 0
    for w in 0..<words {
      before[w] = running
      running += Int32(bits[w].nonzeroBitCount)
    }
    // Per partition (in parallel): global indices, and each patient's id
    // length and hash tag at its global index.
    let (bitsL, beforeL, baseL) = (bits, before, partBase)
    var gi = [[Int32]](repeating: [], count: p)
    var lengths = [Int](repeating: 0, count: total)
    var tags = [UInt32](repeating: 0, count: total)
    gi.withUnsafeMutableBufferPointer { gp in
      lengths.withUnsafeMutableBufferPointer { lp in
        tags.withUnsafeMutableBufferPointer { tp in
          let g = SendablePointer(gp.baseAddress!), l = SendablePointer(lp.baseAddress!), t = SendablePointer(tp.baseAddress!)
          DispatchQueue.concurrentPerform(iterations: p) { b in
            let st = shared.states[b]
            var out = [Int32](repeating: 0, count: st.ids.count)
            for i in 0..<st.ids.count {
              var k = 0
              while st.sequences[i * st.parts + k].firstRow < 0 { k += 1 }
              let f = st.sequences[i * st.parts + k].firstRow
              let r = baseL[Int(f >> 40)] + Int(f & (1 << 40 - 1))
              let w = bitsL[r >> 6] & ((1 << UInt64(r & 63)) - 1)
              let j = Int(beforeL[r >> 6]) + w.nonzeroBitCount
              out[i] = Int32(j)
              l.pointer[j] = st.ids.starts[i + 1] - st.ids.starts[i]
            }
            for e in st.ids.slots where e != 0 {
              t.pointer[Int(out[Int(e & 0xFFFF_FFFF) - 1])] = UInt32(truncatingIfNeeded: e >> 32)
            }
            g.pointer[b] = out
          }
        }
      }
    }
    bits = []
    before = []
    globalIndex = gi
    // Patient ids in global order: offsets by prefix sums, bytes copied in
    // parallel per partition, then only the hash slots built on one thread.
    var starts = [Int](repeating: 0, count: total + 1)
    for j in 0..<total { starts[j + 1] = starts[j] + lengths[j] }
    lengths = []
    var arena = [UInt8](repeating: 0, count: idBytes)
    let (startsL, giL) = (starts, gi)
    arena.withUnsafeMutableBytes { ap in
      let a = SendablePointer(ap.baseAddress!.assumingMemoryBound(to: UInt8.self))
      DispatchQueue.concurrentPerform(iterations: p) { b in
        let st = shared.states[b]
        let g = giL[b]
        st.ids.arena.withUnsafeBytes { src in
          for i in 0..<g.count {
            let s = st.ids.starts[i], n = st.ids.starts[i + 1] - s
            if n > 0 { (a.pointer + startsL[Int(g[i])]).update(from: src.baseAddress!.assumingMemoryBound(to: UInt8.self) + s, count: n) }
          }
        }
      }
    }
    patients = ByteInterner(distinctArena: arena, starts: starts, hashTags: tags)

    // Per global patient, its sequence joined over the parts (in parallel
    // per partition; each writes only its own patients).
    let (gIndex, cRemap) = (gi, cmap)
    var fixed = [Int32](repeating: -1, count: total)
    var unord = [Bool](repeating: false, count: total)
    var pa = [Int32](repeating: 0, count: total)
    var pd = [Int32](repeating: 0, count: total)
    fixed.withUnsafeMutableBufferPointer { fp in
      unord.withUnsafeMutableBufferPointer { up in
        pa.withUnsafeMutableBufferPointer { ap in
          pd.withUnsafeMutableBufferPointer { dp in
            let f = SendablePointer(fp.baseAddress!), u = SendablePointer(up.baseAddress!)
            let a = SendablePointer(ap.baseAddress!), d = SendablePointer(dp.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: p) { b in
              let st = shared.states[b]
              let g = gIndex[b]
              for i in 0..<g.count {
                let q = st.sequence(i)
                let j = Int(g[i])
                f.pointer[j] = q.fixedClinician < 0 ? -1 : cRemap[Int(q.fixedClinician)]
                u.pointer[j] = q.unordered
                a.pointer[j] = q.pairsAll
                d.pointer[j] = q.pairsDoctor
              }
            }
          }
        }
      }
    }
    fixedClinician = fixed
    unordered = unord
    pairsAll = pa
    pairsDoctor = pd
  }

  /// Per global patient, the sufficient statistics in both scopes from the
  /// (patient, clinician) counts; `sameProviderPairs` is left 0. Partitions
  /// are processed in parallel, each writing only its own patients.
  func statistics(fixedDoctor: [Int32]) -> (doctor: [ContinuityStatistics], all: [ContinuityStatistics]) {
    let n = patients.count
    var doctor = [ContinuityStatistics](repeating: ContinuityStatistics(), count: n)
    var all = [ContinuityStatistics](repeating: ContinuityStatistics(), count: n)
    doctor.withUnsafeMutableBufferPointer { dp in
      all.withUnsafeMutableBufferPointer { ap in
        let d = SendablePointer(dp.baseAddress!), a = SendablePointer(ap.baseAddress!)
        let cmap = clinicianRemap
        DispatchQueue.concurrentPerform(iterations: shared.count) { b in
          let g = globalIndex[b]
          shared.states[b].visitPairs.forEach { p, c, visits, doctorVisits in
            let i = Int(g[Int(p)])
            let withFixed = fixedDoctor[i] == cmap[Int(c)]
            a.pointer[i].add(visitsWithOneProvider: visits, withFixedDoctor: withFixed)
            d.pointer[i].add(visitsWithOneProvider: doctorVisits, withFixedDoctor: withFixed)
          }
        }
      }
    }
    return (doctor, all)
  }

  /// Per global patient, the centre of most of its counted visits; ties go to
  /// the centre id first in byte order, so the answer never depends on row
  /// order. -1 when none.
  func mostFrequentCentres() -> [Int32] {
    // Ranks and answers in the shared numbering, then taken to `centres`'.
    var ranks = [Int32](repeating: 0, count: shared.centres.count)
    for (r, z) in shared.centres.sortedOrder().enumerated() { ranks[Int(z)] = Int32(r) }
    let rank = ranks
    let zmap = centreRemap
    var best = [Int32](repeating: -1, count: patients.count)
    best.withUnsafeMutableBufferPointer { bp in
      let out = SendablePointer(bp.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: shared.count) { b in
        let g = globalIndex[b]
        var local = [Int32](repeating: -1, count: g.count)
        var count = [Int32](repeating: 0, count: g.count)
        shared.states[b].forEachCentre { p, z, n in
          let i = Int(p)
          if n > count[i] || (n == count[i] && local[i] >= 0 && rank[Int(z)] < rank[Int(local[i])]) {
            local[i] = z
            count[i] = n
          }
        }
        for i in 0..<g.count { out.pointer[Int(g[i])] = local[i] < 0 ? -1 : zmap[Int(local[i])] }
      }
    }
    return best
  }
}

/// A pointer handed to concurrent workers that each touch disjoint elements.
struct SendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}
