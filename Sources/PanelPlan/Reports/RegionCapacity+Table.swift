import Foundation

extension RegionCapacity {
  /// A readable table, largest gap first, with a bar per gap (the
  /// "map-like" ranking the issue asks for, in text).
  public func table() -> String {
    var t = TextTable(headers: [
      "Centre", "Region", "Listed", "Weighted", "Guideline cap.", "Working-time cap.", "Ratio (guideline)",
      "Ratio (working time)", "Specialist FTE", "FTE gap", "FTE gap (working time)", "",
    ])
    t.alignments[1] = .left
    t.alignments[11] = .left
    let maxGap = rows.map(\.centre.specialistFTEGap).max() ?? 0
    for r in rows {
      let c = r.centre
      let bar = maxGap > 0 ? String(repeating: "#", count: Int((c.specialistFTEGap / maxGap * 20).rounded())) : ""
      t.append([
        c.centreName, r.region, NumberFormat.grouped(Double(c.listedCount)), NumberFormat.grouped(c.weightedListed),
        NumberFormat.grouped(c.guidelineCapacity), NumberFormat.grouped(c.workingTimeCapacity),
        NumberFormat.fixed(c.guidelineRatio, decimals: 2), NumberFormat.fixed(c.workingTimeRatio, decimals: 2),
        NumberFormat.fixed(c.specialistFTE, decimals: 1), NumberFormat.fixed(c.specialistFTEGap, decimals: 1),
        NumberFormat.fixed(c.specialistFTEGapWorkingTime, decimals: 1), bar,
      ])
    }
    let x = total
    t.append([
      "Total", name, NumberFormat.grouped(Double(x.listed)), NumberFormat.grouped(x.weightedListed),
      NumberFormat.grouped(x.guidelineCapacity), NumberFormat.grouped(x.workingTimeCapacity),
      NumberFormat.fixed(x.guidelineRatio, decimals: 2), NumberFormat.fixed(x.workingTimeRatio, decimals: 2),
      NumberFormat.fixed(x.specialistFTE, decimals: 1), NumberFormat.fixed(x.specialistFTEGap, decimals: 1),
      NumberFormat.fixed(x.specialistFTEGapWorkingTime, decimals: 1), "",
    ])
    let title = ReportLanguage.current == .sv
      ? "\(name): kapacitet per vårdcentral, störst gap mot riktvärdet först (kapacitet i patienter med genomsnittligt vårdbehov; "
        + "det totala gapet är summan av vårdcentralernas gap)"
      : "\(name): capacity per centre, largest guideline FTE gap first (capacities in average-need patients; "
        + "the total gap is the sum of centres' gaps)"
    return title + "\n\n" + t.render()
  }
}
