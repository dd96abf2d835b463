import Foundation

/// The shared partitions of a continuity scan (`SharedPartitions`), with
/// every patient given a global index (partition by partition, by first
/// appearance in the file within a partition: the same whatever the number
/// of workers), and clinicians and centres numbered in file order.
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
    sinks = []

    // Global numbering: partition by partition, and within a partition by
    // first appearance in the file (`firstRow`: part, then counted row in
    // the part), so it is the same for any number of workers, and finishing
    // a partition writes its patients' results to one contiguous range that
    // stays in cache, not to places scattered over arrays of millions (which
    // was 40% of finishing when patients were numbered by first appearance
    // in the whole file).
    let p = shared.count
    var base = [Int](repeating: 0, count: p + 1)
    var idBytes = 0
    for b in 0..<p {
      base[b + 1] = base[b] + shared.states[b].ids.count
      idBytes += shared.states[b].ids.arena.count
    }
    let total = base[p]
    // Per partition (in parallel): global indices, and each patient's id
    // length and hash tag at its global index.
    let baseL = base
    var gi = [[Int32]](repeating: [], count: p)
    var lengths = [Int](repeating: 0, count: total)
    var tags = [UInt32](repeating: 0, count: total)
    gi.withUnsafeMutableBufferPointer { gp in
      lengths.withUnsafeMutableBufferPointer { lp in
        tags.withUnsafeMutableBufferPointer { tp in
          let g = SendablePointer(gp.baseAddress!), l = SendablePointer(lp.baseAddress!), t = SendablePointer(tp.baseAddress!)
          DispatchQueue.concurrentPerform(iterations: p) { b in
            let st = shared.states[b]
            let n = st.ids.count
            // First rows are distinct (a row has one patient): a plain sort.
            var order = (0..<n).map { (first: st.firstRow[$0], local: Int32($0)) }
            order.sort { $0.first < $1.first }
            var out = [Int32](repeating: 0, count: n)
            for (rank, e) in order.enumerated() {
              let j = baseL[b] + rank
              out[Int(e.local)] = Int32(j)
              l.pointer[j] = st.ids.starts[Int(e.local) + 1] - st.ids.starts[Int(e.local)]
            }
            for e in st.ids.slots where e != 0 {
              t.pointer[Int(out[Int(e & 0xFFFF_FFFF) - 1])] = UInt32(truncatingIfNeeded: e >> 32)
            }
            g.pointer[b] = out
          }
        }
      }
    }
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
  }

  /// Per global patient, what finishing the partitions gives
  /// (`PatientPartition.finish`).
  struct Finished {
    var doctor: [ContinuityStatistics]
    var all: [ContinuityStatistics]
    /// Analysis clinician index, -1 when none.
    var fixedDoctor: [Int32]
    /// Index into `centres`, -1 when none (only when units are counted).
    var unit: [Int32]
    /// Index into the patients file, -1 when absent.
    var record: [Int32]
    var unorderedPatients: Int
  }

  /// Finishes every partition in parallel (each writes only its own
  /// patients), and frees their rows. `records` and `recordFixedDoctor`: the
  /// patients file's ids and each record's fixed doctor as an index of
  /// `clinicians` (-1 when none).
  func finish(records: ByteInterner?, recordFixedDoctor: [Int32], countUnits: Bool) -> Finished {
    let n = patients.count
    var ranks: [Int32] = []
    if countUnits {
      ranks = [Int32](repeating: 0, count: shared.centres.count)
      for (r, z) in shared.centres.sortedOrder().enumerated() { ranks[Int(z)] = Int32(r) }
    }
    let cx = PartitionFinishContext(
      clinicianRemap: clinicianRemap, centreRank: ranks, records: records, recordFixedDoctor: recordFixedDoctor,
      clinicianCount: shared.clinicians.count, centreCount: countUnits ? shared.centres.count : 0)
    var doctor = [ContinuityStatistics](repeating: ContinuityStatistics(), count: n)
    var all = [ContinuityStatistics](repeating: ContinuityStatistics(), count: n)
    var fixed = [Int32](repeating: -1, count: n)
    var unit = [Int32](repeating: -1, count: n)
    var record = [Int32](repeating: -1, count: n)
    var unordered = [Int](repeating: 0, count: shared.count)
    let shared = self.shared, gi = globalIndex
    doctor.withUnsafeMutableBufferPointer { d in
      all.withUnsafeMutableBufferPointer { a in
        fixed.withUnsafeMutableBufferPointer { f in
          unit.withUnsafeMutableBufferPointer { u in
            record.withUnsafeMutableBufferPointer { r in
              unordered.withUnsafeMutableBufferPointer { un in
                let out = PartitionFinishOutputs(
                  doctor: .init(d.baseAddress!), all: .init(a.baseAddress!), fixedDoctor: .init(f.baseAddress!), unit: .init(u.baseAddress!),
                  record: .init(r.baseAddress!))
                let counts = SendablePointer(un.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: shared.count) { b in
                  counts.pointer[b] = shared.states[b].finish(globalIndex: gi[b], context: cx, into: out)
                }
              }
            }
          }
        }
      }
    }
    let zmap = centreRemap
    if countUnits { for i in 0..<n where unit[i] >= 0 { unit[i] = zmap[Int(unit[i])] } }
    return Finished(doctor: doctor, all: all, fixedDoctor: fixed, unit: unit, record: record, unorderedPatients: unordered.reduce(0, +))
  }
}

