import PanelPlan

/// `panelplan capacity`: both capacity views for one care centre.
public enum CapacityCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "capacity",
    abstract: "How many patients each doctor and the unit can be fixed doctor for.",
    discussion: """
      Shows, per doctor and for the unit, capacity by Socialstyrelsen's guideline
      (1,100 per full-time GP specialist, 550 per trainee past mid-training,
      scaled by FTE and duties) and by working time (patient hours divided by the
      minutes an average patient needs a year), the guideline ratio (need-weighted
      listed per capacity; 1.0 is at the guideline) and the GP specialist FTE
      missing to reach it. Capacities are in average-need patients. With no file,
      runs on the built-in example centre.
      """,
    positionals: [PositionalSpec("centre.json", help: "Care-centre file (Examples/centre.json), or a simulation scenario (Examples/scenario.json), whose workingTime and guideline parameters then apply; or a region or nation file: one row per centre, largest gap first, and the total.", optional: true)],
    options: [
      .format, .csvDialect, .out, .report, .lang,
      OptionSpec("specialist-panel", value: "N", help: "Patients per full-time GP specialist (Socialstyrelsen's guideline, 2022).", default: "1100"),
      OptionSpec("trainee-panel", value: "N", help: "Patients per full-time trainee past mid-training (Socialstyrelsen's guideline, 2022).", default: "550"),
      OptionSpec("early-trainee-panel", value: "N", help: "Patients per full-time trainee before mid-training (not published; half the mid-training figure, an illustrative default).", default: "275"),
      OptionSpec("doctor-panel", value: "N", help: "Patients per full-time licensed doctor without specialty (not published; the trainee figure, an illustrative default).", default: "550"),
      OptionSpec("locum-panel", value: "N", help: "Patients per full-time locum (locums rarely hold a fixed-doctor list, so none by default).", default: "0"),
      OptionSpec("task-sharing", value: "SHARE", help: "Share of doctor time per patient moved to nurses and other professions; every panel grows by 1/(1-SHARE) (0 to 0.75; Altschuler et al. 2012).", default: "0"),
      OptionSpec("hours", help: "Also show, per doctor, where the working hours go; with --format csv, write those hours instead (doctor, role, fte, item, hours_per_year)."),
    ])

  /// Guideline parameters from the command's options.
  static func guideline(_ a: ParsedArguments) throws -> GuidelineParameters {
    let r = 0.0...100_000.0
    return GuidelineParameters(
      // The specialist panel is the guideline's unit: zero would make every
      // ratio infinite.
      specialistPanel: try a.double("specialist-panel", in: 1...100_000)!,
      traineeAfterMidTrainingPanel: try a.double("trainee-panel", in: r)!,
      traineeBeforeMidTrainingPanel: try a.double("early-trainee-panel", in: r)!,
      licensedDoctorPanel: try a.double("doctor-panel", in: r)!,
      locumPanel: try a.double("locum-panel", in: r)!)
  }

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    var centre = ExampleCentre.make()
    var params = CapacityParameters(guideline: try guideline(a))
    var fromScenario = false
    if let path = a.positional(0), !CentreFolder.isCentreFolder(path),
      try JSONFileKind.load(path, accepted: [.centre, .scenario, .region, .nation], command: "capacity").0.isRegionOrNation {
      return try RegionCapacityOutput.run(a, path: path, parameters: params, output: &output, command: self)
    }
    if let path = a.positional(0) {
      // A simulation scenario holds a centre and its working-time and
      // guideline parameters; a centre file holds the centre alone.
      if try CentreFile.isScenario(path) {
        let scenario = try Scenario.load(path)
        centre = scenario.centre
        params = scenario.parameters.capacity
        fromScenario = true
        // Guideline options given explicitly override the scenario's.
        let guidelineOptions = ["specialist-panel", "trainee-panel", "early-trainee-panel", "doctor-panel", "locum-panel"]
        if guidelineOptions.contains(where: a.has) { params.guideline = try guideline(a) }
      } else {
        centre = try CentreFile.load(path)
      }
    }
    // A scenario's demand.taskSharingShare applies unless --task-sharing is
    // given explicitly.
    if a.has("task-sharing") || !fromScenario {
      params.taskSharingShare = try a.double("task-sharing", in: 0...TaskSharing.maximumShare)!
    }
    let capacity = CentreCapacity(centre: centre, parameters: params)
    var text: String
    switch a.string("format") {
    case "csv": text = a.flag("hours") ? CapacityReport.hoursCSV(capacity) : CapacityReport.csv(capacity)
    case "json": text = try CapacityReport.json(capacity)
    default:
      text = CapacityReport.table(capacity, showHours: a.flag("hours"), workingTime: params.workingTime)
      if params.taskSharingShare > 0 {
        let s = params.taskSharingShare
        text += "Task sharing: \(NumberFormat.percent(s)) of doctor time per patient moved to the team; "
          + "every panel above × \(NumberFormat.fixed(TaskSharing.panelFactor(share: s), decimals: 3)) (1 / (1 − share))\n"
      }
    }
    try emitReport(a, parameters: ParameterCatalog.readings(params), verdict: { Verdicts.capacity(capacity) }) { CapacityCharts.report(capacity, language: $0) }
    try emit(text, a, &output)
  }
}

/// `panelplan example`: the capacity of the built-in example centre.
public enum ExampleCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "example",
    abstract: "Show capacity for the built-in example care centre, or print its file.",
    discussion: """
      With --print-centre, writes the example centre to start your own from: as
      JSON (the default), or with --format csv --out DIR as a folder of CSV files
      (centre.csv, clinicians.csv, population.csv) that any command taking a
      centre file accepts in its place and that a spreadsheet can edit.
      """,
    options: [
      .format, .csvDialect, .out, .lang,
      OptionSpec("print-centre", help: "Print the example centre as a JSON file (or, with --format csv --out DIR, a CSV folder) to start your own from."),
    ])

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    let centre = ExampleCentre.make()
    if a.flag("print-centre") {
      if a.string("format") == "csv" {
        guard let dir = a.string("out") else {
          throw UsageError("a centre as CSV is a folder of files; give --out DIR with --format csv", usage: spec.usage)
        }
        try CentreFolder.write(centre, to: dir, dialect: csvDialect(a))
        output.warn(Terms.message("Wrote {1} to {2}/", CentreFolder.files(centre).map(\.0).joined(separator: ", "), dir) + "\n")
        return
      }
      try emit(String(decoding: try JSONInput.encode(centre), as: UTF8.self), a, &output)
      return
    }
    let capacity = CentreCapacity(centre: centre)
    switch a.string("format") {
    case "csv": try emit(CapacityReport.csv(capacity), a, &output)
    case "json": try emit(try CapacityReport.json(capacity), a, &output)
    default: try emit(CapacityReport.table(capacity, showHours: true), a, &output)
    }
  }
}
