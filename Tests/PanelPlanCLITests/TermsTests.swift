import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlan
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
  ]

  @Test(arguments: invocations) func everyLabelIsTranslated(args: [String]) throws {
    let audit = Terms.Audit()
    let hasReport = PanelPlanCLI.commands.first { $0.spec.name == args[0] }!.spec.options.contains { $0.name == "report" }
    let report = Self.dir + "/\(args[0]).html"
    let r = Terms.$audit.withValue(audit) {
      runCLI(args + ["--lang", "sv"] + (hasReport ? ["--report", report] : []))
    }
    #expect(r.code == 0, "\(r.err)")
    if hasReport { #expect(((try? String(contentsOfFile: report, encoding: .utf8)) ?? "").contains("<h2>Antaganden</h2>")) }
    // A sweep's parameters are named by the user in the sweep file; those
    // names are shown as the user wrote them.
    var userNames: Set<String> = args[0] == "sweep" ? Set(try SweepDefinition.example().parameters.map { $0.name }) : []
    // The working-time sensitivity table names each parameter as scenario
    // files spell it (`workingTime.minutesPerVisit`), so users can find it.
    userNames.formUnion(WorkingTimeSensitivity.rows().map(\.name))
    #expect(audit.missing.subtracting(userNames).sorted() == [], "untranslated in \(args[0])")
    // No raw ids (snake_case or camelCase words) in the terminal table.
    var visible = ""
    if hasReport, let html = try? String(contentsOfFile: report, encoding: .utf8) {
      // The report's visible text: no style block, no tags.
      // The assumptions section quotes option help, which names file
      // columns and fields as users write them (`birth_year`); it is left out.
      let html = html.components(separatedBy: "<h2>Antaganden</h2>").first ?? html
      visible = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
        .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }
    let ids = (r.out + " " + visible).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == ")" || $0 == "," || $0 == ":" }).filter { w in
      w.contains("_") && w.allSatisfy({ $0.isLowercase || $0 == "_" }) || (w.first?.isLowercase == true && w.contains(where: \.isUppercase) && w.allSatisfy(\.isLetter))
    }
    #expect(ids.filter { !userNames.contains(String($0)) }.isEmpty, "raw ids \(ids) in \(args[0])")
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
