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
  /// into groups by long-term conditions, nursing home and home health care
  /// (`PopulationRecipe`), for 12,000 listed people.
  static func exampleGroups() -> [PatientGroup] {
    PopulationRecipe.groups(listed: 12_000)
  }
}
