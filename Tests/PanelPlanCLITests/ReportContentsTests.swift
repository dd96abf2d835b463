import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlan
import PanelPlanTestSupport

/// What reports must hold: the comparison, a report for recruit --when,
/// the assumptions at the end.
@Suite struct ReportContentsTests {

  static func path(_ name: String) -> String {
    temporaryDirectory() + "/" + name
  }

  /// The example file split at the end of March: p1's doctor visits before
  /// April are all with d1 (COC 1 by hand), so the baseline column is 1.000.
  @Test func continuityComparisonReportShowsBaselineCurrentAndChange() throws {
    let p = Self.path("cmp.html")
    let r = runCLI(["continuity", BinaryRunner.example("visits.csv"), "--compare-to", "2024-03-31", "--from", "2024-04-01", "--report", p])
    #expect(r.code == 0, "\(r.err)")
    let html = try String(contentsOfFile: p, encoding: .utf8)
    #expect(html.contains("Change from the baseline"))
    #expect(html.contains("<th>Baseline</th><th>Current</th><th>Change</th>"))
    #expect(html.contains("1.000"))
  }

  /// The report opens with the same verdict as the terminal table.
  @Test func reportOpensWithTheVerdict() throws {
    let p = Self.path("verdict.html")
    let r = runCLI(["capacity", "--report", p])
    let html = try String(contentsOfFile: p, encoding: .utf8)
    let verdict = try #require(r.out.split(separator: "\n").first).replacingOccurrences(of: "`", with: "&quot;")
    let h1 = try #require(html.range(of: "</h1>"))
    #expect(html[h1.upperBound...].hasPrefix("\n<p><strong>" + verdict))
  }

  @Test func recruitWhenWritesAReport() throws {
    let p = Self.path("when.html")
    let r = runCLI(["recruit", "--when", "--years", "2", "--replications", "1", "--report", p])
    #expect(r.code == 0, "\(r.err)")
    let html = try String(contentsOfFile: p, encoding: .utf8)
    #expect(html.contains("Year the target is first met"))
  }

  /// The assumptions come last, after every chart and table, with the
  /// options given and the command.
  @Test func reportsEndWithAssumptions() throws {
    let p = Self.path("cap.html")
    #expect(runCLI(["capacity", "--specialist-panel", "1000", "--report", p]).code == 0)
    let html = try String(contentsOfFile: p, encoding: .utf8)
    let a = try #require(html.range(of: "<h2>Assumptions</h2>"))
    #expect(!html[a.upperBound...].contains("<figure>"))
    #expect(html[a.upperBound...].contains("--specialist-panel"))
    #expect(html[a.upperBound...].contains("given on the command line"))
    #expect(html[a.upperBound...].contains("panelplan capacity"))
  }
}

/// A Latin-hypercube sweep of 200 points has about 200 distinct values per
/// axis; its heat map bins them, so at most 10 × 10 cells are drawn.
@Test func latinHypercubeHeatMapIsBinned() throws {
  let p = ReportContentsTests.path("lhs.html")
  var o = CommandOutput()
  #expect(PanelPlanCLI.run(["sweep", BinaryRunner.example("sweep-random.json"), "--report", p], output: &o) == 0)
  let html = try String(contentsOfFile: p, encoding: .utf8)
  let cells = html.components(separatedBy: "class=\"cell\"").count - 1
  #expect(cells > 0 && cells <= 100)
  // Lower guideline ratios are better, so the key's light (top) end shows the smallest value.
  #expect(ChartStyle.lowerIsBetter("guidelineRatio") && !ChartStyle.lowerIsBetter("coc_doctor"))
}
