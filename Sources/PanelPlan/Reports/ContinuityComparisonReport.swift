import Foundation

/// The comparison part of a continuity report (`--compare-from`,
/// `--compare-to`, `--compare-file`): baseline, current and change per group,
/// scope and index, against the 2021 agreement's target of +20%.
public enum ContinuityComparisonReport {
  /// The section as HTML, to be inserted in the continuity report.
  public static func section(_ changes: [ContinuityReport.Change], baselineTitle: String, currentTitle: String,
                             language l: ReportLanguage) -> String {
    var h = HTMLReport(title: "", language: l)
    h.heading(l("Change from the baseline"))
    h.paragraph(l("Baseline") + ": " + baselineTitle + ". " + l("Current") + ": " + currentTitle + ".")
    h.paragraph(l("Means over patients; the change is relative. The 2021 agreement's target is a 20% rise in the continuity index."))
    let overall = changes.filter { $0.grouping == "all" && $0.index == "coc" }
    if !overall.isEmpty {
      let cats = overall.map { l($0.scope == "doctor" ? "doctor contacts" : "all contacts") }
      h.figure(
        Charts.bars(
          title: l("Continuity index (COC)") + ": " + l("baseline and current"), categories: cats,
          series: [ChartSeries(l("Baseline"), values: overall.map { $0.baselineMean ?? .nan }),
                   ChartSeries(l("Current"), values: overall.map { $0.currentMean ?? .nan })],
          yLabel: "COC", format: { NumberFormat.fixed($0, decimals: 2) }),
        caption: l("Mean over patients with at least the minimum visits."))
    }
    h.table(
      headers: [l("Grouping"), l("Group"), l("Scope"), l("Index"), l("Baseline"), l("Current"), l("Change")],
      rows: changes.map { c in
        [Terms.label(c.grouping, l), c.group, l(c.scope == "doctor" ? "doctor contacts" : "all contacts"), Terms.label(c.index, l),
         c.baselineMean.map { NumberFormat.fixed($0, decimals: 3) } ?? "–", c.currentMean.map { NumberFormat.fixed($0, decimals: 3) } ?? "–",
         c.relativeChange.map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? "–"]
      })
    return h.body
  }

  /// `html` with the section inserted after its key numbers (before the
  /// first chart heading), so the change is read first.
  public static func inserting(_ section: String, into html: String) -> String {
    if let r = html.range(of: "</section>") { return html.replacingCharacters(in: r.upperBound..<r.upperBound, with: "\n" + section) }
    guard let f = html.range(of: "<footer>", options: .backwards) else { return html + section }
    return html.replacingCharacters(in: f.lowerBound..<f.lowerBound, with: section + "\n")
  }
}
