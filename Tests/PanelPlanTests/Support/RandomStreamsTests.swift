import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The generators against values computed outside Swift, and the stream
/// properties the determinism guarantee rests on.
@Suite struct RandomStreamsTests {
  /// SplitMix64 from state 1234567: the published sequence (Rosetta Code,
  /// "Pseudo-random numbers/Splitmix64", from Vigna's splitmix64.c).
  @Test func splitMix64MatchesThePublishedSequence() {
    var x: UInt64 = 1_234_567
    let out = (0..<5).map { _ in splitMix64(&x) }
    #expect(out == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423, 4_593_380_528_125_082_431, 16_408_922_859_458_223_821])
  }

  /// xoshiro256** seeded with four SplitMix64 outputs of 42 (Vigna's
  /// recommended seeding): first outputs from a Python transcription of
  /// the reference xoshiro256starstar.c.
  @Test func xoshiroMatchesTheReferenceAlgorithm() {
    var g = Xoshiro256(seed: 42)
    #expect((0..<3).map { _ in g.next() } == [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
  }

  /// The same path gives the same numbers, different paths (or seeds) give
  /// different ones, and an empty path is the plain seed.
  @Test func streamsAreDeterminedByTheirPath() {
    func first(_ seed: UInt64, _ path: [UInt64]) -> UInt64 {
      var g = Xoshiro256(seed: seed, stream: path)
      return g.next()
    }
    #expect(first(7, [1, 2, 3]) == first(7, [1, 2, 3]))
    let paths: [[UInt64]] = [[], [0], [1], [0, 0], [0, 1], [1, 0], [1, 2, 3], [3, 2, 1]]
    #expect(Set(paths.map { first(7, $0) }).count == paths.count)
    #expect(first(7, [1, 2, 3]) != first(8, [1, 2, 3]))
    var plain = Xoshiro256(seed: 7)
    #expect(first(7, []) == plain.next())
  }

  /// Unit draws lie in [0, 1) and index draws in 0..<n; over 60,000 index
  /// draws with n = 6 each face comes up 10,000 ± 5 standard errors
  /// (√(60,000 · 1/6 · 5/6) ≈ 91).
  @Test func unitAndIndexDrawsStayInRangeAndAreUniform() {
    var g = Xoshiro256(seed: 2026, stream: [5])
    var counts = [Int](repeating: 0, count: 6)
    for _ in 0..<60_000 {
      let u = g.nextUnit()
      #expect(u >= 0 && u < 1)
      let k = g.nextIndex(6)
      counts[k] += 1
    }
    for c in counts { #expect(abs(c - 10_000) < 5 * 91, "\(counts)") }
  }
}
