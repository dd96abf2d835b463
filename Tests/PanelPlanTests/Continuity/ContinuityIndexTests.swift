import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The index formulas of DOMAIN.md on visit sequences worked out by hand.
@Suite struct ContinuityIndexTests {
  /// Feeds `providers` (in date order) one visit at a time, as both feeds do.
  func statistics(_ providers: [String], fixedDoctor: String?) -> ContinuityStatistics {
    var s = ContinuityStatistics()
    var seen: [String: Int32] = [:]
    var previous: String?
    for p in providers {
      s.record(countBefore: seen[p, default: 0], sameAsPrevious: p == previous, withFixedDoctor: p == fixedDoctor)
      seen[p, default: 0] += 1
      previous = p
    }
    return s
  }

  /// A A B A C, fixed doctor A: N = 5, counts 3, 1, 1, k = 3.
  /// Σ n² = 11; COC = (11 − 5) / (5 · 4) = 0.3; UPC = 3/5; one same-provider
  /// pair (A A) of 4: SECON = 0.25; Herfindahl 11/25 = 0.44; MMCI =
  /// (1 − 3/5.1) / (1 − 1/5.1) = 2.1/4.1; fixed-doctor share 3/5.
  @Test func handWorkedSequence() throws {
    let i = statistics(["A", "A", "B", "A", "C"], fixedDoctor: "A").indices(hasFixedDoctor: true)
    #expect(i.visits == 5 && i.providers == 3)
    #expect(abs(try #require(i.coc) - 0.3) < 1e-15)
    #expect(i.upc == 0.6)
    #expect(i.secon == 0.25)
    #expect(abs(try #require(i.herfindahl) - 0.44) < 1e-15)
    #expect(abs(try #require(i.mmci) - 2.1 / 4.1) < 1e-14)
    #expect(i.fixedDoctorShare == 0.6)
    // DOMAIN.md's identity COC = (N · Herfindahl − 1) / (N − 1).
    #expect(abs(try #require(i.coc) - (5 * 0.44 - 1) / 4) < 1e-15)
  }

  /// The ends of the scale: every visit with one provider gives 1 on every
  /// index; every visit with a different provider gives COC = SECON = 0,
  /// UPC = Herfindahl = 1/N, and MMCI (1 − 4/4.1) / (1 − 1/4.1) = 0.1/3.1
  /// (Magill–Senf's 0.1 keeps it just above 0).
  @Test func endsOfTheScale() {
    let same = statistics(["A", "A", "A", "A"], fixedDoctor: nil).indices(hasFixedDoctor: false)
    #expect(same.coc == 1 && same.upc == 1 && same.secon == 1 && same.herfindahl == 1)
    #expect(abs(same.mmci! - 1) < 1e-15)
    #expect(same.fixedDoctorShare == nil)
    let spread = statistics(["A", "B", "C", "D"], fixedDoctor: "Z").indices(hasFixedDoctor: true)
    #expect(spread.coc == 0 && spread.secon == 0 && spread.upc == 0.25 && spread.herfindahl == 0.25)
    #expect(abs(spread.mmci! - 0.1 / 3.1) < 1e-14)
    #expect(spread.fixedDoctorShare == 0)
  }

  /// COC and SECON need two visits; nothing is defined without visits.
  @Test func undefinedBelowTheirMinimumVisits() {
    let one = statistics(["A"], fixedDoctor: "A").indices(hasFixedDoctor: true)
    #expect(one.coc == nil && one.secon == nil)
    #expect(one.upc == 1 && one.herfindahl == 1 && one.fixedDoctorShare == 1)
    #expect(ContinuityIndex.upc(maxCount: 0, visits: 0) == nil)
    #expect(ContinuityIndex.herfindahl(sumOfSquares: 0, visits: 0) == nil)
    #expect(ContinuityIndex.mmci(providers: 0, visits: 0) == nil)
    #expect(ContinuityIndex.fixedDoctorShare(fixedDoctorVisits: 0, visits: 0, hasFixedDoctor: true) == nil)
  }
}
