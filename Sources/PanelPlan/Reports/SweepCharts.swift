/// Charts and the HTML report for scenario sweeps.
public enum SweepCharts {
  /// A parameter value as a label.
  static func label(_ v: JSONValue) -> String {
    if case .number(let x) = v { return SweepResultFormat.readable(x) }
    return v.jsonText
  }

  /// A heat map of `column` over parameters `x` and `y`; where other
  /// parameters vary too, each cell is the mean over their values.
  public static func heatMap(
    _ rows: [SweepRow], parameterNames: [String], x: Int, y: Int, column: SweepColumn, language l: ReportLanguage = .en
  ) -> String {
    // A grid has few values per axis; a Latin-hypercube (or random) design
    // has as many as points, so numeric axes with more than
    // `maximumAxisCells` values are binned into that many equal-width bins.
    func axis(_ i: Int) -> (labels: [String], cell: (JSONValue) -> Int?) {
      var seen: [JSONValue] = []
      for r in rows where !seen.contains(r.parameters[i]) { seen.append(r.parameters[i]) }
      let numbers = seen.compactMap { v -> Double? in if case .number(let x) = v { return x }; return nil }
      if numbers.count == seen.count, seen.count > maximumAxisCells, let lo = numbers.min(), let hi = numbers.max(), hi > lo {
        let n = maximumAxisCells, w = (hi - lo) / Double(n)
        let labels = (0..<n).map { k in SweepResultFormat.readable(lo + w * Double(k)) + "–" + SweepResultFormat.readable(lo + w * Double(k + 1)) }
        return (labels, { v in if case .number(let x) = v { return min(n - 1, Int((x - lo) / w)) }; return nil })
      }
      let sorted = seen.sorted { a, b in
        if case .number(let p) = a, case .number(let q) = b { return p < q }
        return a.jsonText < b.jsonText
      }
      return (sorted.map(label), { v in sorted.firstIndex(of: v) })
    }
    let xs = axis(x), ys = axis(y)
    var sums = [[Double]](repeating: [Double](repeating: 0, count: xs.labels.count), count: ys.labels.count)
    var counts = sums
    for r in rows {
      guard let i = xs.cell(r.parameters[x]), let j = ys.cell(r.parameters[y]) else { continue }
      let v = column.value(in: r)
      if v.isFinite {
        sums[j][i] += v
        counts[j][i] += 1
      }
    }
    let values = zip(sums, counts).map { s, c in zip(s, c).map { $1 > 0 ? $0 / $1 : .nan } }
    return Charts.heatMap(
      title: Terms.label(column.name, l) + " " + l("by") + " \(parameterNames[x]) / \(parameterNames[y])",
      xLabels: xs.labels, yLabels: ys.labels, values: values,
      xLabel: parameterNames[x], yLabel: parameterNames[y], valueLabel: Terms.label(column.name, l),
      lowerIsBetter: ChartStyle.lowerIsBetter(column.name),
      format: { SweepResultFormat.readable($0) })
  }

  /// Cells per heat-map axis before a numeric axis is binned.
  static let maximumAxisCells = 10

  /// Every point of two results, with the Pareto front highlighted.
  public static func pareto(
    _ rows: [SweepRow], a: SweepColumn, b: SweepColumn, front: [Int], language l: ReportLanguage = .en
  ) -> String {
    Charts.scatter(
      title: l("Pareto front") + ": " + Terms.label(a.name, l) + " / " + Terms.label(b.name, l),
      points: rows.map { (a.value(in: $0), b.value(in: $0), "point \($0.point + 1)") }, highlighted: Set(front),
      xLabel: Terms.label(a.name, l), yLabel: Terms.label(b.name, l),
      xFormat: { SweepResultFormat.readable($0) }, yFormat: { SweepResultFormat.readable($0) })
  }

  /// The sweep report: what was swept, the heat map of the chosen result,
  /// the Pareto front when asked for, and the points' table.
  public static func report(
    _ rows: [SweepRow], parameterNames: [String], metricNames: [String], replications: Int, seed: UInt64,
    column: SweepColumn, ranked: [Int]?, objectiveLabel: String?, paretoFront: (SweepColumn, SweepColumn, [Int])?,
    language l: ReportLanguage = .en
  ) -> String {
    var h = HTMLReport(title: l("Sweep") + ": " + Terms.label(column.name, l), language: l)
    var key: [(label: String, value: String, note: String?)] = [
      (l("Points"), "\(rows.count)", nil), (l("Replications"), "\(replications)", l("per point")),
    ]
    if let ranked, let best = ranked.first, let objectiveLabel {
      let r = rows[best]
      let setting = zip(parameterNames, r.parameters).map { "\($0) = \(label($1))" }.joined(separator: ", ")
      key.append((l("Best point") + " (\(objectiveLabel))", "\(r.point + 1)", setting))
    }
    h.keyNumbers(key)
    h.inputs([(l("Parameters"), parameterNames.joined(separator: ", ")), (l("Results"), "\(metricNames.count)"), (l("Seed (the same seed gives the same results)"), "\(seed)")])
    if parameterNames.count >= 2 {
      h.figure(
        heatMap(rows, parameterNames: parameterNames, x: 0, y: 1, column: column, language: l),
        caption: parameterNames.count > 2
          ? l("Mean over replications; where more parameters vary, each cell averages over them.")
          : l("Mean over replications."))
    } else if parameterNames.count == 1 {
      h.figure(
        Charts.bars(
          title: Terms.label(column.name, l), categories: rows.map { label($0.parameters[0]) },
          series: [ChartSeries(Terms.label(column.name, l), values: rows.map { column.value(in: $0) })], yLabel: Terms.label(column.name, l),
          format: { SweepResultFormat.readable($0) }),
        caption: l("Mean over replications."))
    }
    if let (a, b, front) = paretoFront {
      h.figure(pareto(rows, a: a, b: b, front: front, language: l), caption: l("Highlighted points are on the Pareto front: no other point is better in both results."))
    }
    let order = ranked ?? Array(rows.indices)
    h.table(
      headers: [l("point")] + parameterNames + [Terms.label(column.name, l), Terms.label(column.name, l) + " 5%", Terms.label(column.name, l) + " 95%"],
      rows: order.prefix(200).map { i in
        let r = rows[i]
        let p5 = (try? SweepColumn(column.name + ".p5", parameters: parameterNames, metrics: metricNames))?.value(in: r)
        let p95 = (try? SweepColumn(column.name + ".p95", parameters: parameterNames, metrics: metricNames))?.value(in: r)
        return ["\(r.point + 1)"] + r.parameters.map(label) + [
          SweepResultFormat.readable(column.value(in: r)), p5.map(SweepResultFormat.readable) ?? "", p95.map(SweepResultFormat.readable) ?? "",
        ]
      },
      caption: ranked != nil ? l("Points meeting the constraints, best first (at most 200).") : l("All points (at most 200)."))
    return h.render()
  }
}
