import Foundation
import Testing
@testable import PanelPlan

@Suite struct PoissonTests {
  /// Mean within 5 standard errors (√(λ/n)) and variance within 5 standard
  /// errors of the sample variance (√((λ + 2λ²)/n) for a Poisson, whose
  /// fourth central moment is λ + 3λ²), on both sides of the switch at 30.
  @Test(arguments: [0.3, 4.0, 12.0, 29.5, 30.0, 30.5, 55.0, 900.0])
  func meanAndVarianceAreLambda(lambda: Double) {
    var rng = Xoshiro256(seed: 42, stream: [UInt64(lambda * 10)])
    let n = 40_000
    var sum = 0.0, sumSq = 0.0
    for _ in 0..<n {
      let k = Double(poisson(mean: lambda, using: &rng))
      sum += k
      sumSq += k * k
    }
    let mean = sum / Double(n)
    let variance = (sumSq - Double(n) * mean * mean) / Double(n - 1)
    #expect(abs(mean - lambda) < 5 * (lambda / Double(n)).squareRoot(), "λ \(lambda): mean \(mean)")
    #expect(abs(variance - lambda) < 5 * ((lambda + 2 * lambda * lambda) / Double(n)).squareRoot(), "λ \(lambda): variance \(variance)")
  }

  /// The share of draws above 65 at λ = 50 (0.01726) against the tail
  /// summed from the probability mass function, within 4 standard errors
  /// (0.00117). The rounded normal approximation the synthetic generators
  /// used above 30 gives 0.01419 here, about 10 standard errors off.
  @Test func tailAboveThirtyIsExact() {
    let lambda = 50.0
    var p = exp(-lambda), cdf = p
    for k in 1...65 { p *= lambda / Double(k); cdf += p }
    let exact = 1 - cdf
    #expect(abs(exact - 0.017_264_575) < 1e-8)
    var rng = Xoshiro256(seed: 1)
    let n = 200_000
    var over = 0
    for _ in 0..<n where poisson(mean: lambda, using: &rng) > 65 { over += 1 }
    let share = Double(over) / Double(n)
    #expect(abs(share - exact) < 4 * (exact * (1 - exact) / Double(n)).squareRoot(), "\(share) vs \(exact)")
  }

  /// Up to a mean of 30 the draws are Knuth's product of uniforms, written
  /// out here with `Xoshiro256.nextUnit()`: the synthetic regions and
  /// visit records drew exactly these, so their files do not change.
  @Test func drawsUpToThirtyAreKnuthsProductOfUniforms() {
    func knuth(_ mean: Double, _ rng: inout Xoshiro256) -> Int {
      let limit = exp(-mean)
      var k = 0
      var product = rng.nextUnit()
      while product > limit { k += 1; product *= rng.nextUnit() }
      return k
    }
    for mean in [0.05, 1.0, 4.9, 17.0, 30.0] {
      var a = Xoshiro256(seed: 7, stream: [UInt64(mean * 100)])
      var b = a
      let ours = (0..<2_000).map { _ in poisson(mean: mean, using: &a) }
      let reference = (0..<2_000).map { _ in knuth(mean, &b) }
      #expect(ours == reference, "mean \(mean)")
      #expect(a == b, "the same number of uniforms used, mean \(mean)")
    }
  }

  @Test func meansThatAreNotPositiveGiveZeroAndHugeOnesDoNotTrap() {
    var rng = Xoshiro256(seed: 3)
    #expect(poisson(mean: 0, using: &rng) == 0)
    #expect(poisson(mean: -2, using: &rng) == 0)
    #expect(poisson(mean: .nan, using: &rng) == 0)
    // Capped at 2⁵²: a draw within a few standard deviations (2²⁶) of it.
    let big = poisson(mean: .infinity, using: &rng)
    #expect(abs(Double(big) - 0x1p52) < 10 * 0x1p26)
  }

  /// Generic over the generator: any `RandomNumberGenerator` works, and
  /// one that repeats Xoshiro256's words gives Xoshiro256's draws.
  @Test func worksWithAnyGenerator() {
    struct Wrapped: RandomNumberGenerator {
      var inner: Xoshiro256
      mutating func next() -> UInt64 { inner.next() }
    }
    var plain = Xoshiro256(seed: 11)
    var wrapped = Wrapped(inner: Xoshiro256(seed: 11))
    for mean in [2.0, 40.0, 400.0] {
      #expect(poisson(mean: mean, using: &plain) == poisson(mean: mean, using: &wrapped))
    }
  }
}
