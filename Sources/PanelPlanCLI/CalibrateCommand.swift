import Foundation
import PanelPlan

/// `panelplan calibrate`: a centre's own records turned into a scenario,
/// with the check that the simulation reproduces them.
public enum CalibrateCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "calibrate",
    abstract: "Turn a centre's visit records into a scenario, and show observed beside simulated.",
    discussion: """
      Reads the visits CSV as 'continuity' does (same column options, profession
      mapping, delimiters and file:line:column errors), the centre's clinicians
      (--centre: a centre or scenario file whose clinician ids match the visits),
      and the listed population (--patients, else the centre file's individual
      patients). Over the window (default: the first to the last date) it
      estimates, each with its count and standard error: doctor visits made per
      listed person-year by age band (scaled by need weight as the simulation
      does), the acute share (contact_type values mapped by --acute-values and
      --planned-values, else the default with a note), nurse and other contacts
      per doctor visit, the shares of doctor visits with the fixed doctor and
      with a doctor seen before, and the doctors' pace (visits per present day),
      turned into one scale on the time per visit and per patient that gives as
      many slots (raised in --refine-rounds until the simulated visits made match).
      Fixed-doctor relations are kept in the scenario's patients, and the
      scenario keeps today's list (no new relations).

      Then it always simulates the calibrated scenario over the window and
      prints observed beside simulated (5-95% band over replications), marking
      each observed value inside or outside the band. --out writes the scenario
      ('simulate' runs it unchanged) with a 'calibration' section of sources,
      standard errors and the defaults kept; --report draws the comparison.
      Nothing is written when the input is bad.
      """,
    positionals: [PositionalSpec("visits.csv", help: "Visit records (see Examples/visits.csv).")],
    options: [
      OptionSpec("centre", value: "FILE", help: "Centre or scenario JSON: the clinicians (and, without --patients, the listed patients). A scenario's parameters are the base for what is not estimated."),
      OptionSpec("patients", value: "FILE", help: "Listed patients CSV: patient, birth_year or age_band, sex, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor."),
      OptionSpec("from", value: "DATE", help: "First day of the window, YYYY-MM-DD. Default: the first date in the file."),
      OptionSpec("to", value: "DATE", help: "Last day of the window, YYYY-MM-DD. Default: the last date in the file."),
      OptionSpec("out", value: "FILE", help: "Write the calibrated scenario JSON to FILE (whole or not at all)."),
      .report, .lang, .seed,
      OptionSpec("replications", value: "N", help: "Validation replications (1 to 1000).", default: "10"),
      OptionSpec("refine-rounds", value: "N", help: "Rounds (0 to 5, 2 replications each) that raise the slots until the simulated visits made match the records; 0: slots equal the visits.", default: "2"),
      ContinuityCommand.doctorValuesOption,
      OptionSpec("nurse-values", value: "LIST", help: "Comma-separated profession values that mean a nurse (case, punctuation and spaces ignored; by default the nurse titles continuity knows); other non-doctors are other professions.", default: ProfessionTitles.nurseTitleNames.joined(separator: ",")),
      OptionSpec("acute-values", value: "LIST", help: "Comma-separated contact types that mean an acute contact.", default: CentreCalibration.defaultAcuteValues.sorted().joined(separator: ",")),
      OptionSpec("planned-values", value: "LIST", help: "Comma-separated contact types that mean a planned contact.", default: CentreCalibration.defaultPlannedValues.sorted().joined(separator: ",")),
      OptionSpec("contact-types", value: "LIST", help: "Comma-separated contact types that count at all (case ignored). Default: all."),
    ] + ContinuityCommand.readingOptions(centreColumn: false))

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    guard let path = a.positional(0) else { throw UsageError("missing argument <visits.csv>", usage: spec.usage) }
    guard let centrePath = a.string("centre") else { throw UsageError("missing option '--centre FILE'", usage: spec.usage) }
    let (columns, delimiter, threads) = try ContinuityCommand.visitReading(a, centreColumn: false)
    let replications = try a.int("replications", in: 1...1000) ?? 10
    let seed = try a.uint64("seed") ?? 1
    var options = VisitContinuityOptions()
    options.fromDay = try ContinuityCommand.day(a, "from")
    options.toDay = try ContinuityCommand.day(a, "to")
    if let f = options.fromDay, let t = options.toDay, f > t { throw UsageError("option '--from' is after '--to'", usage: spec.usage) }
    if a.has("doctor-values") { options.doctorValues = Set(ContinuityCommand.list(a.string("doctor-values")!)) }
    if a.has("contact-types") { options.contactTypes = Set(ContinuityCommand.list(a.string("contact-types")!)) }
    func values(_ name: String, _ d: Set<String>) -> Set<String> { a.has(name) ? Set(ContinuityCommand.list(a.string(name)!)) : d }

    let centre: CareCentre
    var base = SimulationParameters()
    if try CentreFile.isScenario(centrePath) {
      let s = try Scenario.load(centrePath)
      centre = s.centre
      base = s.parameters
    } else {
      centre = try CentreFile.load(centrePath)
    }
    let patients = try a.string("patients").map { try PatientRecords.load(path: $0) }
    let reader = VisitRecordReader(path: path, columns: columns, delimiter: delimiter, skipBadRows: a.flag("skip-bad-rows"), workers: threads)
    let rounds = try a.int("refine-rounds", in: 0...5) ?? 2
    var calibration = try CentreCalibration.run(
      reader: reader, options: options, centre: centre, patients: patients, base: base,
      nurseValues: values("nurse-values", CentreCalibration.defaultNurseValues),
      acuteValues: values("acute-values", CentreCalibration.defaultAcuteValues),
      plannedValues: values("planned-values", CentreCalibration.defaultPlannedValues))
    for e in calibration.continuity.scan.skippedExamples { output.warn(Terms.message("Skipped: {1}", "\(e)") + "\n") }
    if calibration.continuity.scan.skippedRows > 0 { output.warn(Terms.message("Skipped {1} bad row(s) in {2}.", Terms.number(Double(calibration.continuity.scan.skippedRows)), path) + "\n") }
    if rounds > 0 { calibration.refineForVisitsMade(rounds: rounds, replications: 2, seed: seed, threads: threads) }
    let validation = CalibrationValidation.run(calibration, replications: replications, seed: seed, threads: threads)
    // Everything is computed before anything is written.
    let scenarioText = try a.string("out").map { _ in try CalibrationReport.scenarioJSON(calibration, file: path) }
    if let out = a.string("out"), let text = scenarioText { try AtomicFile.write(text, to: out) }
    try emitReport(a, parameters: ParameterCatalog.readings(calibration.scenario.parameters), changedOrigin: "estimated from the visit records") { _ in CalibrationReport.html(calibration, validation, file: path) }
    output.write(CalibrationReport.table(calibration, validation, file: path))
  }
}
