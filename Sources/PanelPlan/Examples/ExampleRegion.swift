/// The built-in example region: four variants of the example care centre,
/// so that `panelplan project` and `panelplan recruit` run with no file.
///
/// All figures are illustrative: the example centre itself; a rural centre
/// with half the list, older doctors and a locum; a city centre with a
/// larger, younger list and few specialists; and a teaching centre with
/// four trainees.
public enum ExampleRegion {
  public static func make() -> Region {
    let base = ExampleCentre.make()

    var rural = scaled(base, by: 0.5, id: "vc-landsbygd", name: "Vårdcentralen Landsbygd")
    rural.clinicians = [
      Clinician(id: "gp-rut", role: .gpSpecialist, fte: 1.0, duties: DutyShares(management: 0.2), birthYear: 1960),
      Clinician(id: "gp-sven", role: .gpSpecialist, fte: 0.8, birthYear: 1962),
      Clinician(id: "gp-tove", role: .gpSpecialist, fte: 0.6, birthYear: 1975),
      Clinician(id: "st-ulf", role: .gpTrainee, fte: 1.0, birthYear: 1990, trainingProgress: 0.4),
      Clinician(id: "locum-vera", role: .locum, fte: 1.0),
      Clinician(id: "rn-wilma", role: .nurse, fte: 1.0),
      Clinician(id: "rn-yngve", role: .nurse, fte: 0.8),
    ]

    var city = scaled(base, by: 1.3, id: "vc-city", name: "Vårdcentralen City")
    city.clinicians = [
      Clinician(id: "gp-amir", role: .gpSpecialist, fte: 1.0, duties: DutyShares(management: 0.2), birthYear: 1978),
      Clinician(id: "gp-britt", role: .gpSpecialist, fte: 0.8, birthYear: 1984),
      Clinician(id: "gp-cyrus", role: .gpSpecialist, fte: 1.0, birthYear: 1986),
      Clinician(id: "gp-dana", role: .gpSpecialist, fte: 0.7, duties: DutyShares(research: 0.2), birthYear: 1981),
      Clinician(id: "gp-emil", role: .gpSpecialist, fte: 1.0, birthYear: 1990),
      Clinician(id: "ld-fanny", role: .licensedDoctor, fte: 1.0, birthYear: 1996),
      Clinician(id: "st-gustav", role: .gpTrainee, fte: 1.0, birthYear: 1993, trainingProgress: 0.8),
      Clinician(id: "rn-hanna", role: .nurse, fte: 1.0),
      Clinician(id: "rn-ida", role: .nurse, fte: 1.0),
      Clinician(id: "rn-jonas", role: .nurse, fte: 1.0),
      Clinician(id: "pt-klara", role: .otherProfession, fte: 1.0),
    ]

    var teaching = scaled(base, by: 0.9, id: "vc-undervisning", name: "Vårdcentralen Undervisning")
    teaching.clinicians = [
      Clinician(id: "gp-lena", role: .gpSpecialist, fte: 1.0, duties: DutyShares(supervision: 0.1, management: 0.1), birthYear: 1966),
      Clinician(id: "gp-magnus", role: .gpSpecialist, fte: 1.0, duties: DutyShares(supervision: 0.1), birthYear: 1970),
      Clinician(id: "gp-nora", role: .gpSpecialist, fte: 0.9, duties: DutyShares(supervision: 0.1), birthYear: 1979),
      Clinician(id: "gp-oskar", role: .gpSpecialist, fte: 0.8, birthYear: 1958),
      Clinician(id: "gp-petra", role: .gpSpecialist, fte: 1.0, birthYear: 1985),
      Clinician(id: "st-quinn", role: .gpTrainee, fte: 1.0, birthYear: 1991, trainingProgress: 0.9, trainingStartYear: 2022),
      Clinician(id: "st-rasmus", role: .gpTrainee, fte: 1.0, birthYear: 1992, trainingProgress: 0.6, trainingStartYear: 2023),
      Clinician(id: "st-saga", role: .gpTrainee, fte: 1.0, birthYear: 1994, trainingProgress: 0.3, trainingStartYear: 2025),
      Clinician(id: "st-tim", role: .gpTrainee, fte: 1.0, birthYear: 1996, trainingProgress: 0.1, trainingStartYear: 2026),
      Clinician(id: "rn-ulla", role: .nurse, fte: 1.0),
      Clinician(id: "rn-viktor", role: .nurse, fte: 1.0),
    ]
    return Region(name: "Exempelregionen", centres: [base, rural, city, teaching])
  }

  /// The centre with every group's count scaled and rounded.
  static func scaled(_ c: CareCentre, by f: Double, id: String, name: String) -> CareCentre {
    var out = c
    out.id = id
    out.name = name
    out.population.groups = c.population.groups.map { g in
      PatientGroup(profile: g.profile, count: Int((Double(g.count) * f).rounded()))
    }
    return out
  }
}
