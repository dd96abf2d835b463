import Foundation
import PanelPlan

/// End-to-end continuity on generated visit records: reading the CSV, the
/// indices per patient and the unit-wide summaries.
///
/// The file has `rows` rows over `patients` patients, 400 clinicians (300
/// doctors) at 40 centres, a year of dates, sorted by date as a visit log
/// usually is (so SECON needs no second pass). It is written once to the
/// temporary directory by a fast byte writer and reused across runs.
enum ContinuityBenchmarks {
  static let rows = 50_000_000
  static let patients = 4_000_000

  static var all: [Benchmark] {
    [
      // The tokenizer, date parser and checks alone (a sink that only counts),
      // to separate parsing from the per-patient hash tables.
      Benchmark(name: "continuity/parse-only-50M-rows", unit: "rows") {
        let (sinks, report) = try VisitRecordReader(path: try file()).scan { _ in CountingSink() }
        return (report.rows, Double(sinks.reduce(0) { $0 + $1.bytes }))
      },
      Benchmark(name: "continuity/read+indices-50M-rows", unit: "rows") {
        let path = try file()
        let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: path), options: VisitContinuityOptions())
        let s = a.summary(grouping: "all")[0]
        FileHandle.standardError.write(Data(String(format: "  patients %d, accumulators %.0f MiB\n", a.patients.count, Double(a.accumulatorBytes) / 1048576).utf8))
        return (a.scan.rows, (s.all.coc?.mean ?? 0) + (s.doctor.secon?.mean ?? 0))
      },
      Benchmark(name: "continuity/read+indices+all-groupings-50M-rows", unit: "rows") {
        let path = try file()
        let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: path), options: VisitContinuityOptions())
        let s = a.summaries()
        return (a.scan.rows, s.reduce(0) { $0 + ($1.all.coc?.mean ?? 0) })
      },
      // Issue 16's three shapes. Sorted: the 50 M-row file above (a visit
      // log, 12.5 rows per patient). Shuffled: 10.4 M rows in random order
      // with ids drawn from 8.5 M (about 6 M patients, most with one or two
      // contacts: a region's export of a year), without and with the
      // per-patient file (formatted on all cores into a sink that counts bytes).
      Benchmark(name: "continuity/sorted-50M-rows-4M-patients", unit: "rows") {
        let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: try file()), options: VisitContinuityOptions())
        let s = a.summaries()
        return (a.scan.rows, s.reduce(0) { $0 + ($1.all.coc?.mean ?? 0) })
      },
      Benchmark(name: "continuity/shuffled-10M-rows-6M-patients", unit: "rows") {
        let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: try shuffledFile()), options: VisitContinuityOptions())
        let s = a.summaries()
        FileHandle.standardError.write(Data(String(format: "  patients %d, out of date order %d, accumulators %.0f MiB\n", a.patients.count, a.unorderedPatients, Double(a.accumulatorBytes) / 1048576).utf8))
        return (a.scan.rows, s.reduce(0) { $0 + ($1.all.coc?.mean ?? 0) })
      },
      Benchmark(name: "continuity/shuffled-10M-rows-6M-patients+per-patient", unit: "rows") {
        let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: try shuffledFile()), options: VisitContinuityOptions())
        let s = a.summaries()
        var sink = CountingByteSink()
        try ContinuityReport.writePerPatientCSV(a, dialect: .standard, threads: ProcessInfo.processInfo.activeProcessorCount, to: &sink)
        return (a.scan.rows, s.reduce(0) { $0 + ($1.all.coc?.mean ?? 0) } + Double(sink.bytes))
      },
    ]
  }

  static let shuffledRows = 10_400_000
  static let shuffledIdSpace = 8_500_000

  /// The shuffled file (about 525 MB), written once.
  static func shuffledFile() throws -> String {
    try file(rows: shuffledRows, idSpace: shuffledIdSpace, shuffled: true)
  }

  /// Writes the sorted benchmark file once (about 2.3 GB) and returns its path.
  static func file() throws -> String { try file(rows: rows, idSpace: patients, shuffled: false) }

  /// Writes a benchmark file once and returns its path: `rows` rows with ids
  /// drawn uniformly from `idSpace`; sorted by date, or (`shuffled`) with
  /// each row's date drawn uniformly, i.e. in no order at all.
  static func file(rows: Int, idSpace patients: Int, shuffled: Bool) throws -> String {
    let path = NSTemporaryDirectory() + "panelplan-visits-\(rows)\(shuffled ? "-shuffled" : "").csv"
    if FileManager.default.fileExists(atPath: path) { return path }
    let t0 = DispatchTime.now().uptimeNanoseconds
    guard let f = fopen(path + ".tmp", "w") else { throw InputError(file: path, problem: "cannot create the benchmark file") }
    var rng = Xoshiro256(seed: 2024, stream: [4])
    var out = [UInt8]()
    out.reserveCapacity(1 << 22)
    out += Array("patient,date,clinician,profession,centre,contact_type,fixed_doctor\n".utf8)
    let types: [[UInt8]] = ["physical", "video", "phone", "chat"].map { Array($0.utf8) }
    let doctor = Array("läkare".utf8), nurse = Array("sjuksköterska".utf8)
    // Digits written in place: no allocation per row.
    func number(_ x: Int, width: Int = 0) {
      var n = 1, v = x
      while v >= 10 { n += 1; v /= 10 }
      n = max(n, width)
      let at = out.count
      for _ in 0..<n { out.append(48) }
      v = x
      var k = at + n - 1
      while v > 0 { out[k] = UInt8(48 + v % 10); v /= 10; k -= 1 }
    }
    let start = ISODateBytes.dayNumber(year: 2024, month: 1, day: 1)
    let perDay = rows / 365
    for r in 0..<rows {
      let day = start + Int32(shuffled ? rng.nextIndex(365) : min(364, r / perDay))
      let (y, m, d) = ISODateBytes.civil(day)
      // Patients at a centre mostly see their fixed doctor (about 60%), else
      // any of the centre's ten clinicians.
      let p = rng.nextIndex(patients)
      let centre = p % 40
      let fixed = centre * 10 + p % 7
      let c = rng.nextUnit() < 0.6 ? fixed : centre * 10 + rng.nextIndex(10)
      out.append(80); number(p, width: 8); out.append(44)
      number(y); out.append(45); number(m, width: 2); out.append(45); number(d, width: 2); out.append(44)
      out.append(67); number(c); out.append(44)
      out += c % 10 < 7 ? doctor : nurse; out.append(44)
      out.append(86); out.append(67); number(centre); out.append(44)
      out += types[rng.nextIndex(4)]; out.append(44)
      out.append(67); number(fixed); out.append(10)
      if out.count > (1 << 22) - 256 {
        _ = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        out.removeAll(keepingCapacity: true)
      }
    }
    _ = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
    try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
    let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    FileHandle.standardError.write(Data(String(format: "  wrote %@ in %.1f s\n", path, s).utf8))
    return path
  }
}


/// Counts the bytes written, so the formatting cannot be optimised away.
struct CountingByteSink: CSVByteSink {
  var bytes = 0
  mutating func write(_ b: UnsafeRawBufferPointer) throws { bytes &+= b.count }
}

/// Counts id bytes, so the parse cannot be optimised away.
struct CountingSink: VisitSink {
  var bytes = 0
  mutating func accept(_ row: VisitRow) { bytes &+= row.patient.count &+ row.clinician.count &+ Int(row.minute & 1) }
}
