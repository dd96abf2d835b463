import Foundation

/// A draw from the Poisson distribution with the given mean: the one
/// Poisson sampler of PanelPlan (synthetic regions, synthetic visit
/// records, tests).
///
/// - Mean at most 30: Knuth's multiplication method (The Art of Computer
///   Programming, vol. 2, 3rd ed., §3.4.1, method for the Poisson
///   distribution): multiply uniforms until the product falls to e^(−λ) or
///   below; the number of factors before that is the draw. Exact; uses
///   k + 1 uniforms for a draw of k, which is cheap at these means.
/// - Above 30: Hörmann's transformed rejection with squeeze, PTRS
///   (W. Hörmann, "The transformed rejection method for generating Poisson
///   random variables", Insurance: Mathematics and Economics 12 (1993)
///   39–45; valid for λ ≥ 10). Exact; about 2.5 uniforms a draw whatever
///   the mean.
///
/// Uniforms are `Double(rng.next() >> 11) × 2⁻⁵³` (53 random bits in
/// [0, 1)), the same numbers as `Xoshiro256.nextUnit()`, so a seeded
/// generator gives the same draws on every platform.
///
/// The synthetic generators drew with Knuth's method below 30 and a rounded
/// normal approximation above; their means stay below 30 (a centre's
/// specialists, about 4–7; a patient's visits in a year or two), so their
/// files are unchanged. Where a mean above 30 occurs, the draw is now an
/// exact Poisson one instead of an approximation (issue 12).
///
/// - Returns: 0 for a mean that is not positive (or NaN); means above 2⁵²
///   (infinity included) are taken as 2⁵².
/// - Complexity: O(λ) for λ ≤ 30, O(1) expected above.
public func poisson<G: RandomNumberGenerator>(mean lambda: Double, using rng: inout G) -> Int {
  guard lambda > 0 else { return 0 }
  func unit() -> Double { Double(rng.next() >> 11) * 0x1.0p-53 }
  if lambda <= 30 {
    let limit = exp(-lambda)
    var k = 0
    var product = unit()
    while product > limit {
      k += 1
      product *= unit()
    }
    return k
  }
  // Draws stay far inside Int (no trap on an absurd or infinite mean).
  let lambda = min(lambda, 0x1p52)
  // PTRS, with Hörmann's constants.
  let slam = lambda.squareRoot()
  let loglam = log(lambda)
  let b = 0.931 + 2.53 * slam
  let a = -0.059 + 0.02483 * b
  let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
  let vr = 0.9277 - 3.6224 / (b - 2)
  while true {
    let u = unit() - 0.5
    let v = unit()
    let us = 0.5 - abs(u)
    let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
    if us >= 0.07 && v <= vr { return Int(k) }
    if k < 0 || (us < 0.013 && v > us) { continue }
    if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1) { return Int(k) }
  }
}
