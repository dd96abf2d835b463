/// Charts and the HTML report for continuity computed from visit records.
public enum ContinuityCharts {
  /// Values of one index over the patients who count in a scope.
  static func values(_ a: VisitContinuityAnalysis, _ scope: ContinuityScope, _ index: KeyPath<ContinuityIndices, Double?>) -> [Double] {
    var out: [Double] = []
    for i in 0..<a.hasFixedDoctor.count where a.counts(i, scope) {
      if let v = a.indices(i, scope)[keyPath: index] { out.append(v) }
    }
    return out
  }

  /// The distribution of COC over patients, in one scope (20 bins of 0.05).
  public static func cocHistogram(_ a: VisitContinuityAnalysis, scope: ContinuityScope, language l: ReportLanguage = .en) -> String {
    Charts.histogram(
      title: l("Continuity index (COC)") + " – " + l(scope == .doctor ? "doctor contacts" : "all contacts"),
      values: values(a, scope, \.coc), bins: 20, lower: 0, upper: 1, xLabel: "COC (0–1)", yLabel: l("Patients"),
      format: { NumberFormat.fixed($0, decimals: 2) })
  }

  /// The distribution of the share of visits with the fixed doctor.
  public static func fixedDoctorShareHistogram(_ a: VisitContinuityAnalysis, language l: ReportLanguage = .en) -> String {
    Charts.histogram(
      title: l("Visits with the fixed doctor"), values: values(a, .doctor, \.fixedDoctorShare), bins: 10, lower: 0, upper: 1,
      xLabel: l("Share of doctor visits with the fixed doctor"), yLabel: l("Patients"), format: { NumberFormat.percent($0, decimals: 0) })
  }

  /// Mean COC per group of one grouping, doctors only and all contacts.
  public static func cocByGroup(_ groups: [VisitContinuityAnalysis.GroupSummary], grouping: String, language l: ReportLanguage = .en) -> String? {
    let g = groups.filter { $0.grouping == grouping && ($0.doctor.coc != nil || $0.all.coc != nil) }
    guard !g.isEmpty else { return nil }
    return Charts.bars(
      title: l("Mean COC by") + " " + l(grouping.replacingOccurrences(of: "_", with: " ")),
      categories: g.map(\.group),
      series: [
        ChartSeries(l("doctor contacts"), values: g.map { $0.doctor.coc?.mean ?? 0 }),
        ChartSeries(l("all contacts"), values: g.map { $0.all.coc?.mean ?? 0 }),
      ],
      yLabel: "COC", format: { NumberFormat.fixed($0, decimals: 2) })
  }

  /// The continuity report: key numbers, distributions, groups and tables.
  public static func report(_ a: VisitContinuityAnalysis, file: String, language l: ReportLanguage = .en) -> String {
    typealias F = NumberFormat
    let groups = a.summaries()
    var h = HTMLReport(title: l("Continuity") + ": \(file)", language: l)
    let all = groups.first { $0.grouping == "all" }
    func mean(_ d: IndexDistribution?) -> String { d.map { F.fixed($0.mean, decimals: 2) } ?? "–" }
    h.keyNumbers([
      (l("Continuity index (COC)") + ", " + l("doctor contacts"), mean(all?.doctor.coc), l("mean over patients")),
      (l("Continuity index (COC)") + ", " + l("all contacts"), mean(all?.all.coc), l("mean over patients")),
      (l("Visits with the fixed doctor"), all?.doctor.fixedDoctorShare.map { F.percent($0.mean) } ?? "–", l("doctor contacts")),
      (l("Patients"), F.grouped(Double(all?.doctor.patients ?? 0)), "\(F.grouped(Double(a.countedVisits))) " + l("visits")),
    ])
    h.inputs([
      (l("Input"), file), (l("Rows read"), F.grouped(Double(a.scan.rows))), (l("Rows skipped"), F.grouped(Double(a.scan.skippedRows))),
      (l("Minimum visits"), "\(a.minVisits)"),
    ])
    h.heading(l("Continuity"))
    h.figure(cocHistogram(a, scope: .doctor, language: l), caption: l("COC = (Σ n_j² − N) / (N (N − 1)) per patient (Bice–Boxerman)."))
    h.figure(cocHistogram(a, scope: .all, language: l), caption: l("All contacts: every profession."))
    h.figure(fixedDoctorShareHistogram(a, language: l), caption: l("Patients who have a fixed doctor."))
    for grouping in ["unit", "priority_group", "age_band"] {
      if let chart = cocByGroup(groups, grouping: grouping, language: l) { h.figure(chart, caption: l("Mean over patients in each group.")) }
    }
    h.table(
      headers: [l("Grouping"), l("Group"), l("Patients"), "COC " + l("doctor contacts"), "COC " + l("all contacts"), "UPC", "SECON", l("Visits with the fixed doctor")],
      rows: groups.map { g in
        [Terms.label(g.grouping, l), g.group, "\(g.doctor.patients)", mean(g.doctor.coc), mean(g.all.coc), mean(g.doctor.upc), mean(g.doctor.secon),
         g.doctor.fixedDoctorShare.map { F.percent($0.mean) } ?? "–"]
      })
    return h.render()
  }
}
