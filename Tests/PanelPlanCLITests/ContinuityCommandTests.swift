import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

private let visits = examplePath("visits.csv")

@Test func continuityOnTheExampleWritesCSVAndPerPatientFile() throws {
  let dir = temporaryDirectory()
  let (code, out, err) = runCLI(["continuity", visits, "--patients", examplePath("patients.csv"), "--per-patient", dir + "/pp.csv", "--format", "csv"])
  #expect(code == 0 && err.isEmpty)
  // Hand-worked in VisitContinuityAnalysisTests: doctor COC over all patients
  // has mean 0.5, p10 0.1, p25 0.25, median 0.5, p75 0.75, p90 0.9.
  #expect(out.contains("all,all,doctor,3,8,coc,3,0.5,0.1,0.25,0.5,0.75,0.9\n"))
  let pp = try String(contentsOfFile: dir + "/pp.csv", encoding: .utf8).split(separator: "\n")
  #expect(pp.count == 5)
  #expect(pp[0].contains("coc_doctor") && pp[0].contains("coc_all"))
  #expect(pp[2] == "p2,\"VC Norr, Umeå\",d2,45-64,several-conditions,2,1,1,1,1,1,1,1,2,1,1,1,1,1,1,1")
}

@Test func comparisonReportsRelativeChange() {
  // Baseline Jan–Feb 2024 vs current Mar–Jun 2024, all contacts, min 1 visit.
  // Baseline: p1 d1 d1 (UPC 1), p2 d2 (1), p3 d1 n1 (0.5): mean 2.5/3.
  // Current: p1 n1 d2 d1 (1/3), p2 d2 (1), p3 d2 (1), p4 n1 (1): mean (10/3)/4 = 5/6.
  // Relative change of UPC mean: (5/6 − 5/6)/(5/6) = 0.
  let (code, out, _) = runCLI(["continuity", visits, "--from", "2024-03-01", "--to", "2024-06-30", "--compare-from", "2024-01-01",
                            "--compare-to", "2024-02-29", "--min-visits", "1", "--format", "csv"])
  #expect(code == 0)
  // COC: baseline p1 1, p3 0 → 0.5; current only p1 (N ≥ 2) with 0 → change −100%.
  func numbers(_ prefix: String) -> [Double] {
    out.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { $0.split(separator: ",").suffix(5).compactMap { Double($0) } } ?? []
  }
  let upc = numbers("all,all,all,upc,"), coc = numbers("all,all,all,coc,")
  #expect(upc.count == 5 && upc[0] == 3 && upc[1] == 4)
  #expect(abs(upc[2] - 5.0 / 6) < 1e-12 && abs(upc[3] - 5.0 / 6) < 1e-12 && abs(upc[4]) < 1e-12)
  #expect(coc == [3, 4, 0.5, 0, -1])
}

@Test func badInputFailsWithLocationAndWritesNothing() throws {
  let dir = temporaryDirectory()
  let bad = dir + "/bad.csv"
  try "patient,date,clinician,profession\np1,2024-01-05,d1,läkare\np2,2024-02-30,d1,läkare\n".write(toFile: bad, atomically: true, encoding: .utf8)
  let (code, out, err) = runCLI(["continuity", bad, "--per-patient", dir + "/pp.csv", "--out", dir + "/out.txt"])
  #expect(code == 1 && out.isEmpty)
  #expect(err.hasPrefix("Error: \(bad):3:2: date: found '2024-02-30', expected a date"))
  #expect(!FileManager.default.fileExists(atPath: dir + "/pp.csv") && !FileManager.default.fileExists(atPath: dir + "/out.txt"))
  let (skipCode, skipOut, skipErr) = runCLI(["continuity", bad, "--skip-bad-rows"])
  #expect(skipCode == 0 && skipOut.contains("1 rows read, 1 bad rows skipped") && skipErr.contains("Skipped 1 bad row(s)"))
  #expect(runCLI(["continuity", visits, "--from", "2024-1-5"]).0 == 64)
  #expect(runCLI(["continuity", visits, "--patient", "pid"]).2.contains("missing column 'pid'"))
}

/// Runs the built binary, as a user would.
private func exec(_ args: [String]) throws -> (Int32, String, String) {
  let r = try BinaryRunner.run(args)
  return (r.exitCode, r.stdout, r.stderr)
}

@Test func builtBinaryRunsEndToEnd() throws {
  let (helpCode, help, _) = try exec(["continuity", "--help"])
  #expect(helpCode == 0 && help.hasPrefix("OVERVIEW: Continuity indices") && help.contains("--skip-bad-rows"))
  let (code, out, _) = try exec(["continuity", visits, "--format", "json"])
  #expect(code == 0 && out.contains("\"countedVisits\" : 11"))
  let (usage, _, err) = try exec(["continuity", visits, "--format", "xml"])
  #expect(usage == 64 && err.hasPrefix("Error: option '--format': found 'xml'"))
  let (missing, _, err2) = try exec(["continuity", examplePath("nope.csv")])
  #expect(missing == 1 && err2.contains("cannot open the file"))
}
