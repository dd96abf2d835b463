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
    let planner = JointRecruitmentPlanner(projection: projection, settings: settings, target: target, confidence: confidence, levers: choices)
    var expectedPlanner = planner
    expectedPlanner.settings.mode = .expected
    expectedPlanner.confidence = 1

    let plan = planner.solve(by: by)
    let reached = plan.map { planner.yearReached($0, horizonYears: horizon) } ?? nil
    let expected = stochastic ? expectedPlanner.solve(by: by) : nil
    let expectedReached = expected.map { expectedPlanner.yearReached($0, horizonYears: horizon) } ?? nil
    // The target year's plan is already solved: reuse it rather than search again.
    let frontier = frontierYears.map { year in (year: year, plan: year == by ? plan : planner.solve(by: year)) }

    let r = JointRecruitReport(
      title: loaded.name, target: target, by: by, confidence: confidence, replications: settings.replications,
      levers: choices, plan: plan, reached: reached, expected: expected, expectedReached: expectedReached, frontier: frontier)
    let text: String
    switch a.string("format") {
    case "csv": text = r.csv()
    case "json": text = r.json()
    default: text = r.table()
    }
    // The horizon follows --by and --frontier; confidence is chosen here when not given.
    try RecruitCommand.emitReport(
      a, parameters: StaffingOptions.readings(settings, solved: levers.map(\.rawValue) + ["horizon"]),
      used: ["confidence": NumberFormat.machine(confidence)]) { _ in r.html() }
    try RecruitCommand.emit(text, a, &output)
  }
}

/// The joint plan's outputs.
struct JointRecruitReport {
  var title: String
  var target: StaffingTarget
  var by: Int
  var confidence: Double
  var replications: Int
  var levers: [LeverChoice]
  var plan: JointRecruitmentPlanner.Plan?
  var reached: Int?
  var expected: JointRecruitmentPlanner.Plan?
  var expectedReached: Int?
  var frontier: [(year: Int, plan: JointRecruitmentPlanner.Plan?)]

  func describe(_ p: JointRecruitmentPlanner.Plan) -> String {
    p.values.map { "\($0.lever.rawValue) \(NumberFormat.machine($0.value))" }.joined(separator: ", ")
  }

  func table() -> String {
    var out = "\(title): least-cost plan reaching \(target.label) by \(by)"
    out += replications > 1
      ? " in at least \(NumberFormat.percent(confidence, decimals: 0)) of \(replications) replications\n"
      : " (expected values, no randomness)\n"
    out += "Search: monotone lattice search over constant yearly amounts (exact; see LeastCostLattice).\n\n"
    guard let plan else {
      return out + "Not reachable by \(by) with the levers at their maxima ("
        + levers.map { "\($0.lever.rawValue) ≤ \(NumberFormat.machine($0.maximum))" }.joined(separator: ", ") + ").\n" + frontierTable()
    }
    var t = TextTable(headers: ["Lever", "Per year", "Unit", "Cost per unit", "Cost per year"])
    t.alignments[2] = .left
    for (c, v) in zip(levers, plan.values) {
      t.append([c.lever.rawValue, NumberFormat.machine(v.value), c.lever.unit, NumberFormat.machine(c.costPerUnit), NumberFormat.fixed(c.costPerUnit * v.value, decimals: 2)])
    }
    out += t.render()
    out += "Cost per year: \(NumberFormat.fixed(plan.costPerYear, decimals: 2)) (constant every year); projections checked: \(plan.checks)\n"
    out += "Share of replications meeting the target in \(by): \(NumberFormat.percent(plan.shareMeeting, decimals: 0))\n"
    out += "First year the target is reached with this plan: \(reached.map(String.init) ?? "not within the horizon")\n"
    if replications > 1 {
      out += "\nExpected-value answer (no randomness) beside it: "
      out += expected.map { "\(describe($0)); cost per year \(NumberFormat.fixed($0.costPerYear, decimals: 2)); reached \(expectedReached.map(String.init) ?? "not within the horizon")" } ?? "not reachable"
      out += "\n"
    }
    return out + frontierTable()
  }

  func frontierTable() -> String {
    var t = TextTable(headers: ["Target year", "Least cost per year", "Plan"])
    t.alignments[2] = .left
    for (year, p) in frontier {
      t.append([String(year), p.map { NumberFormat.fixed($0.costPerYear, decimals: 2) } ?? "unreachable", p.map(describe) ?? ""])
    }
    return "\nCost against the year the target is reached (what a year sooner costs):\n" + t.render()
  }

  func csv() -> String {
    var w = CSVWriter()
    w.append(["kind", "target_year", "lever", "value_per_year", "cost_per_year", "year_reached", "share_meeting"])
    func rows(_ kind: String, _ p: JointRecruitmentPlanner.Plan?, year: Int, reached: Int?) {
      guard let p else { w.append([kind, String(year), "", "", "", "", ""]); return }
      for (c, v) in zip(levers, p.values) {
        w.append([kind, String(year), v.lever.rawValue, NumberFormat.machine(v.value), NumberFormat.machine(c.costPerUnit * v.value), reached.map(String.init) ?? "", NumberFormat.machine(p.shareMeeting)])
      }
    }
    rows("plan", plan, year: by, reached: reached)
    if replications > 1 { rows("expected_value", expected, year: by, reached: expectedReached) }
    for (y, p) in frontier { rows("frontier", p, year: y, reached: nil) }
    return w.text
  }

  func json() -> String {
    func obj(_ p: JointRecruitmentPlanner.Plan?, reached: Int?) -> String {
      guard let p else { return "null" }
      let values = p.values.map { "\(jsonQuoteCLI($0.lever.rawValue)) : \(NumberFormat.machine($0.value))" }.joined(separator: ", ")
      return "{ \"valuesPerYear\" : { \(values) }, \"costPerYear\" : \(NumberFormat.machine(p.costPerYear)), \"targetYear\" : \(p.year), "
        + "\"shareMeeting\" : \(NumberFormat.machine(p.shareMeeting)), \"yearReached\" : \(reached.map(String.init) ?? "null"), \"checks\" : \(p.checks) }"
    }
    var out = "{\n  \"name\" : \(jsonQuoteCLI(title)),\n  \"target\" : \(jsonQuoteCLI(target.label)),\n  \"by\" : \(by),\n"
    out += "  \"confidence\" : \(NumberFormat.machine(confidence)),\n  \"replications\" : \(replications),\n"
    out += "  \"plan\" : \(obj(plan, reached: reached)),\n"
    out += "  \"expectedValuePlan\" : \(replications > 1 ? obj(expected, reached: expectedReached) : "null"),\n"
    out += "  \"frontier\" : [\n" + frontier.map { "    { \"year\" : \($0.year), \"plan\" : \(obj($0.plan, reached: nil)) }" }.joined(separator: ",\n") + "\n  ]\n}\n"
    return out
  }

  func html() -> String {
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(SVGCanvas.escape(title)): recruitment plan</title></head><body><pre>\n"
      + SVGCanvas.escape(table()) + "</pre></body></html>\n"
  }
}

/// A JSON string literal.
func jsonQuoteCLI(_ s: String) -> String {
  var out = "\""
  for u in s.unicodeScalars {
    switch u {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    default:
      if u.value < 0x20 { out += " " } else { out.unicodeScalars.append(u) }
    }
  }
  return out + "\""
}
