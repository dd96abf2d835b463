import PanelPlan

/// `recruit --levers … --cost …`: the least-cost combination of levers
/// (issue 19). Reached from `RecruitCommand` when `--cost` is given.
enum JointRecruitCommand {
  /// Default confidence of a joint plan with replications: 0.9, so the
  /// plan is not a coin flip (a median plan misses the target in half the
  /// futures). Expected-value mode has one run and needs no confidence.
  static let defaultConfidence = 0.9

  /// `name=value,…` into a dictionary of known levers.
  static func perLever(_ a: ParsedArguments, _ option: String, levers: [PlanLever], range: ClosedRange<Double>) throws -> [PlanLever: Double] {
    guard let text = a.string(option) else { return [:] }
    var out: [PlanLever: Double] = [:]
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let lever = PlanLever(rawValue: parts[0]) else {
        throw UsageError("option '--\(option)': found '\(item)', expected LEVER=NUMBER with LEVER one of hires, trainees, task-sharing, fte", usage: RecruitCommand.spec.usage)
      }
      guard levers.contains(lever) else {
        throw UsageError("option '--\(option)': '\(lever.rawValue)' is not in --levers", usage: RecruitCommand.spec.usage)
      }
      guard let v = Double(parts[1]), v.isFinite, range.contains(v) else {
        throw UsageError("option '--\(option)': found '\(parts[1])' for \(lever.rawValue), expected a number from \(NumberFormat.machine(range.lowerBound)) to \(NumberFormat.machine(range.upperBound))", usage: RecruitCommand.spec.usage)
      }
      if out[lever] != nil { throw UsageError("option '--\(option)': '\(lever.rawValue)' is given twice", usage: RecruitCommand.spec.usage) }
      out[lever] = v
    }
    return out
  }

  static func levers(_ a: ParsedArguments) throws -> [PlanLever] {
    var out: [PlanLever] = []
    for name in (a.string("levers") ?? "hires").split(separator: ",", omittingEmptySubsequences: false) {
      let name = name.trimmingCharacters(in: .whitespaces)
      guard let l = PlanLever(rawValue: name) else {
        throw UsageError("option '--levers': found '\(name)', expected hires, trainees, task-sharing or fte, comma-separated", usage: RecruitCommand.spec.usage)
      }
      if out.contains(l) { throw UsageError("option '--levers': '\(name)' is listed twice", usage: RecruitCommand.spec.usage) }
      out.append(l)
    }
    return out
  }

  static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    if a.flag("when") { throw UsageError("--cost is not used with --when", usage: RecruitCommand.spec.usage) }
    let levers = try self.levers(a)
    let costs = try perLever(a, "cost", levers: levers, range: 0...1e12)
    let maxima = try perLever(a, "max", levers: levers, range: 0...100_000)
    let steps = try perLever(a, "step", levers: levers, range: 0.01...10_000)
    for l in [PlanLever.hires, .trainees] where steps[l].map({ $0 != $0.rounded() }) ?? false {
      throw UsageError("option '--step': \(l.rawValue) takes a whole number of people", usage: RecruitCommand.spec.usage)
    }
    if let missing = levers.first(where: { costs[$0] == nil }) {
      throw UsageError("option '--cost': no cost for '\(missing.rawValue)'; give one per lever in --levers (e.g. --cost hires=1.0,trainees=0.6)", usage: RecruitCommand.spec.usage)
    }
    if let m = maxima[.taskSharing], m > TaskSharing.maximumShare {
      throw UsageError("option '--max': task-sharing \(NumberFormat.machine(m)) a year passes the largest accepted share \(TaskSharing.maximumShare)", usage: RecruitCommand.spec.usage)
    }
    let choices = levers.map { LeverChoice(lever: $0, costPerUnit: costs[$0]!, maximum: maxima[$0], step: steps[$0]) }
    let loaded = try StaffingOptions.load(a)
    var settings = try StaffingOptions.settings(a)
    settings.keepCentreDetail = false
    let target: StaffingTarget = a.string("target") == "fixed-doctor"
      ? .fixedDoctorShare(overall: try a.double("overall", in: 0...1)!, nursingHome: try a.double("nursing-home", in: 0...1)!)
      : .guidelineRatio(atMost: try a.double("ratio", in: 0.01...100)!)
    let stochastic = settings.replications > 1
    let confidence = a.has("confidence") ? try a.double("confidence", in: 0.01...1)! : (stochastic ? defaultConfidence : 1)
    let by = try a.int("by", in: (settings.startYear + 1)...(settings.startYear + 100)) ?? settings.startYear + 4
    let frontierYears: ClosedRange<Int>
    if let f = a.string("frontier") {
      let p = f.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard p.count == 2, let lo = p[0], let hi = p[1], lo > settings.startYear, lo <= hi, hi <= settings.startYear + 100 else {
        throw UsageError("option '--frontier': found '\(f)', expected FROM-TO years after the start year \(settings.startYear), e.g. 2028-2035", usage: RecruitCommand.spec.usage)
      }
      frontierYears = lo...hi
    } else {
      frontierYears = max(settings.startYear + 1, by - 2)...(by + 2)
    }
    let horizon = max(by, frontierYears.upperBound) - settings.startYear
    settings.years = horizon
    let projection = WorkforceProjection(regions: loaded.regions, totalName: loaded.name, trainingYears: settings.workforce.trainingYears)
    let planner = JointRecruitmentPlanner(
      projection: projection, settings: settings, target: target, confidence: confidence, levers: choices,
      variesByYear: !a.flag("constant"))
    var expectedPlanner = planner
    expectedPlanner.settings.mode = .expected
    expectedPlanner.confidence = 1

    let counter = ProgressCounter(total: frontierYears.count + (stochastic ? 1 : 0) + (frontierYears.contains(by) ? 0 : 1), unit: "plans")
    let progress = TerminalProgress.start("recruit", counter: counter)
    func solve(_ p: JointRecruitmentPlanner, _ year: Int) -> JointRecruitmentPlanner.Plan? {
      defer { counter.advance() }
      return p.solve(by: year)
    }
    let plan = solve(planner, by)
    let reached = plan.map { planner.yearReached($0, horizonYears: horizon) } ?? nil
    let expected = stochastic ? solve(expectedPlanner, by) : nil
    let expectedReached = expected.map { expectedPlanner.yearReached($0, horizonYears: horizon) } ?? nil
    // The target year's plan is already solved: reuse it rather than search again.
    let frontier = frontierYears.map { year in (year: year, plan: year == by ? plan : solve(planner, year)) }
    progress?.stop()

    let r = JointRecruitReport(
      title: loaded.name, target: target, by: by, confidence: confidence, replications: settings.replications,
      levers: choices, plan: plan, reached: reached, expected: expected, expectedReached: expectedReached, frontier: frontier,
      startYear: settings.startYear, delayYears: settings.plan.startDelayYears)
    if let out = try CommandFiles.output(a, "write-plan") {
      guard let plan else {
        throw InputError(problem: "no plan reaches \(target.label) by \(by) with the levers at their maxima; nothing written to \(a.string("write-plan")!)")
      }
      try out.writeWhole(planFile(a, plan: plan, planner: planner))
    }
    let text: String
    switch a.string("format") {
    case "csv": text = r.csv()
    case "json": text = r.json()
    default: text = r.table()
    }
    // The horizon follows --by and --frontier; confidence is chosen here when not given.
    try RecruitCommand.emitReport(
      a, parameters: StaffingOptions.readings(settings, solved: levers.map(\.rawValue) + ["horizon"]),
      used: ["confidence": NumberFormat.machine(confidence)]) { language in
      let projected = plan.map { p -> ProjectionResult in
        var s = planner.settings(for: p)
        s.years = horizon
        s.keepCentreDetail = false
        return projection.run(s)
      }
      return r.html(projected: projected, language: language)
    }
    try RecruitCommand.emit(text, a, &output)
  }
}

extension JointRecruitCommand {
  /// `project`'s options for each lever: the constant one and the per-year list.
  static let leverOptions: [PlanLever: (constant: String, byYear: String)] = [
    .hires: ("hires", "hires-by-year"), .trainees: ("trainees", "trainees-by-year"),
    .taskSharing: ("task-sharing-increase", "task-sharing-increase-by-year"), .fte: ("fte-increase", "fte-increase-by-year"),
  ]

  /// The plan as a `project --settings` file: the projection options this
  /// run was given (so the file projects exactly as the search did), the
  /// horizon up to the target year, and the levers' amounts.
  static func planFile(_ a: ParsedArguments, plan: JointRecruitmentPlanner.Plan, planner: JointRecruitmentPlanner) -> String {
    let s = planner.settings
    var replaced: Set<String> = ["start-year", "years", "replications", "seed", "roster"]
    for l in plan.levers {
      replaced.insert(leverOptions[l]!.constant)
      if l == .hires { replaced.insert("fill-gaps") }
    }
    var options: [(name: String, text: String)] = [("start-year", String(s.startYear)), ("years", String(plan.year - s.startYear))]
    if s.replications > 1 || s.isStochasticForFile {
      options += [("replications", String(s.replications)), ("seed", a.string("seed") ?? "1")]
    }
    for o in StaffingOptions.options where !o.isFlag && a.has(o.name) && !replaced.contains(o.name) {
      options.append((o.name, a.string(o.name)!))
    }
    for (l, amounts) in zip(plan.levers, plan.amounts) {
      let whole = l == .hires || l == .trainees
      func text(_ v: Double) -> String { whole ? String(Int(v.rounded())) : "\(v)" }
      if plan.constant {
        options.append((leverOptions[l]!.constant, text(amounts.first ?? 0)))
      } else {
        options.append((leverOptions[l]!.byYear, amounts.map(text).joined(separator: ",")))
      }
    }
    let met = s.replications > 1
      ? "in \(NumberFormat.percent(plan.shareMeeting, decimals: 0)) of \(s.replications) replications (asked: at least \(NumberFormat.percent(planner.confidence, decimals: 0)))"
      : "with expected values"
    let comment = "Least-cost plan from 'panelplan recruit --cost': meets \(planner.target.label) in \(plan.year) \(met); "
      + (plan.constant ? "one amount per lever every year. " : "amounts per lever per year from \(plan.firstYear) (hires start --start-delay years after their year). ")
      + "Check it with: panelplan project REGION --settings THIS_FILE"
    return SettingsFile.render(comment: comment, options)
  }
}

extension ProjectionSettings {
  /// Whether a plan file must carry replications and a seed.
  var isStochasticForFile: Bool {
    if case .stochastic = mode { return true }
    return false
  }
}
