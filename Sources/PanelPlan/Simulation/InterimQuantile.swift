/// A small quantile helper for the replication bands, kept on its own so it
/// can be replaced by the shared `ContinuitySummary` quantiles once those
/// land (they are being written in parallel).
///
/// Linear interpolation between order statistics (Hyndman and Fan 1996,
/// type 7, the default of R and NumPy): for sorted x₁ ≤ … ≤ xₙ and
/// h = (n − 1)p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋) with 0-based indices.
enum InterimQuantile {
  /// The p-quantile of `values` (NaNs left out); NaN when none remain.
  static func quantile(_ values: [Double], _ p: Double) -> Double {
    let x = values.filter { !$0.isNaN }.sorted()
    guard !x.isEmpty else { return .nan }
    let h = Double(x.count - 1) * min(1, max(0, p))
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, x.count - 1)
    return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
  }
}
