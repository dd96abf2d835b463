import PanelPlan

/// The joint plan's outputs (`recruit --cost`, issue 19): the plan per
/// lever per year, its cost, the expected-value answer beside it and the
/// frontier of cost against the target year.
struct JointRecruitReport {
  typealias Plan = JointRecruitmentPlanner.Plan
  var title: String
  var target: StaffingTarget
  var by: Int
  var confidence: Double
  var replications: Int
  var levers: [LeverChoice]
  var plan: Plan?
  var reached: Int?
  var expected: Plan?
  var expectedReached: Int?
  var frontier: [(year: Int, plan: Plan?)]
  var startYear: Int
  var delayYears: Int

  static func amount(_ lever: PlanLever, _ v: Double) -> String {
    lever == .hires || lever == .trainees ? String(Int(v.rounded())) : NumberFormat.fixed(v, decimals: 2)
  }

  func describe(_ p: Plan) -> String {
    if p.constant {
      return p.values.map { "\($0.lever.rawValue) \(NumberFormat.machine($0.value)) a year" }.joined(separator: ", ")
    }
    return zip(p.levers, p.amounts).map { l, a in "\(l.rawValue) " + a.map { Self.amount(l, $0) }.joined(separator: "/") }
      .joined(separator: ", ")
  }

  func searchNote(_ p: Plan?) -> String {
    guard let p else { return "" }
    if p.constant { return "Search: exact monotone lattice search over one amount per lever every year (LeastCostLattice).\n" }
    return p.exact
      ? "Search: exact monotone lattice search over amounts per lever per year (LeastCostLattice).\n"
      : "Search: descent from the exact constant-per-year optimum (LeastCostLattice.descend): no costlier than any constant plan, "
        + "and no single yearly amount can be lowered or traded for a cheaper lever's; not proved the global least.\n"
  }

  /// Rows: one per lever, columns: the years, the total and its cost.
  func planTable(_ p: Plan) -> String {
    let years = (0..<p.years).map { p.firstYear + $0 }
    var t = TextTable(headers: ["Lever"] + years.map(String.init) + ["Total", "Cost per unit", "Cost"])
    for (c, a) in zip(levers, p.amounts) {
      let total = a.reduce(0, +)
      t.append([c.lever.rawValue] + a.map { Self.amount(c.lever, $0) } + [Self.amount(c.lever, total), NumberFormat.machine(c.costPerUnit), NumberFormat.fixed(c.costPerUnit * total, decimals: 2)])
    }
    return t.render()
  }

  func table() -> String {
    var out = "\(title): least-cost plan reaching \(target.label) by \(by)"
    out += replications > 1
      ? " in at least \(NumberFormat.percent(confidence, decimals: 0)) of \(replications) replications\n"
      : " (expected values, no randomness)\n"
    guard let plan else {
      return out + "\nNot reachable by \(by) with the levers at their maxima ("
        + levers.map { "\($0.lever.rawValue) ≤ \(NumberFormat.machine($0.maximum))" }.joined(separator: ", ") + " a year).\n" + frontierTable()
    }
    out += searchNote(plan) + "\n"
    out += "Amounts per year (" + levers.map { "\($0.lever.rawValue): \($0.lever.unit)" }.joined(separator: "; ") + "):\n"
    out += planTable(plan)
    if levers.contains(where: { $0.lever == .hires }) && delayYears > 0 {
      out += "Hires start \(delayYears) year\(delayYears == 1 ? "" : "s") after their year, so none are planned after \(by - delayYears).\n"
    }
    out += "Cost: \(NumberFormat.fixed(plan.totalCost, decimals: 2)) over \(plan.years) years (\(NumberFormat.fixed(plan.costPerYear, decimals: 2)) a year on average); projections checked: \(plan.checks)\n"
    out += "Share of replications meeting the target in \(by): \(NumberFormat.percent(plan.shareMeeting, decimals: 0))\n"
    out += "First year the target is reached with this plan: \(reached.map(String.init) ?? "not within the horizon")\n"
    if replications > 1 {
      out += "\nExpected-value answer (no randomness) beside it: "
      out += expected.map { "\(describe($0)); cost \(NumberFormat.fixed($0.totalCost, decimals: 2)); reached \(expectedReached.map(String.init) ?? "not within the horizon")" } ?? "not reachable"
      out += "\n"
    }
    return out + frontierTable()
  }

  func frontierTable() -> String {
    var t = TextTable(headers: ["Target year", "Least cost", "Per year", "Plan"])
    t.alignments[3] = .left
    for (year, p) in frontier {
      t.append([String(year), p.map { NumberFormat.fixed($0.totalCost, decimals: 2) } ?? "unreachable", p.map { NumberFormat.fixed($0.costPerYear, decimals: 2) } ?? "", p.map(describe) ?? ""])
    }
    return "\nCost against the year the target is reached (what a year sooner costs):\n" + t.render()
  }

  func csv() -> String {
    var w = CSVWriter()
    w.append(["kind", "target_year", "lever", "year", "amount", "cost", "year_reached", "share_meeting"])
    func rows(_ kind: String, _ p: Plan?, year: Int, reached: Int?) {
      guard let p else { w.append([kind, String(year), "", "", "", "", "", ""]); return }
      for (c, a) in zip(levers, p.amounts) {
        for (j, v) in a.enumerated() {
          w.append([kind, String(year), c.lever.rawValue, String(p.firstYear + j), NumberFormat.machine(v), NumberFormat.machine(c.costPerUnit * v),
                    reached.map(String.init) ?? "", NumberFormat.machine(p.shareMeeting)])
        }
      }
    }
    rows("plan", plan, year: by, reached: reached)
    if replications > 1 { rows("expected_value", expected, year: by, reached: expectedReached) }
    for (y, p) in frontier { rows("frontier", p, year: y, reached: nil) }
    return w.text
  }

  func json() -> String {
    func obj(_ p: Plan?, reached: Int?) -> String {
      guard let p else { return "null" }
      let amounts = zip(p.levers, p.amounts).map { "\(jsonQuote($0.rawValue)) : [" + $1.map(NumberFormat.machine).joined(separator: ", ") + "]" }
        .joined(separator: ", ")
      return "{ \"constant\" : \(p.constant), \"firstYear\" : \(p.firstYear), \"amountsByYear\" : { \(amounts) }, "
        + "\"totalCost\" : \(NumberFormat.machine(p.totalCost)), \"costPerYear\" : \(NumberFormat.machine(p.costPerYear)), \"targetYear\" : \(p.year), "
        + "\"shareMeeting\" : \(NumberFormat.machine(p.shareMeeting)), \"yearReached\" : \(reached.map(String.init) ?? "null"), "
        + "\"exact\" : \(p.exact), \"checks\" : \(p.checks) }"
    }
    var out = "{\n  \"name\" : \(jsonQuote(title)),\n  \"target\" : \(jsonQuote(target.label)),\n  \"by\" : \(by),\n"
    out += "  \"confidence\" : \(NumberFormat.machine(confidence)),\n  \"replications\" : \(replications),\n"
    out += "  \"plan\" : \(obj(plan, reached: reached)),\n"
    out += "  \"expectedValuePlan\" : \(replications > 1 ? obj(expected, reached: expectedReached) : "null"),\n"
    out += "  \"frontier\" : [\n" + frontier.map { "    { \"year\" : \($0.year), \"plan\" : \(obj($0.plan, reached: nil)) }" }.joined(separator: ",\n") + "\n  ]\n}\n"
    return out
  }
}
