import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

/// `project`, `recruit` and `generate` run in-process.
@Suite struct StaffingCommandsTests {

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

  @Test func recruitFindsHiresThatMeetTheTargetAndOneLessDoesNot() throws {
    let r = runCLI(["recruit", "--by", "2030", "--format", "json"])
    #expect(r.code == 0, "\(r.err)")
    let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
    let answer = (json?["answers"] as? [[String: Any]])?.first
    let hires = try #require(answer?["value"] as? Double)
    #expect((answer?["metricAtValue"] as? Double ?? 9) <= 1)
    #expect((answer?["metricAtOneLess"] as? Double ?? 0) > 1)
    // Plugged back into a projection.
    let p = runCLI(["project", "--years", "4", "--hires", String(Int(hires)), "--format", "csv", "--no-centres"])
    let last = p.out.split(separator: "\n").last!.split(separator: ",", omittingEmptySubsequences: false)
    let header = p.out.split(separator: "\n").first!.split(separator: ",")
    let ratio = Double(last[header.firstIndex(of: "guideline_ratio")!])!
    #expect(ratio <= 1)
  }

  @Test func generateWritesAReproducibleFileAtomically() throws {
    let dir = FileManager.default.temporaryDirectory
    let a = dir.appendingPathComponent("pp-gen-\(UInt32.random(in: 0...UInt32.max)).json").path
    let b = a + ".2.json"
    defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
    #expect(runCLI(["generate", "region", "--region", "gotland", "--seed", "4", "--out", a]).code == 0)
    #expect(runCLI(["generate", "region", "--region", "Gotland", "--seed", "4", "--out", b]).code == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    let p = runCLI(["project", a, "--years", "1"])
    #expect(p.code == 0)
    // The table opens with the verdict, then the title.
    #expect(p.out.contains("\nGotland: staffing projection"))
    #expect(p.out.hasPrefix("The guideline ratio goes from"))
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
