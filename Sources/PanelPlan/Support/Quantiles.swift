/// Sample quantiles and the summary a sweep reports per metric.
public enum Quantiles {
  /// The sample quantile at probability `p` of values sorted ascending:
  /// Hyndman and Fan's (1996) type 7, the default of R and NumPy. With n
  /// values, h = (n − 1) p, and the quantile is x[⌊h⌋] + (h − ⌊h⌋)
  /// (x[⌊h⌋ + 1] − x[⌊h⌋]) (0-based), so p = 0 gives the minimum, p = 1 the
  /// maximum, and p = 0.5 the usual median.
  ///
  /// - Precondition: `sorted` is non-empty and ascending; 0 ≤ p ≤ 1.
  /// - Complexity: O(1).
  public static func type7<C: RandomAccessCollection>(_ sorted: C, _ p: Double) -> Double
  where C.Element == Double, C.Index == Int {
    precondition(!sorted.isEmpty && p >= 0 && p <= 1, "quantile of an empty sample or p outside 0...1")
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    let base = sorted.startIndex
    let x0 = sorted[base + lo]
    guard lo + 1 < sorted.count else { return x0 }
    let x1 = sorted[base + lo + 1]
    // Equal neighbours (including two infinities) need no interpolation,
    // which would give NaN for ∞ − ∞.
    if x0 == x1 { return x0 }
    return x0 + (h - Double(lo)) * (x1 - x0)
  }
}

/// A metric over the replications of one point: mean and the 5%, 50% and
/// 95% quantiles (type 7).
public struct MetricSummary: Sendable, Hashable {
  public var mean: Double
  public var p5: Double
  public var p50: Double
  public var p95: Double

  public init(mean: Double, p5: Double, p50: Double, p95: Double) {
    self.mean = mean
    self.p5 = p5
    self.p50 = p50
    self.p95 = p95
  }

  /// Summarises `values`, sorting them in place (callers pass a reusable
  /// buffer). The mean sums in the given order before sorting, so it does
  /// not depend on anything but the values. A NaN anywhere makes every
  /// statistic NaN: an undefined replication is not silently dropped.
  ///
  /// - Complexity: O(n log n), where n is the number of replications.
  public init(summarising values: inout [Double]) {
    precondition(!values.isEmpty, "a summary needs at least one value")
    if values.contains(where: \.isNaN) {
      self.init(mean: .nan, p5: .nan, p50: .nan, p95: .nan)
      return
    }
    // Summing deviations from the first value keeps the mean of equal
    // values exactly that value (a plain sum / n can miss by an ulp).
    let shift = values[0]
    var sum = 0.0
    for v in values { sum += v - shift }
    let mean = shift.isFinite ? shift + sum / Double(values.count) : values.reduce(0, +) / Double(values.count)
    values.sort()
    self.init(
      mean: mean, p5: Quantiles.type7(values, 0.05), p50: Quantiles.type7(values, 0.5),
      p95: Quantiles.type7(values, 0.95))
  }

  /// A statistic by name: `mean`, `p5`, `p50` or `p95`.
  public func statistic(_ name: String) -> Double? {
    switch name {
    case "mean": return mean
    case "p5": return p5
    case "p50": return p50
    case "p95": return p95
    default: return nil
    }
  }

  /// The statistics' names, in column order.
  public static let statisticNames = ["mean", "p5", "p50", "p95"]
}
