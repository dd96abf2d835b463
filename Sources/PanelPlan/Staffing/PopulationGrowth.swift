import Foundation

/// Growth of the listed population by age band, applied year by year.
///
/// The default follows DOMAIN.md's ten-year outlook: the 80+ population grows
/// about 50% over ten years and the working-age population about 5%. The
/// other bands are illustrative: children flat (falling births balance
/// migration), 65–74 +10% and 75–79 +30% over ten years (the large 1940s
/// cohorts moving up). Because every group keeps its band's care-need
/// weight, a growing share of old people raises the need-weighted list even
/// when headcount barely moves.
public struct PopulationGrowth: Sendable, Hashable {
  /// Growth factor per year for each age band, indexed by `AgeBand.index`
  /// (1.0 = no change).
  public var yearlyFactor: [Double]

  public init(yearlyFactor: [Double]) {
    precondition(yearlyFactor.count == AgeBand.allCases.count, "one factor per age band")
    self.yearlyFactor = yearlyFactor
  }

  /// The same from input: throws instead of trapping when there is not
  /// one factor per age band or a factor is negative or not finite.
  public init(checkedYearlyFactor yearlyFactor: [Double]) throws {
    guard yearlyFactor.count == AgeBand.allCases.count else {
      throw InputError(field: "yearlyFactor", problem: "found \(yearlyFactor.count) factors, expected one per age band (\(AgeBand.allCases.count))")
    }
    if let bad = yearlyFactor.first(where: { !($0.isFinite && $0 >= 0) }) {
      throw InputError(field: "yearlyFactor", problem: "found \(bad), expected factors of 0 or more")
    }
    self.init(yearlyFactor: yearlyFactor)
  }

  /// From growth over ten years per band: yearly factor = (1 + g)^(1/10).
  public init(tenYearGrowth: [AgeBand: Double]) {
    self.init(yearlyFactor: AgeBand.allCases.map { b in
      let g = tenYearGrowth[b] ?? 0
      return Foundation.pow(1 + g, 0.1)
    })
  }

  /// DOMAIN.md: 80+ about +50%, working age (16–64) about +5% over ten years.
  public static let standard = PopulationGrowth(tenYearGrowth: [
    .age0to5: 0, .age6to15: 0, .age16to29: 0.05, .age30to44: 0.05, .age45to64: 0.05,
    .age65to74: 0.10, .age75to79: 0.30, .age80plus: 0.50,
  ])

  /// No growth at all.
  public static let none = PopulationGrowth(yearlyFactor: Array(repeating: 1, count: AgeBand.allCases.count))

  /// The factor for one band.
  public func factor(for band: AgeBand) -> Double { yearlyFactor[band.index] }
}

