/// Capacity of every centre of a region (or nation) side by side, so a
/// planner sees where the gap is.
///
/// Each row is `CentreCapacity` (both views: Socialstyrelsen's guideline,
/// 1,100 per full-time specialist, and working time); the total sums
/// listed, need-weighted listed, capacities and FTE gaps. The total's FTE gap
/// is the sum of the centres' gaps, not the gap of the summed region: a
/// surplus at one centre does not serve another centre's patients.
public struct RegionCapacity: Sendable {
  /// One centre.
  public struct Row: Sendable {
    public var region: String
    public var centre: CentreCapacity
  }

  /// Rows, largest guideline FTE gap first (ties: higher ratio, then input order).
  public var rows: [Row]
  /// Name of the whole (region or nation).
  public var name: String

  /// Computes both capacity views for every centre of `regions`.
  public init(regions: [Region], name: String, parameters: CapacityParameters = .standard) {
    self.name = name
    var rows: [(Int, Row)] = []
    for r in regions {
      for c in r.centres {
        rows.append((rows.count, Row(region: r.name, centre: CentreCapacity(centre: c, parameters: parameters))))
      }
    }
    rows.sort { a, b in
      let (x, y) = (a.1.centre, b.1.centre)
      if x.specialistFTEGap != y.specialistFTEGap { return x.specialistFTEGap > y.specialistFTEGap }
      if x.guidelineRatio != y.guidelineRatio { return x.guidelineRatio > y.guidelineRatio }
      return a.0 < b.0
    }
    self.rows = rows.map(\.1)
  }

  /// Sums over all centres.
  public struct Total: Sendable, Equatable {
    public var listed = 0
    public var weightedListed = 0.0
    public var guidelineCapacity = 0.0
    public var workingTimeCapacity = 0.0
    public var specialistFTE = 0.0
    /// Σ centres' guideline FTE gaps (surpluses do not offset gaps).
    public var specialistFTEGap = 0.0
    /// Σ centres' working-time FTE gaps.
    public var specialistFTEGapWorkingTime = 0.0
    /// Need-weighted listed per guideline capacity for the whole.
    public var guidelineRatio: Double { guidelineCapacity > 0 ? weightedListed / guidelineCapacity : .infinity }
    public var workingTimeRatio: Double { workingTimeCapacity > 0 ? weightedListed / workingTimeCapacity : .infinity }
  }

  public var total: Total {
    var t = Total()
    for r in rows {
      let c = r.centre
      t.listed += c.listedCount
      t.weightedListed += c.weightedListed
      t.guidelineCapacity += c.guidelineCapacity
      t.workingTimeCapacity += c.workingTimeCapacity
      t.specialistFTE += c.specialistFTE
      t.specialistFTEGap += c.specialistFTEGap
      t.specialistFTEGapWorkingTime += c.specialistFTEGapWorkingTime
    }
    return t
  }

  static let headers = [
    "region", "centre_id", "centre", "listed", "weighted_listed", "guideline_capacity", "working_time_capacity",
    "guideline_ratio", "working_time_ratio", "specialist_fte", "specialist_fte_gap", "specialist_fte_gap_working_time",
  ]

  func machineRow(_ r: Row) -> [String] {
    let c = r.centre
    return [
      r.region, c.centreId, c.centreName, String(c.listedCount), NumberFormat.machine(c.weightedListed),
      NumberFormat.machine(c.guidelineCapacity), NumberFormat.machine(c.workingTimeCapacity),
      NumberFormat.machine(c.guidelineRatio), NumberFormat.machine(c.workingTimeRatio),
      NumberFormat.machine(c.specialistFTE), NumberFormat.machine(c.specialistFTEGap),
      NumberFormat.machine(c.specialistFTEGapWorkingTime),
    ]
  }

  func machineTotal() -> [String] {
    let t = total
    return [
      name, "", "Total", String(t.listed), NumberFormat.machine(t.weightedListed),
      NumberFormat.machine(t.guidelineCapacity), NumberFormat.machine(t.workingTimeCapacity),
      NumberFormat.machine(t.guidelineRatio), NumberFormat.machine(t.workingTimeRatio),
      NumberFormat.machine(t.specialistFTE), NumberFormat.machine(t.specialistFTEGap),
      NumberFormat.machine(t.specialistFTEGapWorkingTime),
    ]
  }

  /// CSV: one row per centre, then the total (centre_id empty, centre "Total").
  public func csv() -> String {
    var w = CSVWriter()
    w.append(Self.headers)
    for r in rows { w.append(machineRow(r)) }
    w.append(machineTotal())
    return w.text
  }

  /// JSON: `{"name", "centres": [...], "total": {...}}`, numbers unrounded.
  public func json() -> String {
    func object(_ values: [String], indent: String) -> String {
      let numeric = Set(Self.headers[3...])
      let fields = zip(Self.headers, values).map { k, v in
        let value = numeric.contains(k) ? (Double(v).map { $0.isFinite ? v : "null" } ?? "null") : jsonQuote(v)
        return "\(indent)  \(jsonQuote(k)) : \(value)"
      }
      return "\(indent){\n" + fields.joined(separator: ",\n") + "\n\(indent)}"
    }
    var out = "{\n  \"name\" : \(jsonQuote(name)),\n  \"centres\" : [\n"
    out += rows.map { object(machineRow($0), indent: "    ") }.joined(separator: ",\n")
    out += "\n  ],\n  \"total\" : \n" + object(machineTotal(), indent: "  ") + "\n}\n"
    return out
  }
}
