/// The report of `panelplan recruit --when`: the year the given plan first
/// meets the target, and the share of replications meeting it each year.
public enum RecruitWhenReport {
  public static func report(_ m: RecruitmentSolver.YearMet, target: StaffingTarget, title: String, replications: Int,
                            language l: ReportLanguage = .en) -> String {
    var h = HTMLReport(title: l("Recruitment") + ": " + title, language: l)
    let met = m.year.map { String($0) } ?? l("not reachable")
    h.keyNumbers([(l("Year the target is first met"), met, target.localizedLabel)])
    h.paragraph(m.year == nil
      ? l("The plan does not meet the target within the horizon: try \"panelplan recruit\" without --when to find the hires needed.")
      : l("The plan as given (hires, trainees, FTE changes) meets the target in this year in enough replications."))
    let years = m.shareMeetingByYear.map { Double($0.year) }
    h.figure(
      Charts.lines(
        title: l("Share of replications meeting the target"), x: years,
        series: [ChartSeries(l("Share of replications meeting the target"), values: m.shareMeetingByYear.map(\.share))],
        xLabel: l("Year"), yLabel: l("Share of replications meeting the target"),
        references: [ReferenceLine(l("Target"), value: 1)], format: { NumberFormat.percent($0, decimals: 0) }),
      caption: l("Each year: the share of replications whose projection meets the target."))
    h.table(headers: [l("Year"), l("Share of replications meeting the target")],
            rows: m.shareMeetingByYear.map { [String($0.year), NumberFormat.percent($0.share, decimals: 0)] })
    h.inputs([(l("Target"), target.localizedLabel), (l("Replications"), "\(replications)")])
    return h.render()
  }
}
