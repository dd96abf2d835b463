import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

struct ChartsTests {
  @Test func barHeightsAreProportionalAndTheGuidelineLineSitsAt1100() {
    let svg = Charts.bars(
      title: "Panels & <capacity>", categories: ["a", "b", "c"],
      series: [ChartSeries("panel", values: [594, 990, 1_320])], yLabel: "Patients per doctor",
      references: [ReferenceLine("Guideline", value: 1_100)])
    let doc = SVGElements.parse(svg)
    #expect(doc.error == nil)
    let bars = doc.marks("bar")
    #expect(bars.count == 3)
    // y(v) = base − k·v: recover base and k from two bars, check the third
    // bar and the reference line against them.
    let v = bars.map { $0.number("data-value") }
    let top = bars.map { $0.number("y") }
    let h = bars.map { $0.number("height") }
    let k = h[0] / v[0]
    #expect(abs(h[1] / v[1] - k) < 0.01 * k)
    #expect(abs(h[2] / v[2] - k) < 0.01 * k)
    let base = top[0] + h[0]
    let ref = doc.marks("reference")
    #expect(ref.count == 1)
    #expect(ref[0]["data-value"] == "1100.0")
    #expect(abs(ref[0].number("y1") - (base - k * 1_100)) < 0.05)
    // Every mark is inside the canvas.
    #expect(top.allSatisfy { $0 >= 0 && $0 <= 340 })
  }

  @Test func stackedSegmentsStackWithoutGaps() {
    let svg = Charts.stackedBars(
      title: "Hours", categories: ["d1", "d2"],
      segments: [ChartSeries("vacation", values: [240, 120]), ChartSeries("patients", values: [1_367, 700]), ChartSeries("meetings", values: [121, 0])],
      yLabel: "Hours per year")
    let doc = SVGElements.parse(svg)
    #expect(doc.error == nil)
    let segs = doc.marks("segment")
    #expect(segs.count == 6)
    for cat in ["d1", "d2"] {
      let s = segs.filter { $0["data-category"] == cat }
      for i in 1..<s.count {
        // The next segment's bottom is the previous one's top.
        #expect(abs(s[i].number("y") + s[i].number("height") - s[i - 1].number("y")) < 0.02)
      }
      let k = s[0].number("height") / s[0].number("data-value")
      #expect(abs(s[1].number("height") / s[1].number("data-value") - k) < 0.01 * k)
    }
  }

  @Test func linesWithBandAndReference() {
    let svg = Charts.lines(
      title: "Listed per specialist", x: [2026, 2027, 2028],
      series: [ChartSeries("mean", values: [2_000, 1_600, 1_200], band: [(1_900, 2_100), (1_400, 1_800), (1_000, 1_400)])],
      xLabel: "Year", yLabel: "Listed per GP specialist FTE", references: [ReferenceLine("Guideline", value: 1_100)])
    let doc = SVGElements.parse(svg)
    #expect(doc.error == nil)
    #expect(doc.marks("band").count == 1)
    let pts = doc.marks("point")
    #expect(pts.count == 3)
    // Points fall as values fall (y grows downwards), equally spaced in x.
    #expect(pts[0].number("cy") < pts[1].number("cy") && pts[1].number("cy") < pts[2].number("cy"))
    #expect(abs((pts[1].number("cx") - pts[0].number("cx")) - (pts[2].number("cx") - pts[1].number("cx"))) < 0.02)
    // The reference at 1,100 is below the 1,200 point: further down the page.
    #expect(doc.marks("reference")[0].number("y1") > pts[2].number("cy"))
  }

  @Test func histogramCountsByHand() {
    // Bins of 0.25 on [0, 1]: 0.0, 0.1 → bin 0; 0.25 → bin 1; 0.6 → bin 2;
    // 0.75, 1.0 → bin 3 (the last bin includes 1); −0.1 and NaN left out.
    let counts = Charts.histogramCounts([0, 0.1, 0.25, 0.6, 0.75, 1, -0.1, .nan], bins: 4, lower: 0, upper: 1)
    #expect(counts == [2, 1, 1, 2])
    let doc = SVGElements.parse(Charts.histogram(title: "COC", values: [0, 0.1, 0.25, 0.6], bins: 4, lower: 0, upper: 1, xLabel: "COC"))
    #expect(doc.error == nil)
    #expect(doc.marks("bar").map { $0["data-value"] } == ["2", "1", "1", "0"])
  }

  @Test func heatMapCellsAndLightnessOrder() {
    let svg = Charts.heatMap(
      title: "COC", xLabels: ["4", "5"], yLabels: ["1", "2", "3"], values: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
      xLabel: "Specialists", yLabel: "Trainees", valueLabel: "COC")
    let doc = SVGElements.parse(svg)
    #expect(doc.error == nil)
    let cells = doc.marks("cell")
    #expect(cells.count == 6)
    // Higher values are lighter (sequential palette, monotone lightness).
    func luminance(_ hex: String) -> Double {
      let v = Int(hex.dropFirst(), radix: 16) ?? 0
      return 0.2126 * Double(v >> 16) + 0.7152 * Double((v >> 8) & 255) + 0.0722 * Double(v & 255)
    }
    let sorted = cells.sorted { $0.number("data-value") < $1.number("data-value") }.map { luminance($0["fill"] ?? "") }
    #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 < $1 })
  }

  @Test func scatterHighlightsTheFront() {
    let doc = SVGElements.parse(Charts.scatter(
      title: "Pareto", points: [(1, 1, "a"), (2, 3, "b"), (3, 2, "c")], highlighted: [1, 2], xLabel: "x", yLabel: "y"))
    #expect(doc.error == nil)
    #expect(doc.marks("front").count == 2)
    #expect(doc.marks("point").count == 1)
  }
}

