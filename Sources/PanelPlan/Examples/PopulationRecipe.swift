/// The one recipe for a synthetic listed population, used by the example
/// centre (and through it the example region) and by the synthetic regions
/// and Sweden: Sweden's age structure, and each age band split by
/// long-term conditions, nursing home and home health care, each group with
/// its need weight.
///
/// Every figure is illustrative unless its comment gives a source.
enum PopulationRecipe {
  /// Sweden's age structure, 2023, rounded (shares of the population; SCB,
  /// `DemandDefaults.swedenAgeShares2023`).
  static let ageShares: [(band: AgeBand, share: Double)] = DemandDefaults.swedenAgeShares2023

  /// Share of each band with one and with two or more long-term
  /// conditions: rising with age, illustrative.
  static let conditionShares: [AgeBand: (one: Double, several: Double)] = [
    .age0to5: (0.05, 0.01), .age6to15: (0.08, 0.01), .age16to29: (0.10, 0.02),
    .age30to44: (0.15, 0.04), .age45to64: (0.25, 0.12), .age65to74: (0.30, 0.30),
    .age75to79: (0.30, 0.40), .age80plus: (0.25, 0.55),
  ]

  /// Share of the 80+ living in nursing homes (about 14%) and getting home
  /// health care (about 25%; the 3.9% of Sweden are mostly old).
  static let nursingHomeShare80plus = 0.14
  static let homeHealthCareShare80plus = 0.25

  /// Need weight of each kind of group relative to the band's default
  /// (`DemandDefaults.defaultNeedWeight(for:)`), illustrative: more
  /// conditions, more need; nursing home and home care the most.
  static let nursingHomeWeight = 1.6, homeHealthCareWeight = 1.3
  static let severalConditionsWeight = 1.5, oneConditionWeight = 1.2, noConditionWeight = 0.85

  /// The groups of `count` listed people of one age band: for 80+, nursing
  /// home and home health care first; then two or more, one and no
  /// long-term conditions. Counts are rounded and add up to `count`.
  static func groups(band: AgeBand, count: Double) -> [PatientGroup] {
    let base = DemandDefaults.defaultNeedWeight(for: band)
    var groups: [PatientGroup] = []
    var rest = count
    if band == .age80plus {
      let nursing = (count * nursingHomeShare80plus).rounded()
      let home = (count * homeHealthCareShare80plus).rounded()
      groups.append(PatientGroup(
        profile: PatientProfile(ageBand: band, needWeight: base * nursingHomeWeight, nursingHome: true, longTermConditions: 3),
        count: Int(nursing)))
      groups.append(PatientGroup(
        profile: PatientProfile(ageBand: band, needWeight: base * homeHealthCareWeight, homeHealthCare: true, longTermConditions: 2),
        count: Int(home)))
      rest -= nursing + home
    }
    let c = conditionShares[band] ?? (0, 0)
    let several = (rest * c.several).rounded()
    let one = (rest * c.one).rounded()
    groups.append(PatientGroup(
      profile: PatientProfile(ageBand: band, needWeight: base * severalConditionsWeight, longTermConditions: 2), count: Int(several)))
    groups.append(PatientGroup(
      profile: PatientProfile(ageBand: band, needWeight: base * oneConditionWeight, longTermConditions: 1), count: Int(one)))
    groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * noConditionWeight), count: Int(rest - several - one)))
    return groups
  }

  /// The groups of a list of `listed` people with exactly Sweden's age
  /// structure (each band's count rounded).
  static func groups(listed: Double) -> [PatientGroup] {
    ageShares.flatMap { groups(band: $0.band, count: (listed * $0.share).rounded()) }
  }
}
