import PanelPlan

extension JointRecruitReport {
  /// The `--report` page: key numbers, the plan per lever per year (cost
  /// stacked by lever, and each lever's amounts), the projection of the
  /// target's metric under the plan, the frontier of cost against the
  /// target year, and the tables.
  ///
  /// - Parameter projected: the plan's projection over the horizon (nil when no plan).
  func html(projected: ProjectionResult?, language l: ReportLanguage) -> String {
    typealias F = NumberFormat
    var h = HTMLReport(title: "\(l("Recruitment plan")): \(title)", language: l)
    let conf = replications > 1
      ? "\(F.percent(confidence, decimals: 0)) \(l("of")) \(replications) \(l("replications"))" : l("expected values")
    h.keyNumbers([
      (l("Least cost"), plan.map { F.fixed($0.totalCost, decimals: 1) } ?? l("not reachable"), "\(l("by")) \(by), \(conf)"),
      (l("Cost per year"), plan.map { F.fixed($0.costPerYear, decimals: 1) } ?? "–", plan.map { $0.constant ? l("constant") : l("average over the years") }),
      (l("Year the target is first met"), reached.map(String.init) ?? "–", target.localizedLabel),
    ])
    h.paragraph(searchNote(plan).trimmingCharacters(in: .whitespacesAndNewlines))
    if let plan {
      let years = (0..<plan.years).map { String(plan.firstYear + $0) }
      h.heading(l("The plan per lever per year"))
      h.figure(
        Charts.stackedBars(
          title: l("Cost per year by lever"), categories: years,
          segments: zip(levers, plan.amounts).map { c, a in ChartSeries(c.lever.rawValue, values: a.map { $0 * c.costPerUnit }) },
          yLabel: l("Cost (your unit)"), format: { F.fixed($0, decimals: 1) }),
        caption: l("Each bar is one year's spending; segments are the levers (amount × cost per unit). Hires are counted in the year they are decided."))
      for (c, a) in zip(levers, plan.amounts) where a.contains(where: { $0 > 0 }) {
        h.figure(
          Charts.bars(
            title: "\(c.lever.rawValue): \(c.lever.unit)", categories: years, series: [ChartSeries(c.lever.rawValue, values: a)],
            yLabel: c.lever.unit, format: { Self.amount(c.lever, $0) }),
          caption: c.lever == .hires && delayYears > 0
            ? "\(l("Hires start")) \(delayYears) \(l("years after the year they are decided"))." : l("Amount per year."))
      }
      h.table(
        headers: [l("Lever")] + years + [l("Total"), l("Cost")],
        rows: zip(levers, plan.amounts).map { c, a in
          [c.lever.rawValue] + a.map { Self.amount(c.lever, $0) } + [Self.amount(c.lever, a.reduce(0, +)), F.fixed(c.costPerUnit * a.reduce(0, +), decimals: 2)]
        })
    }
    if let r = projected {
      let ratio = target.metric == .guidelineRatio
      let band = r.years.indices.map { r.total.band(target.metric, yearIndex: $0) }
      let reference: ReferenceLine
      switch target {
      case .guidelineRatio(let x): reference = ReferenceLine(l("Target"), value: x)
      case .fixedDoctorShare(let o, _): reference = ReferenceLine(l("Target"), value: o)
      }
      h.heading(l("Projection with the plan"))
      h.figure(
        Charts.lines(
          title: l(ratio ? "Guideline ratio" : "Share with a fixed doctor"), x: r.years.map(Double.init),
          series: [ChartSeries(l("With the plan"), values: band.map(\.mean), band: r.expectedValue ? nil : band.map { ($0.p05, $0.p95) })],
          xLabel: l("Year"), yLabel: l(ratio ? "Guideline ratio (need-weighted listed per capacity)" : "Share with a fixed doctor"),
          references: [reference], format: ratio ? { F.fixed($0, decimals: 2) } : { F.percent($0, decimals: 0) }),
        caption: l("Mean and 5-95% band over the replications; the plan ends in the target year."))
    }
    let reachable = frontier.compactMap { f in f.plan.map { (f.year, $0) } }
    if !reachable.isEmpty {
      h.heading(l("Cost against the year the target is reached"))
      h.figure(
        Charts.lines(
          title: l("Least cost by target year"), x: reachable.map { Double($0.0) },
          series: [ChartSeries(l("Least cost"), values: reachable.map { $0.1.totalCost })],
          xLabel: l("Target year"), yLabel: l("Cost (your unit)"), format: { F.fixed($0, decimals: 1) }),
        caption: l("What reaching the target a year sooner or later costs; years missing from the line cannot be reached with the levers at their maxima."))
      h.table(
        headers: [l("Target year"), l("Least cost"), l("Cost per year"), l("Plan")],
        rows: frontier.map { y, p in
          [String(y), p.map { F.fixed($0.totalCost, decimals: 2) } ?? l("not reachable"), p.map { F.fixed($0.costPerYear, decimals: 2) } ?? "", p.map(describe) ?? ""]
        })
    }
    if replications > 1 {
      h.heading(l("Expected-value answer"))
      h.paragraph(expected.map { "\(describe($0)); \(l("cost")) \(F.fixed($0.totalCost, decimals: 2))" } ?? l("not reachable"))
    }
    h.inputs(
      [(l("Input"), title), (l("Target"), target.localizedLabel), (l("Replications"), "\(replications)")]
        + levers.map { ("\($0.lever.rawValue)", "\(l("cost per unit")) \(F.machine($0.costPerUnit)), \(l("at most")) \(F.machine($0.maximum)), \(l("step")) \(F.machine($0.step))") })
    return h.render()
  }
}
