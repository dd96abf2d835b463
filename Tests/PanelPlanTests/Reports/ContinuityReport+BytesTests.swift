import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

// The per-patient file: what a patient below --min-visits shows, and that
// the bytes do not depend on how many parts the file was read in or how
// many threads formatted it.

private func examplePerPatient(minVisits: Int, workers: Int = 1) throws -> [String] {
  var o = VisitContinuityOptions()
  o.minVisits = minVisits
  let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: repositoryRoot + "/Examples/visits.csv", workers: workers), options: o)
  let text = String(decoding: ContinuityReport.perPatientCSVBytes(a, dialect: .standard, threads: 2), as: UTF8.self)
  // The String path must say the same.
  #expect(text == ContinuityReport.perPatientCSV(a))
  return text.split(separator: "\n").map(String.init)
}

@Test func patientsBelowMinVisitsKeepTheirCountsWithEveryIndexEmpty() throws {
  // Examples/visits.csv: p4 has one nurse visit (n1) and fixed doctor d1.
  // Doctor scope: no visits. All scope: 1 visit with 1 provider; UPC would be
  // 1/1 and Herfindahl 1, but 1 < --min-visits 2, so every index is empty.
  let rows = try examplePerPatient(minVisits: 2)
  #expect(rows[0] == "patient,unit,fixed_doctor,visits_doctor,providers_doctor,coc_doctor,upc_doctor,secon_doctor,herfindahl_doctor,mmci_doctor,fixed_doctor_share_doctor,visits_all,providers_all,coc_all,upc_all,secon_all,herfindahl_all,mmci_all,fixed_doctor_share_all")
  #expect(rows.contains("p4,VC Söder,d1,0,0,,,,,,,1,1,,,,,,"))
  // p2: two visits with d2, its fixed doctor: every index 1 in both scopes
  // (MMCI (1 − 1/2.1) / (1 − 1/2.1) = 1, written 1) with --min-visits 2 …
  #expect(rows.contains("p2,\"VC Norr, Umeå\",d2,2,1,1,1,1,1,1,1,2,1,1,1,1,1,1,1"))
  // … and none with --min-visits 3, in either scope.
  let three = try examplePerPatient(minVisits: 3)
  #expect(three.contains("p2,\"VC Norr, Umeå\",d2,2,1,,,,,,,2,1,,,,,,"))
  // p1 (4 doctor visits, 5 in all) is still counted: COC 0.5 and 0.3 by hand.
  #expect(three.contains { $0.hasPrefix("p1,\"VC Norr, Umeå\",d1,4,2,0.5,0.75,") })
  #expect(three.contains { $0.contains(",5,3,0.3,0.6,") })
}

@Test func perPatientFileIsTheSameForAnyNumberOfPartsAndThreads() throws {
  // Rows in random order, ids of several shapes, ties at the same minute,
  // fixed doctors on some rows: read in 1, 2 and 3 parts, formatted on 1, 2
  // and 4 threads.
  var rng = Xoshiro256(seed: 5, stream: [16])
  var lines: [String] = []
  for _ in 0..<20_000 {
    let p = rng.nextIndex(4_000)
    let id = p % 3 == 0 ? "P\(p)" : "patient-\(String(p, radix: 16))"
    let c = rng.nextIndex(12)
    let day = 1 + rng.nextIndex(28)
    let time = rng.nextIndex(2) == 0 ? "" : "T0\(8 + rng.nextIndex(2)):00"
    let fixed = rng.nextIndex(2) == 0 ? "" : "c\(p % 5)"
    lines.append("\(id),2024-02-\(day < 10 ? "0" : "")\(day)\(time),c\(c),\(c < 8 ? "läkare" : "sjuksköterska"),VC \(p % 4),\(fixed)\n")
  }
  let path = temporaryFile("patient,date,clinician,profession,centre,fixed_doctor\n" + lines.joined())
  var outputs: [[UInt8]] = []
  for workers in [1, 2, 3] {
    var r = VisitRecordReader(path: path, workers: workers)
    r.parallelThresholdBytes = 1
    let a = try VisitContinuityAnalysis.run(reader: r, options: VisitContinuityOptions())
    #expect(a.scan.parts == workers)
    #expect(a.unorderedPatients > 1_000)
    for threads in [1, 2, 4] {
      outputs.append(ContinuityReport.perPatientCSVBytes(a, dialect: .excelSv, threads: threads, blockPatients: 500))
    }
  }
  #expect(outputs.count == 9 && outputs.allSatisfy { $0 == outputs[0] })
  #expect(outputs[0].count > 100_000)
}
