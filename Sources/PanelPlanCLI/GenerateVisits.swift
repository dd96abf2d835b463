import Foundation
import PanelPlan

/// `panelplan generate visits`: a synthetic centre's records, drawn from a
/// scenario's parameters (`SyntheticVisits`), to test calibration end to end.
enum GenerateVisits {
  static let options: [OptionSpec] = [
    OptionSpec("centre", value: "FILE", help: "For 'visits': a scenario or centre JSON whose parameters (defaults for a centre) draw the records."),
    OptionSpec("years", value: "Y", help: "For 'visits': years of records (1 to 20).", default: "1"),
    OptionSpec("fixed-doctor-visit-share", value: "P", help: "For 'visits': chance a doctor visit of a patient with a fixed doctor is with that doctor.", default: "0.6"),
  ]

  static func run(_ a: ParsedArguments, usage: String, output: inout CommandOutput) throws {
    guard let centrePath = a.string("centre") else { throw UsageError("'generate visits' needs --centre FILE", usage: usage) }
    guard let dir = a.string("out") else { throw UsageError("'generate visits' needs --out DIR (it writes visits.csv, patients.csv and centre.json there)", usage: usage) }
    let scenario = try CentreFile.isScenario(centrePath) ? Scenario.load(centrePath) : Scenario(centre: CentreFile.load(centrePath))
    var g = SyntheticVisits(scenario: scenario, years: try a.int("years", in: 1...20) ?? 1)
    if let p = try a.double("fixed-doctor-visit-share", in: 0...1) { g.fixedDoctorVisitShare = p }
    // --out is a folder here: its three files are checked against the
    // inputs (a centre.json given as --centre inside DIR must not be
    // overwritten) before anything is generated.
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
      throw InputError(file: dir, problem: "cannot create the directory (\((error as NSError).localizedDescription))")
    }
    let url = URL(fileURLWithPath: dir)
    let files = try ["visits.csv", "patients.csv", "centre.json"].map {
      try OutputFile(path: url.appendingPathComponent($0).path, inputs: CommandFiles.inputs(a), role: "--out")
    }
    let out = g.generate(seed: try a.uint64("seed") ?? 1)
    let centreJSON = String(decoding: try JSONInput.encode(out.centre), as: UTF8.self)
    for (file, text) in zip(files, [out.visitsCSV, out.patientsCSV, centreJSON]) { try file.writeWhole(text) }
    output.write("Wrote \(out.visits) visits of \(out.centre.population.count) patients, \(ISODateBytes.format(g.startDay))…\(ISODateBytes.format(g.endDay)), to \(dir)/visits.csv, patients.csv, centre.json\n")
  }
}
