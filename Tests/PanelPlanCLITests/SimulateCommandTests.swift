import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

@Suite struct SimulateCommandTests {

  static func scenarioFile(_ json: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).json").path
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let tinyScenario = #"""
    {"name": "tiny", "centre": {"id": "vc", "clinicians": [
       {"id": "gp", "role": "specialist", "fte": 1}, {"id": "rn", "role": "nurse", "fte": 1}],
     "population": {"groups": [{"ageBand": "45-64", "count": 400}]}}}
    """#

  @Test func jsonUsesPlainFieldNames() throws {
    let path = try Self.scenarioFile(Self.tinyScenario)
    let r = runCLI(["simulate", path, "--replications", "3", "--format", "json", "--threads", "2"])
    #expect(r.code == 0)
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let continuity = try #require(doc["continuity"] as? [String: Any])
    let doctors = try #require(continuity["doctors"] as? [String: Any])
    let coc = try #require(doctors["coc"] as? [String: Any])
    #expect(coc["mean"] is Double)
    let access = try #require(doc["access"] as? [String: Any])
    #expect(access["assessedWithinGuarantee"] != nil)
    #expect(doc["replications"] as? Int == 3)
    #expect(doc["scenario"] as? String == "tiny")
    // The waiting-time distribution is a distribution: 61 shares summing to 1.
    let wait = try #require(doc["waitDistribution"] as? [Double])
    #expect(wait.count == 61)
    #expect(abs(wait.reduce(0, +) - 1) < 1e-9)
  }

  @Test func csvHasOneRowPerMetricAndThreadsDoNotMatter() throws {
    let path = try Self.scenarioFile(Self.tinyScenario)
    let one = runCLI(["simulate", path, "--replications", "2", "--format", "csv", "--threads", "1", "--seed", "8"])
    let two = runCLI(["simulate", path, "--replications", "2", "--format", "csv", "--threads", "2", "--seed", "8"])
    #expect(one.code == 0)
    #expect(one.out == two.out)
    let lines = one.out.split(separator: "\n")
    #expect(lines.first == "metric,mean,p05,p95")
    #expect(lines.dropFirst().first?.hasPrefix("coc_doctor,") == true)
  }

  @Test func yearsOverrideAndTable() throws {
    let path = try Self.scenarioFile(Self.tinyScenario)
    let r = runCLI(["simulate", path, "--replications", "1", "--years", "2"])
    #expect(r.code == 0)
    #expect(r.out.contains("2 years, 1 replication, seed 1"))
    #expect(r.out.contains("Acute contacts assessed within the guarantee"))
    #expect(r.out.contains("The guarantee: a medical assessment within 3 open days."))
    #expect(r.out.contains("Measured after a warm-up of 1 year whose contacts are not counted."))
    let cold = runCLI(["simulate", path, "--replications", "1", "--warm-up-years", "0"])
    #expect(cold.code == 0)
    #expect(!cold.out.contains("warm-up"))
    #expect(runCLI(["simulate", path, "--warm-up-years", "11"]).code == 64)
  }

  @Test func badInputExitsWithAPreciseError() throws {
    let usage = runCLI(["simulate", "--replications", "0"])
    #expect(usage.code == 64)
    #expect(usage.err.hasPrefix("Error: option '--replications': found '0', expected a whole number from 1 to 1000\nUsage: panelplan simulate"))
    let path = try Self.scenarioFile(#"{"centre": {"id": "vc", "clinicians": []}, "demand": {"acuteShare": 2}}"#)
    let bad = runCLI(["simulate", path])
    #expect(bad.code == 1)
    #expect(bad.out.isEmpty)
    // Line 1, column 69: where the value 2 starts, counted by hand.
    #expect(bad.err == "Error: \(path):1:69: demand.acuteShare: found 2.0, expected a share from 0 to 1\n")
    let missing = runCLI(["simulate", "/nonexistent/scenario.json"])
    #expect(missing.code == 1)
    #expect(missing.err == "Error: /nonexistent/scenario.json: no such file\n")
  }

  @Test func printScenarioRoundTrips() throws {
    let r = runCLI(["simulate", "--print-scenario", "--years", "3"])
    #expect(r.code == 0)
    let path = try Self.scenarioFile(r.out)
    let again = runCLI(["simulate", path, "--print-scenario"])
    #expect(again.out == r.out)
    #expect(r.out.contains("\"years\" : 3"))
  }

  @Test func listedInHelp() {
    #expect(runCLI(["--help"]).out.contains("simulate"))
    #expect(runCLI(["simulate", "--help"]).out.contains("--replications N"))
  }
}

@Suite struct SimulateRegionTests {
  @Test func aRegionFileSimulatesEveryCentreAndMerges() throws {
    // Two copies of the tiny centre: the merged doctor contacts are the sum
    // of the two centres', so demand per person-year stays in range and the
    // listed count doubles.
    let centre = #"{"id": "ID", "clinicians": [{"id": "gp", "role": "specialist", "fte": 1}, {"id": "rn", "role": "nurse", "fte": 1}], "population": {"groups": [{"ageBand": "45-64", "count": 400}]}}"#
    let region = #"{"name": "Two", "centres": [\#(centre.replacingOccurrences(of: "ID", with: "a")), \#(centre.replacingOccurrences(of: "ID", with: "b"))]}"#
    let path = try SimulateCommandTests.scenarioFile(region)
    let r = runCLI(["simulate", path, "--replications", "2", "--threads", "2"])
    #expect(r.code == 0, "\(r.err)")
    #expect(r.out.contains("2 care centres"))
    #expect(r.out.contains("800 listed"))
    let one = runCLI(["simulate", path, "--replications", "2", "--threads", "1"])
    #expect(one.out == r.out)
  }

  @Test func parametersGoOnlyWithARegion() throws {
    let path = try SimulateCommandTests.scenarioFile(SimulateCommandTests.tinyScenario)
    let r = runCLI(["simulate", path, "--parameters", path])
    #expect(r.code == 64)
    #expect(r.err.hasPrefix("Error: --parameters goes with a region or nation file"))
  }
}
