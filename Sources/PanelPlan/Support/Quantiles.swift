/// Sample quantiles (the summary over replications is `Summary`).
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
