import Foundation

/// A distribution a random (Latin hypercube) design draws a parameter from.
///
/// Values are drawn by inverse transform: a design hands in a probability
/// `u` in [0, 1) (stratified across points) and gets back the quantile.
public enum SweepDistribution: Sendable, Hashable {
  /// Uniform on [min, max].
  case uniform(min: Double, max: Double)
  /// Normal with mean and standard deviation, optionally truncated to
  /// [min, max] (truncation by inverse transform within the bounds, so the
  /// strata of a Latin hypercube stay equally likely).
  case normal(mean: Double, sd: Double, min: Double?, max: Double?)
  /// Triangular on [min, max] with its peak at `mode`.
  case triangular(min: Double, mode: Double, max: Double)

  /// The value at probability `u`, 0 ≤ u < 1.
  ///
  /// - Triangular: F⁻¹(u) = a + √(u (b − a)(c − a)) for u < (c − a)/(b − a),
  ///   else b − √((1 − u)(b − a)(b − c)), with a = min, c = mode, b = max.
  /// - Normal: mean + sd · Φ⁻¹(u); truncated: Φ⁻¹ of u mapped into
  ///   [Φ(lo), Φ(hi)].
  public func quantile(_ u: Double) -> Double {
    switch self {
    case .uniform(let a, let b):
      return a + u * (b - a)
    case .triangular(let a, let c, let b):
      guard b > a else { return a }
      let fc = (c - a) / (b - a)
      if u < fc { return a + ((u * (b - a) * (c - a))).squareRoot() }
      return b - (((1 - u) * (b - a) * (b - c))).squareRoot()
    case .normal(let m, let s, let lo, let hi):
      let pLo = lo.map { StandardNormal.cdf(($0 - m) / s) } ?? 0
      let pHi = hi.map { StandardNormal.cdf(($0 - m) / s) } ?? 1
      let p = pLo + u * (pHi - pLo)
      var x = m + s * StandardNormal.quantile(min(max(p, 1e-300), 1 - 1e-16))
      if let lo { x = max(x, lo) }
      if let hi { x = min(x, hi) }
      return x
    }
  }

  /// The smallest and largest values it can give (infinite for an
  /// untruncated normal), to check them against the model before a run.
  public var support: (min: Double, max: Double) {
    switch self {
    case .uniform(let a, let b): return (a, b)
    case .triangular(let a, _, let b): return (a, b)
    case .normal(_, _, let lo, let hi): return (lo ?? -.infinity, hi ?? .infinity)
    }
  }
}

extension SweepDistribution {
/// The standard normal distribution's CDF and quantile function.
public enum StandardNormal {
  /// Φ(x) = erfc(−x/√2) / 2.
  public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  /// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error
  /// below 1.15 × 10⁻⁹) refined by one Halley step on erfc, which brings it
  /// to about machine precision.
  public static func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "normal quantile needs 0 < p < 1")
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let pLow = 0.02425
    var x: Double
    if p < pLow {
      let q = (-2 * log(p)).squareRoot()
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - pLow {
      let q = p - 0.5
      let r = q * q
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
      let q = (-2 * log(1 - p)).squareRoot()
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let e = cdf(x) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
  }
}
}
