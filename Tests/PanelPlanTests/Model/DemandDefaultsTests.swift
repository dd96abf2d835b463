import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The demand defaults (issue 13, finding 7: the table and the assumed
/// rate agree).
@Suite struct DemandDefaultsTests {
  /// DOMAIN.md's table over Sweden's 2023 age structure, by hand:
  /// 0.065·1.3 + 0.120·0.6 + 0.165·0.7 + 0.200·0.8 + 0.245·1.0 + 0.105·1.7
  /// + 0.045·1.7 + 0.055·2.6 = 0.0845 + 0.072 + 0.1155 + 0.16 + 0.245 +
  /// 0.1785 + 0.0765 + 0.143 = 1.075. The defaults are rescaled to 1.1, and
  /// default need weights average 1.0.
  @Test func demandTableAveragesTheAssumedRate() {
    #expect(abs(DemandDefaults.domainTableMean - 1.075) < 1e-12)
    let shares = DemandDefaults.swedenAgeShares2023
    #expect(abs(shares.reduce(0) { $0 + $1.share } - 1) < 1e-12)
    let mean = shares.reduce(0) { $0 + $1.share * DemandDefaults.doctorVisitsPerYear(for: $1.band) }
    #expect(abs(mean - 1.1) < 1e-12)
    let weight = shares.reduce(0) { $0 + $1.share * DemandDefaults.defaultNeedWeight(for: $1.band) }
    #expect(abs(weight - 1) < 1e-12)
    #expect(abs(DemandDefaults.doctorVisitsPerYear(for: .age80plus) - 2.6 * 1.1 / 1.075) < 1e-12)
  }
}
