import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlan
import PanelPlanTestSupport

/// `panelplan validate` end to end on the built binary, and the task-sharing
/// options' bounds.
struct ValidateCommandTests {
  @Test func tablePassesWithExitZero() throws {
    let r = try BinaryRunner.run(["validate"])
    #expect(r.exitCode == 0)
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.hasPrefix("PanelPlan validated against the published methods"))
    #expect(r.stdout.contains("murray2007.supplyEqualsDemand"))
    #expect(r.stdout.contains("assumes: 30 vacation, 11 holiday"))
    let cases = PublishedCases.all().count
    #expect(r.stdout.hasSuffix("\(cases) of \(cases) cases pass.\n"))
  }

  @Test func jsonIsAListOfObjectsWithABooleanPass() throws {
    let r = try BinaryRunner.run(["validate", "--format", "json", "--seed", "7"])
    #expect(r.exitCode == 0)
    let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
    #expect(list?.count == PublishedCases.all().count)
    for o in list ?? [] {
      #expect(o["pass"] as? Bool == true, "\(o["id"] ?? "?")")
      #expect(o["expected"] is Double || o["expected"] is Int)
      #expect(o["source"] is String && o["tolerance"] != nil)
    }
  }

  @Test func helpAndUsageErrors() throws {
    let h = try BinaryRunner.run(["validate", "--help"])
    #expect(h.exitCode == 0)
    #expect(h.stdout.hasPrefix("OVERVIEW: Reproduce the published methods"))
    #expect(h.stdout.contains("--format FORMAT"))
    let top = try BinaryRunner.run(["--help"])
    #expect(top.stdout.contains("validate"))
    let bad = try BinaryRunner.run(["validate", "--format", "csv"])
    #expect(bad.exitCode == 64)
    #expect(bad.stdout.isEmpty)
    #expect(bad.stderr.hasPrefix("Error: option '--format': found 'csv', expected one of table, json"))
  }

  @Test func taskSharingOnCapacityEnlargesPanelsAndIsBounded() throws {
    // Example centre's first specialist: 1,100 × 1.0 × (1 − 0.30 duties) =
    // 770 guideline panel; with task sharing 0.3: 770 / 0.7 = 1,100.
    let r = try BinaryRunner.run(["capacity", "--format", "json", "--task-sharing", "0.3"])
    #expect(r.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let first = (object?["doctors"] as? [[String: Any]])?.first
    let panel = first?["guidelinePanel"] as? Double
    #expect(panel != nil && abs(panel! - 1_100) < 1e-6)
    let bad = try BinaryRunner.run(["capacity", "--task-sharing", "0.9"])
    #expect(bad.exitCode == 64)
    #expect(bad.stderr.hasPrefix("Error: option '--task-sharing': found '0.9', expected a number from 0.0 to 0.75"))
  }

  @Test func projectRejectsARampPastTheBound() throws {
    let r = try BinaryRunner.run(["project", "--years", "5", "--task-sharing", "0.5", "--task-sharing-increase", "0.1"])
    #expect(r.exitCode == 64)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("passes the largest accepted share 0.75 in projected year 4 of 5"))
  }
}
