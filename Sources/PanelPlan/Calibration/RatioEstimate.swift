import Foundation

/// A ratio of sums, Σy / Σx, over independent units (patients, doctor-days),
/// with its standard error.
///
/// The standard error is the linearised (Taylor) one of the ratio estimator,
/// Cochran, *Sampling Techniques* (3rd ed., 1977), §6.3, with the n/(n − 1)
/// small-sample factor:
///
///     se(R)² = n / (n − 1) · Σ (yᵢ − R·xᵢ)² / (Σ xᵢ)²
///
/// It treats each unit's counts as one observation, so it allows for
/// over-dispersion (some patients visit far more than a Poisson rate would
/// say) and for visits of one patient being correlated. For a share where
/// every xᵢ = 1 it is the binomial √(p(1 − p)/(n − 1)).
public struct RatioEstimate: Sendable, Hashable, Codable {
  /// Σy / Σx (NaN when Σx = 0).
  public var value: Double
  /// Its standard error (NaN with fewer than 2 units).
  public var standardError: Double
  /// Units that entered the ratio (those with xᵢ > 0 or yᵢ > 0).
  public var units: Int
  /// Σy, the count behind the numerator (visits, acute visits, ...).
  public var numerator: Double
  /// Σx, the exposure or count behind the denominator.
  public var denominator: Double

  public init(value: Double, standardError: Double, units: Int, numerator: Double, denominator: Double) {
    self.value = value
    self.standardError = standardError
    self.units = units
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Accumulates units one at a time in two passes' worth of sums
  /// (Σy, Σx, Σy², Σx², Σxy), so no per-unit storage is needed.
  public struct Accumulator: Sendable, Hashable {
    var n = 0
    var sy = 0.0, sx = 0.0, syy = 0.0, sxx = 0.0, sxy = 0.0
    public init() {}
    /// Adds one unit's numerator and denominator.
    public mutating func add(y: Double, x: Double) {
      guard x != 0 || y != 0 else { return }
      n += 1
      sy += y; sx += x; syy += y * y; sxx += x * x; sxy += x * y
    }
    /// The estimate.
    public var estimate: RatioEstimate {
      let r = sx > 0 ? sy / sx : .nan
      var se = Double.nan
      if n >= 2 && sx > 0 {
        // Σ(y − R x)² = Σy² − 2R Σxy + R² Σx²
        let ss = max(0, syy - 2 * r * sxy + r * r * sxx)
        se = (Double(n) / Double(n - 1) * ss).squareRoot() / sx
      }
      return RatioEstimate(value: r, standardError: se, units: n, numerator: sy, denominator: sx)
    }
  }
}
