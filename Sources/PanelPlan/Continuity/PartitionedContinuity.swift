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
    sinks = []

    // Per partition (in parallel): each local patient's first row in the
    // file and the local patients sorted by it.
    let p = shared.count
    var firstRows = [[Int64]](repeating: [], count: p)
    var sortedLocal = [[Int32]](repeating: [], count: p)
    firstRows.withUnsafeMutableBufferPointer { fp in
      sortedLocal.withUnsafeMutableBufferPointer { op in
        let f = SendablePointer(fp.baseAddress!), o = SendablePointer(op.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: p) { b in
          let st = shared.states[b]
          let n = st.ids.count
          var rows = [Int64](repeating: 0, count: n)
          for i in 0..<n {
            var k = 0
            while st.sequences[i * st.parts + k].firstRow < 0 { k += 1 }
            rows[i] = st.sequences[i * st.parts + k].firstRow
          }
          f.pointer[b] = rows
          o.pointer[b] = (0..<Int32(n)).sorted { rows[Int($0)] < rows[Int($1)] }
        }
      }
    }

    // Global order: a k-way merge of the partitions' sorted lists.
    var total = 0, idBytes = 0
    for b in 0..<p {
      total += shared.states[b].ids.count
      idBytes += shared.states[b].ids.arena.count
    }
    var order = [(partition: Int32, local: Int32)]()
    order.reserveCapacity(total)
    var heap = MinHeap()
    for b in 0..<p where !sortedLocal[b].isEmpty { heap.push(firstRows[b][Int(sortedLocal[b][0])], Int32(b)) }
    var next = [Int](repeating: 1, count: p)
    var gi = sortedLocal.map { [Int32](repeating: -1, count: $0.count) }
    while let (_, b32) = heap.pop() {
      let b = Int(b32)
      let local = sortedLocal[b][next[b] - 1]
      gi[b][Int(local)] = Int32(order.count)
      order.append((b32, local))
      if next[b] < sortedLocal[b].count {
        heap.push(firstRows[b][Int(sortedLocal[b][next[b]])], b32)
        next[b] += 1
      }
    }
    firstRows = []
    sortedLocal = []
    globalIndex = gi
    var ids = ByteInterner(capacity: 16)
    ids.reserve(ids: total, bytes: idBytes)
    for o in order {
      shared.states[Int(o.partition)].ids.withBytes(o.local) { ids.appendAbsent($0, hash: ByteInterner.hash($0)) }
    }
    patients = ids
    order = []

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

/// A binary min-heap of (key, tag) pairs, for merging sorted lists.
struct MinHeap {
  var keys: [Int64] = []
  var tags: [Int32] = []

  mutating func push(_ key: Int64, _ tag: Int32) {
    keys.append(key)
    tags.append(tag)
    var i = keys.count - 1
    while i > 0 {
      let up = (i - 1) / 2
      if keys[up] <= keys[i] { break }
      keys.swapAt(up, i)
      tags.swapAt(up, i)
      i = up
    }
  }

  mutating func pop() -> (Int64, Int32)? {
    guard let top = keys.first else { return nil }
    let tag = tags[0]
    let lastKey = keys.removeLast(), lastTag = tags.removeLast()
    if !keys.isEmpty {
      keys[0] = lastKey
      tags[0] = lastTag
      var i = 0
      let n = keys.count
      while true {
        let l = 2 * i + 1, r = l + 1
        var m = i
        if l < n && keys[l] < keys[m] { m = l }
        if r < n && keys[r] < keys[m] { m = r }
        if m == i { break }
        keys.swapAt(m, i)
        tags.swapAt(m, i)
        i = m
      }
    }
    return (top, tag)
  }
}
