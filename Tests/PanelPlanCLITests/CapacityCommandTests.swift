import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlan
import PanelPlanTestSupport

/// `panelplan capacity` and `panelplan example`, end to end on the built binary.
struct CapacityCommandTests {
  @Test func exampleRunsAndShowsRatioAndGap() throws {
    let r = try BinaryRunner.run(["example"])
    #expect(r.exitCode == 0)
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.contains("Guideline ratio (weighted listed / capacity)"))
    #expect(r.stdout.contains("GP specialist FTE missing"))
    #expect(r.stdout.contains("Where the hours go"))
  }

  @Test func capacityOnExampleFile() throws {
    let r = try BinaryRunner.run(["capacity", BinaryRunner.example("centre.json")])
    #expect(r.exitCode == 0)
    #expect(r.stdout.contains("Vårdcentralen Exempel"))
    #expect(r.stdout.contains("Guideline ratio"))
  }

  @Test func csvHasOneRowPerDoctorAndAUnitRow() throws {
    let r = try BinaryRunner.run(["capacity", "--format", "csv"])
    #expect(r.exitCode == 0)
    let lines = r.stdout.split(separator: "\n")
    // Header + 9 doctors in the example (6 GPs, 2 trainees, 1 locum) + unit.
    #expect(lines.count == 11)
    #expect(lines.first?.hasPrefix("scope,id,role,fte") == true)
    #expect(lines.last?.hasPrefix("unit,vc-exempel,") == true)
  }

  @Test func jsonParsesAndCarriesTheGuidelineRatio() throws {
    let r = try BinaryRunner.run(["capacity", "--format", "json", "--specialist-panel", "1000"])
    #expect(r.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let unit = object?["unit"] as? [String: Any]
    let capacity = unit?["guidelineCapacity"] as? Double
    let weighted = unit?["weightedListed"] as? Double
    let ratio = unit?["guidelineRatio"] as? Double
    #expect(capacity != nil && weighted != nil && ratio != nil)
    if let capacity, let weighted, let ratio { #expect(abs(ratio - weighted / capacity) < 1e-9) }
  }

  @Test func helpIsOnStdoutWithExitZero() throws {
    let r = try BinaryRunner.run(["capacity", "--help"])
    #expect(r.exitCode == 0)
    #expect(r.stdout.hasPrefix("OVERVIEW: How many patients each doctor and the unit can be fixed doctor for."))
    #expect(r.stdout.contains("--format FORMAT"))
    let top = try BinaryRunner.run(["--help"])
    #expect(top.exitCode == 0)
    #expect(top.stdout.contains("capacity"))
  }

  @Test func usageErrorsExit64() throws {
    let r = try BinaryRunner.run(["capacity", "--format", "xml"])
    #expect(r.exitCode == 64)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == "Error: option '--format': found 'xml', expected one of table, csv, json\nUsage: panelplan capacity [<centre.json>] [options]\n")
    let unknown = try BinaryRunner.run(["frobnicate"])
    #expect(unknown.exitCode == 64)
  }

  @Test func badInputFailsAndWritesNothing() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = dir.appendingPathComponent("bad.json")
    try Data(#"{"id": "c", "clinicians": [{"id": "d1", "role": "specialist", "fte": -1}]}"#.utf8).write(to: bad)
    let out = dir.appendingPathComponent("out.csv")
    let r = try BinaryRunner.run(["capacity", bad.path, "--format", "csv", "--out", out.path])
    #expect(r.exitCode == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == "Error: \(bad.path):1:70: clinicians[0].fte: found -1.0, expected a number from 0 to 1.5\n")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func existingOutputSurvivesAFailedRun() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.csv")
    try Data("keep me\n".utf8).write(to: out)
    let r = try BinaryRunner.run(["capacity", dir.appendingPathComponent("missing.json").path, "--out", out.path])
    #expect(r.exitCode == 1)
    #expect(r.stderr.contains("missing.json: no such file"))
    #expect(try String(contentsOf: out, encoding: .utf8) == "keep me\n")
  }

  @Test func outWritesTheWholeResult() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("capacity.csv")
    let r = try BinaryRunner.run(["capacity", "--format", "csv", "--out", out.path])
    #expect(r.exitCode == 0)
    #expect(r.stdout.isEmpty)
    let direct = try BinaryRunner.run(["capacity", "--format", "csv"])
    #expect(try String(contentsOf: out, encoding: .utf8) == direct.stdout)
  }

  @Test func inProcessRunMatchesTheBinary() throws {
    var output = CommandOutput()
    let code = PanelPlanCLI.run(["capacity", "--format", "csv"], output: &output)
    #expect(code == 0)
    #expect(output.standardOutput == (try BinaryRunner.run(["capacity", "--format", "csv"])).stdout)
  }

  @Test func swedishExcelDialectUsesSemicolonsAndDecimalCommas() throws {
    let standard = try BinaryRunner.run(["capacity", "--format", "csv"])
    let sv = try BinaryRunner.run(["capacity", "--format", "csv", "--csv-dialect", "excel-sv"])
    #expect(sv.exitCode == 0)
    // A byte-order mark first, so Excel reads UTF-8; numbers rounded.
    #expect(sv.stdout == "\u{FEFF}" + CSVDialect.excelSv.convert(standard.stdout))
    #expect(sv.stdout.hasPrefix("\u{FEFF}scope;id;role;fte;"))
    #expect(!sv.stdout.contains("0000000"))
    // gp-eva's FTE 0.6 is written 0,6.
    #expect(sv.stdout.contains("doctor;gp-eva;specialist;0,6;"))
  }

  @Test func reportIsWrittenWhole() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let html = dir.appendingPathComponent("r.html")
    let r = try BinaryRunner.run(["capacity", "--report", html.path, "--lang", "sv"])
    #expect(r.exitCode == 0)
    let text = try String(contentsOf: html, encoding: .utf8)
    #expect(text.hasPrefix("<!DOCTYPE html>") && text.hasSuffix("</html>\n"))
    #expect(text.contains("lang=\"sv\""))
  }
}

struct CapacityFromScenarioTests {
  @Test func scenarioWorkingTimeParametersApply() throws {
    // 36 h a week: present 36 × 52 − 59 days × 7.2 h = 1,447.2 h = 40.2 weeks;
    // meetings and administration 6 h × 40.2 = 241.2 → 1,206 patient hours;
    // panel 1,206 × 60 / 74.5 = 971.28.
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("scenario.json")
    try Data(#"{"centre": {"id": "c", "clinicians": [{"id": "d", "role": "specialist", "fte": 1}]}, "workingTime": {"hoursPerWeekFullTime": 36}}"#.utf8).write(to: file)
    let r = try BinaryRunner.run(["capacity", file.path, "--format", "json"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let doctor = (object?["doctors"] as? [[String: Any]])?.first
    let panel = doctor?["timePanel"] as? Double ?? .nan
    #expect(abs(panel - 1_206 * 60 / 74.5) < 1e-6)
  }
}

struct CapacityExperienceTests {
  @Test func experienceStepsFromAScenarioFile() throws {
    // A specialist with 2 years of experience at factor 0.8: 1,100 × 0.8 = 880.
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("scenario.json")
    try Data(#"{"centre": {"id": "c", "clinicians": [{"id": "d", "role": "specialist", "fte": 1, "yearsOfExperience": 2}]}, "guideline": {"experienceSteps": [{"minYears": 0, "factor": 0.8}, {"minYears": 3, "factor": 1}]}}"#.utf8).write(to: file)
    let r = try BinaryRunner.run(["capacity", file.path, "--format", "json"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let doctor = (object?["doctors"] as? [[String: Any]])?.first
    #expect(abs((doctor?["guidelinePanel"] as? Double ?? .nan) - 880) < 1e-9)
    try Data(#"{"centre": {"id": "c", "clinicians": []}, "guideline": {"experienceSteps": [{"minYears": -1, "factor": 1}]}}"#.utf8).write(to: file)
    let bad = try BinaryRunner.run(["capacity", file.path])
    #expect(bad.exitCode == 1)
    #expect(bad.stderr.contains("guideline.experienceSteps[0]: found minYears -1.0, factor 1.0; expected both 0 or more"))
  }
}
