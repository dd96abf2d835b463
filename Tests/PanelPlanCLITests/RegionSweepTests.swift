import Foundation
import Testing
@testable import PanelPlan
@testable import PanelPlanCLI
import PanelPlanTestSupport

/// CSV text as records of named fields.
private func table(_ csv: String) -> [[String: String]] {
  let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
}

/// A nation of the two example regions, and a sweep over it.
private func nationSweep(settings: String, parameters: String, replications: Int) throws -> (dir: String, nation: String, sweep: String) {
  let dir = try BinaryRunner.temporaryDirectory().path
  let skane = BinaryRunner.example("regions/skane.json"), uppsala = BinaryRunner.example("regions/uppsala.json")
  let nation = dir + "/nation.json"
  let regions = try [skane, uppsala].map { try String(contentsOfFile: $0, encoding: .utf8) }
  try "{\"name\": \"Two regions\", \"regions\": [\(regions.joined(separator: ","))]}".write(toFile: nation, atomically: true, encoding: .utf8)
  let sweep = dir + "/sweep.json"
  try """
    {"model": "projection", "base": {"name": "Two regions", "regions": [{"$file": "\(skane)"}, {"$file": "\(uppsala)"}], "settings": \(settings)},
     "replications": \(replications), "seed": 2030, "parameters": \(parameters)}
    """.write(toFile: sweep, atomically: true, encoding: .utf8)
  return (dir, nation, sweep)
}

private func close(_ a: String?, _ b: String?) -> Bool {
  guard let a, let b, let x = Double(a), let y = Double(b) else { return a == b }
  return abs(x - y) <= 1e-12 * max(1, abs(y))
}

@Test func aRegionSweepPointIsTheProjectionRunDirectly() throws {
  let (_, nation, sweep) = try nationSweep(
    settings: "{\"years\": 4, \"stochastic\": false}",
    parameters: "[{\"name\": \"hires\", \"path\": \"settings.hires\", \"values\": [0, 2]}, {\"name\": \"trainees\", \"path\": \"settings.trainees\", \"values\": [0, 3]}]",
    replications: 2)
  let swept = runCLI(["sweep", sweep, "--format", "csv"])
  #expect(swept.code == 0, "\(swept.err)")
  let rows = table(swept.out)
  #expect(rows.count == 4)
  for row in rows {
    let projected = runCLI(["project", nation, "--years", "4", "--hires", row["hires"]!, "--trainees", row["trainees"]!, "--format", "csv"])
    #expect(projected.code == 0)
    let p = table(projected.out)
    let total = p.filter { $0["level"] == "total" }
    let last = total.last!
    #expect(last["year"] == "2030")
    #expect(close(row["guidelineRatio_mean"], last["guideline_ratio"]))
    #expect(close(row["listedPerSpecialistFTE_mean"], last["listed_per_specialist_fte"]))
    #expect(close(row["specialistFTE_mean"], last["specialist_fte"]))
    #expect(close(row["shareWithFixedDoctor_mean"], last["share_with_fixed_doctor"]))
    let regionRatios = p.filter { $0["level"] == "region" && $0["year"] == "2030" }.map { Double($0["guideline_ratio"]!)! }
    #expect(regionRatios.count == 2)
    #expect(close(row["worstRegionGuidelineRatio_mean"], NumberFormat.machine(regionRatios.max()!)))
    #expect(row["regionsAtGuideline_mean"] == String(regionRatios.filter { $0 <= 1 }.count))
    let hires = total.map { Double($0["specialist_hires"]!)! }.reduce(0, +)
    #expect(close(row["specialistHires_mean"], NumberFormat.machine(hires)))
    // Expected values: every replication is the same.
    #expect(row["guidelineRatio_p5"] == row["guidelineRatio_p95"])
  }
}

@Test func aStochasticReplicationIsTheProjectionWithItsStreamSeed() throws {
  let (_, nation, sweep) = try nationSweep(
    settings: "{\"years\": 3}", parameters: "[{\"name\": \"hires\", \"path\": \"settings.hires\", \"values\": [1, 2]}]", replications: 1)
  let rows = table(runCLI(["sweep", sweep, "--format", "csv"]).out)
  #expect(rows.count == 2)
  for (i, row) in rows.enumerated() {
    // Replication 0 of point i draws with the first number of stream [i, 0].
    var g = Xoshiro256(seed: 2030, stream: [UInt64(i), 0])
    let seed = g.next()
    let p = table(runCLI(["project", nation, "--years", "3", "--hires", row["hires"]!, "--replications", "1", "--seed", String(seed), "--format", "csv"]).out)
    let last = p.filter { $0["level"] == "total" }.last!
    #expect(close(row["guidelineRatio_mean"], last["guideline_ratio"]))
    #expect(close(row["specialistFTE_mean"], last["specialist_fte"]))
  }
}

@Test func theExampleNationSweepMergesFromShardsAndReachesIntoARegion() throws {
  let dir = try BinaryRunner.temporaryDirectory().path
  let example = BinaryRunner.example("sweep-nation.json")
  #expect(runCLI(["sweep", example, "--out", dir + "/single.csv", "--replications", "2"]).code == 0)
  let parts = (0..<3).map { k in
    let path = "\(dir)/part-\(k).csv"
    #expect(runCLI(["sweep", example, "--replications", "2", "--shard-index", String(k), "--shard-count", "3", "--threads", "1", "--out", path]).code == 0)
    return path
  }
  #expect(runCLI(["merge", "--out", dir + "/merged.csv"] + parts).code == 0)
  #expect(try String(contentsOfFile: dir + "/merged.csv", encoding: .utf8) == String(contentsOfFile: dir + "/single.csv", encoding: .utf8))
  // More specialists in every Skåne centre: more specialist FTE at the end,
  // for the same hires and trainees (points 1 and 2 differ only in that).
  let rows = table(try String(contentsOfFile: dir + "/single.csv", encoding: .utf8))
  #expect(rows[0]["skaneSpecialists"] == "2" && rows[1]["skaneSpecialists"] == "4")
  #expect(Double(rows[1]["specialistFTE_mean"]!)! > Double(rows[0]["specialistFTE_mean"]!)!)
}

@Test func projectionSettingsProblemsNameTheField() throws {
  let (_, _, sweep) = try nationSweep(
    settings: "{\"years\": 4, \"atrition\": 0.1}", parameters: "[{\"name\": \"hires\", \"path\": \"settings.hires\", \"values\": [1]}]", replications: 1)
  let r = runCLI(["sweep", sweep, "--format", "csv"])
  #expect(r.code == 1)
  #expect(r.err.contains("settings.atrition: unknown field"))
  let (_, _, range) = try nationSweep(
    settings: "{\"years\": 4}", parameters: "[{\"name\": \"stay\", \"path\": \"settings.stay\", \"values\": [1.5]}]", replications: 1)
  let bad = runCLI(["sweep", range, "--format", "csv"])
  #expect(bad.code == 1 && bad.err.contains("settings.stay: found 1.5, expected 0.0 to 1.0"))
}

@Test func aNationSweepIsTheSameForOneAndTwoThreads() {
  let example = BinaryRunner.example("sweep-nation.json")
  let one = runCLI(["sweep", example, "--format", "json", "--replications", "2", "--threads", "1"])
  let two = runCLI(["sweep", example, "--format", "json", "--replications", "2", "--threads", "2"])
  #expect(one.code == 0 && one.out == two.out)
}

@Test func aSimulationSweepOverANationIsTheSimulationRunDirectly() throws {
  let dir = try BinaryRunner.temporaryDirectory().path
  let skane = BinaryRunner.example("regions/skane.json"), uppsala = BinaryRunner.example("regions/uppsala.json")
  let nation = dir + "/nation.json"
  let regions = try [skane, uppsala].map { try String(contentsOfFile: $0, encoding: .utf8) }
  try "{\"name\": \"Two regions\", \"regions\": [\(regions.joined(separator: ","))]}".write(toFile: nation, atomically: true, encoding: .utf8)
  let sweep = dir + "/sweep.json"
  // Point 1 is the plain simulation (no task sharing); every centre of
  // point 1 replication r runs on stream [0, r, c], as `simulate` does.
  try """
    {"model": "simulation", "base": {"name": "Two regions", "regions": [{"$file": "\(skane)"}, {"$file": "\(uppsala)"}], "years": 1, "demand": {"taskSharingShare": 0}},
     "replications": 2, "seed": 5, "parameters": [{"name": "taskSharing", "path": "demand.taskSharingShare", "values": [0, 0.2]}]}
    """.write(toFile: sweep, atomically: true, encoding: .utf8)
  let swept = table(runCLI(["sweep", sweep, "--format", "csv"]).out)
  let direct = table(runCLI(["simulate", nation, "--replications", "2", "--seed", "5", "--years", "1", "--format", "csv"]).out)
  #expect(swept.count == 2 && direct.count > 10)
  var compared = 0
  for m in direct {
    let name = SimulationSweepModel.identifier(m["metric"]!)
    guard let mean = swept[0][name + "_mean"] else { continue }
    #expect(close(mean, m["mean"]), "\(name)")
    compared += 1
  }
  #expect(compared == direct.count)
  // Task sharing moves doctor contacts to the team: doctor COC changes.
  #expect(swept[1]["coc_doctor_mean"] != swept[0]["coc_doctor_mean"])
}
