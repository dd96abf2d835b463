import PanelPlan

/// `panelplan recruit`: the smallest yearly hires, trainee intake or FTE
/// increase that reach a target by a year, or the year a plan reaches it.
public enum RecruitCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "recruit",
    abstract: "Find the hires, trainees or FTE a year needed to reach a target by a year.",
    discussion: """
      Target 'guideline': need-weighted demand per guideline capacity at most --ratio
      (1.00 = Socialstyrelsen's 1,100 per specialist) in the year --by. Target
      'fixed-doctor': at least --overall of listed people and --nursing-home of
      nursing-home residents with a fixed doctor (the 2021 agreement: 55% and 80%).
      Each lever in --levers is solved on its own, the rest of the plan as given by
      the projection options: binary search over projections, since more of a lever
      never makes the outcome worse. With --replications R the search runs in every
      replication; the answer meets the target in at least --confidence of them and
      the per-replication answers show its uncertainty. With --when, reports instead
      the year the given plan first meets the target.
      With --cost, the levers (hires, trainees, task-sharing, fte) are combined: the
      least-cost amounts per lever per year (or, with --constant, one amount per lever
      every year) that meet the target by --by, respecting the hiring delay and
      supervisor room. Constant plans and small per-year lattices are searched exactly
      (monotone lattice search); larger per-year lattices by descent from the exact
      constant optimum: never costlier than it, and no single yearly amount can be
      lowered or traded for a cheaper lever's (the table says which). Default
      --confidence 0.9 with replications, and the expected-value answer beside it;
      then the cost for each target year; --write-plan FILE for 'project --settings'.
      """,
    positionals: [StaffingOptions.input],
    options: StaffingOptions.options + [
      OptionSpec("target", value: "TARGET", help: "What to reach.", default: "guideline", allowed: ["guideline", "fixed-doctor"]),
      OptionSpec("ratio", value: "X", help: "Guideline target: the highest acceptable guideline ratio.", default: "1.0"),
      OptionSpec("overall", value: "SHARE", help: "Fixed-doctor target: share of everyone listed.", default: "0.55"),
      OptionSpec("nursing-home", value: "SHARE", help: "Fixed-doctor target: share of nursing-home residents.", default: "0.8"),
      OptionSpec("by", value: "YEAR", help: "The year the target must be met (default: start year + 4)."),
      OptionSpec("levers", value: "LIST", help: "Comma-separated levers to solve: hires, trainees, fte.", default: "hires"),
      OptionSpec("confidence", value: "P", help: "Share of replications that must meet the target.", default: "0.5"),
      OptionSpec("cost", value: "LEVER=X,...", help: "Cost per unit of each lever in --levers (hires, trainees, task-sharing, fte), per year, in a unit you choose; finds the least-cost combination instead of solving levers one at a time (issue 19)."),
      OptionSpec("max", value: "LEVER=X,...", help: "With --cost: the largest value per lever (default hires=50, trainees=50, task-sharing=0.05, fte=0.05)."),
      OptionSpec("step", value: "LEVER=X,...", help: "With --cost: the search grid per lever (default hires=1, trainees=1, task-sharing=0.01, fte=0.01; coarser for national runs)."),
      OptionSpec("frontier", value: "FROM-TO", help: "With --cost: least cost for each target year in this range (default: --by - 2 to --by + 2)."),
      OptionSpec("constant", help: "With --cost: one amount per lever every year instead of amounts per lever per year."),
      OptionSpec("write-plan", value: "FILE", help: "With --cost: write the plan as a settings file that 'panelplan project REGION --settings FILE' runs unchanged."),
      OptionSpec("when", help: "Report the year the given plan first meets the target instead of solving."),
      .format, .csvDialect, .out, .report, .lang,
    ])

  /// The levers to solve, from `--levers`: each known, none twice, at
  /// least one; and no plan option that every solved lever replaces.
  static func levers(_ a: ParsedArguments) throws -> [RecruitmentLever] {
    let text = a.string("levers") ?? "hires"
    var levers: [RecruitmentLever] = []
    for name in text.split(separator: ",", omittingEmptySubsequences: false) {
      let name = name.trimmingCharacters(in: .whitespaces)
      guard let l = RecruitmentLever(rawValue: name) else {
        throw UsageError("option '--levers': found '\(name)', expected hires, trainees or fte, comma-separated", usage: spec.usage)
      }
      if levers.contains(l) { throw UsageError("option '--levers': '\(name)' is listed twice", usage: spec.usage) }
      levers.append(l)
    }
    if levers.count == 1 {
      let replaced: [String] = switch levers[0] {
      case .specialistHires: ["hires", "fill-gaps"]
      case .traineeIntake: ["trainees"]
      case .fteIncrease: ["fte-increase"]
      }
      if let n = replaced.first(where: a.has) {
        throw UsageError("--\(n) is not used with --levers \(levers[0].rawValue): that lever is what recruit solves for", usage: spec.usage)
      }
    }
    return levers
  }

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    if a.has("cost") { return try JointRecruitCommand.run(a, output: &output) }
    if !a.flag("when") { _ = try levers(a) }
    if let w = StaffingOptions.fillGapsWarning(a) { output.warn(w) }
    let loaded = try StaffingOptions.load(a)
    var settings = try StaffingOptions.settings(a)
    let target: StaffingTarget = a.string("target") == "fixed-doctor"
      ? .fixedDoctorShare(overall: try a.double("overall", in: 0...1)!, nursingHome: try a.double("nursing-home", in: 0...1)!)
      : .guidelineRatio(atMost: try a.double("ratio", in: 0.01...100)!)
    let confidence = try a.double("confidence", in: 0.01...1)!
    let projection = WorkforceProjection(regions: loaded.regions, totalName: loaded.name, trainingYears: settings.workforce.trainingYears)
    settings.keepCentreDetail = false

    if a.flag("when") {
      let solver = RecruitmentSolver(projection: projection, settings: settings, target: target, confidence: confidence)
      let met = solver.yearMet()
      try emitReport(a, parameters: StaffingOptions.readings(settings)) { RecruitWhenReport.report(met, target: target, title: loaded.name, replications: settings.replications, language: $0) }
      try emit(whenReport(met, target: target, title: loaded.name, format: a.string("format") ?? "table", replications: settings.replications), a, &output)
      return
    }

    let by = try a.int("by", in: settings.startYear...(settings.startYear + 100)) ?? settings.startYear + 4
    let levers = try self.levers(a)
    settings.years = by - settings.startYear
    let solver = RecruitmentSolver(projection: projection, settings: settings, target: target, confidence: confidence)
    let counter = ProgressCounter(total: settings.replications * levers.count, unit: "searches (replications × levers)")
    let progress = TerminalProgress.start("recruit", counter: counter)
    let solutions = levers.map { solver.solve(lever: $0, by: by, progress: counter) }
    progress?.stop()
    let text: String
    switch a.string("format") {
    case "csv": text = StaffingReport.recruitmentCSV(solutions, target: target)
    case "json": text = try StaffingReport.recruitmentJSON(solutions, target: target)
    default:
      text = Verdicts.recruitment(solutions, target: target) + StaffingReport.recruitmentTable(solutions, target: target, title: loaded.name, replications: settings.replications, confidence: confidence)
    }
    try emitReport(a, parameters: StaffingOptions.readings(settings, solved: levers.map(\.rawValue) + ["horizon"]), verdict: { Verdicts.recruitment(solutions, target: target) }) { StaffingCharts.recruitmentReport(solutions, solver: solver, title: loaded.name, language: $0) }
    try emit(text, a, &output)
  }

  static func whenReport(_ m: RecruitmentSolver.YearMet, target: StaffingTarget, title: String, format: String, replications: Int) -> String {
    switch format {
    case "csv":
      var w = CSVWriter()
      w.append(["year", "share_meeting", target.metric.rawValue])
      for (i, (year, share)) in m.shareMeetingByYear.enumerated() {
        w.append([String(year), NumberFormat.machine(share), i < m.metricByYear.count ? NumberFormat.machine(m.metricByYear[i].mean) : ""])
      }
      return w.text
    case "json":
      return "{\n  \"target\" : \"\(target.label)\",\n  \"yearMet\" : \(m.year.map(String.init) ?? "null"),\n  \"shareMeetingByYear\" : {"
        + m.shareMeetingByYear.map { "\"\($0.year)\" : \(NumberFormat.machine($0.share))" }.joined(separator: ", ") + "}\n}\n"
    default:
      let sv = ReportLanguage.current == .sv
      let out = sv
        ? "\(title): året då planen först når \(target.localizedLabel)\n" + (m.year.map { "Nås \($0)" } ?? "Nås inte inom tidshorisonten")
          + (replications > 1 ? " (i tillräckligt många replikeringar; andel per år nedan)\n\n" : "\n\n")
        : "\(title): the year the plan first meets \(target.label)\n" + (m.year.map { "Met in \($0)" } ?? "Not met within the horizon")
          + (replications > 1 ? " (in enough replications; share by year below)\n\n" : "\n\n")
      var t = TextTable(headers: ["Year", replications > 1 ? "Share of replications met" : "Met", target.metric == .guidelineRatio ? "Guideline ratio" : "Share"])
      for (i, (year, share)) in m.shareMeetingByYear.enumerated() {
        let metric = i < m.metricByYear.count ? NumberFormat.fixed(m.metricByYear[i].mean, decimals: 3) : ""
        t.append([String(year), replications > 1 ? NumberFormat.percent(share, decimals: 0) : (share >= 1 ? ReportLanguage.current("yes") : ReportLanguage.current("no")), metric])
      }
      return out + t.render()
    }
  }
}
