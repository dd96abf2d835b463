import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlan
import PanelPlanTestSupport

/// `--out FILE.csv` / `FILE.json` chooses the format on every command.
@Suite struct OutputFormatTests {

  /// Every command whose `--out` holds its results: the extension picks the
  /// format, the same bytes as `--format` to standard output would give.
  @Test(arguments: [
    ["capacity"], ["example"], ["simulate", "--replications", "1"], ["continuity", BinaryRunner.example("visits.csv")],
    ["project", "--years", "2", "--replications", "1"], ["recruit", "--years", "2", "--replications", "1"],
  ])
  func extensionChoosesFormat(args: [String]) throws {
    let d = temporaryDirectory()
    for ext in ["csv", "json"] {
      let path = d + "/result." + ext
      let r = runCLI(args + ["--out", path])
      #expect(r.code == 0, "\(r.err)")
      let written = try String(contentsOfFile: path, encoding: .utf8)
      let direct = runCLI(args + ["--format", ext]).out
      #expect(written == direct, "\(args[0]) --out .\(ext)")
      if ext == "json" { #expect((try? JSONSerialization.jsonObject(with: Data(written.utf8))) != nil) }
    }
    // An explicit --format wins over the extension.
    let path = d + "/table.csv"
    #expect(runCLI(args + ["--out", path, "--format", "table"]).code == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == runCLI(args).out)
  }

  /// `example --print-centre --format csv --out DIR` writes a folder that
  /// gives the same capacity as the JSON it stands for.
  @Test func exampleCentreAsFolder() throws {
    let d = temporaryDirectory()
    #expect(runCLI(["example", "--print-centre", "--format", "csv", "--out", d + "/c"]).code == 0)
    #expect(runCLI(["example", "--print-centre", "--out", d + "/c.json"]).code == 0)
    for f in ["clinicians.csv", "population.csv"] { #expect(FileManager.default.fileExists(atPath: d + "/c/" + f)) }
    let a = runCLI(["capacity", d + "/c", "--format", "json"]), b = runCLI(["capacity", d + "/c.json", "--format", "json"])
    #expect(a.code == 0 && a.out == b.out)
    // And the simulation: same seed, same results.
    let s1 = runCLI(["simulate", d + "/c", "--replications", "1", "--format", "csv"])
    let s2 = runCLI(["simulate", d + "/c.json", "--replications", "1", "--format", "csv"])
    #expect(s1.code == 0 && s1.out == s2.out && !s1.out.isEmpty)
    #expect(runCLI(["example", "--print-centre", "--format", "csv"]).code == 64)
  }
}

/// `capacity --hours --format csv`: every doctor's items add up to the
/// contracted hours (the breakdown is a partition of the year).
@Test func capacityHoursCSVAddsUp() throws {
  var o = CommandOutput()
  #expect(PanelPlanCLI.run(["capacity", "--hours", "--format", "csv"], output: &o) == 0)
  var contracted: [String: Double] = [:], sum: [String: Double] = [:]
  for line in o.standardOutput.split(separator: "\n").dropFirst() {
    let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let h = Double(f[4])!
    if f[3] == "contracted" { contracted[f[0]] = h } else { sum[f[0], default: 0] += h }
  }
  #expect(contracted.count == 9)
  for (id, c) in contracted { #expect(abs((sum[id] ?? 0) - c) < 1e-6 * max(1, c), "\(id)") }
}

/// Every CSV written in the excel-sv dialect starts with a UTF-8 byte-order
/// mark, so Swedish Excel reads å, ä and ö.
@Test(arguments: [
  ["capacity", "--format", "csv"], ["sweep", "--example", "--format", "csv"],
  ["assign", "--centre", BinaryRunner.example("small-centre.json"), "--patients", BinaryRunner.example("assign-patients.csv"), "--format", "csv"],
])
func excelCSVStartsWithAByteOrderMark(args: [String]) {
  var o = CommandOutput()
  #expect(PanelPlanCLI.run(args + ["--csv-dialect", "excel-sv"], output: &o) == 0)
  #expect(o.standardOutput.hasPrefix("\u{FEFF}"))
  #expect(!o.standardOutput.dropFirst().contains("\u{FEFF}"))
}
