/// The built-in example: a mid-sized Swedish care centre a new user can run
/// every command on at once.
///
/// About 12,000 listed people with Sweden's age structure (2023, rounded),
/// six GP specialists at different employment rates and duties, two trainees
/// (one before and one past mid-training), a locum, and a team of nurses and
/// other professions. All figures are illustrative.
public enum ExampleCentre {
  /// The example centre, population as groups.
  public static func make() -> CareCentre {
    let clinicians: [Clinician] = [
      Clinician(id: "gp-anna", role: .gpSpecialist, fte: 1.0, duties: DutyShares(supervision: 0.10, management: 0.20), yearsOfExperience: 18, birthYear: 1969),
      Clinician(id: "gp-bo", role: .gpSpecialist, fte: 1.0, duties: DutyShares(supervision: 0.10), yearsOfExperience: 25, birthYear: 1961),
      Clinician(id: "gp-cecilia", role: .gpSpecialist, fte: 0.8, duties: DutyShares(research: 0.20), yearsOfExperience: 9, birthYear: 1980),
      Clinician(id: "gp-david", role: .gpSpecialist, fte: 0.9, duties: DutyShares(sideAssignments: 0.10), yearsOfExperience: 12, birthYear: 1977),
      Clinician(id: "gp-eva", role: .gpSpecialist, fte: 0.6, duties: DutyShares(supervision: 0.10), yearsOfExperience: 30, birthYear: 1959),
      Clinician(id: "gp-farid", role: .gpSpecialist, fte: 1.0, yearsOfExperience: 3, birthYear: 1988),
      Clinician(id: "st-greta", role: .gpTrainee, fte: 1.0, birthYear: 1992, trainingProgress: 0.7, trainingStartYear: 2023),
      Clinician(id: "st-hassan", role: .gpTrainee, fte: 1.0, birthYear: 1995, trainingProgress: 0.2, trainingStartYear: 2025),
      Clinician(id: "locum-ivar", role: .locum, fte: 0.5, birthYear: 1966),
      Clinician(id: "rn-johanna", role: .nurse, fte: 1.0),
      Clinician(id: "rn-karin", role: .nurse, fte: 1.0),
      Clinician(id: "rn-lars", role: .nurse, fte: 0.8),
      Clinician(id: "rn-maria", role: .nurse, fte: 1.0),
      Clinician(id: "pt-nils", role: .otherProfession, fte: 1.0),
      Clinician(id: "kur-olga", role: .otherProfession, fte: 0.5),
    ]
    return CareCentre(
      id: "vc-exempel", name: "Vårdcentralen Exempel", region: "Exempelregionen",
      clinicians: clinicians, population: ListedPopulation(groups: exampleGroups()))
  }

  /// Sweden's age structure (shares of the population, 2023, rounded) split
  /// into groups by long-term conditions, nursing home and home health care.
  static func exampleGroups() -> [PatientGroup] {
    let listed = 12_000.0
    let shares: [(AgeBand, Double)] = [
      (.age0to5, 0.065), (.age6to15, 0.120), (.age16to29, 0.165), (.age30to44, 0.200),
      (.age45to64, 0.245), (.age65to74, 0.105), (.age75to79, 0.045), (.age80plus, 0.055),
    ]
    // Share of each band with 1 and with 2+ long-term conditions: rising with
    // age, illustrative.
    let conditions: [AgeBand: (one: Double, several: Double)] = [
      .age0to5: (0.05, 0.01), .age6to15: (0.08, 0.01), .age16to29: (0.10, 0.02),
      .age30to44: (0.15, 0.04), .age45to64: (0.25, 0.12), .age65to74: (0.30, 0.30),
      .age75to79: (0.30, 0.40), .age80plus: (0.25, 0.55),
    ]
    var groups: [PatientGroup] = []
    for (band, share) in shares {
      let n = (listed * share).rounded()
      let base = DemandDefaults.defaultNeedWeight(for: band)
      var rest = n
      if band == .age80plus {
        // About 14% of the 80+ live in nursing homes, about 25% get home
        // health care (the 3.9% of Sweden are mostly old).
        let nursing = (n * 0.14).rounded()
        let home = (n * 0.25).rounded()
        groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 1.6, nursingHome: true, longTermConditions: 3), count: Int(nursing)))
        groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 1.3, homeHealthCare: true, longTermConditions: 2), count: Int(home)))
        rest -= nursing + home
      }
      let c = conditions[band]!
      let several = (rest * c.several).rounded()
      let one = (rest * c.one).rounded()
      let none = rest - several - one
      groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 1.5, longTermConditions: 2), count: Int(several)))
      groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 1.2, longTermConditions: 1), count: Int(one)))
      groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 0.85), count: Int(none)))
    }
    return groups
  }
}
