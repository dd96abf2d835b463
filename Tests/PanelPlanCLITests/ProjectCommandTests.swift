import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

/// `project` run in-process (and the usage errors of the staffing commands).
@Suite struct ProjectCommandTests {

  @Test func projectOnTheExampleWritesATableByYear() {
    let r = runCLI(["project", "--years", "3"])
    #expect(r.code == 0)
    #expect(r.out.contains("Exempelregionen: staffing projection 2026–2029 (expected values)"))
    for year in 2026...2029 { #expect(r.out.contains("\n\(year) ")) }
  }

  @Test func projectCSVHasYearFirstAndOneRowPerScopeAndYear() {
    // The example region: 4 centres + the region, 3 years (2026–2028): 15 rows.
    let r = runCLI(["project", "--years", "2", "--format", "csv"])
    #expect(r.code == 0)
    let lines = r.out.split(separator: "\n")
    #expect(lines.count == 1 + 15)
    #expect(lines[0].hasPrefix("year,level,id,region,listed,"))
    #expect(lines[1].hasPrefix("2026,centre,vc-exempel,Exempelregionen,"))
    #expect(lines.last!.hasPrefix("2028,region,Exempelregionen,,"))
  }

  @Test func stochasticCSVHasBands() {
    let r = runCLI(["project", "--years", "1", "--replications", "5", "--format", "csv", "--no-centres"])
    #expect(r.code == 0)
    #expect(r.out.hasPrefix("year,level,id,region,listed,listed_p05,listed_p95,"))
  }

  @Test func usageAndInputErrors() {
    let bad = runCLI(["generate", "county"])
    #expect(bad.code == 64)
    #expect(bad.err.hasPrefix("Error: argument <kind>: found 'county', expected region, sweden or visits\nUsage: panelplan generate <kind> [options]"))
    #expect(runCLI(["recruit", "--levers", "nurses"]).code == 64)
    #expect(runCLI(["project", "--retirement-ages", "x"]).code == 64)
    let missing = runCLI(["project", "/nonexistent/region.json"])
    #expect(missing.code == 1)
    #expect(missing.err == "Error: /nonexistent/region.json: no such file or directory\n")
    #expect(missing.out.isEmpty)
  }
}
