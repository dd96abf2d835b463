import Foundation
import Testing
import PanelPlanCLI
import PanelPlanTestSupport

/// Every command's outputs on the built-in examples, byte for byte, against
/// the files in `Tests/Golden/`: a refactor that moves code must not move a
/// single byte of what users get. A change of output that is meant (a fix)
/// rewrites the files with `PANELPLAN_UPDATE_GOLDEN=1 swift test --filter
/// GoldenOutputTests` and shows up in the commit's diff, where it is read.
///
/// Each golden file holds the exit code, standard output, standard error and
/// every file the command wrote, with the repository's and the temporary
/// folder's paths replaced by `<repo>` and `<tmp>`.
@Suite struct GoldenOutputTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    /// `{ex}` stands for `Examples`, `{tmp}` for a fresh folder.
    var arguments: [String]
    /// Files the command writes, relative to `{tmp}`.
    var files: [String] = []
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(name: "help", arguments: ["--help"]),
    Case(name: "example", arguments: ["example"]),
    Case(name: "example-sv", arguments: ["example", "--lang", "sv"]),
    Case(name: "example-json", arguments: ["example", "--format", "json"]),
    Case(name: "example-print-centre", arguments: ["example", "--print-centre"]),
    Case(name: "example-centre-folder", arguments: ["example", "--print-centre", "--format", "csv", "--out", "{tmp}/c"],
      files: ["c/clinicians.csv", "c/population.csv"]),
    Case(name: "capacity-hours", arguments: ["capacity", "{ex}/centre.json", "--hours"]),
    Case(name: "capacity-hours-csv", arguments: ["capacity", "{ex}/centre.json", "--hours", "--format", "csv"]),
    Case(name: "capacity-report-sv", arguments: ["capacity", "{ex}/centre.json", "--lang", "sv", "--report", "{tmp}/c.html"],
      files: ["c.html"]),
    Case(name: "capacity-region", arguments: ["capacity", "{ex}/regions/uppsala.json", "--report", "{tmp}/r.html"],
      files: ["r.html"]),
    Case(name: "capacity-region-excel", arguments: ["capacity", "{ex}/regions/uppsala.json", "--out", "{tmp}/r.csv", "--csv-dialect", "excel-sv"],
      files: ["r.csv"]),
    Case(name: "capacity-task-sharing", arguments: ["capacity", "{ex}/small-centre.json", "--task-sharing", "0.2", "--format", "json"]),
    Case(name: "simulate", arguments: ["simulate", "{ex}/small-centre.json", "--replications", "2", "--report", "{tmp}/s.html"],
      files: ["s.html"]),
    Case(name: "simulate-json", arguments: ["simulate", "{ex}/small-centre.json", "--replications", "2", "--format", "json"]),
    Case(name: "simulate-csv-sv", arguments: ["simulate", "{ex}/small-centre.json", "--replications", "1", "--format", "csv", "--csv-dialect", "excel-sv"]),
    Case(name: "project", arguments: ["project", "--years", "5", "--hires", "2", "--trainees", "2", "--report", "{tmp}/p.html"],
      files: ["p.html"]),
    Case(name: "project-replications-csv", arguments: ["project", "--years", "3", "--replications", "3", "--format", "csv"]),
    Case(name: "project-region", arguments: ["project", "{ex}/regions/uppsala.json", "--years", "3", "--format", "json"]),
    Case(name: "recruit", arguments: ["recruit", "--by", "2030", "--levers", "hires,trainees", "--report", "{tmp}/rec.html"],
      files: ["rec.html"]),
    Case(name: "recruit-when", arguments: ["recruit", "--when", "--hires", "2", "--report", "{tmp}/w.html"], files: ["w.html"]),
    Case(name: "sweep", arguments: ["sweep", "{ex}/sweep.json", "--report", "{tmp}/sw.html"], files: ["sw.html"]),
    Case(name: "sweep-ranked", arguments: ["sweep", "{ex}/sweep.json", "--out", "{tmp}/s.csv", "--maximise", "shareOfferable"],
      files: ["s.csv"]),
    Case(name: "error-sweep-csv-ranking", arguments: ["sweep", "{ex}/sweep.json", "--format", "csv", "--maximise", "shareOfferable"]),
    Case(name: "sweep-random-json", arguments: ["sweep", "{ex}/sweep-random.json", "--format", "json"]),
    Case(name: "sweep-shard", arguments: ["sweep", "{ex}/sweep.json", "--shard-index", "1", "--shard-count", "3", "--out", "{tmp}/part-1.csv"],
      files: ["part-1.csv"]),
    Case(name: "continuity", arguments: ["continuity", "{ex}/visits.csv", "--patients", "{ex}/patients.csv", "--per-patient", "{tmp}/pp.csv", "--report", "{tmp}/co.html"],
      files: ["pp.csv", "co.html"]),
    Case(name: "continuity-excel", arguments: ["continuity", "{ex}/visits.csv", "--format", "csv", "--csv-dialect", "excel-sv", "--per-patient", "{tmp}/pp.csv"],
      files: ["pp.csv"]),
    Case(name: "continuity-records-rolling", arguments: ["continuity", "{ex}/records/visits.csv", "--rolling", "12m", "--step", "6m"]),
    Case(name: "continuity-records-skr-json", arguments: ["continuity", "{ex}/records/visits.csv", "--skr", "--format", "json"]),
    Case(name: "calibrate", arguments: ["calibrate", "{ex}/records/visits.csv", "--centre", "{ex}/records/centre.json",
      "--patients", "{ex}/records/patients.csv", "--replications", "2", "--out", "{tmp}/cal.json"], files: ["cal.json"]),
    Case(name: "assign", arguments: ["assign", "--centre", "{ex}/small-centre.json", "--patients", "{ex}/assign-patients.csv",
      "--visits", "{ex}/assign-visits.csv", "--out", "{tmp}/list.csv", "--report", "{tmp}/a.html"], files: ["list.csv", "a.html"]),
    Case(name: "generate-region", arguments: ["generate", "region", "--seed", "3"]),
    Case(name: "generate-visits", arguments: ["generate", "visits", "--centre", "{ex}/small-centre.json", "--years", "1", "--seed", "2", "--out", "{tmp}/gv"],
      files: ["gv/visits.csv", "gv/patients.csv", "gv/centre.json"]),
    Case(name: "validate", arguments: ["validate"]),
    Case(name: "validate-json", arguments: ["validate", "--format", "json"]),
    Case(name: "error-missing-file", arguments: ["capacity", "{tmp}/nothing.json"]),
    Case(name: "error-unknown-option", arguments: ["simulate", "--replication", "2"]),
  ]

  static var repository: URL {
    BinaryRunner.repositoryRoot
  }

  /// The command's exit, streams and files as one text, paths made neutral.
  static func record(_ c: Case) throws -> String {
    let tmp = NSTemporaryDirectory() + "panelplan-golden-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: tmp) }
    let examples = repository.appendingPathComponent("Examples").path
    let args = c.arguments.map {
      $0.replacingOccurrences(of: "{ex}", with: examples).replacingOccurrences(of: "{tmp}", with: tmp)
    }
    var output = CommandOutput()
    let code = PanelPlanCLI.run(args, output: &output)
    var text = "exit: \(code)\n--- stdout\n\(output.standardOutput)\n--- stderr\n\(output.standardError)\n"
    for f in c.files {
      let data = FileManager.default.contents(atPath: tmp + "/" + f)
      text += "--- file \(f)\n" + (data.map { String(decoding: $0, as: UTF8.self) } ?? "(not written)") + "\n"
    }
    return text.replacingOccurrences(of: tmp, with: "<tmp>").replacingOccurrences(of: repository.path, with: "<repo>")
  }

  @Test(arguments: cases)
  func outputsMatchGoldenFiles(_ c: Case) throws {
    let actual = try Self.record(c)
    let url = Self.repository.appendingPathComponent("Tests/Golden/\(c.name).txt")
    if ProcessInfo.processInfo.environment["PANELPLAN_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if actual != expected {
      // The first differing line, so the failure says where.
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let k = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
      let got = k < a.count ? String(a[k]) : "(end)"
      let want = k < e.count ? String(e[k]) : "(end)"
      Issue.record("\(c.name): line \(k + 1) differs:\n  got:  \(got)\n  want: \(want)")
    }
  }

  /// Two runs of the same command give the same bytes (else a golden file
  /// could not hold them): a property of every case, checked on the ones
  /// with randomness or threads.
  @Test func outputsAreDeterministic() throws {
    for name in ["simulate-json", "project-replications-csv", "sweep-random-json", "continuity"] {
      let c = try #require(Self.cases.first { $0.name == name })
      #expect(try Self.record(c) == Self.record(c), "\(name)")
    }
  }
}
