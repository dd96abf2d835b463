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
/// hash into a fixed batch of compact records and folds a full batch into
/// per-partition state shared by all workers, one partition under its lock
/// at a time (`ContinuityPartitionSink`, `SharedPartitions`,
/// `PatientPartition`): the patient id is interned once, in a table of about
/// 1/1024 of the patients that stays in cache, and the visit kept as a
/// 20-byte row. Patients are then numbered partition by partition, in parallel
/// (`PartitionedContinuity`), and every partition finishes its patients in
/// one pass over its rows (`PatientPartition+Finish`): grouped by patient,
/// put in date order where they are not, indices computed. The file is read
/// once whatever its order; memory is the distinct patients plus 20 bytes
/// per counted visit (the CSV itself is 35–50 bytes per visit). Visits at
/// the same minute keep file order.
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
  /// Patients with at least one counted visit: by radix partition of the
  /// id's hash, and by first appearance in the file within a partition (the
  /// same order for any number of workers).
  public var patients: ByteInterner
  /// Sufficient statistics per patient and scope.
  public var doctorStatistics: [ContinuityStatistics]
  public var allStatistics: [ContinuityStatistics]
  /// Whether each patient has a known fixed doctor.
  public var hasFixedDoctor: [Bool]
  /// Patients whose rows arrived out of date order (put in order before their SECON).
  public var unorderedPatients: Int
  /// Groupings: all, unit, fixed doctor, age band, priority group.
  public var groupings: [PatientGrouping]
  /// Rough bytes held by the per-partition state (ids and rows) and the
  /// workers' batches at the end of the scan.
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
  /// per-partition finish, and the groupings.
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

    // Fixed doctor per patient: the patients file's, else the visits' column.
    // The patients file's fixed doctors are numbered first (one thread), so
    // the partitions only look them up.
    var recordFixed: [Int32] = []
    if let r = patientRecords {
      recordFixed = r.fixedDoctor.map { fd in fd.map { acc.clinicians.intern($0) } ?? -1 }
    }
    let countUnits = !hasUnitFromFile && report.hasColumn[4]
    let done = acc.finish(records: patientRecords?.ids, recordFixedDoctor: recordFixed, countUnits: countUnits)
    let n = acc.patients.count
    let recordOf = done.record
    let fixedDoctor = done.fixedDoctor
    let doctorStats = done.doctor, allStats = done.all
    let unorderedCount = done.unorderedPatients

    // Groupings.
    let referenceYear = ISODateBytes.civil(options.toDay ?? (acc.maxDay == Int32.min ? 0 : acc.maxDay)).year
    var groupings: [PatientGrouping] = [PatientGrouping(name: "all", labels: ["all"], groupOfPatient: [Int32](repeating: 0, count: n))]
    // Unit: the patients file's, else the centre of most of the patient's counted visits.
    var unitOf = [Int32](repeating: -1, count: n)
    if let r = patientRecords, r.hasUnit {
      for i in 0..<n where recordOf[i] >= 0 {
        if let u = r.unit[Int(recordOf[i])] { unitOf[i] = acc.centres.intern(u) }
      }
    } else if countUnits {
      unitOf = done.unit
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
    // One task per scope, on two cores; each reads the patients in order
    // (sequentially: no gather of each group's members scattered over
    // arrays of millions), computes a patient's indices once and appends
    // them to its group's columns, so values enter each group in patient
    // order whatever the threads. The per-patient arrays are read through
    // raw pointers: through the arrays themselves, every access from two
    // threads retained and released the same buffers.
    let groups = g.labels.count
    let n = g.groupOfPatient.count
    let minVisits = Int32(max(1, self.minVisits))
    var out = [ContinuitySummary](repeating: ContinuitySummary([ContinuityIndices]()), count: groups * 2)
    out.withUnsafeMutableBufferPointer { op in
      doctorStatistics.withUnsafeBufferPointer { dp in
        allStatistics.withUnsafeBufferPointer { ap in
          hasFixedDoctor.withUnsafeBufferPointer { fp in
            g.groupOfPatient.withUnsafeBufferPointer { gp in
              let o = SendablePointer(op.baseAddress!)
              let d = SendableConstPointer(dp.baseAddress!), a = SendableConstPointer(ap.baseAddress!)
              let f = SendableConstPointer(fp.baseAddress!), grp = SendableConstPointer(gp.baseAddress!)
              DispatchQueue.concurrentPerform(iterations: 2) { scope in
                let stats = scope == 0 ? d.pointer : a.pointer
                var counted = [Int](repeating: 0, count: groups)
                for i in 0..<n where stats[i].visits >= minVisits { counted[Int(grp.pointer[i])] += 1 }
                var columns = counted.map { ContinuitySummary.Columns(capacity: $0) }
                for i in 0..<n where stats[i].visits >= minVisits {
                  columns[Int(grp.pointer[i])].add(stats[i].indices(hasFixedDoctor: f.pointer[i]))
                }
                for k in 0..<groups { o.pointer[2 * k + scope] = ContinuitySummary(&columns[k]) }
              }
            }
          }
        }
      }
    }
    return g.labels.indices.map { k in
      GroupSummary(grouping: g.name, group: g.labels[k], doctor: out[2 * k], all: out[2 * k + 1])
    }
  }

  /// Aggregates for every grouping, in order.
  public func summaries() -> [GroupSummary] { groupings.flatMap { summary(grouping: $0.name) } }
}
