import Foundation

/// The partitions of a continuity scan merged over the file's parts, with
/// every patient given a global index in order of first appearance in the
/// file (as a single sequential reader would number them, whatever the
/// number of workers).
struct PartitionedContinuity {
  var clinicians: ByteInterner
  var centres: ByteInterner
  /// Per partition, merged over parts in file order; clinician and centre
  /// indices are those of `clinicians` and `centres`.
  var states: [PatientPartition]
  /// Per partition, the global index of each local patient.
  var globalIndex: [[Int32]]
  /// Patient ids by global index.
  var patients: ByteInterner
  /// Per global patient, from the sequence records.
  var fixedClinician: [Int32]
  var unordered: [Bool]
  var pairsAll: [Int32]
  var pairsDoctor: [Int32]
  var countedRows = 0
  var minDay = Int32.max
  var maxDay = Int32.min
  /// Bytes held by the sinks at the end of the scan.
  var sinkBytes = 0

  /// Flushes and merges the sinks of a scan, given in file order, and
  /// empties `sinks`. Taken `inout` so that no other reference shares the
  /// sinks' tables: a shared copy would make the first write to each table
  /// copy it whole (copy-on-write).
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
    sinkBytes = sinks.reduce(0) { $0 + $1.memoryBytes }
    var cl = sinks[0].clinicians, ce = sinks[0].centres
    var cmaps: [[Int32]] = [[]], zmaps: [[Int32]] = [[]]
    for k in 1..<max(1, parts) {
      let o = sinks[k]
      cmaps.append((0..<Int32(o.clinicians.count)).map { i in o.clinicians.withBytes(i) { cl.intern($0) } })
      zmaps.append((0..<Int32(o.centres.count)).map { i in o.centres.withBytes(i) { ce.intern($0) } })
    }
    clinicians = cl
    centres = ce
    for s in sinks {
      countedRows += s.countedRows
      minDay = min(minDay, s.minDay)
      maxDay = max(maxDay, s.maxDay)
    }
    // Take the partitions out of the sinks so that merging does not copy them.
    var perPart: [[PatientPartition]] = []
    for k in 0..<parts {
      perPart.append(sinks[k].states)
      sinks[k].states = []
    }
    sinks = []
    var merged = perPart[0]
    perPart[0] = []
    let p = ContinuityPartitionSink.partitions
    if parts > 1 {
      let rest = perPart
      let (cm, zm) = (cmaps, zmaps)
      merged.withUnsafeMutableBufferPointer { mp in
        let m = SendablePointer(mp.baseAddress!)
        // Each partition is merged on its own; partitions are independent.
        DispatchQueue.concurrentPerform(iterations: p) { b in
          for k in 1..<parts { m.pointer[b].absorb(rest[k][b], clinicianMap: cm[k], centreMap: zm[k]) }
        }
      }
    }
    perPart = []
    states = merged

    // Global order: a k-way merge of the partitions' patient lists, each
    // already in first-seen order.
    var total = 0, idBytes = 0
    for s in states {
      total += s.patients.count
      idBytes += s.ids.arena.count
    }
    var order = [(partition: Int32, local: Int32)]()
    order.reserveCapacity(total)
    var heap = MinHeap()
    for b in 0..<p where !states[b].patients.isEmpty { heap.push(states[b].patients[0].firstRow, Int32(b)) }
    var next = [Int](repeating: 1, count: p)
    var gi = states.map { [Int32](repeating: -1, count: $0.patients.count) }
    while let (_, b32) = heap.pop() {
      let b = Int(b32)
      let local = next[b] - 1
      gi[b][local] = Int32(order.count)
      order.append((b32, Int32(local)))
      if next[b] < states[b].patients.count {
        heap.push(states[b].patients[next[b]].firstRow, b32)
        next[b] += 1
      }
    }
    globalIndex = gi
    var ids = ByteInterner(capacity: 16)
    ids.reserve(ids: total, bytes: idBytes)
    fixedClinician = [Int32](repeating: -1, count: total)
    unordered = [Bool](repeating: false, count: total)
    pairsAll = [Int32](repeating: 0, count: total)
    pairsDoctor = [Int32](repeating: 0, count: total)
    for (g, o) in order.enumerated() {
      let s = states[Int(o.partition)]
      s.ids.withBytes(o.local) { ids.appendAbsent($0, hash: ByteInterner.hash($0)) }
      let q = s.patients[Int(o.local)]
      fixedClinician[g] = q.fixedClinician
      unordered[g] = q.unordered
      pairsAll[g] = q.pairsAll
      pairsDoctor[g] = q.pairsDoctor
    }
    patients = ids
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
        DispatchQueue.concurrentPerform(iterations: states.count) { b in
          let g = globalIndex[b]
          states[b].visitPairs.forEach { p, c, visits, doctorVisits in
            let i = Int(g[Int(p)])
            let withFixed = fixedDoctor[i] == c
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
    var ranks = [Int32](repeating: 0, count: centres.count)
    for (r, z) in centres.sortedOrder().enumerated() { ranks[Int(z)] = Int32(r) }
    let rank = ranks
    var best = [Int32](repeating: -1, count: patients.count)
    best.withUnsafeMutableBufferPointer { bp in
      let out = SendablePointer(bp.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: states.count) { b in
        let g = globalIndex[b]
        var local = [Int32](repeating: -1, count: g.count)
        var count = [Int32](repeating: 0, count: g.count)
        states[b].forEachCentre { p, z, n in
          let i = Int(p)
          if n > count[i] || (n == count[i] && local[i] >= 0 && rank[Int(z)] < rank[Int(local[i])]) {
            local[i] = z
            count[i] = n
          }
        }
        for i in 0..<g.count { out.pointer[Int(g[i])] = local[i] }
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
