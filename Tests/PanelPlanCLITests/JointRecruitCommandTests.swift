import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlan
import PanelPlanTestSupport

/// `recruit --cost` and `capacity REGION.json`, run in-process.
@Suite struct JointRecruitCommandTests {

  let args = [
    "recruit", "--by", "2029", "--levers", "hires,task-sharing,fte", "--cost", "hires=1,task-sharing=30,fte=20",
    "--max", "hires=15,task-sharing=0.03,fte=0.03", "--frontier", "2028-2029", "--format", "json",
  ]

  @Test func jointPlanRunThroughProjectMeetsTheTarget() throws {
    let r = runCLI(args)
    #expect(r.code == 0, "\(r.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let plan = try #require(json["plan"] as? [String: Any])
    let values = try #require(plan["valuesPerYear"] as? [String: Double])
    // Cost recomputed from the values and the costs given.
    let cost = (values["hires"] ?? 0) * 1 + (values["task-sharing"] ?? 0) * 30 + (values["fte"] ?? 0) * 20
    #expect(abs(cost - (plan["costPerYear"] as! Double)) < 1e-9)
    // The plan as `project` options: the guideline ratio in 2029 is at most 1.
    let p = runCLI([
      "project", "--years", "3", "--format", "csv", "--no-centres", "--hires", String(Int(values["hires"]!)),
      "--task-sharing-increase", NumberFormat.machine(values["task-sharing"]!), "--fte-increase", NumberFormat.machine(values["fte"]!),
    ])
    #expect(p.code == 0, "\(p.err)")
    let lines = p.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let column = try #require(lines[0].firstIndex(of: "guideline_ratio"))
    let last = try #require(lines.last(where: { $0.first == "2029" }))
    #expect(Double(last[column])! <= 1 + 1e-9)
    // The frontier: a later year never costs more.
    let frontier = try #require(json["frontier"] as? [[String: Any]])
    let costs = frontier.compactMap { ($0["plan"] as? [String: Any])?["costPerYear"] as? Double }
    #expect(costs.count == 2 && costs[1] <= costs[0] + 1e-9)
  }

  @Test func costsAreCheckedPerLever() {
    let missing = runCLI(["recruit", "--levers", "hires,trainees", "--cost", "hires=1"])
    #expect(missing.code == 64)
    #expect(missing.err.contains("no cost for 'trainees'"))
    let unknown = runCLI(["recruit", "--levers", "hires", "--cost", "hirez=1"])
    #expect(unknown.code == 64)
    let negative = runCLI(["recruit", "--levers", "hires", "--cost", "hires=-1"])
    #expect(negative.code == 64)
  }

  @Test func capacityOfARegionHasOneRowPerCentreAndATotal() throws {
    let r = runCLI(["capacity", examplePath("regions/skane.json"), "--format", "csv"])
    #expect(r.code == 0, "\(r.err)")
    let lines = r.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(lines[0].prefix(4) == ["region", "centre_id", "centre", "listed"])
    #expect(lines.last![2] == "Total")
    // Largest guideline FTE gap first; the total gap is the sum of centres'.
    let gapColumn = try #require(lines[0].firstIndex(of: "specialist_fte_gap"))
    let gaps = lines.dropFirst().dropLast().map { Double($0[gapColumn])! }
    #expect(gaps == gaps.sorted(by: >))
    #expect(abs(gaps.reduce(0, +) - Double(lines.last![gapColumn])!) < 1e-6)
    let listedTotal = lines.dropFirst().dropLast().map { Int($0[3])! }.reduce(0, +)
    #expect(listedTotal == Int(lines.last![3])!)
  }
}
