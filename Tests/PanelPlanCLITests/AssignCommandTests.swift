import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

/// `panelplan assign` end to end on the examples, on the built binary.
@Suite struct AssignCommandTests {
  static let centre = BinaryRunner.example("small-centre.json")
  static let patients = BinaryRunner.example("assign-patients.csv")
  static let visits = BinaryRunner.example("assign-visits.csv")

  static func rows(_ csv: String) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for line in csv.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      out[cells[0]] = cells
    }
    return out
  }

  /// The example, worked by hand (small-centre.json: gp-1 792 places, gp-2
  /// 1,100, st-1 550, dr-1 275; everyone fits):
  /// - p-001, p-002, p-004, p-005, p-006, p-008 keep their doctors;
  /// - p-003 saw gp-2 twice and gp-1 once: gp-2, most seen;
  /// - p-009's gp-3 is not at the centre; saw dr-1 once: dr-1, moved;
  /// - p-010 does not want one; p-011 saw gp-1 and gp-2 once each, gp-2 last;
  /// - p-012 saw only a nurse: the most room left, gp-2 (1,100 − 9.8 … far
  ///   above the others).
  @Test func exampleListByHand() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    let out = dir.appendingPathComponent("list.csv").path
    let r = try BinaryRunner.run([
      "assign", "--centre", Self.centre, "--patients", Self.patients, "--visits", Self.visits,
      "--from", "2024-01-01", "--to", "2024-12-31", "--out", out, "--report", dir.appendingPathComponent("r.html").path,
    ])
    #expect(r.exitCode == 0)
    let csv = try String(contentsOfFile: out, encoding: .utf8)
    #expect(csv.hasPrefix("patient,fixed_doctor,need_weight,priority_group,previous_fixed_doctor,kept,visits_with_fixed_doctor,reason\n"))
    let rows = Self.rows(csv)
    #expect(rows.count == 12)  // every patient exactly once
    #expect(rows["p-001"] == ["p-001", "gp-1", "3.8", "nursing-home", "gp-1", "true", "1", "kept"])
    #expect(rows["p-003"] == ["p-003", "gp-2", "3.2", "nursing-home", "", "false", "2", "most seen"])
    #expect(rows["p-009"] == ["p-009", "dr-1", "1.9", "aged-75+", "gp-3", "false", "1", "most seen"])
    #expect(rows["p-010"] == ["p-010", "", "0.8", "others", "", "false", "0", "does not want"])
    #expect(rows["p-011"]?[1] == "gp-2" && rows["p-011"]?[7] == "most seen")
    #expect(rows["p-012"]?[1] == "gp-2" && rows["p-012"]?[7] == "capacity")
    for id in ["p-002", "p-004", "p-005", "p-006", "p-008"] { #expect(rows[id]?[7] == "kept") }
    #expect(r.stdout.contains("Relations: 7 before; 6 kept, 1 moved, 0 ended; 4 new"))
    #expect(r.stdout.contains("Nursing-home residents             3                  3  100.0%  80% (met)"))
    #expect(r.stderr.contains("gp-3 (1)"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.html").path))
  }

  /// Without gp-2, only gp-2's patients (p-004, p-005) change doctor among
  /// the relations that existed; the scenario written runs in simulate and
  /// keeps exactly the list (everyone listed who has a doctor on it).
  @Test func withoutADoctorAndIntoSimulate() throws {
    let dir = try BinaryRunner.temporaryDirectory()
    let scenario = dir.appendingPathComponent("s.json").path
    let r = try BinaryRunner.run([
      "assign", "--centre", Self.centre, "--patients", Self.patients, "--visits", Self.visits,
      "--without", "gp-2", "--format", "csv", "--write-scenario", scenario,
    ])
    #expect(r.exitCode == 0)
    let rows = Self.rows(r.stdout)
    for (id, row) in rows where !row[4].isEmpty && row[4] != "gp-3" {
      #expect((row[5] == "true") == (row[4] != "gp-2"), "\(id)")
    }
    #expect(rows["p-004"]?[1] != "gp-2" && rows["p-004"]?[1] != "")
    #expect(!r.stdout.contains(",gp-2,true"))
    let sim = try BinaryRunner.run(["simulate", scenario, "--replications", "1", "--format", "csv"])
    #expect(sim.exitCode == 0)
    // 11 of 12 have a doctor on the list; the simulation keeps them all.
    let assigned = rows.values.filter { !$0[1].isEmpty }.count
    #expect(assigned == 11)
    #expect(sim.stdout.contains("shareWithFixedDoctor,\(11.0 / 12.0),"))
  }

  /// The same input and seed give the same bytes.
  @Test func deterministicForInputAndSeed() throws {
    let args = ["assign", "--centre", Self.centre, "--patients", Self.patients, "--visits", Self.visits, "--format", "csv", "--seed", "7"]
    let a = try BinaryRunner.run(args), b = try BinaryRunner.run(args)
    #expect(a.exitCode == 0 && a.stdout == b.stdout)
  }

  /// Help, usage errors (exit 64) and bad files (exit 1, file:line:column).
  @Test func helpAndErrors() throws {
    let help = try BinaryRunner.run(["assign", "--help"])
    #expect(help.exitCode == 0 && help.stdout.hasPrefix("OVERVIEW: Propose who should be whose fixed doctor"))
    #expect(help.stdout.contains("--want-share SHARES"))
    let missing = try BinaryRunner.run(["assign", "--patients", Self.patients])
    #expect(missing.exitCode == 64 && missing.stderr == "Error: missing option --centre FILE\nUsage: panelplan assign [options]\n")
    let badShare = try BinaryRunner.run(["assign", "--centre", Self.centre, "--patients", Self.patients, "--want-share", "elderly=0.5"])
    #expect(badShare.exitCode == 64 && badShare.stderr.hasPrefix("Error: option '--want-share': found group 'elderly'"))
    let badDoctor = try BinaryRunner.run(["assign", "--centre", Self.centre, "--patients", Self.patients, "--without", "gp-9"])
    #expect(badDoctor.exitCode == 64 && badDoctor.stderr.hasPrefix("Error: option '--without': found 'gp-9'"))
    let dir = try BinaryRunner.temporaryDirectory()
    let bad = dir.appendingPathComponent("p.csv").path
    try "patient,need_weight\np1,1\np2,heavy\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("list.csv").path
    let r = try BinaryRunner.run(["assign", "--centre", Self.centre, "--patients", bad, "--out", out])
    #expect(r.exitCode == 1)
    #expect(r.stderr == "Error: \(bad):3:2: need_weight: found 'heavy', expected a care-need weight ≥ 0 such as 1.3\n")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// A want share of 0 leaves only kept relations and explicit wishes.
  @Test func wantShareOption() throws {
    let r = try BinaryRunner.run([
      "assign", "--centre", Self.centre, "--patients", Self.patients, "--want-share", "0", "--format", "csv",
    ])
    #expect(r.exitCode == 0)
    let rows = Self.rows(r.stdout)
    // p-003, p-007 and p-012 have no wish and no relation: none; p-011 said yes.
    for id in ["p-003", "p-007", "p-012"] { #expect(rows[id]?[7] == "does not want") }
    #expect(rows["p-011"]?[1] != "")
  }
}
