import Foundation

/// The two scopes of the agreement's indices.
public enum ContinuityScope: String, Sendable, CaseIterable, Codable, JSONEnumeration {
  /// Doctor contacts only.
  case doctor
  /// All contacts, every profession.
  case all
}

/// A way of grouping patients, with each patient's group.
public struct PatientGrouping: Sendable {
  /// `unit`, `fixed_doctor`, `age_band`, `priority_group` or `all`.
  public var name: String
  /// Group labels, in report order.
  public var labels: [String]
  /// Per patient, the index into `labels`.
  public var groupOfPatient: [Int32]
}

/// Continuity indices per patient computed from a unit's own visit records,
/// and their aggregates per unit, fixed doctor, age band and priority group.
///
/// ```swift
/// let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: "visits.csv"), options: VisitContinuityOptions())
/// a.summary(grouping: "all")[0].all.coc?.mean
/// ```
///
/// Design and its trade-off: each worker radix-partitions its rows by patient
/// hash into a fixed batch and folds it into per-partition state shared by
/// all workers, one partition under its lock at a time
/// (`ContinuityPartitionSink`, `SharedPartitions`, `PatientPartition`);
/// patients are then numbered by first appearance in parallel
/// (`PartitionedContinuity`). Memory is bounded by the
/// distinct patients and the (patient, provider) pairs, never by rows; the
/// order-independent indices
/// (COC, UPC, Herfindahl, MMCI, fixed-doctor share) are exact for any row
/// order. SECON is exact in one pass when each patient's rows arrive in date
/// order; patients whose rows do not are reread in a second pass that keeps
/// 13 bytes per visit of those patients only. A fully shuffled file therefore
/// costs a second pass and memory proportional to its rows; a file sorted by
/// date or by patient costs neither. Visits at the same minute keep file order.
public struct VisitContinuityAnalysis: Sendable {
  /// What the scan read.
  public var scan: VisitScanReport
  /// The window actually used (SKR's preset fills it in).
  public var fromDay: Int32?
  public var toDay: Int32?
  /// First and last day among counted visits (nil when none).
  public var firstVisitDay: Int32?
  public var lastVisitDay: Int32?
  public var minVisits: Int
  /// Counted visits.
  public var countedVisits: Int
  /// Patients with at least one counted visit, ids in first-seen order.
  public var patients: ByteInterner
  /// Sufficient statistics per patient and scope.
  public var doctorStatistics: [ContinuityStatistics]
  public var allStatistics: [ContinuityStatistics]
  /// Whether each patient has a known fixed doctor.
  public var hasFixedDoctor: [Bool]
  /// Patients whose rows arrived out of date order (their SECON came from the second pass).
  public var unorderedPatients: Int
  /// Groupings: all, unit, fixed doctor, age band, priority group.
  public var groupings: [PatientGrouping]
  /// Rough bytes held by the workers' per-partition state and batches at the
  /// end of the scan.
  public var accumulatorBytes: Int
  /// The profession values seen in the window, rows each, and how each was
  /// classified.
  public var professions = ProfessionTally(entries: [])

  /// The indices of patient `i` in a scope.
  public func indices(_ i: Int, _ scope: ContinuityScope) -> ContinuityIndices {
    (scope == .doctor ? doctorStatistics[i] : allStatistics[i]).indices(hasFixedDoctor: hasFixedDoctor[i])
  }

  /// Whether patient `i` counts in a scope (enough visits).
  public func counts(_ i: Int, _ scope: ContinuityScope) -> Bool {
    Int((scope == .doctor ? doctorStatistics[i] : allStatistics[i]).visits) >= max(1, minVisits)
  }

  /// Runs the whole analysis: an SKR pre-pass when needed, the scan, the
  /// second pass for out-of-order patients, and the groupings.
  ///
  /// - Parameters:
  ///   - skrEndDay: with `skr`, the window's end; nil: the last date in the file.
  ///   - skr: apply SKR's preset (`VisitContinuityOptions.applySKRPreset`).
  public static func run(
    reader: VisitRecordReader, options: VisitContinuityOptions, patientRecords: PatientRecords? = nil,
    skr: Bool = false, skrEndDay: Int32? = nil
  ) throws -> VisitContinuityAnalysis {
    try run(reader: reader, options: options, patientRecords: patientRecords, skr: skr, skrEndDay: skrEndDay,
            batchBytes: ContinuityPartitionSink.defaultBatchBytes)
  }

  /// `run` with the size of each worker's row batch (tests use tiny batches
  /// to force many flushes).
  static func run(
    reader: VisitRecordReader, options: VisitContinuityOptions, patientRecords: PatientRecords?,
    skr: Bool, skrEndDay: Int32?, batchBytes: Int
  ) throws -> VisitContinuityAnalysis {
    var options = options
    var listing: ListingUnits?
    if let r = patientRecords, r.hasUnit {
      var l = ListingUnits()
      l.patients = r.ids
      l.unitOfPatient = r.unit.map { u in u.map { l.centres.intern($0) } ?? -1 }
      listing = l
    }
    var preScan: VisitScanReport?
    if skr {
      var end = skrEndDay
      if end == nil || listing == nil {
        let needCentres = listing == nil
        let (parts, report) = try reader.scan { _ in ListingScan(countCentres: needCentres) }
        preScan = report
        var merged = parts[0]
        for p in parts.dropFirst() { merged.absorb(p) }
        if end == nil { end = merged.maxDay == Int32.min ? nil : merged.maxDay }
        if listing == nil {
          var l = ListingUnits()
          l.patients = merged.patients
          l.centres = merged.centres
          l.unitOfPatient = mostFrequentCentre(merged.centrePairs, patients: merged.patients.count, centres: merged.centres)
          listing = l
        }
      }
      if let end { options.applySKRPreset(endDay: end) } else { options.minVisits = VisitContinuityOptions.skrMinVisits }
    }
    if options.listingUnitOnly, !(try preScan?.hasColumn ?? reader.columnsPresent())[4] {
      // No centre column: every visit is taken to be at the listing unit.
      options.listingUnitOnly = false
    }
    let hasUnitFromFile = patientRecords?.hasUnit ?? false
    let filter = VisitFilter(options, listing: listing)
    // One shared state per scan; the reader makes its sinks for parts 0, 1, …
    // in order, and again from 0 when it rereads the file in one part.
    var shared = SharedPartitions(count: ContinuityPartitionSink.partitions, parts: reader.workers)
    var (sinks, report) = try reader.scan { part in
      if part == 0 { shared = SharedPartitions(count: ContinuityPartitionSink.partitions, parts: reader.workers) }
      return ContinuityPartitionSink(filter: filter, countCentres: !hasUnitFromFile, part: part, shared: shared, batchBytes: batchBytes)
    }
    let professions = ProfessionTally(sinks.map(\.filter))
    var acc = PartitionedContinuity(&sinks)
    let memory = acc.sinkBytes

    // Second pass for patients whose rows came out of order.
    let unorderedCount = acc.unordered.reduce(0) { $0 + ($1 ? 1 : 0) }
    if unorderedCount > 0 {
      var (collected, _) = try reader.scan { _ in
        SequenceCollector(filter: filter, patients: acc.patients, clinicians: acc.clinicians, wanted: acc.unordered)
      }
      // Counting sort by patient (stable, so file order is kept within a
      // patient: the parts come in file order), then an insertion sort by
      // minute within each patient's few visits, also stable. O(rows +
      // patients), one scatter; no comparison sort over all rows.
      let n = acc.patients.count
      var end = [Int32](repeating: 0, count: n + 1)
      var total = 0
      for c in collected {
        total += c.patient.count
        for p in c.patient { end[Int(p) + 1] &+= 1 }
      }
      for p in 0..<n { end[p + 1] &+= end[p] }
      // end[p] is now the start of patient p; after the scatter, the end.
      var sorted = [UInt64](repeating: 0, count: total)
      sorted.withUnsafeMutableBufferPointer { out in
        end.withUnsafeMutableBufferPointer { at in
          for c in collected {
            for k in c.patient.indices {
              let p = Int(c.patient[k])
              out[Int(at[p])] = c.visit[k]
              at[p] &+= 1
            }
          }
        }
      }
      collected = []
      sorted.withUnsafeMutableBufferPointer { v in
        var lo = 0
        for p in 0..<n {
          let hi = Int(end[p])
          if hi - lo < 2 { lo = hi; continue }
          if hi - lo <= 32 {
            for k in (lo + 1)..<hi {
              let x = v[k]
              var j = k
              while j > lo && v[j - 1] >> 32 > x >> 32 { v[j] = v[j - 1]; j -= 1 }
              v[j] = x
            }
          } else {
            // Many visits: sort (minute, position) keys, unique, so any sort is stable.
            var keys = (lo..<hi).map { v[$0] & 0xFFFF_FFFF_0000_0000 | UInt64($0 - lo) }
            keys.sort()
            let copy = Array(v[lo..<hi])
            for (k, key) in keys.enumerated() { v[lo + k] = copy[Int(key & 0xFFFF_FFFF)] }
          }
          var pairsAll: Int32 = 0, pairsDoctor: Int32 = 0
          var prevAll: UInt64 = .max, prevDoctor: UInt64 = .max
          for k in lo..<hi {
            let c = v[k] & 0xFFFF_FFFE
            if c == prevAll { pairsAll += 1 }
            prevAll = c
            if v[k] & 1 != 0 {
              if c == prevDoctor { pairsDoctor += 1 }
              prevDoctor = c
            }
          }
          acc.pairsAll[p] = pairsAll
          acc.pairsDoctor[p] = pairsDoctor
          lo = hi
        }
      }
    }

    // Fixed doctor per patient: the patients file, else the visits' column.
    let n = acc.patients.count
    var recordOf = [Int32](repeating: -1, count: n)
    if let r = patientRecords {
      for i in 0..<n { recordOf[i] = acc.patients.withBytes(Int32(i)) { r.ids.find($0) } }
    }
    var fixedDoctor = acc.fixedClinician
    if let r = patientRecords {
      for i in 0..<n where recordOf[i] >= 0 {
        if let fd = r.fixedDoctor[Int(recordOf[i])] { fixedDoctor[i] = acc.clinicians.intern(fd) }
      }
    }
    var (doctorStats, allStats) = acc.statistics(fixedDoctor: fixedDoctor)
    for i in 0..<n {
      allStats[i].sameProviderPairs = acc.pairsAll[i]
      doctorStats[i].sameProviderPairs = acc.pairsDoctor[i]
    }

    // Groupings.
    let referenceYear = ISODateBytes.civil(options.toDay ?? (acc.maxDay == Int32.min ? 0 : acc.maxDay)).year
    var groupings: [PatientGrouping] = [PatientGrouping(name: "all", labels: ["all"], groupOfPatient: [Int32](repeating: 0, count: n))]
    // Unit: the patients file's, else the centre of most of the patient's counted visits.
    var unitOf = [Int32](repeating: -1, count: n)
    if let r = patientRecords, r.hasUnit {
      for i in 0..<n where recordOf[i] >= 0 {
        if let u = r.unit[Int(recordOf[i])] { unitOf[i] = acc.centres.intern(u) }
      }
    } else if report.hasColumn[4] {
      unitOf = acc.mostFrequentCentres()
    }
    groupings.append(grouping("unit", keys: unitOf, names: acc.centres))
    groupings.append(grouping("fixed_doctor", keys: fixedDoctor, names: acc.clinicians, missing: "(none)"))
    if let r = patientRecords {
      let bands = (0..<n).map { i in recordOf[i] < 0 ? -1 : Int32(r.ageBand(Int(recordOf[i]), atYear: referenceYear)?.index ?? -1) }
      groupings.append(ordered("age_band", keys: bands, labels: AgeBand.allCases.map(\.rawValue)))
      let groups = (0..<n).map { i in recordOf[i] < 0 ? -1 : Int32(r.priorityGroup(Int(recordOf[i]), atYear: referenceYear)?.rank ?? -1) }
      groupings.append(ordered("priority_group", keys: groups, labels: PriorityGroup.allCases.map(\.rawValue)))
    }

    return VisitContinuityAnalysis(
      scan: report, fromDay: options.fromDay, toDay: options.toDay,
      firstVisitDay: acc.minDay == Int32.max ? nil : acc.minDay, lastVisitDay: acc.maxDay == Int32.min ? nil : acc.maxDay,
      minVisits: options.minVisits, countedVisits: acc.countedRows, patients: acc.patients,
      doctorStatistics: doctorStats, allStatistics: allStats,
      hasFixedDoctor: fixedDoctor.map { $0 >= 0 }, unorderedPatients: unorderedCount, groupings: groupings,
      accumulatorBytes: memory, professions: professions)
  }

  /// Groups keyed by interned ids, labelled and ordered by the ids' text;
  /// patients without a key go to `missing`, listed last.
  static func grouping(_ name: String, keys: [Int32], names: ByteInterner, missing: String = "(unknown)") -> PatientGrouping {
    var used = [Bool](repeating: false, count: names.count)
    var anyMissing = false
    for k in keys { if k >= 0 { used[Int(k)] = true } else { anyMissing = true } }
    var labelIndex = [Int32](repeating: -1, count: names.count)
    var labels: [String] = []
    for k in names.sortedOrder() where used[Int(k)] {
      labelIndex[Int(k)] = Int32(labels.count)
      labels.append(names.string(k))
    }
    let missingIndex = Int32(labels.count)
    if anyMissing { labels.append(missing) }
    return PatientGrouping(name: name, labels: labels, groupOfPatient: keys.map { $0 >= 0 ? labelIndex[Int($0)] : missingIndex })
  }

  /// Groups with a fixed natural order (age bands, priority groups); only
  /// groups that occur are listed.
  static func ordered(_ name: String, keys: [Int32], labels all: [String]) -> PatientGrouping {
    var used = [Bool](repeating: false, count: all.count + 1)
    for k in keys { used[k >= 0 ? Int(k) : all.count] = true }
    var index = [Int32](repeating: -1, count: all.count + 1)
    var labels: [String] = []
    for k in 0...all.count where used[k] {
      index[k] = Int32(labels.count)
      labels.append(k < all.count ? all[k] : "(unknown)")
    }
    return PatientGrouping(name: name, labels: labels, groupOfPatient: keys.map { index[$0 >= 0 ? Int($0) : all.count] })
  }

  /// One group's aggregates in both scopes.
  public struct GroupSummary: Sendable, Codable, Hashable {
    public var grouping: String
    public var group: String
    public var doctor: ContinuitySummary
    public var all: ContinuitySummary
  }

  /// Aggregates per group of a grouping, in the grouping's label order.
  /// Patients enter a scope's summary only with at least `minVisits` visits
  /// in that scope.
  public func summary(grouping name: String) -> [GroupSummary] {
    guard let g = groupings.first(where: { $0.name == name }) else { return [] }
    var members = [[Int32]](repeating: [], count: g.labels.count)
    for (i, k) in g.groupOfPatient.enumerated() { members[Int(k)].append(Int32(i)) }
    let groups = members
    // One task per (group, scope), on all cores; each task's result is the
    // same whatever runs it, so the output does not depend on the threads.
    let tasks = g.labels.count * 2
    var out = [ContinuitySummary](repeating: ContinuitySummary([ContinuityIndices]()), count: tasks)
    out.withUnsafeMutableBufferPointer { op in
      let o = SendablePointer(op.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: tasks) { t in
        let m = groups[t / 2]
        let s: ContinuityScope = t % 2 == 0 ? .doctor : .all
        // The members filtered first, so the summary knows their number and
        // sizes its columns once (no regrowth of arrays of millions).
        o.pointer[t] = ContinuitySummary(m.filter { counts(Int($0), s) }.lazy.map { indices(Int($0), s) })
      }
    }
    return g.labels.indices.map { k in
      GroupSummary(grouping: g.name, group: g.labels[k], doctor: out[2 * k], all: out[2 * k + 1])
    }
  }

  /// Aggregates for every grouping, in order.
  public func summaries() -> [GroupSummary] { groupings.flatMap { summary(grouping: $0.name) } }
}
