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
