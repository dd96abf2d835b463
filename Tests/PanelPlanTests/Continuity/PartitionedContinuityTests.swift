import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

// The partitioned scan (ContinuityPartitionSink → PatientPartition →
// PartitionedContinuity) checked against a direct reference: each patient's
// visits gathered in a dictionary, sorted by minute (file order on ties) and
// fed visit by visit to `ContinuityStatistics.record`.

private struct Visit {
  var patient: String
  var minute: Int
  var clinician: String
  var doctor: Bool
  var centre: String
  var fixedDoctor: String
}

/// Random visits: ids of many lengths (1 to 30 bytes, some differing in one
/// byte only) spread over every partition, several centres, fixed doctors on
/// some rows, dates with times and deliberate same-minute ties.
private func randomVisits(seed: UInt64, patients: Int, maxVisits: Int) -> [Visit] {
  var rng = Xoshiro256(seed: seed, stream: [7])
  var out: [Visit] = []
  for p in 0..<patients {
    let id: String
    switch p % 4 {
    case 0: id = "\(p)"
    case 1: id = "P" + String(repeating: "0", count: p % 23) + "\(p)"
    case 2: id = "patient-\(p)-" + String(repeating: "x", count: p % 9)
    default: id = String(p, radix: 36)
    }
    for _ in 0..<(1 + rng.nextIndex(maxVisits)) {
      let c = rng.nextIndex(9)
      out.append(Visit(
        patient: id, minute: rng.nextIndex(40) * 1440 + 480 + rng.nextIndex(3) * 15, clinician: "c\(c)", doctor: c < 6,
        centre: rng.nextIndex(10) == 0 ? "" : "VC \(rng.nextIndex(p % 3 == 0 ? 3 : 1) + p % 5)",
        fixedDoctor: rng.nextIndex(3) == 0 ? "" : "c\(p % 6)"))
    }
  }
  return out
}

private func csv(_ visits: [Visit]) -> String {
  let day0 = ISODateBytes.dayNumber(year: 2024, month: 1, day: 1)
  func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
  return "patient,date,clinician,profession,centre,fixed_doctor\n" + visits.map { v in
    let d = ISODateBytes.format(day0 + Int32(v.minute / 1440))
    let m = v.minute % 1440
    return "\(v.patient),\(d)T\(two(m / 60)):\(two(m % 60)),\(v.clinician),\(v.doctor ? "läkare" : "sjuksköterska"),\(v.centre),\(v.fixedDoctor)\n"
  }.joined()
}

/// Per patient (first-seen order): (id, doctor statistics, all statistics,
/// has a fixed doctor, unit).
private func reference(_ visits: [Visit]) -> [(String, ContinuityStatistics, ContinuityStatistics, Bool, String)] {
  var order: [String] = []
  var rows: [String: [Int]] = [:]
  for (k, v) in visits.enumerated() {
    if rows[v.patient] == nil { order.append(v.patient) }
    rows[v.patient, default: []].append(k)
  }
  return order.map { id in
    let ks = rows[id]!.sorted { (visits[$0].minute, $0) < (visits[$1].minute, $1) }
    let fixed = ks.filter { !visits[$0].fixedDoctor.isEmpty }.last.map { visits[$0].fixedDoctor }
    var all = ContinuityStatistics(), doctor = ContinuityStatistics()
    var countAll: [String: Int32] = [:], countDoctor: [String: Int32] = [:]
    var prevAll: String?, prevDoctor: String?
    for k in ks {
      let v = visits[k]
      all.record(countBefore: countAll[v.clinician, default: 0], sameAsPrevious: prevAll == v.clinician, withFixedDoctor: fixed == v.clinician)
      countAll[v.clinician, default: 0] += 1
      prevAll = v.clinician
      if v.doctor {
        doctor.record(countBefore: countDoctor[v.clinician, default: 0], sameAsPrevious: prevDoctor == v.clinician, withFixedDoctor: fixed == v.clinician)
        countDoctor[v.clinician, default: 0] += 1
        prevDoctor = v.clinician
      }
    }
    var centres: [String: Int] = [:]
    for k in ks where !visits[k].centre.isEmpty { centres[visits[k].centre, default: 0] += 1 }
    // Most visits; ties to the first in byte order.
    let unit = centres.max { a, b in a.value != b.value ? a.value < b.value : Array(a.key.utf8).lexicographicallyPrecedes(Array(b.key.utf8)) == false }?.key ?? "(unknown)"
    return (id, doctor, all, fixed != nil, unit)
  }
}

private func analyse(_ text: String, workers: Int, batchBytes: Int) throws -> VisitContinuityAnalysis {
  var r = VisitRecordReader(path: temporaryFile(text), workers: workers)
  r.parallelThresholdBytes = 1
  return try VisitContinuityAnalysis.run(reader: r, options: VisitContinuityOptions(), patientRecords: nil, skr: false, skrEndDay: nil, batchBytes: batchBytes)
}

private func expectMatches(_ a: VisitContinuityAnalysis, _ ref: [(String, ContinuityStatistics, ContinuityStatistics, Bool, String)]) {
  #expect(a.patients.count == ref.count)
  guard a.patients.count == ref.count else { return }
  let unit = a.groupings.first { $0.name == "unit" }!
  var mismatches = 0
  for r in ref {
    // Patients are numbered by partition, not in first-seen order: look the id up.
    let i = Int(a.patients.find(r.0))
    guard i >= 0 else { mismatches += 1; continue }
    let ok = a.doctorStatistics[i] == r.1 && a.allStatistics[i] == r.2
      && a.hasFixedDoctor[i] == r.3 && unit.labels[Int(unit.groupOfPatient[i])] == r.4
    if !ok { mismatches += 1 }
  }
  #expect(mismatches == 0)
}

@Test func partitionedScanMatchesAReferenceOnSortedAndShuffledFiles() throws {
  for seed in 0..<2 {
    let visits = randomVisits(seed: UInt64(seed), patients: 3000, maxVisits: 12)
    var bySorted = visits
    bySorted.sort { $0.minute < $1.minute }  // a visit log: by date (stable for ties)
    var shuffled = visits
    var rng = Xoshiro256(seed: UInt64(seed), stream: [8])
    for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, rng.nextIndex(i + 1)) }
    for order in [bySorted, shuffled] {
      let ref = reference(order)
      // A tiny batch forces many flushes; two and three parts force merges.
      for (workers, batch) in [(1, 1 << 20), (2, 1 << 10), (3, 64 << 10)] {
        expectMatches(try analyse(csv(order), workers: workers, batchBytes: batch), ref)
      }
    }
  }
}

@Test func resultsDoNotDependOnTheNumberOfWorkersOrTheBatchSize() throws {
  let text = csv(randomVisits(seed: 11, patients: 2000, maxVisits: 8).sorted { $0.minute < $1.minute })
  let one = try analyse(text, workers: 1, batchBytes: 32 << 20)
  for (workers, batch) in [(2, 1 << 10), (4, 1 << 16), (7, 32 << 20)] {
    let other = try analyse(text, workers: workers, batchBytes: batch)
    #expect(other.scan.parts > 1)
    let sameOrder = (0..<one.patients.count).map { one.patients.string(Int32($0)) } == (0..<other.patients.count).map { other.patients.string(Int32($0)) }
    #expect(sameOrder)
    let sameStatistics = other.doctorStatistics == one.doctorStatistics && other.allStatistics == one.allStatistics
    #expect(sameStatistics)
    let sameSummaries = other.summaries() == one.summaries()
    #expect(sameSummaries)
  }
}

@Test func idsThatDifferInOneByteStayDistinct() throws {
  // Same length, one byte apart, at every position of ids of 1 to 24 bytes:
  // the interner must compare bytes exactly, never merge on a hash.
  var visits: [Visit] = []
  for n in 1...24 {
    let base = String(repeating: "a", count: n)
    visits.append(Visit(patient: base, minute: 0, clinician: "c1", doctor: true, centre: "", fixedDoctor: ""))
    for k in 0..<n {
      var b = Array(base.utf8)
      b[k] = UInt8(ascii: "b")
      visits.append(Visit(patient: String(decoding: b, as: UTF8.self), minute: 0, clinician: "c1", doctor: true, centre: "", fixedDoctor: ""))
    }
  }
  let a = try analyse(csv(visits), workers: 1, batchBytes: 1 << 20)
  #expect(a.patients.count == 24 + (1...24).reduce(0, +))
  #expect(a.allStatistics.allSatisfy { $0.visits == 1 })
}

@Test func perPatientBytesMatchTheStringPathForAnyNumberOfThreads() throws {
  // Shuffled rows, so that patients are put in date order too.
  var visits = randomVisits(seed: 21, patients: 2500, maxVisits: 9)
  var rng = Xoshiro256(seed: 21, stream: [8])
  for i in stride(from: visits.count - 1, to: 0, by: -1) { visits.swapAt(i, rng.nextIndex(i + 1)) }
  let a = try analyse(csv(visits), workers: 2, batchBytes: 1 << 12)
  #expect(a.unorderedPatients > 0)
  let old = ContinuityReport.perPatientCSV(a)
  for dialect in CSVDialect.allCases {
    let expected = Array(dialect.convert(old).utf8)
    #expect(ContinuityReport.perPatientCSVBytes(a, dialect: dialect, threads: 2) == expected, "\(dialect)")
    // Small blocks: many rounds, several blocks per round.
    for (threads, block) in [(1, 100), (2, 64), (5, 333)] {
      #expect(ContinuityReport.perPatientCSVBytes(a, dialect: dialect, threads: threads, blockPatients: block) == expected, "\(dialect) \(threads)")
    }
  }
  let summaries = a.summaries()
  for dialect in CSVDialect.allCases {
    #expect(ContinuityReport.csvBytes(summaries, dialect: dialect) == Array(dialect.convert(ContinuityReport.csv(summaries)).utf8))
  }
}

@Test func patientsWithManyShuffledVisitsMatchTheReference() throws {
  // Above 32 visits a patient's rows are put in date order by a key sort
  // rather than an insertion sort; both must keep file order on ties.
  var visits = randomVisits(seed: 9, patients: 150, maxVisits: 120)
  var rng = Xoshiro256(seed: 9, stream: [8])
  for i in stride(from: visits.count - 1, to: 0, by: -1) { visits.swapAt(i, rng.nextIndex(i + 1)) }
  let a = try analyse(csv(visits), workers: 2, batchBytes: 1 << 12)
  #expect(a.unorderedPatients > 50)
  expectMatches(a, reference(visits))
}
