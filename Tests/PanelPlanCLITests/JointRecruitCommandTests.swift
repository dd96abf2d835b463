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

  @Test func constantPlanRunThroughProjectMeetsTheTarget() throws {
    let r = runCLI(args + ["--constant"])
    #expect(r.code == 0, "\(r.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let plan = try #require(json["plan"] as? [String: Any])
    #expect(plan["constant"] as? Bool == true)
    let amounts = try #require(plan["amountsByYear"] as? [String: [Double]])
    let values = amounts.mapValues { $0[0] }
    #expect(amounts.values.allSatisfy { Set($0).count == 1 && $0.count == 3 })
    // Cost recomputed from the values and the costs given.
    let cost = (values["hires"] ?? 0) * 1 + (values["task-sharing"] ?? 0) * 30 + (values["fte"] ?? 0) * 20
    #expect(abs(cost - (plan["costPerYear"] as! Double)) < 1e-9)
    // The plan as `project` options: the guideline ratio in 2029 is at most 1.
    let p = runCLI([
      "project", "--years", "3", "--format", "csv", "--no-centres", "--hires", String(Int(values["hires"]!)),
      "--task-sharing-increase", "\(values["task-sharing"]!)", "--fte-increase", "\(values["fte"]!)",
    ])
    #expect(p.code == 0, "\(p.err)")
    #expect(try ratio(p.out, in: "2029") <= 1 + 1e-9)
    // The frontier: a later year never costs more per year.
    let frontier = try #require(json["frontier"] as? [[String: Any]])
    let costs = frontier.compactMap { ($0["plan"] as? [String: Any])?["costPerYear"] as? Double }
    #expect(costs.count == 2 && costs[1] <= costs[0] + 1e-9)
  }

  /// The guideline ratio of the total in `year` from `project --format csv`.
  func ratio(_ csv: String, in year: String) throws -> Double {
    let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let column = try #require(lines[0].firstIndex(of: "guideline_ratio"))
    let last = try #require(lines.last(where: { $0.first == year }))
    return try #require(Double(last[column]))
  }

  @Test func perYearPlanFileRunsUnchangedThroughProject() throws {
    let dir = NSTemporaryDirectory() + "panelplan-plan-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let file = dir + "/plan.json", report = dir + "/plan.html"
    let r = runCLI(args + ["--write-plan", file, "--report", report, "--start-delay", "1"])
    #expect(r.code == 0, "\(r.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let plan = try #require(json["plan"] as? [String: Any])
    #expect(plan["constant"] as? Bool == false)
    let amounts = try #require(plan["amountsByYear"] as? [String: [Double]])
    #expect(amounts["hires"]?.last == 0)  // decided in 2029, a hire would start in 2030
    let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
    #expect(written["hires-by-year"] as? [Double] == amounts["hires"])
    #expect(written["start-delay"] as? Double == 1)
    #expect(written["years"] as? Double == 3)
    let p = runCLI(["project", "--settings", file, "--format", "csv", "--no-centres"])
    #expect(p.code == 0, "\(p.err)")
    #expect(try ratio(p.out, in: "2029") <= 1 + 1e-9)
    // The report draws the plan per lever per year and the frontier.
    let html = try String(contentsOfFile: report, encoding: .utf8)
    #expect(html.contains("class=\"segment\"") && html.contains("class=\"point\""))
    #expect(!html.contains("<script"))
  }

  @Test func stochasticPlanThroughProjectMeetsTheConfidenceOverSeeds() throws {
    // recruit --write-plan, then the file read the way `project` reads it:
    // the same settings, and at least the asked share of replications meet
    // the target in the target year.
    let dir = NSTemporaryDirectory() + "panelplan-plan-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for seed in ["3", "4", "5"] {
      let file = dir + "/plan-\(seed).json"
      let r = runCLI([
        "recruit", "--by", "2029", "--levers", "hires,trainees", "--cost", "hires=1,trainees=0.5", "--max", "hires=40,trainees=20",
        "--replications", "10", "--seed", seed, "--confidence", "0.8", "--attrition", "0.1", "--frontier", "2029-2029",
        "--format", "json", "--write-plan", file,
      ])
      #expect(r.code == 0, "\(r.err)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
      let share = try #require((json["plan"] as? [String: Any])?["shareMeeting"] as? Double)
      var a = try ParsedArguments(["--settings", file], spec: ProjectCommand.spec)
      try a.addSettingsFile()
      var s = try StaffingOptions.settings(a)
      try SettingsFile.applyPerYear(a, to: &s)
      #expect(s.years == 3 && s.replications == 10)
      let projection = WorkforceProjection(regions: [ExampleRegion.make()])
      let result = projection.run(s)
      let met = result.totalPerReplication.filter { StaffingTarget.guidelineRatio(atMost: 1).isMet(by: $0[3]) }.count
      #expect(Double(met) / 10 >= 0.8, "seed \(seed)")
      #expect(Double(met) / 10 == share, "seed \(seed)")
    }
  }

  @Test func settingsFileProblemsAreNamed() throws {
    let dir = NSTemporaryDirectory() + "panelplan-settings-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let file = dir + "/s.json"
    try "{\n  \"years\": 3,\n  \"hirez\": 4\n}\n".write(toFile: file, atomically: true, encoding: .utf8)
    let unknown = runCLI(["project", "--settings", file])
    #expect(unknown.code == 1)
    #expect(unknown.err.contains("\(file):3:") && unknown.err.contains("hirez"), "\(unknown.err)")
    try "{\"years\": 3, \"hires-by-year\": [1, \"two\"]}".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(runCLI(["project", "--settings", file]).err.contains("hires-by-year[1]"))
    try "{\"years\": 3, \"attrition\": 2}".write(toFile: file, atomically: true, encoding: .utf8)
    let range = runCLI(["project", "--settings", file])
    #expect(range.code == 64 && range.err.contains("\(file): attrition:"), "\(range.err)")
    try "{\"years\": 3}".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(runCLI(["project", "--settings", file, "--years", "4"]).code == 64)
    #expect(runCLI(["project", "--hires-by-year", "1,2", "--hires", "3"]).code == 64)
    // The plan is an output: never written over an input.
    let region = dir + "/region.json"
    try "{}".write(toFile: region, atomically: true, encoding: .utf8)
    let over = runCLI(["recruit", region, "--levers", "hires", "--cost", "hires=1", "--write-plan", region])
    #expect(over.code != 0)
    #expect(try String(contentsOfFile: region, encoding: .utf8) == "{}")
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
