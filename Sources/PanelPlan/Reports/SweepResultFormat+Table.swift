import Foundation

extension SweepResultFormat {
  /// A readable table of all rows: per metric, the mean and, for metrics
  /// that vary between replications, the 5–95% range.
  public func table(_ rows: [SweepRow]) -> String {
    let varies = metricNames.indices.map { k in rows.contains { $0.metrics[k].p05 != $0.metrics[k].p95 } }
    var headers = ["point"] + parameterNames
    for (k, m) in metricNames.enumerated() { headers += varies[k] ? [m, "5–95%"] : [m] }
    var t = TextTable(headers: headers)
    for r in rows {
      var cells = [String(r.point + 1)] + r.parameters.map(Self.tableText)
      for (k, m) in r.metrics.enumerated() {
        cells.append(Self.readable(m.mean))
        if varies[k] { cells.append(m.p05 == m.p95 ? "" : Self.readable(m.p05) + "–" + Self.readable(m.p95)) }
      }
      t.append(cells)
    }
    return t.render()
  }
}
