/// Illustrative demand defaults from DOMAIN.md. Replace with local data.
public enum DemandDefaults {
  /// Doctor visits per listed person per year, by age band.
  ///
  /// DOMAIN.md's illustrative table (0–5: 1.3, 6–15: 0.6, 16–29: 0.7,
  /// 30–44: 0.8, 45–64: 1.0, 65–79: 1.7, 80+: 2.6), chosen to average about
  /// 1.1 over Sweden's age structure. Both halves of the 65–79 band take 1.7.
  public static func doctorVisitsPerYear(for band: AgeBand) -> Double {
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

  /// The average number of doctor visits per listed person per year that a
  /// care-need weight of 1.0 stands for (DOMAIN.md: about 1.1).
  public static let averageDoctorVisitsPerYear = 1.1

  /// The care-need weight used when none is given: the age band's visit rate
  /// relative to the average person.
  public static func defaultNeedWeight(for band: AgeBand) -> Double {
    doctorVisitsPerYear(for: band) / averageDoctorVisitsPerYear
  }
}
