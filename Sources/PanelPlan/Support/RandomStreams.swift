/// SplitMix64 (Steele, Lea and Flood 2014): used to seed and to derive
/// independent streams from a seed and a path of integers.
@inlinable
public func splitMix64(_ x: inout UInt64) -> UInt64 {
  x &+= 0x9E37_79B9_7F4A_7C15
  var z = x
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna 2018): a small, fast generator with
/// 256 bits of state, good enough for simulation and far faster than the
/// system generator.
///
/// Streams are derived, not shared: `Xoshiro256(seed: s, stream: [scenario,
/// replication, centre])` gives the same numbers for the same path whatever
/// thread runs it, which is what makes results independent of thread count.
public struct Xoshiro256: RandomNumberGenerator, Sendable, Hashable {
  @usableFromInline var s0, s1, s2, s3: UInt64

  /// A generator seeded from `seed` by SplitMix64.
  public init(seed: UInt64) {
    var x = seed
    s0 = splitMix64(&x)
    s1 = splitMix64(&x)
    s2 = splitMix64(&x)
    s3 = splitMix64(&x)
  }

  /// A generator for one stream of a seed, identified by a path of integers
  /// (e.g. scenario, replication, centre). Different paths give
  /// statistically independent streams.
  public init(seed: UInt64, stream path: [UInt64]) {
    var h = seed
    for p in path {
      var x = h ^ (p &* 0xD6E8_FEB8_6659_FD93)
      h = splitMix64(&x)
    }
    self.init(seed: h)
  }

  @inlinable
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  @inlinable
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in 0..<n without modulo bias worth measuring for
  /// n far below 2⁶⁴ (Lemire's multiply-shift, without the rejection step).
  @inlinable
  public mutating func nextIndex(_ n: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }
}
