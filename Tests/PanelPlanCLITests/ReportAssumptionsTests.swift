import Foundation
import Testing
@testable import PanelPlanCLI
@testable import PanelPlan
import PanelPlanTestSupport

/// Issue 17: each report's assumptions list every parameter the run used,
/// where each default comes from (`ParameterCatalog`, one table), and the
/// command that made it.
@Suite struct ReportAssumptionsTests {
  static func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
    var o = CommandOutput()
    let code = PanelPlanCLI.run(args, output: &o)
    return (code, o.standardOutput, o.standardError)
  }

  /// The assumptions section of the report `args` write, as table rows of
  /// plain cells ("name | value | source"), then the text after the table.
  static func assumptionRows(_ args: [String]) throws -> [String] {
    let p = ReportContentsTests.path(args[0] + ".html")
    let r = run(args + ["--report", p])
    #expect(r.code == 0, "\(r.err)")
    let html = try String(contentsOfFile: p, encoding: .utf8)
    let section = try #require(html.components(separatedBy: "<h2>Assumptions</h2>").last)
    let table = section.components(separatedBy: "</table>")
    let rows = table[0].components(separatedBy: "<tr>").dropFirst().map { $0.components(separatedBy: "</tr>")[0] }
    return (rows + [table.dropFirst().joined()]).map { row in
      row.replacingOccurrences(of: "</t[dh]>\\s*<t[dh][^>]*>", with: " | ", options: .regularExpression)
        .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  /// The row of parameter `path`, which must be there once.
  static func row(_ rows: [String], _ path: String) throws -> String {
    let found = rows.filter { $0.contains("(" + path + ") |") }
    #expect(found.count == 1, "\(path): \(found)")
    return try #require(found.first)
  }

  /// The simulation's report lists triage, patience, booking, assignment,
  /// demand and working time, each at its default with the catalog's source,
  /// and the command.
  @Test func simulationListsEveryGroupWithSources() throws {
    let rows = try Self.assumptionRows(["simulate", "--replications", "1"])
    let d = SimulationParameters()
    let expected: [(String, String)] = [
      ("triage.triagedShare", "0.90"), ("triage.resolvedShare", "0.35"), ("triage.assessmentsPerNurseFTEPerDay", "20"),
      ("patience.plannedPatienceDays", "30 open days"), ("patience.acutePatienceDays", "5 open days"),
      ("booking.acuteReservedShare", "0.35"), ("assignment.fillLimit", "1"), ("demand.acuteShare", "0.364"),
      ("workingTime.minutesPerVisit", "30 min"), ("guideline.specialistPanel", "1,100 patients"), ("warmUpYears", "1 year"),
    ]
    for (path, value) in expected {
      let r = try Self.row(rows, path)
      let source = try #require(ParameterCatalog.entry(path)).source
      #expect(r.hasSuffix("| " + value + " | " + source), "\(r)")
    }
    #expect(d.triage.triagedShare == 0.9 && d.patience.plannedPatienceDays == 30)
    let command = try #require(rows.last?.components(separatedBy: "Command that made this report: ").last)
    #expect(command.hasPrefix("panelplan simulate --report ") && command.contains(" --replications 1"), "\(command)")
  }

  /// A value given by an option says so, with the default it replaces and
  /// that default's source; the option is not listed a second time.
  @Test func changedValueShowsTheOptionAndTheDefault() throws {
    let rows = try Self.assumptionRows(["project", "--years", "2", "--attrition", "0.05", "--trainees", "2"])
    let r = try Self.row(rows, "workforce.attritionPerYear.specialist")
    #expect(r.hasSuffix("| 0.05 | given on the command line (--attrition); default 0.03: illustrative"), "\(r)")
    #expect(!rows.contains { $0.hasPrefix("--attrition") })
    // The rest of the projection: workforce, plan, policy, guideline.
    for path in ["workforce.supervisionFTEPerTrainee", "workforce.growth80", "plan.hireFTE", "plan.traineeIntakePerYear", "assignment.wantShare", "guideline.traineeAfterMidTrainingPanel"] {
      _ = try Self.row(rows, path)
    }
    // 0.5 over ten years, read back from the yearly factor, is the default.
    #expect(try Self.row(rows, "workforce.growth80").hasSuffix("| 0.50 | the ten-year population outlook for Sweden"))
  }

  /// A scenario file's own value is "set in the input file".
  @Test func scenarioValueIsSetInTheInputFile() throws {
    var s = Scenario.example()
    s.parameters.workingTime.minutesPerVisit = 20
    s.parameters.triage.resolvedShare = 0.5
    let file = ReportContentsTests.path("scenario.json")
    try JSONInput.encode(s).write(to: URL(fileURLWithPath: file))
    let rows = try Self.assumptionRows(["simulate", file, "--replications", "1"])
    #expect(try Self.row(rows, "workingTime.minutesPerVisit").hasSuffix("| 20 min | set in the input file; default 30 min: assumption (a common booking length)"))
    #expect(try Self.row(rows, "triage.resolvedShare").contains("| 0.50 | set in the input file; default 0.35: "))
    // capacity takes the scenario's working time too.
    let cap = try Self.assumptionRows(["capacity", file])
    #expect(try Self.row(cap, "workingTime.minutesPerVisit").contains("| 20 min | set in the input file"))
    _ = try Self.row(cap, "taskSharingShare")
  }

  /// recruit leaves out the lever it solves (its value is the answer).
  @Test func recruitLeavesOutTheSolvedLever() throws {
    let rows = try Self.assumptionRows(["recruit", "--years", "3", "--by", "2029"])
    #expect(!rows.contains { $0.contains("(plan.hires)") || $0.hasPrefix("--hires") })
    _ = try Self.row(rows, "plan.traineeIntakePerYear")
    #expect(rows.contains { $0.hasPrefix("--by | 2029 | given on the command line: The year the target must be met") })
  }

  /// recruit --cost chooses its confidence (1 without replications) and
  /// its horizon (from --by and --frontier): the report says what was used.
  @Test func jointPlanStatesTheConfidenceItUsed() throws {
    let rows = try Self.assumptionRows(["recruit", "--cost", "hires=1", "--by", "2028", "--frontier", "2027-2028"])
    #expect(rows.contains { $0.hasPrefix("--confidence | 1 | chosen for this run: ") }, "\(rows)")
    #expect(!rows.contains { $0.contains("(projection.years)") || $0.contains("(plan.hires)") })
  }

  /// A sweep states its design, points, replications, seed and each varied
  /// parameter, then the base parameters.
  @Test func sweepListsItsSettings() throws {
    let rows = try Self.assumptionRows(["sweep", "--example"])
    let plan = SweepPlan(try SweepDefinition.example())
    #expect(rows.contains { $0 == "Points | \(plan.pointCount) | the product of the parameters' values" })
    #expect(rows.contains { $0 == "Replications per point | \(plan.replications) | set in the sweep file" })
    for p in plan.definition.parameters { #expect(rows.contains { $0.hasPrefix("Varied: \(p.name) (\(p.path.text))") }, "\(p.name)") }
    _ = try Self.row(rows, "openDaysPerYear")
    _ = try Self.row(rows, "workingTime.minutesPerVisit")
  }

  /// One table: every parameter a run can read has an entry, and every
  /// entry is read by some run (no stale rows).
  @Test func catalogAndReadingsAgree() throws {
    var read = Set(ParameterCatalog.readings(SimulationParameters()).map(\.path))
    read.formUnion(ParameterCatalog.readings(CapacityParameters.standard).map(\.path))
    var s = ProjectionSettings()
    read.formUnion(ParameterCatalog.readings(s).map(\.path))
    s.plan.specialistHiring = .fillGaps(marketLimit: 3)
    read.formUnion(ParameterCatalog.readings(s).map(\.path))
    read.formUnion(SweepPlan(try SweepDefinition.example()).baseReadings().map(\.path))
    #expect(read == Set(ParameterCatalog.entries.map(\.path)))
    #expect(ParameterCatalog.entries.count == Set(ParameterCatalog.entries.map(\.path)).count)
    // capacity --hours shows the catalog's sources: every row has one.
    for r in WorkingTimeSensitivity.rows() { #expect(ParameterCatalog.entry("workingTime." + r.name)?.source.isEmpty == false, "\(r.name)") }
  }
}

/// Issue 17, a region's capacity report (looked at for 40 centres): the
/// verdict, one bar per centre with a gap, and a table row per centre plus
/// the total, the same numbers as `RegionCapacity`.
@Test func regionCapacityReportHasEveryCentre() throws {
  let file = BinaryRunner.example("regions/uppsala.json")
  let p = ReportContentsTests.path("region.html")
  let r = ReportAssumptionsTests.run(["capacity", file, "--report", p])
  #expect(r.code == 0, "\(r.err)")
  let loaded = try RegionFile.load(file, command: "capacity")
  let c = RegionCapacity(regions: loaded.regions, name: loaded.name)
  let html = try String(contentsOfFile: p, encoding: .utf8)
  #expect(r.out.hasPrefix(Verdicts.regionCapacity(c)))
  #expect(html.contains("<p><strong>" + SVGCanvas.escape(Verdicts.regionCapacity(c).trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "`", with: "\""))))
  let bars = html.components(separatedBy: "<rect class=\"bar\"").count - 1
  #expect(bars == c.rows.filter { $0.centre.specialistFTEGap > 0 }.count)
  let table = try #require(html.components(separatedBy: "<h2>Care centres</h2>").last?.components(separatedBy: "</table>").first)
  #expect(table.components(separatedBy: "<tr>").count - 2 == c.rows.count + 1)
  for row in c.rows { #expect(table.contains(SVGCanvas.escape(row.centre.centreName))) }
}
