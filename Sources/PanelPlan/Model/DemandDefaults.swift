/// Illustrative demand defaults from DOMAIN.md. Replace with local data.
public enum DemandDefaults {
  /// DOMAIN.md's illustrative table of doctor visits per listed person per
  /// year, as printed there (0–5: 1.3, 6–15: 0.6, 16–29: 0.7, 30–44: 0.8,
  /// 45–64: 1.0, 65–79: 1.7, 80+: 2.6). Both halves of 65–79 take 1.7.
  public static func domainTableVisitsPerYear(for band: AgeBand) -> Double {
    switch band {
    case .age0to5: return 1.3
    case .age6to15: return 0.6
    case .age16to29: return 0.7
    case .age30to44: return 0.8
    case .age45to64: return 1.0
    case .age65to74, .age75to79: return 1.7
    case .age80plus: return 2.6
    }
  }

  /// Sweden's age structure, 2023, rounded (shares of the population; SCB).
  public static let swedenAgeShares2023: [(band: AgeBand, share: Double)] = [
    (.age0to5, 0.065), (.age6to15, 0.120), (.age16to29, 0.165), (.age30to44, 0.200),
    (.age45to64, 0.245), (.age65to74, 0.105), (.age75to79, 0.045), (.age80plus, 0.055),
  ]

  /// The mean of DOMAIN.md's table over Sweden's 2023 age structure:
  /// 1.075, not the 1.1 it was said to average (issue 13, finding 7).
  public static let domainTableMean: Double = swedenAgeShares2023.reduce(0) {
    $0 + $1.share * domainTableVisitsPerYear(for: $1.band)
  }

  /// Doctor visits per listed person per year, by age band: DOMAIN.md's
  /// table scaled by 1.1 / 1.075 so that it averages exactly
  /// `averageDoctorVisitsPerYear` over Sweden's age structure, the rate the
  /// working-time calibration uses (the shape across ages is the table's).
  /// Visits *made* by doctors, after nurse triage (see `DemandParameters`).
  public static func doctorVisitsPerYear(for band: AgeBand) -> Double {
    domainTableVisitsPerYear(for: band) * averageDoctorVisitsPerYear / domainTableMean
  }

  /// The average number of doctor visits per listed person per year that a
  /// care-need weight of 1.0 stands for: 1.1, physical doctor visits in
  /// regional primary care per inhabitant in 2023 (1.11, DOMAIN.md), a
  /// count of visits made.
  public static let averageDoctorVisitsPerYear = 1.1

  /// The care-need weight used when none is given: the age band's visit rate
  /// relative to the average person (so it averages 1.0 over Sweden).
  public static func defaultNeedWeight(for band: AgeBand) -> Double {
    doctorVisitsPerYear(for: band) / averageDoctorVisitsPerYear
  }
}
