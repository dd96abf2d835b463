import Foundation
import Testing
import PanelPlan
import PanelPlanTestSupport

/// Issue 11: every bad-input message of the issue in its new wording, on the
/// built binary. Line and column numbers are counted by hand in the small
/// files written here.
struct InputMessagesTests {
  static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  static func fail(_ arguments: [String], code: Int32 = 1) throws -> String {
    let r = try BinaryRunner.run(arguments)
    #expect(r.exitCode == code, "\(arguments): \(r.stderr)")
    #expect(r.stdout.isEmpty)
    return r.stderr
  }

  // MARK: - JSON syntax and types

  @Test func syntaxErrorsHaveLineAndColumn() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Line 2, column 18: the '}' where a list item should start.
    let centre = try Self.write("{\"id\": \"x\",\n \"clinicians\": [ }", "c.json", in: dir)
    #expect(try Self.fail(["capacity", centre])
      == "Error: \(centre):2:18: not valid JSON: found '}', expected a value (object, list, string, number, true, false or null)\n")
    let scenario = try Self.write("{\"centre\": {\"id\": \"x\", \"clinicians\": []},\n\"years\": 1,,}", "s.json", in: dir)
    // Line 2, column 12: the second comma.
    #expect(try Self.fail(["simulate", scenario]) == "Error: \(scenario):2:12: not valid JSON: found ',}', expected a field name in quotes\n")
    let region = try Self.write("{\"name\": \"R\", \"centres\": [\n\n  {\"id\": 3}]}", "r.json", in: dir)
    // Line 3, column 10: the number 3 where the id string belongs.
    #expect(try Self.fail(["project", region]) == "Error: \(region):3:10: centres[0].id: found 3, expected a string\n")
  }

  @Test func anEnumValueListsTheValidValues() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "{\"id\": \"c\", \"clinicians\": [],\n \"population\": {\"groups\": [{\"ageBand\": \"45–64\", \"count\": 3}]}}"
    let path = try Self.write(text, "c.json", in: dir)
    let bands = AgeBand.allCases.map(\.rawValue).joined(separator: ", ")
    // Line 2, column 40: the value after "ageBand": (an en dash, not a hyphen).
    #expect(try Self.fail(["capacity", path]) == "Error: \(path):2:40: population.groups[0].ageBand: found \"45–64\", expected one of \(bands)\n")
  }

  @Test func folderEmptyAndNonUTF8FilesGetAPlainSentence() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try Self.fail(["capacity", dir.path]) == "Error: \(dir.path): is a folder, expected a JSON file\n")
    #expect(try Self.fail(["continuity", dir.path]) == "Error: \(dir.path): is a folder, expected a CSV file of visits\n")
    let empty = try Self.write("", "e.json", in: dir)
    #expect(try Self.fail(["capacity", empty]) == "Error: \(empty): the file is empty, expected a JSON object\n")
    // One byte 0xFF in a scenario: column 13, and never retried as a region.
    let url = dir.appendingPathComponent("s.json")
    try Data(Array("{\"name\":\"x\",".utf8) + [0xFF] + Array(" \"centre\": {}}".utf8)).write(to: url)
    #expect(try Self.fail(["simulate", url.path]) == "Error: \(url.path):1:13: not UTF-8 text (byte 0xFF); save the file as UTF-8\n")
  }

  @Test func theFileKindIsNamedNotGuessed() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let region = try Self.write(#"{"name": "R", "centres": []}"#, "r.json", in: dir)
    // `capacity` takes region files since issue 19; an empty one is an input error.
    #expect(try Self.fail(["capacity", region]) == "Error: \(region):1:26: centres: empty; expected at least one care centre\n")
    #expect(try Self.fail(["sweep", BinaryRunner.example("centre.json")])
      == "Error: \(BinaryRunner.example("centre.json")): this is a care-centre file; `sweep` takes a sweep file\n")
    #expect(try Self.fail(["project", BinaryRunner.example("scenario.json")])
      == "Error: \(BinaryRunner.example("scenario.json")): this is a scenario file; `project` takes a region file or a nation file or a care-centre file\n")
    // A scenario without its centre is a scenario with a missing field,
    // not a region with unknown fields.
    let scenario = try Self.write(#"{"years": 1, "patience": {}}"#, "s.json", in: dir)
    #expect(try Self.fail(["simulate", scenario]) == "Error: \(scenario):1:1: centre: missing required field\n")
  }

  @Test func aNegativeSweepSeedNamesTheField() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Line 1, column 61: the -1.
    let sweep = try Self.write(#"{"base": {"centre": {"id": "c", "clinicians": []}}, "seed": -1}"#, "w.json", in: dir)
    #expect(try Self.fail(["sweep", sweep]) == "Error: \(sweep):1:61: seed: found -1, expected a whole number from 0 to \(UInt64.max)\n")
  }

  // MARK: - Bounds

  @Test func hugeCountsAreRefusedNotOverflowed() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let big = 9_223_372_036_854_775_000
    let text = "{\"id\": \"c\", \"clinicians\": [], \"population\": {\"groups\": [\n{\"ageBand\": \"80+\", \"count\": \(big)},\n{\"ageBand\": \"0-5\", \"count\": \(big)}]}}"
    let path = try Self.write(text, "c.json", in: dir)
    let max = Validation.maximumListed
    // Each count is clamped to the maximum in the total: 2 x 20,000,000.
    #expect(try Self.fail(["capacity", path]) == """
      Error: \(path):2:29: population.groups[0].count: found \(big), expected a count from 0 to \(max)
      Error: \(path):3:29: population.groups[1].count: found \(big), expected a count from 0 to \(max)
      Error: \(path):1:45: population: \(2 * max) listed in all, expected at most \(max) for one care centre (Sweden has about 10.5 million people)

      """)
  }

  @Test func zeroHoursOrPanelIsRefusedNotInfinite() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let usage = try Self.fail(["capacity", "--specialist-panel", "0"], code: 64)
    #expect(usage.hasPrefix("Error: option '--specialist-panel': found '0', expected a number from 1.0 to 100000.0\n"))
    let scenario = try Self.write(#"{"centre": {"id": "c", "clinicians": []}, "workingTime": {"hoursPerWeekFullTime": 0}}"#, "s.json", in: dir)
    // Column 83: the 0.
    #expect(try Self.fail(["capacity", scenario])
      == "Error: \(scenario):1:83: workingTime.hoursPerWeekFullTime: found 0.0, expected hours from 1 to 80\n")
    // A centre with no doctor: ratios are not defined and say so.
    let nurses = try Self.write(#"{"id": "c", "clinicians": [{"id": "n", "role": "nurse", "fte": 1}], "population": {"groups": [{"ageBand": "80+", "count": 10}]}}"#, "n.json", in: dir)
    let r = try BinaryRunner.run(["capacity", nurses])
    #expect(r.exitCode == 0)
    for bad in ["inf", "∞", "nan"] { #expect(!r.stdout.lowercased().contains(bad)) }
    #expect(r.stdout.contains("–: not defined, because a capacity or the specialist FTE is zero"))
  }

  // MARK: - Contradictions

  @Test func aRosterThatDropsAFixedDoctorIsRefused() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let centre = dir.appendingPathComponent("small-centre.json").path
    try FileManager.default.copyItem(atPath: BinaryRunner.example("small-centre.json"), toPath: centre)
    let roster = try Self.write("clinician_id,centre,role,fte,birth_year,training_start\ngp-2,vc-liten,specialist,1.0,1985,\n", "roster.csv", in: dir)
    // Example patients p-001 and p-002 have gp-1, whom the roster leaves out.
    let e = try Self.fail(["project", dir.path, "--roster", roster])
    let suffix = " (after \(roster) replaced the centre's clinicians)"
    #expect(e.hasPrefix("""
      Error: \(centre): population.patients[0].fixedDoctor: found 'gp-1', expected the id of a doctor at the centre\(suffix)
      Error: \(centre): population.patients[1].fixedDoctor: found 'gp-1', expected the id of a doctor at the centre\(suffix)
      """))
  }

  @Test func aRegionTwiceInANationIsRefused() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let region = #"{"name": "R", "centres": [{"id": "c1", "clinicians": []}]}"#
    let nation = try Self.write("{\"name\": \"N\", \"regions\": [\(region),\n\(region)]}", "n.json", in: dir)
    // Line 2: the second copy; column 10 its name's value, column 34 the centre's id.
    #expect(try Self.fail(["project", nation]) == """
      Error: \(nation):2:10: regions[1].name: duplicate region 'R', already regions[0]
      Error: \(nation):2:34: regions[1].centres[0].id: duplicate centre id 'c1', already used by regions[0].centres[0]

      """)
  }

  @Test func fillGapsOverridesHiresWithAWarning() throws {
    let r = try BinaryRunner.run(["project", "--fill-gaps", "3", "--hires", "2", "--years", "1"])
    #expect(r.exitCode == 0)
    #expect(r.stderr == "Warning: --fill-gaps 3 replaces --hires; --hires 2 is ignored\n")
  }

  @Test func unusedOrEmptyOptionsAreRefused() throws {
    let cases: [([String], String)] = [
      (["recruit", "--levers", ""], "option '--levers': found '', expected hires, trainees or fte, comma-separated"),
      (["recruit", "--levers", "hires,hires"], "option '--levers': 'hires' is listed twice"),
      (["recruit", "--simulate"], "--simulate is not used by recruit (it solves with the guideline projection); use project --simulate"),
      (["recruit", "--hires", "3"], "--hires is not used with --levers hires: that lever is what recruit solves for"),
      (["recruit", "--when", "--by", "2030"], "--by is not used with --when (it reports the year the given plan meets the target)"),
      (["recruit", "--ratio", "0.9", "--target", "fixed-doctor"], "--ratio is not used with --target fixed-doctor (--overall and --nursing-home set that target)"),
      (["recruit", "--overall", "0.6"], "--overall is not used with --target guideline (--ratio sets that target)"),
      (["recruit", "--confidence", "0.9"], "--confidence is not used without --replications R (1 or more): expected values either meet the target or not"),
      (["project", "--seed", "abc"], "option '--seed': found 'abc', expected a whole number from 0 to \(UInt64.max)"),
      (["project", "--seed", "3"], "--seed needs --replications R (1 or more): without replications nothing is random"),
      (["project", "--hire-fte", "1"], "--hire-fte is not used when nobody is hired (give --hires N or --fill-gaps LIMIT)"),
      (["project", BinaryRunner.example("small-centre.json"), "--roster", "r.csv"], "--roster goes with a folder of care-centre files; \(BinaryRunner.example("small-centre.json")) is a file"),
      // --lang now sets the table's language too (issue 17); with CSV or JSON alone it does nothing.
      (["capacity", "--lang", "sv", "--format", "csv"], "--lang sets the language of the table and the report; CSV and JSON are the same in every language"),
      (["capacity", "--csv-dialect", "excel-sv"], "--csv-dialect applies to CSV output; it needs --format csv"),
      (["simulate", "--print-scenario", "--seed", "2"], "--seed is not used with --print-scenario (it prints the scenario and stops)"),
      (["simulate", "--lang", "sv", "--format", "json"], "--lang sets the language of the table and the report; CSV and JSON are the same in every language"),
      (["sweep", "--example", "--top", "3"], "--top sets how many ranked points to show; it needs --maximise or --minimise"),
      (["sweep", "--example", "--report-metric", "guidelineRatio"], "--report-metric picks what the report shows; it needs --report FILE"),
      (["generate", "sweden", "--region", "Uppsala"], "--region is not used with 'sweden' (it writes all 21 regions)"),
    ]
    for (arguments, message) in cases {
      let r = try BinaryRunner.run(arguments)
      #expect(r.exitCode == 64, "\(arguments)")
      #expect(r.stderr.hasPrefix("Error: \(message)\nUsage: panelplan \(arguments[0])"), "\(arguments): \(r.stderr)")
    }
  }

  @Test func printScenarioOnARegionIsRefused() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let region = try Self.write(#"{"name": "R", "centres": [{"id": "c1", "clinicians": []}]}"#, "r.json", in: dir)
    let r = try BinaryRunner.run(["simulate", region, "--print-scenario"])
    #expect(r.exitCode == 64)
    #expect(r.stderr.hasPrefix("Error: --print-scenario prints a scenario file; \(region) is a region or nation file (give a scenario file, or none for the example)\n"))
  }
}

/// The per-patient CSV takes --csv-dialect even when the results are a table.
struct PerPatientDialectTests {
  @Test func excelDialectAppliesToThePerPatientFile() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pp = dir.appendingPathComponent("pp.csv").path
    let r = try BinaryRunner.run(["continuity", BinaryRunner.example("visits.csv"), "--per-patient", pp, "--csv-dialect", "excel-sv"])
    #expect(r.exitCode == 0)
    let header = try String(contentsOfFile: pp, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.contains(";") && !header.contains(","))
  }
}
