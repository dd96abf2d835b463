import Testing
@testable import PanelPlan
import PanelPlanTestSupport

// Hand-worked cases for every index through the shared statistics, fed per
// provider count (the visit-record feed) and checked against the formulas
// worked by hand. Tolerance 1e-12 (a few ulps of the divisions).

private func stats(_ counts: [Int32], fixed: Int? = nil, pairs: Int32 = 0) -> ContinuityStatistics {
  var s = ContinuityStatistics()
  for (j, n) in counts.enumerated() { s.add(visitsWithOneProvider: n, withFixedDoctor: j == fixed) }
  s.sameProviderPairs = pairs
  return s
}

private func close(_ a: Double?, _ b: Double?) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case let (x?, y?): return abs(x - y) < 1e-12
  default: return false
  }
}

@Test func oneVisitHasOnlyTheOneVisitIndices() {
  // N = 1: COC and SECON undefined (need N ≥ 2); UPC = 1; HHI = 1;
  // MMCI = (1 − 1/1.1)/(1 − 1/1.1) = 1; fixed-doctor share 1/1.
  let x = stats([1], fixed: 0).indices(hasFixedDoctor: true)
  #expect(x.coc == nil && x.secon == nil)
  #expect(close(x.upc, 1) && close(x.herfindahl, 1) && close(x.mmci, 1) && close(x.fixedDoctorShare, 1))
}

@Test func oneProviderGivesPerfectContinuity() {
  // 4 visits, all with A: Σn² = 16, COC = (16 − 4)/(4·3) = 1; pairs 3/3.
  let x = stats([4], pairs: 3).indices(hasFixedDoctor: false)
  #expect(close(x.coc, 1) && close(x.upc, 1) && close(x.secon, 1) && close(x.herfindahl, 1) && close(x.mmci, 1))
  #expect(x.fixedDoctorShare == nil)
}

@Test func allDifferentProvidersGiveZeroContinuity() {
  // 4 visits, 4 providers: COC = (4 − 4)/12 = 0; UPC = 1/4; HHI = 4/16;
  // MMCI = (1 − 4/4.1)/(1 − 1/4.1) = (0.1/4.1)/(3.1/4.1) = 1/31.
  let x = stats([1, 1, 1, 1], fixed: 2).indices(hasFixedDoctor: true)
  #expect(close(x.coc, 0) && close(x.upc, 0.25) && close(x.secon, 0) && close(x.herfindahl, 0.25))
  #expect(close(x.mmci, 1.0 / 31.0) && close(x.fixedDoctorShare, 0.25))
}

@Test func tiesForUsualProviderUseTheSharedMaximum() {
  // A, A, B, B: UPC = 2/4 whichever is "usual"; Σn² = 8, COC = (8 − 4)/12 = 1/3;
  // HHI = 8/16 = 0.5; MMCI = (1 − 2/4.1)/(1 − 1/4.1) = 2.1/3.1; SECON with
  // order A A B B: 2 of 3 pairs.
  let x = stats([2, 2], fixed: 1, pairs: 2).indices(hasFixedDoctor: true)
  #expect(close(x.upc, 0.5) && close(x.coc, 1.0 / 3.0) && close(x.herfindahl, 0.5))
  #expect(close(x.mmci, 2.1 / 3.1) && close(x.secon, 2.0 / 3.0) && close(x.fixedDoctorShare, 0.5))
}

@Test func addingPerProviderEqualsRecordingVisitByVisit() {
  // Property: add(n) is the same as n calls of record() for every field but
  // the order-dependent pairs (seeded sweep).
  for seed in 0..<200 {
    var rng = Xoshiro256(seed: UInt64(seed))
    let k = 1 + rng.nextIndex(6)
    let counts = (0..<k).map { _ in Int32(1 + rng.nextIndex(9)) }
    let fixed = rng.nextIndex(k + 1)
    var a = ContinuityStatistics()
    var seen = [Int32](repeating: 0, count: k)
    // Visits in a random interleaving.
    var remaining = counts
    while remaining.contains(where: { $0 > 0 }) {
      let j = rng.nextIndex(k)
      guard remaining[j] > 0 else { continue }
      a.record(countBefore: seen[j], sameAsPrevious: false, withFixedDoctor: j == fixed)
      seen[j] += 1
      remaining[j] -= 1
    }
    let b = stats(counts, fixed: fixed)
    #expect(a == b, "seed \(seed)")
  }
}
