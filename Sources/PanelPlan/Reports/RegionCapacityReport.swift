import Foundation

extension Verdicts {
  /// `capacity REGION.json`: how far the region is from the guideline, the
  /// specialists that would close the centres' gaps, where the gap is
  /// largest, and the next step.
  public static func regionCapacity(_ c: RegionCapacity) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    let t = c.total
    let short = c.rows.filter { $0.centre.specialistFTEGap > 0.05 }
    guard t.guidelineRatio.isFinite, let worst = short.first else {
      return sv
        ? "Alla \(c.rows.count) vårdcentraler ligger inom riktvärdet (kvot \(F.fixed(t.guidelineRatio, decimals: 2))). Prova `panelplan project` för att se hur det håller över åren.\n"
        : "All \(c.rows.count) care centres are within the guideline (ratio \(F.fixed(t.guidelineRatio, decimals: 2))). Try `panelplan project` to see whether it lasts.\n"
    }
    let fte = F.fixed(t.specialistFTEGap, decimals: 0)
    return sv
      ? "\(short.count) av \(c.rows.count) vårdcentraler har fler listade än läkarna kan vara fast läkarkontakt för enligt riktvärdet (kvot \(F.fixed(t.guidelineRatio, decimals: 2)) för hela underlaget); ungefär \(fte) fler heltidsspecialister i allmänmedicin skulle sluta gapen, flest på \(worst.centre.centreName) (\(F.fixed(worst.centre.specialistFTEGap, decimals: 1))). Prova `panelplan recruit` för att se vad som behövs år för år.\n"
      : "\(short.count) of \(c.rows.count) care centres list more than their doctors can hold by the guideline (ratio \(F.fixed(t.guidelineRatio, decimals: 2)) over all); about \(fte) more full-time GP specialists would close the gaps, most at \(worst.centre.centreName) (\(F.fixed(worst.centre.specialistFTEGap, decimals: 1))). Try `panelplan recruit` to see what it takes year by year.\n"
  }
}

/// The report of `capacity REGION.json`: key numbers, the centres ranked
/// by their specialist FTE gap as horizontal bars (legible at 40 centres
/// and more: one line each, the name beside its bar), and the table.
public enum RegionCapacityReport {
  public static func html(_ c: RegionCapacity, language l: ReportLanguage) -> String {
    var h = HTMLReport(title: c.name + ": " + l("GP specialist FTE missing per care centre"), language: l)
    let t = c.total
    h.keyNumbers([
      (l("Care centres"), NumberFormat.grouped(Double(c.rows.count)), nil),
      (l("Listed people"), NumberFormat.grouped(Double(t.listed)), nil),
      (l("Guideline ratio"), NumberFormat.fixed(t.guidelineRatio, decimals: 2), l("At most 1.00 meets the guideline.")),
      (l("GP specialist FTE missing"), NumberFormat.fixed(t.specialistFTEGap, decimals: 1), l("the sum of the centres' gaps")),
    ])
    h.figure(bars(c, l), caption: l("Full-time GP specialists missing to reach Socialstyrelsen's guideline (1,100 average-need patients per full-time specialist), largest first; centres without a gap are not drawn."))
    h.heading(l("Care centres"))
    let F = NumberFormat.self
    var rows = c.rows.map { r -> [String] in
      let x = r.centre
      return [x.centreName, F.grouped(Double(x.listedCount)), F.grouped(x.weightedListed), F.grouped(x.guidelineCapacity),
              F.fixed(x.guidelineRatio, decimals: 2), F.fixed(x.specialistFTE, decimals: 1), F.fixed(x.specialistFTEGap, decimals: 1)]
    }
    rows.append([l("Total"), F.grouped(Double(t.listed)), F.grouped(t.weightedListed), F.grouped(t.guidelineCapacity),
                 F.fixed(t.guidelineRatio, decimals: 2), F.fixed(t.specialistFTE, decimals: 1), F.fixed(t.specialistFTEGap, decimals: 1)])
    h.table(headers: [l("Care centre"), l("Listed"), l("Need-weighted patients"), l("Capacity (need-weighted patients)"),
                      l("Guideline ratio"), l("Specialist FTE"), l("GP specialist FTE missing")], rows: rows)
    return h.render()
  }

  /// One bar per centre with a gap, its name left of the bar and the gap
  /// at its end; the height grows with the centres, so none is squeezed.
  static func bars(_ c: RegionCapacity, _ l: ReportLanguage) -> String {
    let rows = c.rows.filter { $0.centre.specialistFTEGap > 0 }
    let maxGap = rows.map(\.centre.specialistFTEGap).max() ?? 1
    let barHeight = 18, labelWidth = 260, width = 760
    let height = max(1, rows.count) * barHeight + 20
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">"
    svg += "<title>\(SVGCanvas.escape(l("GP specialist FTE missing per care centre")))</title>"
    for (i, r) in rows.enumerated() {
      let y = i * barHeight + 10
      let w = Int(r.centre.specialistFTEGap / maxGap * Double(width - labelWidth - 60))
      svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(SVGCanvas.escape(r.centre.centreName))</text>"
      svg += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(barHeight - 4)\" fill=\"\(ChartStyle.colour(0))\" data-value=\"\(r.centre.specialistFTEGap)\"/>"
      svg += "<text x=\"\(labelWidth + w + 4)\" y=\"\(y + 13)\">\(NumberFormat.fixed(r.centre.specialistFTEGap, decimals: 1))</text>"
    }
    return svg + "</svg>"
  }
}

extension Terms {
  /// Swedish of the region capacity table and report.
  static let regionSwedish: [String: String] = [
    "GP specialist FTE missing per care centre": "Saknade heltidsspecialister per vårdcentral",
    "the sum of the centres' gaps": "summan av vårdcentralernas gap",
    "Full-time GP specialists missing to reach Socialstyrelsen's guideline (1,100 average-need patients per full-time specialist), largest first; centres without a gap are not drawn.":
      "Heltidsspecialister i allmänmedicin som saknas för att nå Socialstyrelsens riktvärde (1 100 patienter med genomsnittligt vårdbehov per heltidsspecialist), störst först; vårdcentraler utan gap visas inte.",
    "Specialist FTE": "Specialister (heltid)", "Centre": "Vårdcentral", "Region": "Region", "Weighted": "Vårdtyngdsviktade",
    "Guideline cap.": "Kapacitet, riktvärde", "Working-time cap.": "Kapacitet, arbetstid", "Ratio (guideline)": "Kvot (riktvärde)",
    "doctors, by share of slots used": "läkare, efter andel använda tider",
    "Ratio (working time)": "Kvot (arbetstid)", "FTE gap": "Gap (heltid)", "FTE gap (working time)": "Gap (heltid, arbetstid)",
  ]
}
