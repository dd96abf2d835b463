import Foundation

/// The profession values a continuity run saw: rows per value (in the
/// window) and how each was classified.
public struct ProfessionTally: Sendable, Hashable {
  public struct Entry: Sendable, Hashable {
    public var value: String
    public var rows: Int
    public var kind: ProfessionTitles.Kind
  }
  /// Most rows first.
  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries.sorted { $0.rows != $1.rows ? $0.rows > $1.rows : $0.value < $1.value }
  }

  /// Values that could not be classified.
  public var unknown: [Entry] { entries.filter { $0.kind == .unknown } }

  /// Merges the workers' counts of distinct values.
  init(_ filters: [VisitFilter]) {
    var rows: [String: Int] = [:]
    for f in filters {
      for k in 0..<f.professionRows.count { rows[f.professions.string(Int32(k)), default: 0] += f.professionRows[k] }
    }
    let doctorValues = filters.first?.doctorValues ?? ProfessionTitles.doctorTitles
    self.init(entries: rows.map { Entry(value: $0.key, rows: $0.value, kind: ProfessionTitles.classify($0.key, doctorValues: doctorValues)) })
  }
}
