import Foundation

/// A horizontal reference line, e.g. the guideline's 1,100 or a 55% target.
public struct ReferenceLine: Sendable {
  public var label: String
  public var value: Double
  public init(_ label: String, value: Double) {
    self.label = label
    self.value = value
  }
}

/// A named series of values.
public struct ChartSeries: Sendable {
  public var name: String
  public var values: [Double]
  /// Optional uncertainty band per value (e.g. 5–95%), for line charts.
  public var band: [(lower: Double, upper: Double)]?
  public init(_ name: String, values: [Double], band: [(lower: Double, upper: Double)]? = nil) {
    self.name = name
    self.values = values
    self.band = band
  }
}

/// The frame every chart shares: size fitting an A4 page, margins, title,
/// a y axis with ticks, grid and a label with its unit.
struct ChartFrame {
  static let width = 680.0
  var height = 340.0
  var left = 70.0, right = 20.0, top = 40.0, bottom = 60.0
  /// Category labels written vertically: too many categories for their
  /// labels to sit side by side (40 doctors in a 610-pixel plot).
  var verticalLabels = false

  /// Room under the plot for `categories`' labels, and whether they must
  /// stand vertically so that 40 doctors or units stay legible.
  mutating func fitCategoryLabels(_ categories: [String]) {
    let longest = Double(categories.map(\.count).max() ?? 0)
    let slot = (Self.width - left - right) / Double(max(1, categories.count))
    if slot < longest * 6 + 4 && categories.count > 8 {
      verticalLabels = true
      height += max(0, longest * 6 + 20 - bottom)
      bottom = max(bottom, longest * 6 + 20)
    } else {
      bottom = categories.contains { $0.count > 8 } ? 90 : 60
    }
  }
  var plotLeft: Double { left }
  var plotRight: Double { Self.width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }

  func canvas(title: String) -> SVGCanvas {
    var c = SVGCanvas(width: Self.width, height: height)
    c.text(title, x: Self.width / 2, y: 20, anchor: .middle, size: 14, weight: "bold", cssClass: "chart-title")
    return c
  }

  /// Draws the y axis for `values` and returns its scale.
  func yAxis(_ c: inout SVGCanvas, values: [Double], label: String, format: (Double) -> String, fromZero: Bool = true, integerSteps: Bool = false) -> LinearScale {
    let d = LinearScale.niceDomain(including: values, fromZero: fromZero, integerSteps: integerSteps)
    let s = LinearScale(domain: (d.lower, d.upper), range: (plotBottom, plotTop))
    for t in d.ticks {
      let y = s(t)
      c.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: "#e0e0e0", cssClass: "grid")
      c.text(format(t), x: plotLeft - 6, y: y + 4, anchor: .end, size: 10, cssClass: "tick")
    }
    c.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: "#444", cssClass: "axis")
    c.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#444", cssClass: "axis")
    let mid = (plotTop + plotBottom) / 2
    c.text(label, x: 16, y: mid, anchor: .middle, size: 11, rotate: -90, cssClass: "axis-label")
    return s
  }

  func xLabel(_ c: inout SVGCanvas, _ label: String) {
    c.text(label, x: (plotLeft + plotRight) / 2, y: height - 8, anchor: .middle, size: 11, cssClass: "axis-label")
  }

  func references(_ c: inout SVGCanvas, _ lines: [ReferenceLine], scale s: LinearScale, format: (Double) -> String) {
    for r in lines {
      let y = s(r.value)
      c.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: ChartStyle.reference, width: 1.5, dash: "10 4",
             cssClass: "reference", data: [("value", "\(r.value)"), ("label", r.label)])
      // A label that already names its value ("Target 55%") is not repeated.
      let text = r.label.contains(where: \.isNumber) ? r.label : "\(r.label) (\(format(r.value)))"
      c.text(text, x: plotRight - 4, y: y - 4, anchor: .end, size: 10, fill: ChartStyle.reference, cssClass: "reference-label")
    }
  }

  /// A category under the x axis; slanted when the frame left room for
  /// long labels.
  func categoryLabel(_ c: inout SVGCanvas, _ text: String, x: Double) {
    if verticalLabels {
      c.text(text, x: x + 3, y: plotBottom + 8, anchor: .end, size: 9, rotate: -90, cssClass: "category")
    } else if bottom > 60 {
      c.text(text, x: x, y: plotBottom + 12, anchor: .end, size: 10, rotate: -35, cssClass: "category")
    } else {
      c.text(text, x: x, y: plotBottom + 16, anchor: .middle, size: 10, cssClass: "category")
    }
  }

  func legend(_ c: inout SVGCanvas, _ names: [String]) {
    guard names.count > 1 else { return }
    var x = plotLeft
    for (i, name) in names.enumerated() {
      c.rect(x: x, y: 28, width: 10, height: 10, fill: ChartStyle.colour(i), cssClass: "legend-key")
      c.text(name, x: x + 14, y: 37, size: 10, cssClass: "legend")
      x += 24 + Double(name.count) * 5.6
    }
  }
}

/// The charts PanelPlan writes, as standalone SVG documents.
///
/// Every mark carries its value in a `data-value` attribute and a class
/// (`bar`, `segment`, `reference`, `series`, `band`, `cell`, `point`,
/// `front`), so tests can check marks against the data.
public enum Charts {
  /// Grouped vertical bars per category, with optional reference lines.
  public static func bars(
    title: String, categories: [String], series: [ChartSeries], yLabel: String,
    references: [ReferenceLine] = [], format: @escaping (Double) -> String = { NumberFormat.grouped($0) }
  ) -> String {
    var f = ChartFrame()
    f.fitCategoryLabels(categories)
    f.top = series.count > 1 ? 50 : 40
    var c = f.canvas(title: title)
    f.legend(&c, series.map(\.name))
    let s = f.yAxis(&c, values: series.flatMap(\.values) + references.map(\.value), label: yLabel, format: format)
    let slot = (f.plotRight - f.plotLeft) / Double(max(1, categories.count))
    let barWidth = slot * 0.8 / Double(max(1, series.count))
    for (ci, cat) in categories.enumerated() {
      let x0 = f.plotLeft + slot * Double(ci) + slot * 0.1
      for (si, ser) in series.enumerated() where ci < ser.values.count {
        let v = ser.values[ci]
        let y = s(max(v, 0)), y0 = s(min(v, 0))
        c.rect(x: x0 + barWidth * Double(si), y: y, width: barWidth - 1, height: y0 - y, fill: ChartStyle.colour(si),
               cssClass: "bar", data: [("series", ser.name), ("category", cat), ("value", "\(v)")], title: "\(cat), \(ser.name): \(format(v))")
      }
      f.categoryLabel(&c, cat, x: f.plotLeft + slot * (Double(ci) + 0.5))
    }
    f.references(&c, references, scale: s, format: format)
    return c.render(title: title)
  }

  /// Stacked vertical bars: one bar per category, one segment per series.
  public static func stackedBars(
    title: String, categories: [String], segments: [ChartSeries], yLabel: String,
    format: @escaping (Double) -> String = { NumberFormat.grouped($0) }
  ) -> String {
    var f = ChartFrame()
    f.height = 380
    let legendWidth = segments.reduce(0) { $0 + 24 + Double($1.name.count) * 5.6 }
    f.top = 44 + 14 * (legendWidth / (ChartFrame.width - 90)).rounded(.down)
    f.fitCategoryLabels(categories)
    var c = f.canvas(title: title)
    // Legend entries flow left to right and wrap, so long lists fit.
    var lx = f.plotLeft, ly = 30.0
    for (i, seg) in segments.enumerated() {
      let w = 24 + Double(seg.name.count) * 5.6
      if lx + w > f.plotRight && lx > f.plotLeft { lx = f.plotLeft; ly += 14 }
      c.rect(x: lx, y: ly, width: 10, height: 10, fill: ChartStyle.colour(i), cssClass: "legend-key")
      c.text(seg.name, x: lx + 14, y: ly + 9, size: 10, cssClass: "legend")
      lx += w
    }
    let totals = categories.indices.map { ci in segments.reduce(0) { $0 + (ci < $1.values.count ? max(0, $1.values[ci]) : 0) } }
    let s = f.yAxis(&c, values: totals, label: yLabel, format: format)
    let slot = (f.plotRight - f.plotLeft) / Double(max(1, categories.count))
    for (ci, cat) in categories.enumerated() {
      let x = f.plotLeft + slot * Double(ci) + slot * 0.15
      var acc = 0.0
      for (si, seg) in segments.enumerated() where ci < seg.values.count {
        let v = max(0, seg.values[ci])
        let yTop = s(acc + v), yBottom = s(acc)
        c.rect(x: x, y: yTop, width: slot * 0.7, height: yBottom - yTop, fill: ChartStyle.colour(si), stroke: "#ffffff",
               cssClass: "segment", data: [("series", seg.name), ("category", cat), ("value", "\(v)")], title: "\(cat), \(seg.name): \(format(v))")
        acc += v
      }
      f.categoryLabel(&c, cat, x: f.plotLeft + slot * (Double(ci) + 0.5))
    }
    return c.render(title: title)
  }

  /// Lines over a numeric x axis (years), each with an optional band
  /// (a fan chart of e.g. the 5–95% range), and reference lines.
  public static func lines(
    title: String, x: [Double], series: [ChartSeries], xLabel: String, yLabel: String,
    references: [ReferenceLine] = [], format: @escaping (Double) -> String = { NumberFormat.grouped($0) },
    xFormat: @escaping (Double) -> String = { NumberFormat.fixed($0, decimals: 0) }
  ) -> String {
    var f = ChartFrame()
    f.top = series.count > 1 ? 50 : 40
    var c = f.canvas(title: title)
    f.legend(&c, series.map(\.name))
    var all = series.flatMap(\.values) + references.map(\.value)
    for s in series { if let b = s.band { all += b.flatMap { [$0.lower, $0.upper] } } }
    let sy = f.yAxis(&c, values: all, label: yLabel, format: format)
    let xs = LinearScale(domain: (x.min() ?? 0, x.max() ?? 1), range: (f.plotLeft + 10, f.plotRight - 10))
    let tickStep = max(1, x.count / 10)
    for (i, v) in x.enumerated() where i % tickStep == 0 || i == x.count - 1 {
      c.text(xFormat(v), x: xs(v), y: f.plotBottom + 16, anchor: .middle, size: 10, cssClass: "tick")
    }
    for (si, ser) in series.enumerated() {
      if let band = ser.band, band.count == x.count {
        let upper = zip(x, band).map { (xs($0), sy($1.upper)) }
        let lower = zip(x, band).map { (xs($0), sy($1.lower)) }.reversed()
        c.polygon(upper + lower, fill: ChartStyle.colour(si), opacity: 0.25, cssClass: "band")
      }
      let pts = zip(x, ser.values).map { (xs($0), sy($1)) }
      c.polyline(pts, stroke: ChartStyle.colour(si), width: 2.5, dash: si % 2 == 1 ? "5 2" : nil, cssClass: "series", data: [("series", ser.name)])
      for (xv, v) in zip(x, ser.values) {
        c.circle(cx: xs(xv), cy: sy(v), r: 3, fill: ChartStyle.colour(si), cssClass: "point",
                 data: [("series", ser.name), ("x", "\(xv)"), ("value", "\(v)")], title: "\(ser.name) \(xFormat(xv)): \(format(v))")
      }
    }
    f.references(&c, references, scale: sy, format: format)
    f.xLabel(&c, xLabel)
    return c.render(title: title)
  }

  /// A histogram of `values` over equal bins on [lower, upper].
  public static func histogram(
    title: String, values: [Double], bins: Int, lower: Double, upper: Double, xLabel: String,
    yLabel: String = "Patients", format: @escaping (Double) -> String = { NumberFormat.fixed($0, decimals: 1) }
  ) -> String {
    let counts = histogramCounts(values, bins: bins, lower: lower, upper: upper)
    var f = ChartFrame()
    var c = f.canvas(title: title)
    f.bottom = 60
    let s = f.yAxis(&c, values: counts.map(Double.init), label: yLabel, format: { NumberFormat.grouped($0) }, integerSteps: true)
    let xs = LinearScale(domain: (lower, upper), range: (f.plotLeft, f.plotRight))
    let w = (upper - lower) / Double(bins)
    for (i, n) in counts.enumerated() {
      let a = lower + Double(i) * w
      let y = s(Double(n))
      c.rect(x: xs(a), y: y, width: xs(a + w) - xs(a) - 1, height: f.plotBottom - y, fill: ChartStyle.colour(0),
             cssClass: "bar", data: [("lower", "\(a)"), ("value", "\(n)")], title: "\(format(a))–\(format(a + w)): \(n)")
    }
    for i in 0...min(bins, 10) {
      let v = lower + (upper - lower) * Double(i) / Double(min(bins, 10))
      c.text(format(v), x: xs(v), y: f.plotBottom + 16, anchor: .middle, size: 10, cssClass: "tick")
    }
    f.xLabel(&c, xLabel)
    return c.render(title: title)
  }

  /// Counts of values per bin; the last bin includes `upper`; values
  /// outside [lower, upper] and NaN are left out.
  public static func histogramCounts(_ values: [Double], bins: Int, lower: Double, upper: Double) -> [Int] {
    precondition(bins > 0 && upper > lower, "a histogram needs bins > 0 and upper > lower")
    var counts = [Int](repeating: 0, count: bins)
    let w = (upper - lower) / Double(bins)
    for v in values where v >= lower && v <= upper {
      counts[min(bins - 1, Int((v - lower) / w))] += 1
    }
    return counts
  }

  /// A heat map: one cell per (x, y) pair, colour by value. Colours run
  /// from bad (dark) to good (light) in every report: with `lowerIsBetter`
  /// the scale is flipped, so a light cell is always the better one.
  public static func heatMap(
    title: String, xLabels: [String], yLabels: [String], values: [[Double]], xLabel: String, yLabel: String,
    valueLabel: String, lowerIsBetter: Bool = false, format: @escaping (Double) -> String = { NumberFormat.fixed($0, decimals: 2) }
  ) -> String {
    var f = ChartFrame()
    f.height = min(560, 120 + 28 * Double(yLabels.count))
    f.left = 90
    f.right = 90
    var c = f.canvas(title: title)
    let flat = values.flatMap { $0 }.filter(\.isFinite)
    let lo = flat.min() ?? 0, hi = flat.max() ?? 1
    let cw = (f.plotRight - f.plotLeft) / Double(max(1, xLabels.count))
    let ch = (f.plotBottom - f.plotTop) / Double(max(1, yLabels.count))
    for (yi, yl) in yLabels.enumerated() {
      let y = f.plotBottom - ch * Double(yi + 1)
      c.text(yl, x: f.plotLeft - 6, y: y + ch / 2 + 4, anchor: .end, size: 10, cssClass: "tick")
      for (xi, xl) in xLabels.enumerated() where yi < values.count && xi < values[yi].count {
        let v = values[yi][xi]
        let raw = hi > lo ? (v - lo) / (hi - lo) : 0.5
        let t = lowerIsBetter ? 1 - raw : raw
        let fill = v.isFinite ? ChartStyle.sequentialColour(t) : "#dddddd"
        c.rect(x: f.plotLeft + cw * Double(xi), y: y, width: cw - 1, height: ch - 1, fill: fill, cssClass: "cell",
               data: [("x", xl), ("y", yl), ("value", "\(v)")], title: "\(xl), \(yl): \(format(v))")
        if cw > 34 && ch > 14 {
          c.text(format(v), x: f.plotLeft + cw * (Double(xi) + 0.5), y: y + ch / 2 + 4, anchor: .middle, size: 9,
                 fill: t > 0.6 ? "#000000" : "#ffffff", cssClass: "cell-label")
        }
      }
    }
    for (xi, xl) in xLabels.enumerated() {
      c.text(xl, x: f.plotLeft + cw * (Double(xi) + 0.5), y: f.plotBottom + 16, anchor: .middle, size: 10, cssClass: "tick")
    }
    // Colour key.
    for i in 0..<10 {
      let y = f.plotTop + Double(9 - i) * (f.plotBottom - f.plotTop) / 10
      c.rect(x: f.plotRight + 20, y: y, width: 16, height: (f.plotBottom - f.plotTop) / 10, fill: ChartStyle.sequentialColour(Double(i) / 9), cssClass: "key")
    }
    // The key's light end is the better value.
    c.text(format(lowerIsBetter ? lo : hi), x: f.plotRight + 40, y: f.plotTop + 10, size: 10, cssClass: "key-label")
    c.text(format(lowerIsBetter ? hi : lo), x: f.plotRight + 40, y: f.plotBottom, size: 10, cssClass: "key-label")
    c.text(valueLabel, x: f.plotRight + 28, y: f.plotTop - 8, anchor: .middle, size: 10, cssClass: "key-label")
    f.xLabel(&c, xLabel)
    c.text(yLabel, x: 14, y: (f.plotTop + f.plotBottom) / 2, anchor: .middle, size: 11, rotate: -90, cssClass: "axis-label")
    return c.render(title: title)
  }

  /// A scatter plot of points, with a highlighted subset joined in x order
  /// (the Pareto front).
  public static func scatter(
    title: String, points: [(x: Double, y: Double, label: String)], highlighted: Set<Int>,
    xLabel: String, yLabel: String,
    xFormat: @escaping (Double) -> String = { NumberFormat.fixed($0, decimals: 2) },
    yFormat: @escaping (Double) -> String = { NumberFormat.fixed($0, decimals: 2) }
  ) -> String {
    var f = ChartFrame()
    var c = f.canvas(title: title)
    f.bottom = 60
    let sy = f.yAxis(&c, values: points.map(\.y), label: yLabel, format: yFormat, fromZero: false)
    let xd = LinearScale.niceDomain(including: points.map(\.x), fromZero: false)
    let sx = LinearScale(domain: (xd.lower, xd.upper), range: (f.plotLeft, f.plotRight))
    for t in xd.ticks { c.text(xFormat(t), x: sx(t), y: f.plotBottom + 16, anchor: .middle, size: 10, cssClass: "tick") }
    let front = highlighted.sorted { points[$0].x < points[$1].x }
    if front.count > 1 {
      c.polyline(front.map { (sx(points[$0].x), sy(points[$0].y)) }, stroke: ChartStyle.reference, width: 1.5, cssClass: "front-line")
    }
    for (i, p) in points.enumerated() {
      let on = highlighted.contains(i)
      c.circle(cx: sx(p.x), cy: sy(p.y), r: on ? 5 : 3, fill: on ? ChartStyle.reference : ChartStyle.grey,
               stroke: on ? "#000" : nil, cssClass: on ? "front" : "point",
               data: [("x", "\(p.x)"), ("value", "\(p.y)")], title: "\(p.label): \(xFormat(p.x)), \(yFormat(p.y))")
    }
    f.xLabel(&c, xLabel)
    return c.render(title: title)
  }
}
