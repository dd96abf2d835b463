import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PanelPlan

/// Parses SVG as XML and collects every element with its attributes.
final class SVGElements: NSObject, XMLParserDelegate {
  var elements: [(name: String, attributes: [String: String])] = []
  var error: Error?

  static func parse(_ svg: String) -> SVGElements {
    let e = SVGElements()
    let p = XMLParser(data: Data(svg.utf8))
    p.delegate = e
    if !p.parse() { e.error = p.parserError ?? NSError(domain: "svg", code: 1) }
    return e
  }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    elements.append((name, attributes))
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

  func marks(_ cssClass: String) -> [[String: String]] {
    elements.filter { $0.attributes["class"] == cssClass }.map(\.attributes)
  }
}

extension Dictionary where Key == String, Value == String {
  func number(_ k: String) -> Double { Double(self[k] ?? "") ?? .nan }
}

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

  @Test func reportIsSelfContained() {
    let c = CentreCapacity(centre: ExampleCentre.make())
    for lang in ReportLanguage.allCases {
      let html = CapacityCharts.report(c, language: lang)
      #expect(html.hasPrefix("<!DOCTYPE html>"))
      #expect(!html.contains("<script"))
      #expect(!html.contains("src=\"http"))
      #expect(!html.contains("href=\"http"))
      #expect(html.contains("<svg"))
    }
    #expect(CapacityCharts.report(c, language: .sv).contains("Kvot mot riktvärdet"))
    // Each chart inside is valid XML on its own.
    #expect(SVGElements.parse(CapacityCharts.panels(c)).error == nil)
    #expect(SVGElements.parse(CapacityCharts.hours(c)).error == nil)
  }

  @Test func capacityChartMarksMatchTheData() {
    let c = CentreCapacity(centre: ExampleCentre.make())
    let doc = SVGElements.parse(CapacityCharts.panels(c))
    let guideline = doc.marks("bar").filter { $0["data-series"] == "Guideline panel" }
    #expect(guideline.count == c.doctors.count)
    for (bar, d) in zip(guideline, c.doctors) {
      #expect(bar["data-category"] == d.clinician.id)
      #expect(abs(bar.number("data-value") - d.guidelinePanel) < 1e-9)
    }
    #expect(doc.marks("reference").first?.number("data-value") == 1_100)
  }
}

struct StaffingChartsTests {
  @Test func projectionChartsMatchTheResult() {
    let projection = WorkforceProjection(regions: [ExampleRegion.make()], totalName: "Example")
    var settings = ProjectionSettings(years: 4)
    settings.plan = RecruitmentPlan(specialistHiring: .perYear(1))
    let r = projection.run(settings)
    let doc = SVGElements.parse(StaffingCharts.listedPerSpecialist(r))
    #expect(doc.error == nil)
    let points = doc.marks("point")
    #expect(points.count == r.years.count)
    for (p, y) in zip(points, r.years.indices) {
      #expect(abs(p.number("data-value") - r.total.band(.listedPerSpecialistFTE, yearIndex: y).mean) < 1e-6)
    }
    #expect(doc.marks("reference").first?.number("data-value") == 1_100)
    // The 1,100 line sits where the points' own scale puts 1,100: fit
    // y = a − k·v from the first and last point.
    let v0 = points[0].number("data-value"), v1 = points[points.count - 1].number("data-value")
    let y0 = points[0].number("cy"), y1 = points[points.count - 1].number("cy")
    if v0 != v1 {
      let k = (y0 - y1) / (v1 - v0)
      #expect(abs(doc.marks("reference")[0].number("y1") - (y0 - k * (1_100 - v0))) < 0.1)
    }
    let fte = SVGElements.parse(StaffingCharts.fteByRole(r))
    #expect(fte.error == nil)
    #expect(fte.marks("segment").count == 4 * r.years.count)
    let html = StaffingCharts.report(r, title: "Example", language: .sv)
    #expect(html.contains("Framskrivning") && !html.contains("<script"))
  }
}

struct SweepChartsTests {
  @Test func heatMapCellsAverageOverTheOtherParameters() throws {
    // Parameters a ∈ {1, 2}, b ∈ {10}, c ∈ {0, 1}; metric m = a + 100 c.
    // Cell (a, b) averages over c: (a + 0 + a + 100) / 2 = a + 50.
    var rows: [SweepRow] = []
    for a in [1.0, 2.0] {
      for c in [0.0, 1.0] {
        let m = a + 100 * c
        rows.append(SweepRow(point: rows.count, parameters: [.number(a), .number(10), .number(c)], metrics: [Summary(mean: m, p05: m, p50: m, p95: m)]))
      }
    }
    let column = try SweepColumn("m", parameters: ["a", "b", "c"], metrics: ["m"])
    let doc = SVGElements.parse(SweepCharts.heatMap(rows, parameterNames: ["a", "b", "c"], x: 0, y: 1, column: column))
    #expect(doc.error == nil)
    let cells = doc.marks("cell")
    #expect(cells.map { $0.number("data-value") } == [51, 52])
    #expect(cells.map { $0["data-x"] } == ["1", "2"])
  }
}

struct SimulationChartsTests {
  @Test func distributionsAndUtilisationMatchTheTallies() {
    var small = ExampleCentre.make()
    small.population.groups = small.population.groups.map { PatientGroup(profile: $0.profile, count: $0.count / 20) }
    let s = Replications.run(CentreSimulation(centre: small, parameters: .init()), count: 2, seed: 3, threads: 1)
    for r in s.results {
      // Every patient counted for COC lands in exactly one bin.
      #expect(r.tallies.cocHistogram[0].reduce(0, +) <= r.tallies.indexPatients[0])
      #expect(r.tallies.doctorSlotsUsed.reduce(0, +) == r.tallies.slotsUsed)
      #expect(r.tallies.doctorSlotsOffered.reduce(0, +) == r.tallies.slotsOffered)
      #expect(r.tallies.fixedShareHistogram[0].reduce(0, +) == r.tallies.fixedSharePatients[0])
    }
    let doc = SVGElements.parse(SimulationCharts.doctorUtilisation(s))
    #expect(doc.error == nil)
    let bars = doc.marks("bar")
    #expect(bars.count == s.results[0].tallies.doctorIds.count)
    let t0 = s.results[0].tallies, t1 = s.results[1].tallies
    let expected = (Double(t0.doctorSlotsUsed[0]) / Double(t0.doctorSlotsOffered[0]) + Double(t1.doctorSlotsUsed[0]) / Double(t1.doctorSlotsOffered[0])) / 2
    #expect(abs(bars[0].number("data-value") - expected) < 1e-9)
    let coc = SVGElements.parse(SimulationCharts.cocDistribution(s))
    let shares = coc.marks("bar").filter { $0["data-series"] == "doctor contacts" }.map { $0.number("data-value") }
    #expect(shares.count == SimulationTallies.indexBins)
    #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
  }
}

struct ContinuityChartsTests {
  @Test func histogramHoldsTheHandWorkedPatients() throws {
    // Examples/visits.csv (hand-worked in VisitContinuityAnalysisTests):
    // doctor COC per patient 0.5, 1 and 0 → one patient each in the bins
    // starting at 0.00, 0.50 and 0.95 (the last bin holds 1).
    let a = try VisitContinuityAnalysis.run(
      reader: VisitRecordReader(path: repositoryRoot + "/Examples/visits.csv", workers: 1), options: VisitContinuityOptions(),
      patientRecords: nil, skr: false, skrEndDay: nil)
    let doc = SVGElements.parse(ContinuityCharts.cocHistogram(a, scope: .doctor))
    #expect(doc.error == nil)
    let nonEmpty = doc.marks("bar").filter { $0.number("data-value") > 0 }
    let lower = nonEmpty.map { $0.number("data-lower") }
    #expect(lower.count == 3)
    for (x, want) in zip(lower, [0.0, 0.5, 0.95]) { #expect(abs(x - want) < 1e-9) }
    #expect(nonEmpty.allSatisfy { $0["data-value"] == "1" })
    let html = ContinuityCharts.report(a, file: "visits.csv", language: .sv)
    #expect(html.contains("Kontinuitet") && !html.contains("<script"))
  }
}
