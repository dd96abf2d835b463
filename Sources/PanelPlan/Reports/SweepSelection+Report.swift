import Foundation

extension SweepSelection {
  /// The ranking and Pareto tables printed after a sweep's rows.
  ///
  /// - Parameters:
  ///   - top: ranked points to show.
  ///   - separate: start with a blank line (rows were printed before).
  public func report(_ rows: [SweepRow], parameterNames: [String], top: Int, separate: Bool) -> String {
    var out = separate ? "\n" : ""
    func table(_ indices: [Int], _ columns: [SweepColumn], ranked: Bool) -> String {
      var headers = ["point"] + parameterNames
      if ranked { headers.insert("rank", at: 0) }
      var seen = Set(headers)
      let extra = columns.filter { seen.insert($0.name).inserted }
      headers += extra.map(\.name)
      var t = TextTable(headers: headers)
      for (k, i) in indices.enumerated() {
        let r = rows[i]
        var cells = [String(r.point + 1)] + r.parameters.map { v in
          if case .number(let x) = v { return SweepResultFormat.readable(x) }
          return v.jsonText
        }
        if ranked { cells.insert(String(k + 1), at: 0) }
        cells += extra.map { SweepResultFormat.readable($0.value(in: r)) }
        t.append(cells)
      }
      return t.render()
    }
    let analysis = analyse(rows)
    if let objective, let ranked = analysis.ranked {
      out += "Ranking: \(maximise ? "maximise" : "minimise") \(objective.name)"
      if !constraints.isEmpty { out += " subject to " + constraints.map(\.description).joined(separator: ", ") }
      out += "\n\(ranked.count) of \(rows.count) points qualify" + (ranked.count > top ? "; the best \(top):" : ":") + "\n"
      if !ranked.isEmpty { out += table(Array(ranked.prefix(top)), [objective] + constraints.map(\.column), ranked: true) }
    }
    if let (a, b) = pareto, let front = analysis.front {
      if objective != nil { out += "\n" }
      out += "Pareto front: \(a.column.name) (\(a.maximise ? "max" : "min")) and \(b.column.name) (\(b.maximise ? "max" : "min"))"
      if !constraints.isEmpty { out += " among points meeting the constraints" }
      out += "\n\(front.count) of \(analysis.feasible) points are on the front:\n"
      if !front.isEmpty { out += table(front, [a.column, b.column], ranked: false) }
    }
    return out
  }
}
