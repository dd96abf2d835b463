import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

@Test func exampleSweepIsTheSameForOneAndTwoThreads() {
  let one = runCLI(["sweep", "--example", "--format", "csv", "--threads", "1"])
  let two = runCLI(["sweep", "--example", "--format", "csv", "--threads", "2"])
  #expect(one.code == 0 && two.code == 0)
  #expect(one.out == two.out)
  let lines = one.out.split(separator: "\n")
  #expect(lines.count == 37)
  #expect(lines[0].hasPrefix("point,specialists,trainees,evaFTE,guidelineRatio_mean,guidelineRatio_p5,guidelineRatio_p50,guidelineRatio_p95,"))
  #expect(lines[1].hasPrefix("1,5,1,0.6,"))
  #expect(lines[36].hasPrefix("36,8,3,1,"))
  // The capacity model is analytic (exact Poisson tail, issue 13): a
  // different seed gives the same rows.
  let other = runCLI(["sweep", "--example", "--format", "csv", "--seed", "8"])
  #expect(other.out == one.out)
}

@Test func outStreamsToTheFileAndLeavesNoTemporaryFile() throws {
  let dir = temporaryDirectory()
  let csv = dir + "/results.csv", json = dir + "/results.json"
  let r = runCLI(["sweep", "--example", "--out", csv, "--threads", "2"])
  #expect(r.code == 0 && r.out.isEmpty)
  let direct = runCLI(["sweep", "--example", "--format", "csv"])
  #expect(try String(contentsOfFile: csv, encoding: .utf8) == direct.out)
  #expect(runCLI(["sweep", "--example", "--out", json]).code == 0)
  let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]]
  #expect(rows?.count == 36)
  #expect((rows?.first?["parameters"] as? [String: Any])?["specialists"] as? Int == 5)
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["results.csv", "results.json"])
}

@Test func rankingAndParetoPrintAfterTheTable() {
  let r = runCLI([
    "sweep", "--example", "--maximise", "shareOfferable", "--subject-to", "overflowFrequency<=0.65",
    "--subject-to", "doctorFTE<=10", "--top", "3", "--pareto", "overflowFrequency:min,doctorFTE:min",
  ])
  #expect(r.code == 0)
  #expect(r.out.contains("Ranking: maximise shareOfferable subject to overflowFrequency<=0.65, doctorFTE<=10\n"))
  #expect(r.out.contains("Pareto front: overflowFrequency (min) and doctorFTE (min) among points meeting the constraints\n"))
  // With 8 specialists, 2 trainees and the last specialist full time the
  // centre has the most capacity within 10 doctor FTE (9.7): it ranks first.
  // (Its exact overflow frequency is about 0.62: the example's centres are
  // above the guideline, so every point overflows on most working days.)
  #expect(r.out.contains("\n1        33            8         2       1"))
}

@Test func usageMistakesExit64() {
  let none = runCLI(["sweep"])
  #expect(none.code == 64)
  #expect(none.err.hasPrefix("Error: missing argument <sweep.json> (or --example)\nUsage: panelplan sweep [<sweep.json>] [options]"))
  let unknown = runCLI(["sweep", "--example", "--maximise", "coc"])
  #expect(unknown.code == 64 && unknown.err.contains("option '--maximise': 'coc': no such result; expected a metric (guidelineRatio,"))
  let csvRanking = runCLI(["sweep", "--example", "--format", "csv", "--minimise", "doctorFTE"])
  #expect(csvRanking.code == 64 && csvRanking.err.contains("need --out FILE"))
  #expect(runCLI(["sweep", "--example", "--threads", "0"]).code == 64)
  #expect(runCLI(["sweep", "--example", "--subject-to", "doctorFTE<=6"]).code == 64)
  #expect(runCLI(["sweep", "--example", "--pareto", "doctorFTE"]).code == 64)
}

@Test func badSweepFilesFailBeforeRunningAndWriteNothing() throws {
  let dir = temporaryDirectory()
  let centre = examplePath("centre.json")
  let sweep = dir + "/bad.json"
  try """
    {"base": {"centre": {"$file": "\(centre)"}},
     "parameters": [{"name": "anna", "path": "centre.clinicians[id=gp-anna].fet", "values": [0.5]}]}
    """.write(toFile: sweep, atomically: true, encoding: .utf8)
  let out = dir + "/out.csv"
  let r = runCLI(["sweep", sweep, "--out", out])
  #expect(r.code == 1)
  #expect(r.err.contains("Error: \(sweep): parameters[0] (anna = 0.5): centre.clinicians[0].fet: unknown field"))
  #expect(!FileManager.default.fileExists(atPath: out))
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["bad.json"])
}

@Test func progressLineShowsPointsRateAndTimeLeft() {
  // 340 of 1,000 in 2 s: 170 points/s, 660 / 170 = 3.9 s left, shown as 0:04.
  let line = ProgressBar.line(done: 340, total: 1000, seconds: 2, stopping: false)
  #expect(line == "\r[##########....................] 340/1000 points  170 points/s  0:04 left\u{1B}[K")
}
