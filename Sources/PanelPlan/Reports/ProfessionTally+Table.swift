import Foundation

extension ProfessionTally {
  /// A short table: each value, its rows, and how it counted.
  public func table() -> String {
    var t = TextTable(headers: ["Profession value in the file", "Rows", "Counted as"], alignments: [.left, .right, .left])
    for e in entries {
      t.append([e.value.isEmpty ? "(empty)" : e.value, NumberFormat.grouped(Double(e.rows)), Self.label(e.kind)])
    }
    return t.render()
  }

  static func label(_ k: ProfessionTitles.Kind) -> String {
    let l = ReportLanguage.current
    switch k {
    case .doctor: return l("Doctor")
    case .nurse: return l("nurse (not a doctor)")
    case .other: return l("other profession (not a doctor)")
    case .unknown: return l("not recognised (not a doctor)")
    }
  }

  /// One warning line per value that could not be classified.
  public func warnings(file: String) -> [String] {
    unknown.map {
      $0.rows == 1
        ? Terms.message("Warning: {1}: profession value '{2}' (1 row) is not a known title; counted as not a doctor. List it with --doctor-values if it is a doctor.", file, $0.value)
        : Terms.message("Warning: {1}: profession value '{2}' ({3} rows) is not a known title; counted as not a doctor. List it with --doctor-values if it is a doctor.", file, $0.value, Terms.number(Double($0.rows)))
    }
  }
}
