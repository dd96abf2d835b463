import Foundation
import Testing
@testable import PanelPlanCLI
@testable import PanelPlan
import PanelPlanTestSupport

/// `--lang sv`: every label of every terminal table and report is in the
/// table of terms, and numbers are Swedish.
@Suite struct TermsTests {

  static let dir = temporaryDirectory()

  /// One short run of each command that writes a table and a report.
  static let invocations: [[String]] = [
    ["capacity", "--hours"],
    ["example"],
    ["simulate", "--replications", "1"],
    ["continuity", BinaryRunner.example("visits.csv")],
    ["continuity", BinaryRunner.example("visits.csv"), "--compare-to", "2024-03-31", "--from", "2024-04-01"],
    ["assign", "--centre", BinaryRunner.example("small-centre.json"), "--patients", BinaryRunner.example("assign-patients.csv"),
     "--visits", BinaryRunner.example("assign-visits.csv")],
    ["project", "--years", "3", "--replications", "1"],
    ["recruit", "--years", "3", "--replications", "1"],
    ["recruit", "--when", "--years", "2", "--replications", "2"],
    ["sweep", "--example"],
    // Runs that warn on stderr: --fill-gaps beside --hires, trainees beyond
    // supervisor capacity, a profession value no title list knows.
    ["project", "--years", "2", "--hires", "1", "--fill-gaps", "2", "--trainees", "40"],
    ["continuity", unknownTitleVisits],
    ["sweep", BinaryRunner.example("sweep-random.json"), "--replications", "1"],
    ["capacity", BinaryRunner.example("regions/uppsala.json")],
  ]

  /// Visits with a profession value that is no known title.
  static let unknownTitleVisits: String = {
    let path = dir + "/unknown-title.csv"
    try? "patient,date,clinician,profession\np1,2024-01-01,d1,läkare\np1,2024-02-01,d1,läkare\np1,2024-03-01,x1,Tandhygienist\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }()

  @Test(arguments: invocations) func everyLabelIsTranslated(args: [String]) throws {
    let audit = Terms.Audit()
    let hasReport = PanelPlanCLI.commands.first { $0.spec.name == args[0] }!.spec.options.contains { $0.name == "report" }
    let report = Self.dir + "/\(args[0]).html"
    let r = Terms.$audit.withValue(audit) {
      runCLI(args + ["--lang", "sv"] + (hasReport ? ["--report", report] : []))
    }
    #expect(r.code == 0, "\(r.err)")
    if hasReport { #expect(((try? String(contentsOfFile: report, encoding: .utf8)) ?? "").contains("<h2>Antaganden</h2>")) }
    // Warnings and notes on stderr are Swedish too.
    for english in ["Warning", "Note:", "Skipped", "replications in"] { #expect(!r.err.contains(english), "\(r.err)") }
    // A sweep's parameters are named by the user in the sweep file; those
    // names are shown as the user wrote them.
    let sweep = args[0] == "sweep" ? try (args[1] == "--example" ? SweepDefinition.example() : SweepDefinition.load(args[1])) : nil
    var userNames: Set<String> = Set(sweep?.parameters.map(\.name) ?? [])
    // The working-time sensitivity table names each parameter as scenario
    // files spell it (`workingTime.minutesPerVisit`), so users can find it.
    userNames.formUnion(WorkingTimeSensitivity.rows().map(\.name))
    // The assumptions name every parameter as scenario files write it
    // (`triage.triagedShare`, `warmUpYears`), beside its Swedish label, and
    // quote option help that names file columns (`birth_year`) and fields
    // as users write them.
    userNames.formUnion(ParameterCatalog.entries.map(\.path))
    let spec = PanelPlanCLI.commands.first { $0.spec.name == args[0] }!.spec
    for help in spec.options.map(\.help) + spec.positionals.map(\.help) + spec.options.compactMap(\.defaultValue) {
      userNames.formUnion(help.split(whereSeparator: { " (),:;.=".contains($0) }).map(String.init))
    }
    #expect(audit.missing.subtracting(userNames).sorted() == [], "untranslated in \(args[0])")
    // No raw ids (snake_case or camelCase words) in the terminal table.
    var visible = ""
    if hasReport, let html = try? String(contentsOfFile: report, encoding: .utf8) {
      // The report's visible text, assumptions included: no style block, no tags.
      visible = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
        .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }
    let ids = (r.out + " " + visible).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == ")" || $0 == "," || $0 == ":" }).filter { w in
      w.contains("_") && w.allSatisfy({ $0.isLowercase || $0 == "_" }) || (w.first?.isLowercase == true && w.contains(where: \.isUppercase) && w.allSatisfy(\.isLetter))
    }
    #expect(ids.filter { !userNames.contains(String($0)) }.isEmpty, "raw ids \(ids) in \(args[0])")
  }

  /// Every option and argument help a report's assumptions can quote is in
  /// the table of terms: those of every command with --report, except the
  /// options that only say where or how results are written.
  @Test func everyQuotedHelpIsTranslated() {
    let presentation = CapacityCommand.presentationOptions
    var missing: [String] = []
    for c in PanelPlanCLI.commands where c.spec.options.contains(where: { $0.name == "report" }) {
      let helps = c.spec.options.filter { !presentation.contains($0.name) && !$0.name.hasPrefix("print-") }.map(\.help) + c.spec.positionals.map(\.help)
      missing += helps.filter { Terms.translate($0, .sv, audited: false) == $0 }.map { c.spec.name + ": " + $0 }
    }
    #expect(missing == [])
  }

  /// Swedish numbers in the terminal table: the example lists 12,000 people
  /// (counted by hand from its groups in ExampleCentre) and its guideline
  /// ratio is weighted listed over capacity, written here with C's printf
  /// and a comma by hand.
  static var ratio: String {
    let c = CentreCapacity(centre: ExampleCentre.make())
    return String(format: "%.2f", c.weightedListed / c.guidelineCapacity).replacingOccurrences(of: ".", with: ",")
  }

  @Test func swedishNumbersInTheTable() throws {
    let sv = runCLI(["capacity", "--lang", "sv"]).out
    #expect(sv.contains("12\u{A0}000 personer"))
    #expect(sv.contains(Self.ratio))
    #expect(sv.contains("\u{A0}%"))
    #expect(!sv.contains("12,000"))
    let en = runCLI(["capacity"]).out
    #expect(en.contains("12,000 people"))
    // CSV stays machine-readable in any language.
    // CSV stays machine-readable in any language: --lang with CSV alone is
    // refused as doing nothing, and with a report the CSV is unchanged.
    let csvPath = Self.dir + "/csv-sv.html"
    #expect(runCLI(["capacity", "--format", "csv", "--lang", "sv", "--report", csvPath]).out == runCLI(["capacity", "--format", "csv"]).out)
  }

  @Test func swedishNumbersInTheReport() throws {
    let path = Self.dir + "/capacity-sv.html"
    #expect(runCLI(["capacity", "--lang", "sv", "--report", path, "--format", "csv"]).code == 0)
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains(Self.ratio))
    #expect(!html.contains(Self.ratio.replacingOccurrences(of: ",", with: ".")))
  }
}
