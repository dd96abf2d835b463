import PanelPlan

/// Options shared by `project` and `recruit`: the input, the horizon, the
/// mode, the workforce dynamics and the recruitment plan.
enum StaffingOptions {
  static let input = PositionalSpec(
    "region.json", help: "A region or nation file (see 'panelplan generate'), or a directory of centre files with a roster.csv. Default: the built-in example region.", optional: true)

  static let options: [OptionSpec] = [
    OptionSpec("roster", value: "FILE", help: "Roster CSV (clinician_id,centre,role,fte,birth_year,training_start) for a directory input."),
    OptionSpec("start-year", value: "YEAR", help: "Calendar year the input describes.", default: String(ProjectionSettings.defaultStartYear)),
    OptionSpec("years", value: "N", help: "Years to project after the start year.", default: "10"),
    OptionSpec("replications", value: "R", help: "Random replications for a mean and 5-95% band; 0 gives expected values without randomness.", default: "0"),
    .seed,
    OptionSpec("hires", value: "N", help: "GP specialists hired per year (whole input).", default: "0"),
    OptionSpec("fill-gaps", value: "LIMIT", help: "Instead of --hires: hire to close the guideline gap, at most LIMIT specialists a year."),
    OptionSpec("start-delay", value: "YEARS", help: "Years from the decision to hire to the start.", default: "0"),
    OptionSpec("hire-fte", value: "FTE", help: "Employment rate of a new specialist.", default: "0.9"),
    OptionSpec("trainees", value: "N", help: "GP trainees (ST) taken in per year.", default: "0"),
    OptionSpec("fte-increase", value: "FTE", help: "FTE added per year to each part-time specialist, up to 1.0.", default: "0"),
    OptionSpec("attrition", value: "SHARE", help: "Share of specialists leaving primary care per year (not retirement).", default: "0.03"),
    OptionSpec("retirement-ages", value: "A-B", help: "Retirement spread evenly over these ages.", default: "65-68"),
    OptionSpec("stay", value: "P", help: "Probability that a trainee completing ST stays as a specialist.", default: "0.8"),
    OptionSpec("supervision", value: "FTE", help: "Specialist FTE of supervision per full-time trainee.", default: "0.1"),
    OptionSpec("trainees-per-supervisor", value: "N", help: "Supervisor capacity: trainee FTE one specialist FTE can supervise; intake beyond it is not taken in (an assumption; no published number).", default: "1"),
    OptionSpec("moves", value: "SHARE", help: "Share of specialists moving to another centre of the region each year.", default: "0"),
    OptionSpec("locum-budget", value: "FTE", help: "Locum FTE per year over the whole input (default: the input's locum FTE)."),
    OptionSpec("task-sharing", value: "SHARE", help: "Share of doctor time per patient moved to the team in the first year; panels grow by 1/(1-SHARE) (0 to 0.75).", default: "0"),
    OptionSpec("task-sharing-increase", value: "SHARE", help: "Yearly increase of the task-sharing share; the share may not pass 0.75 within the horizon.", default: "0"),
    OptionSpec("task-sharing-max", value: "SHARE", help: "Where a rising task-sharing share levels off (0 to 0.75).", default: "0.75"),
    OptionSpec("growth-80", value: "SHARE", help: "Growth of the 80+ population over ten years.", default: "0.5"),
    OptionSpec("growth-working-age", value: "SHARE", help: "Growth of the 16-64 population over ten years.", default: "0.05"),
    OptionSpec("no-centres", help: "Leave out per-centre series (saves memory in national runs)."),
    OptionSpec("simulate", help: "Also simulate every centre's visits each year for continuity (COC), access (assessed within the care guarantee, waits) and utilisation; slower."),
  ]

  /// Loads the input, or the example region.
  static func load(_ a: ParsedArguments) throws -> RegionFile.Loaded {
    let start = try a.int("start-year", in: 1900...2200)!
    guard let path = a.positional(0) else {
      let r = ExampleRegion.make()
      return RegionFile.Loaded(regions: [r], name: r.name)
    }
    if let roster = a.string("roster") {
      return try RegionFile.loadDirectory(path, roster: roster, startYear: start)
    }
    return try RegionFile.load(path, startYear: start, command: a.spec.name)
  }

  /// Settings from the options.
  static func settings(_ a: ParsedArguments) throws -> ProjectionSettings {
    let share = 0.0...1.0
    var w = WorkforceParameters.standard
    w.attritionPerYear[.gpSpecialist] = try a.double("attrition", in: share)!
    let agesText = a.string("retirement-ages") ?? "65-68"
    let parts = agesText.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 2 || parts.count == 1, let lo = parts.first, let hi = parts.last, lo <= hi, lo >= 40, hi <= 100 else {
      throw UsageError("option '--retirement-ages': found '\(agesText)', expected two ages such as 65-68 (40 to 100)", usage: nil)
    }
    w.retirement = .uniform(lo...hi)
    w.completionStayProbability = try a.double("stay", in: share)!
    w.supervisionFTEPerTrainee = try a.double("supervision", in: 0...1)!
    w.maxTraineesPerSpecialistFTE = try a.double("trainees-per-supervisor", in: 0...100)!
    w.moveShare = try a.double("moves", in: share)!
    w.locumBudgetFTE = try a.double("locum-budget", in: 0...1_000_000)
    w.taskSharingShare = try a.double("task-sharing", in: 0...TaskSharing.maximumShare)!
    w.taskSharingIncreasePerYear = try a.double("task-sharing-increase", in: 0...TaskSharing.maximumShare)!
    w.taskSharingMaximum = try a.double("task-sharing-max", in: 0...TaskSharing.maximumShare)!
    if let problem = w.taskSharingProblem(years: try a.int("years", in: 0...100)!) {
      throw UsageError("option '--task-sharing-increase': \(problem)", usage: nil)
    }
    var growth = PopulationGrowth.standard
    let old = try a.double("growth-80", in: -0.9...10)!
    let working = try a.double("growth-working-age", in: -0.9...10)!
    growth.yearlyFactor[AgeBand.age80plus.index] = pow10(old)
    for b in [AgeBand.age16to29, .age30to44, .age45to64] { growth.yearlyFactor[b.index] = pow10(working) }
    w.populationGrowth = growth

    var plan = RecruitmentPlan()
    if let limit = try a.int("fill-gaps", in: 0...1_000_000) {
      plan.specialistHiring = .fillGaps(marketLimit: limit)
    } else {
      plan.specialistHiring = .perYear(try a.int("hires", in: 0...1_000_000)!)
    }
    plan.startDelayYears = try a.int("start-delay", in: 0...50)!
    plan.hireFTE = try a.double("hire-fte", in: 0.05...1.5)!
    plan.traineeIntakePerYear = try a.int("trainees", in: 0...1_000_000)!
    plan.fteIncreasePerYear = try a.double("fte-increase", in: 0...1)!

    let reps = try a.int("replications", in: 0...100_000)!
    let mode: ProjectionSettings.Mode = reps == 0 ? .expected : .stochastic(replications: reps, seed: try a.uint64("seed")!)
    return ProjectionSettings(
      startYear: try a.int("start-year", in: 1900...2200)!, years: try a.int("years", in: 0...100)!, mode: mode,
      workforce: w, plan: plan, keepCentreDetail: !a.flag("no-centres"))
  }

  /// Settings with the simulation plugged in when `--simulate` is given.
  static func settings(_ a: ParsedArguments, regions: [Region]) throws -> ProjectionSettings {
    var s = try settings(a)
    if a.flag("simulate") { s.outcomeModel = .simulation(regions: regions) }
    return s
  }

  /// Every parameter a projection uses, for the report's assumptions;
  /// with `--simulate`, also the simulation's (its defaults).
  /// - Parameter solved: levers `recruit` solves for (`hires`, `trainees`,
  ///   `task-sharing`, `fte`): their plan values are the answer, not an
  ///   assumption, and are left out; `horizon`: the years projected follow
  ///   `--by`.
  static func readings(_ s: ProjectionSettings, solved: [String] = []) -> [ParameterCatalog.Reading] {
    let paths: [String: [String]] = [
      "hires": ["plan.hires", "plan.fillGaps"], "trainees": ["plan.traineeIntakePerYear"],
      "task-sharing": ["workforce.taskSharingShare"], "fte": ["plan.fteIncreasePerYear"],
      // The years projected follow --by (and --frontier), which are listed.
      "horizon": ["projection.years"],
    ]
    let left = Set(solved.flatMap { paths[$0] ?? [] })
    return (ParameterCatalog.readings(s) + (s.outcomeModel == nil ? [] : ParameterCatalog.readings(SimulationParameters())))
      .filter { !left.contains($0.path) }
  }

  /// The warning when both --fill-gaps and --hires are given: the help's
  /// rule (--fill-gaps is "instead of --hires") decides, and the user hears
  /// which value was dropped.
  static func fillGapsWarning(_ a: ParsedArguments) -> String? {
    guard a.has("fill-gaps") && a.has("hires") else { return nil }
    return Terms.message("Warning: --fill-gaps {1} replaces --hires; --hires {2} is ignored", a.string("fill-gaps") ?? "", a.string("hires") ?? "") + "\n"
  }

  /// Yearly factor of a ten-year growth g: (1 + g)^(1/10).
  static func pow10(_ g: Double) -> Double { PopulationGrowth(tenYearGrowth: [.age80plus: g]).factor(for: .age80plus) }
}

/// `panelplan project`: staffing scenarios year by year.
public enum ProjectCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "project",
    abstract: "Project staffing, guideline capacity and fixed doctors year by year.",
    discussion: """
      Runs a region (or every region of a nation file) forward year by year:
      retirement (spread over --retirement-ages), attrition, ST training (5 years,
      275 then 550 patients from mid-training, time-weighted over each year;
      supervision taken from specialists; intake limited to one trainee FTE per
      specialist FTE, with a warning on stderr when the plan asks for more),
      completions that stay with probability --stay, hires placed at the largest
      guideline gaps, trainee intake, part-time FTE drift, locums up to a budget
      (visits, no panels), task sharing (a share of doctor time per patient moved
      to the team: panels x 1/(1-share), at most 0.75) and population growth by age band (80+
      about +50% and working age about +5% over ten years by default). Each year
      shows listed per GP specialist FTE, the guideline ratio (need-weighted demand
      per guideline capacity; at most 1.00 meets the guideline) and the share with
      a fixed doctor (overall and nursing-home residents, against 55% and 80%).
      With --replications R, events are drawn at random R times and results show a
      mean and 5-95% band; otherwise expected values. --format csv|json gives every
      centre, region and the total, year first. A plan may vary by year
      (--hires-by-year and the other -by-year lists), and --settings FILE reads these
      options from a JSON object, such as the plan 'recruit --cost --write-plan' writes.
      """,
    positionals: [StaffingOptions.input],
    options: StaffingOptions.options + SettingsFile.perYearOptions + [SettingsFile.option, .format, .csvDialect, .out, .report, .lang])

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    if let w = StaffingOptions.fillGapsWarning(a) { output.warn(w) }
    let loaded = try StaffingOptions.load(a)
    var settings = try StaffingOptions.settings(a, regions: loaded.regions)
    try SettingsFile.applyPerYear(a, to: &settings)
    let projection = WorkforceProjection(regions: loaded.regions, totalName: loaded.name, trainingYears: settings.workforce.trainingYears)
    let counter = ProgressCounter(total: settings.replications, unit: "replications")
    let progress = TerminalProgress.start("project", counter: counter)
    let result = projection.run(settings, progress: counter)
    progress?.stop()
    for w in result.warnings { output.warn(Terms.message("Warning: {1}", Terms.render(w)) + "\n") }
    let text: String
    switch a.string("format") {
    case "csv": text = StaffingReport.csv(result)
    case "json": text = try StaffingReport.json(result)
    default: text = Verdicts.projection(result) + StaffingReport.table(result, title: loaded.name)
    }
    try emitReport(a, parameters: StaffingOptions.readings(settings), verdict: { Verdicts.projection(result) }) { StaffingCharts.report(result, title: loaded.name, language: $0) }
    try emit(text, a, &output)
  }
}
