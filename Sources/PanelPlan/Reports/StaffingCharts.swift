/// Charts and HTML reports for staffing projections and recruitment needs.
public enum StaffingCharts {
  static func years(_ r: ProjectionResult) -> [Double] { r.years.map(Double.init) }

  /// One metric of a series over the years, with its 5–95% band when the
  /// projection drew events at random.
  static func series(_ s: ProjectionResult.Series, _ m: StaffingMetric, name: String, years n: Int, banded: Bool) -> ChartSeries {
    let bands = (0..<n).map { s.band(m, yearIndex: $0) }
    return ChartSeries(name, values: bands.map(\.mean), band: banded ? bands.map { ($0.p05, $0.p95) } : nil)
  }

  /// Listed per GP specialist FTE by year with the guideline's 1,100; a fan
  /// (5–95%) when there are replications.
  public static func listedPerSpecialist(_ r: ProjectionResult, language l: ReportLanguage = .en) -> String {
    Charts.lines(
      title: l("Listed per GP specialist FTE"), x: years(r),
      series: [series(r.total, .listedPerSpecialistFTE, name: r.total.name, years: r.years.count, banded: !r.expectedValue)],
      xLabel: l("Year"), yLabel: l("Listed per GP specialist FTE"),
      references: [ReferenceLine(l("Guideline"), value: 1_100)])
  }

  /// Need-weighted demand per guideline capacity by year (1.0 meets the
  /// guideline), one line per region (at most eight) and the total.
  public static func guidelineRatio(_ r: ProjectionResult, language l: ReportLanguage = .en) -> String {
    let regions = r.series.filter { $0.level == .region }
    var lines = regions.count > 1 && regions.count <= 7
      ? regions.map { series($0, .guidelineRatio, name: $0.name, years: r.years.count, banded: false) } : []
    lines.append(series(r.total, .guidelineRatio, name: r.total.name, years: r.years.count, banded: !r.expectedValue))
    return Charts.lines(
      title: l("Guideline ratio"), x: years(r), series: lines, xLabel: l("Year"),
      yLabel: l("Guideline ratio (need-weighted listed per capacity)"),
      references: [ReferenceLine(l("Guideline"), value: 1)], format: { NumberFormat.fixed($0, decimals: 2) })
  }

  /// FTE by role, stacked by year.
  public static func fteByRole(_ r: ProjectionResult, language l: ReportLanguage = .en) -> String {
    let roles: [(String, StaffingMetric)] = [
      ("GP specialist", .specialistFTE), ("GP trainee", .traineeFTE),
      ("Licensed doctor", .licensedDoctorFTE), ("Locum", .locumFTE),
    ]
    return Charts.stackedBars(
      title: l("FTE by role"), categories: r.years.map(String.init),
      segments: roles.map { name, m in ChartSeries(l(name), values: (0..<r.years.count).map { r.total.band(m, yearIndex: $0).mean }) },
      yLabel: l("FTE"), format: { NumberFormat.grouped($0, decimals: 0) })
  }

  /// Share with a fixed doctor, overall and nursing-home residents, against
  /// the agreement's 55% and 80%.
  public static func fixedDoctorShares(_ r: ProjectionResult, language l: ReportLanguage = .en) -> String {
    let banded = !r.expectedValue
    return Charts.lines(
      title: l("Share with a fixed doctor"), x: years(r),
      series: [
        series(r.total, .fixedDoctorShare, name: l("Everyone"), years: r.years.count, banded: banded),
        series(r.total, .nursingHomeShare, name: l("Nursing-home residents"), years: r.years.count, banded: banded),
      ],
      xLabel: l("Year"), yLabel: l("Share with a fixed doctor"),
      references: [ReferenceLine(l("Target 55%"), value: 0.55), ReferenceLine(l("Target 80% (nursing homes)"), value: 0.8)],
      format: { NumberFormat.percent($0, decimals: 0) })
  }

  /// Continuity and access by year when the projection simulated visits
  /// (`panelplan project --simulate`); nil otherwise.
  public static func simulatedOutcomes(_ r: ProjectionResult, language l: ReportLanguage = .en) -> String? {
    let k = StaffingMetric.allCases.count
    let wanted: [(SimulationMetric, String)] = [
      (.coc(.doctor), "Continuity index (COC)"), (.fixedDoctorShare(.doctor), "Visits with the fixed doctor"),
      (.assessedWithinGuarantee, "Assessed within the care guarantee"), (.doctorUtilisation, "Doctor utilisation"),
    ]
    let lines: [ChartSeries] = wanted.compactMap { metric, label in
      // The projection names its outcome columns; the simulation's are its metrics' machine names.
      guard let i = r.outcomeNames.firstIndex(of: metric.column) else { return nil }
      let bands = r.years.indices.map { r.total.bands[$0][k + i] }
      return ChartSeries(l(label), values: bands.map(\.mean), band: r.expectedValue ? nil : bands.map { ($0.p05, $0.p95) })
    }
    guard !lines.isEmpty else { return nil }
    return Charts.lines(
      title: l("Continuity and access"), x: years(r), series: lines, xLabel: l("Year"), yLabel: l("Share or index (0-1)"),
      format: { NumberFormat.fixed($0, decimals: 2) })
  }

  /// The projection report: the last year's answers first, then the charts
  /// and the yearly table of the total.
  public static func report(_ r: ProjectionResult, title: String, language l: ReportLanguage = .en) -> String {
    typealias F = NumberFormat
    var h = HTMLReport(title: "\(l("Projection")): \(title)", language: l)
    let last = r.years.count - 1
    let t = r.total
    func v(_ m: StaffingMetric, _ y: Int = last) -> Double { t.band(m, yearIndex: y).mean }
    let met = r.years.indices.first { v(.guidelineRatio, $0) <= 1 }.map { String(r.years[$0]) } ?? "–"
    h.keyNumbers([
      (l("Listed per GP specialist FTE") + " \(r.years[last])", F.grouped(v(.listedPerSpecialistFTE)), "\(r.years[0]): \(F.grouped(v(.listedPerSpecialistFTE, 0)))"),
      (l("Guideline ratio") + " \(r.years[last])", F.fixed(v(.guidelineRatio), decimals: 2), "\(r.years[0]): \(F.fixed(v(.guidelineRatio, 0), decimals: 2))"),
      (l("Share with a fixed doctor") + " \(r.years[last])", F.percent(v(.fixedDoctorShare)), l("Target 55%")),
      (l("Year the guideline is met"), met, nil),
    ])
    h.inputs([
      (l("Input"), title), (l("Years"), "\(r.years[0])–\(r.years[last])"),
      (l("Replications"), r.expectedValue ? l("expected values") : "\(r.replications)"),
      (l("Care centres"), "\(t.centreCount)"),
    ])
    h.heading(l("Projection"))
    let fan = r.expectedValue ? "" : " " + l("The band is the 5–95% range over replications.")
    h.figure(listedPerSpecialist(r, language: l), caption: l("The dashed line is the guideline (1,100 per GP specialist).") + fan)
    h.figure(guidelineRatio(r, language: l), caption: l("At most 1.00 meets the guideline."))
    h.figure(fixedDoctorShares(r, language: l), caption: l("Targets of the 2021 agreement: 55% of everyone, 80% of nursing-home residents."))
    h.figure(fteByRole(r, language: l), caption: l("FTE by role in the whole input."))
    if let chart = simulatedOutcomes(r, language: l) {
      h.figure(chart, caption: l("From the visit-level simulation of every centre in every year (listed-weighted means)."))
    }
    let rows: [[String]] = r.years.indices.map { y in
      [String(r.years[y]), F.grouped(v(.listed, y)), F.fixed(v(.specialistFTE, y), decimals: 1), F.fixed(v(.traineeFTE, y), decimals: 1),
       F.grouped(v(.listedPerSpecialistFTE, y)), F.fixed(v(.guidelineRatio, y), decimals: 2), F.percent(v(.fixedDoctorShare, y)),
       F.percent(v(.nursingHomeShare, y)), F.fixed(v(.specialistHires, y), decimals: 1), F.fixed(v(.locumFTE, y), decimals: 1)]
    }
    h.table(
      headers: [l("Year"), l("Listed people"), l("GP specialist") + " FTE", l("GP trainee") + " FTE", l("Listed per GP specialist FTE"),
                l("Guideline ratio"), l("Fixed doctor"), l("Nursing-home residents"), l("Hires"), l("Locum") + " FTE"],
      rows: rows, caption: t.name)
    return h.render()
  }
}

extension StaffingCharts {
  /// The recruitment report: the yearly number each lever needs, and the
  /// target metric over the years under each solved plan against the target.
  public static func recruitmentReport(
    _ solutions: [RecruitmentSolver.Solution], solver: RecruitmentSolver, title: String, language l: ReportLanguage = .en
  ) -> String {
    typealias F = NumberFormat
    var h = HTMLReport(title: "\(l("Recruitment")): \(title)", language: l)
    h.keyNumbers(solutions.map { s in
      (l(s.lever.unit), s.value.map { F.fixed($0, decimals: s.lever == .fteIncrease ? 2 : 0) } ?? l("not reachable"),
       "\(l("by")) \(s.year)")
    })
    h.inputs([(l("Input"), title), (l("Target"), solver.target.localizedLabel), (l("Replications"), "\(solver.settings.replications)")])
    var lines: [ChartSeries] = []
    var years: [Double] = []
    for s in solutions {
      guard let step = s.step else { continue }
      var settings = solver.settings
      settings.plan = s.lever.apply(step, to: settings.plan)
      let r = solver.projection.run(settings)
      years = r.years.map(Double.init)
      lines.append(series(r.total, solver.target.metric, name: "\(F.fixed(s.lever.value(ofStep: step), decimals: s.lever == .fteIncrease ? 2 : 0)) \(l(s.lever.unit))", years: r.years.count, banded: !r.expectedValue))
    }
    if !lines.isEmpty {
      let ratio = solver.target.metric == .guidelineRatio
      let reference: ReferenceLine
      switch solver.target {
      case .guidelineRatio(let x): reference = ReferenceLine(l("Target"), value: x)
      case .fixedDoctorShare(let o, _): reference = ReferenceLine(l("Target"), value: o)
      }
      h.heading(l("Projection"))
      h.figure(
        Charts.lines(
          title: l(ratio ? "Guideline ratio" : "Share with a fixed doctor"), x: years, series: lines, xLabel: l("Year"),
          yLabel: l(ratio ? "Guideline ratio (need-weighted listed per capacity)" : "Share with a fixed doctor"),
          references: [reference], format: ratio ? { F.fixed($0, decimals: 2) } : { F.percent($0, decimals: 0) }),
        caption: l("Each line is one lever alone at the smallest yearly number that meets the target."))
    }
    h.table(
      headers: [l("Lever"), l("Needed per year"), l("Share of replications meeting the target"), l("With one less")],
      rows: solutions.map { s in
        [l(s.lever.unit), s.value.map { F.fixed($0, decimals: s.lever == .fteIncrease ? 2 : 0) } ?? l("not reachable"),
         F.percent(s.shareMeeting), F.percent(s.shareMeetingOneLess)]
      })
    return h.render()
  }
}
