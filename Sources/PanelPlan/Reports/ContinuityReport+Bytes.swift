import Dispatch

extension ContinuityReport {
  /// Patients formatted per task when the per-patient file is written on
  /// several threads: large enough that a task's cost dwarfs the dispatch,
  /// small enough that the blocks of one round (threads × about 4 MiB of
  /// text) stay small next to the analysis.
  static let perPatientBlock = 1 << 15

  /// Writes the per-patient CSV (one row per patient with a counted visit,
  /// sorted by id: the groups, then per scope `visits`, `providers` and each
  /// index, empty where undefined and, UPC included, in a scope where the
  /// patient has fewer than `minVisits` visits) to `sink` in the given dialect.
  ///
  /// Rows are formatted by `threads` workers, each into its own buffer,
  /// one block of `perPatientBlock` patients at a time, and handed to the
  /// sink in id order, so the bytes are the same for any number of threads.
  ///
  /// - Complexity: O(n log n) for the id sort, then O(n) in the patients.
  public static func writePerPatientCSV<S: CSVByteSink>(
    _ a: VisitContinuityAnalysis, dialect: CSVDialect, threads: Int = 1, to sink: inout S
  ) throws {
    try writePerPatientCSV(a, dialect: dialect, threads: threads, blockPatients: perPatientBlock, to: &sink)
  }

  static func writePerPatientCSV<S: CSVByteSink>(
    _ a: VisitContinuityAnalysis, dialect: CSVDialect, threads: Int, blockPatients: Int, to sink: inout S
  ) throws {
    var head = ["patient"] + a.groupings.dropFirst().map(\.name)
    for scope in ContinuityScope.allCases {
      head += ["visits", "providers"].map { "\($0)_\(scope.rawValue)" } + indexNames.map { "\($0)_\(scope.rawValue)" }
    }
    var headWriter = CSVByteWriter(dialect: dialect)
    try headWriter.row(head)
    try headWriter.finish()
    try headWriter.bytes.withUnsafeBytes { try sink.write($0) }

    let order = a.patients.sortedOrder()
    let threads = max(1, threads)
    var writers = (0..<threads).map { _ in CSVByteWriter(dialect: dialect, sink: CSVByteArraySink()) }
    let blocks = (order.count + blockPatients - 1) / blockPatients
    let groupings = Array(a.groupings.dropFirst())
    let labels = groupings.map { g in g.labels.map { Array($0.utf8) } }
    var first = 0
    while first < blocks {
      let round = min(threads, blocks - first)
      writers.withUnsafeMutableBufferPointer { wp in
        let w = SendablePointer(wp.baseAddress!)
        let base = first
        order.withUnsafeBufferPointer { op in
          let o = SendableConstPointer(op.baseAddress!), n = op.count
          DispatchQueue.concurrentPerform(iterations: round) { t in
            let lo = (base + t) * blockPatients, hi = min(n, lo + blockPatients)
            let rows = PerPatientBlock(a, groupings: groupings, order: UnsafeBufferPointer(start: o.pointer + lo, count: hi - lo))
            rows.write(a, labels: labels, into: &w.pointer[t])
            // The writer buffers whole blocks: finish() moves them to its array sink.
            try? w.pointer[t].finish()
          }
        }
      }
      for t in 0..<round {
        try writers[t].sink.bytes.withUnsafeBytes { try sink.write($0) }
        writers[t].clearSink()
      }
      first += round
    }
  }

  /// The per-patient CSV as bytes in the given dialect.
  public static func perPatientCSVBytes(_ a: VisitContinuityAnalysis, dialect: CSVDialect = .standard, threads: Int = 1) -> [UInt8] {
    perPatientCSVBytes(a, dialect: dialect, threads: threads, blockPatients: perPatientBlock)
  }

  static func perPatientCSVBytes(_ a: VisitContinuityAnalysis, dialect: CSVDialect, threads: Int, blockPatients: Int) -> [UInt8] {
    var sink = CSVByteArraySink()
    // An array sink never throws.
    try? writePerPatientCSV(a, dialect: dialect, threads: threads, blockPatients: blockPatients, to: &sink)
    return sink.bytes
  }

  /// The long summary CSV (`csv(_:)`) written straight in the given dialect.
  public static func csvBytes(_ groups: [VisitContinuityAnalysis.GroupSummary], dialect: CSVDialect) -> [UInt8] {
    var w = CSVByteWriter(dialect: dialect)
    try? w.row(["grouping", "group", "scope", "patients", "visits", "index", "n", "mean", "p10", "p25", "median", "p75", "p90"])
    for g in groups {
      for (scope, sum) in [("doctor", g.doctor), ("all", g.all)] {
        for (name, d) in zip(indexNames, sum.distributions) {
          w.field(g.grouping)
          w.field(g.group)
          w.field(scope)
          w.integer(sum.patients)
          w.integer(sum.visits)
          w.field(name)
          if let x = d {
            w.integer(x.count)
            for v in [x.mean, x.p10, x.p25, x.median, x.p75, x.p90] { w.number(v) }
          } else {
            w.integer(0)
            for _ in 0..<6 { w.empty() }
          }
          try? w.endRow()
        }
      }
    }
    try? w.finish()
    return w.bytes
  }
}



/// One block of the per-patient file's patients (in id order), with what
/// their rows need gathered first into small arrays. Patients in id order
/// are scattered over the per-patient arrays (numbered by first
/// appearance); a tight gather loop lets the processor overlap those cache
/// misses, where formatting between them would not.
struct PerPatientBlock {
  var doctor: [ContinuityStatistics] = []
  var all: [ContinuityStatistics] = []
  var hasFixedDoctor: [Bool] = []
  var idRange: [Range<Int>] = []
  var group: [[Int32]]

  init(_ a: VisitContinuityAnalysis, groupings: [PatientGrouping], order: UnsafeBufferPointer<Int32>) {
    let n = order.count
    doctor.reserveCapacity(n)
    all.reserveCapacity(n)
    hasFixedDoctor.reserveCapacity(n)
    idRange.reserveCapacity(n)
    for p in order {
      let i = Int(p)
      doctor.append(a.doctorStatistics[i])
      all.append(a.allStatistics[i])
      hasFixedDoctor.append(a.hasFixedDoctor[i])
      idRange.append(a.patients.starts[i]..<a.patients.starts[i + 1])
    }
    group = groupings.map { g in order.map { g.groupOfPatient[Int($0)] } }
  }

  func write(_ a: VisitContinuityAnalysis, labels: [[[UInt8]]], into w: inout CSVByteWriter<CSVByteArraySink>) {
    let minVisits = max(1, a.minVisits)
    a.patients.arena.withUnsafeBytes { arena in
      for k in doctor.indices {
        w.field(UnsafeRawBufferPointer(rebasing: arena[idRange[k]]))
        for (g, l) in labels.enumerated() { l[Int(group[g][k])].withUnsafeBytes { w.field($0) } }
        let fd = hasFixedDoctor[k]
        // Scopes in `ContinuityScope.allCases` order: doctor, then all.
        Self.write(doctor[k].indices(hasFixedDoctor: fd), counted: Int(doctor[k].visits) >= minVisits, into: &w)
        Self.write(all[k].indices(hasFixedDoctor: fd), counted: Int(all[k].visits) >= minVisits, into: &w)
        // Never reaches the sink mid-block: an array sink only grows.
        try? w.endRow()
      }
    }
  }

  /// A scope's columns; a patient below `--min-visits` in the scope keeps
  /// its counts but every index is left empty (as in the aggregates, where
  /// the patient is left out of the scope).
  @inline(__always)
  static func write(_ x: ContinuityIndices, counted: Bool, into w: inout CSVByteWriter<CSVByteArraySink>) {
    w.integer(x.visits)
    w.integer(x.providers)
    guard counted else {
      for _ in 0..<6 { w.empty() }
      return
    }
    w.number(x.coc)
    w.number(x.upc)
    w.number(x.secon)
    w.number(x.herfindahl)
    w.number(x.mmci)
    w.number(x.fixedDoctorShare)
  }
}
