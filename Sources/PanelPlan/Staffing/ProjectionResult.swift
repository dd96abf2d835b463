/// A mean with a 5–95% band over replications. In expected-value mode the
/// three are equal.
public struct Band: Sendable, Hashable, Codable {
  public var mean: Double
  public var p05: Double
  public var p95: Double

  public init(mean: Double, p05: Double, p95: Double) {
    self.mean = mean
    self.p05 = p05
    self.p95 = p95
  }

  /// Summarises values: their mean and the 5th and 95th percentiles
  /// (linear interpolation between order statistics, Hyndman–Fan type 7,
  /// the default of R and NumPy). NaNs are left out; all-NaN gives NaN.
  public init(values: [Double]) {
    let v = values.filter { !$0.isNaN }.sorted()
    guard !v.isEmpty else {
      self.init(mean: .nan, p05: .nan, p95: .nan)
      return
    }
    let mean = v.contains(where: { $0.isInfinite }) ? (v.allSatisfy { $0 == v[0] } ? v[0] : .nan) : v.reduce(0, +) / Double(v.count)
    self.init(mean: mean, p05: Band.quantile(v, 0.05), p95: Band.quantile(v, 0.95))
  }

  /// Quantile `q` of sorted values (type 7; `Quantiles.type7`).
  public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    Quantiles.type7(sorted, q)
  }
}

/// The results of a staffing projection: per year, for each centre (when
/// kept), each region and the whole input.
public struct ProjectionResult: Sendable {
  /// What a series describes.
  public enum Level: String, Sendable, Hashable, Codable {
    case centre, region, total
  }

  /// One scope's results over the years.
  public struct Series: Sendable {
    public var level: Level
    public var id: String
    public var name: String
    /// The region a centre belongs to (nil for regions and the total).
    public var region: String?
    /// Care centres in the scope.
    public var centreCount: Int
    /// `bands[y][k]`: year index y, metric k (`StaffingMetric.allCases`
    /// order, then the outcome model's metrics).
    public var bands: [[Band]]

    /// A metric's band in year index `y`.
    public func band(_ m: StaffingMetric, yearIndex y: Int) -> Band {
      bands[y][StaffingMetric.allCases.firstIndex(of: m)!]
    }
  }

  /// Calendar years, the first being the input as given.
  public var years: [Int]
  /// Replications (1 in expected-value mode).
  public var replications: Int
  /// Whether the numbers are expected values (true) or from random draws.
  public var expectedValue: Bool
  /// Names of the outcome model's metrics, after the staffing metrics.
  public var outcomeNames: [String]
  /// Centres (if kept), then regions, then the total (the total is the
  /// region itself when the input is a single region).
  public var series: [Series]
  /// The total's additive quantities per replication and year index:
  /// `totalPerReplication[r][y]`. The solver reads targets from these.
  public var totalPerReplication: [[StaffingTotals]]

  /// The series of the whole input.
  public var total: Series { series[series.count - 1] }

  /// Index of a year in `years`, nil when outside the horizon.
  public func yearIndex(_ year: Int) -> Int? { years.firstIndex(of: year) }
}
