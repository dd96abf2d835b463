import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

private func parameter(_ name: String, _ source: SweepParameter.Source, whole: Bool = false) -> SweepParameter {
  SweepParameter(name: name, path: try! JSONPath(parsing: name), source: source, whole: whole)
}

@Test func aGridHasOneRowPerCombinationFirstParameterSlowest() {
  let d = SweepDefinition(
    base: .object([]), design: .grid,
    parameters: [
      parameter("a", .values([.number(4), .number(5)])),
      parameter("b", .range(from: 0.2, to: 0.4, step: 0.1)),
      parameter("c", .values([.string("x"), .string("y"), .bool(true), .number(1)])),
    ])
  let design = SweepDesign(d)
  #expect(design.count == 24)
  var expected: [[JSONValue]] = []
  for a in [4.0, 5] { for b in [0.2, 0.3, 0.4] { for c: JSONValue in [.string("x"), .string("y"), .bool(true), .number(1)] {
    expected.append([.number(a), .number(b), c])
  } } }
  #expect((0..<24).map(design.values(at:)) == expected)
}

@Test func aLatinHypercubeUsesEachStratumOnce() {
  for (n, seed) in [(1, 3), (7, 1), (50, 2), (200, 9)] as [(Int, UInt64)] {
    let d = SweepDefinition(
      base: .object([]), design: .latinHypercube, points: n, seed: seed,
      parameters: [
        parameter("u", .distribution(.uniform(min: 2, max: 6))),
        parameter("n", .distribution(.normal(mean: 10, sd: 2, min: nil, max: nil))),
        parameter("t", .distribution(.triangular(min: 0, mode: 0, max: 1))),
      ])
    let design = SweepDesign(d)
    var seen = [Set<Int>](repeating: [], count: 3)
    for i in 0..<n {
      let v = design.values(at: i).map { $0.number ?? .nan }
      // Map each value back to its probability with the distribution's
      // own CDF, worked out independently of the quantile code:
      // uniform (x - 2) / 4; normal Φ((x - 10) / 2); triangular with mode 0
      // on [0, 1]: F(x) = 1 - (1 - x)².
      let us = [(v[0] - 2) / 4, 0.5 * erfc(-(v[1] - 10) / 2 / 2.0.squareRoot()), 1 - (1 - v[2]) * (1 - v[2])]
      for k in 0..<3 {
        let stratum = Int((us[k] * Double(n) + 1e-9).rounded(.down))
        seen[k].insert(min(stratum, n - 1))
        #expect(design.stratum(parameter: k, point: i).map { abs($0 - stratum) <= 1 } == true)
      }
    }
    for k in 0..<3 { #expect(seen[k] == Set(0..<n), "parameter \(k), n \(n)") }
  }
}

@Test func aLatinHypercubeDependsOnlyOnTheSeed() {
  func values(_ seed: UInt64) -> [[JSONValue]] {
    let d = SweepDefinition(
      base: .object([]), design: .latinHypercube, points: 20, seed: seed,
      parameters: [parameter("k", .values([.number(1), .number(2), .number(3), .number(4)])), parameter("w", .distribution(.uniform(min: 0, max: 9)), whole: true)])
    let design = SweepDesign(d)
    return (0..<20).map(design.values(at:))
  }
  #expect(values(5) == values(5))
  #expect(values(5) != values(6))
  // 20 points over 4 listed values: each value in 5 strata.
  let counts = Dictionary(grouping: values(5).map { $0[0] }, by: { $0 }).mapValues(\.count)
  #expect(counts.values.allSatisfy { $0 == 5 })
  #expect(values(5).allSatisfy { $0[1].number.map { $0 == $0.rounded() } == true })
}

@Test func distributionQuantilesMatchKnownValues() {
  #expect(abs(SweepDistribution.StandardNormal.quantile(0.975) - 1.959963984540054) < 1e-12)
  #expect(abs(SweepDistribution.StandardNormal.quantile(0.5)) < 1e-15)
  #expect(abs(SweepDistribution.StandardNormal.quantile(1e-10) + 6.361340902404056) < 1e-9)
  // Triangular(0, 1, 2), symmetric: the median is the mode; F(0.5) = 0.125.
  #expect(abs(SweepDistribution.triangular(min: 0, mode: 1, max: 2).quantile(0.5) - 1) < 1e-12)
  #expect(abs(SweepDistribution.triangular(min: 0, mode: 1, max: 2).quantile(0.125) - 0.5) < 1e-12)
  // A normal truncated to [9, 11] stays inside and is symmetric.
  let t = SweepDistribution.normal(mean: 10, sd: 5, min: 9, max: 11)
  #expect(t.quantile(0) >= 9 && t.quantile(0.999999) <= 11)
  #expect(abs(t.quantile(0.5) - 10) < 1e-9)
}
