import Foundation

/// A synthetic centre's records (visits and patients) drawn from a
/// scenario's parameters, so that calibration can be tested end to end:
/// calibrating them must recover the parameters that made them.
///
/// The records are drawn directly from the demand model, not through the
/// booking engine, so that every parameter has a known true value:
/// - each listed patient's doctor visits are Poisson with mean
///   `DemandParameters.doctorVisitsPerYear(ageBand:needWeight:)` × the
///   window's years (Poisson process, as the simulation draws needs);
/// - a visit is acute with probability `acuteShare` (contact type
///   `acute`, else `planned`);
/// - nurse and other-profession contacts are Poisson with means
///   `nurseContactsPerDoctorContact` and `otherContactsPerDoctorContact`
///   times the patient's expected doctor visits;
/// - a patient with a fixed doctor sees that doctor with probability
///   `fixedDoctorVisitShare`, else a doctor drawn by FTE;
/// - days are uniform over the window's weekdays.
///
/// Patients: the centre's individual patients as they are (with their fixed
/// doctors), and its groups expanded to individuals `G<group>-<n>`, of whom
/// `shareWithFixedDoctor` get a fixed doctor drawn by FTE among the
/// panel-holding doctors (specialists, trainees, licensed doctors).
public struct SyntheticVisits: Sendable {
  public var scenario: Scenario
  /// Length of the records in years (the window is years × 365.2425 days, rounded).
  public var years: Int
  /// First day, days since 1970-01-01. Default 2025-01-01.
  public var startDay: Int32 = ISODateBytes.dayNumber(year: 2025, month: 1, day: 1)
  /// Probability that a doctor visit of a patient with a fixed doctor is
  /// with that doctor. Default 0.6 (illustrative).
  public var fixedDoctorVisitShare = 0.6
  /// Share of expanded group patients given a fixed doctor. Default 0.5.
  public var shareWithFixedDoctor = 0.5

  public init(scenario: Scenario, years: Int) {
    self.scenario = scenario
    self.years = years
  }

  /// The window's days.
  public var days: Int { Int((Double(years) * 365.2425).rounded()) }
  /// The last day of the window.
  public var endDay: Int32 { startDay + Int32(days) - 1 }

  /// The generated files.
  public struct Output: Sendable {
    /// `patient,date,clinician,profession,contact_type`, sorted by date.
    public var visitsCSV: String
    /// `patient,age_band,sex,need_weight,nursing_home,home_health_care,long_term_conditions,fixed_doctor`.
    public var patientsCSV: String
    /// The centre with every patient individually (ids as in the files).
    public var centre: CareCentre
    public var visits: Int
  }

  /// Draws the records. The same seed gives the same files.
  public func generate(seed: UInt64) -> Output {
    var rng = Xoshiro256(seed: seed, stream: [14])
    let centre = scenario.centre
    let d = scenario.parameters.demand
    // Doctors by FTE, for visits away from the fixed doctor and for new fixed doctors.
    let doctors = centre.clinicians.filter { $0.role.isDoctor && $0.fte > 0 }
    let panelDoctors = doctors.filter { $0.role != .locum }
    func pick(_ list: [Clinician]) -> Clinician? {
      let total = list.reduce(0) { $0 + $1.fte }
      guard total > 0 else { return nil }
      var u = rng.nextUnit() * total
      for c in list { u -= c.fte; if u < 0 { return c } }
      return list.last
    }
    let nurses = centre.clinicians.filter { $0.role == .nurse }
    let others = centre.clinicians.filter { $0.role == .otherProfession }
    var patients = centre.population.patients
    for (g, group) in centre.population.groups.enumerated() {
      for k in 0..<group.count {
        let fixed = rng.nextUnit() < shareWithFixedDoctor ? pick(panelDoctors)?.id : nil
        patients.append(Patient(id: "G\(g + 1)-\(k + 1)", profile: group.profile, fixedDoctorId: fixed))
      }
    }
    // Weekdays of the window.
    var weekdays: [Int32] = []
    for day in startDay...endDay where (Int(day) + 3) % 7 < 5 { weekdays.append(day) }  // 1970-01-01 was a Thursday
    let exposureYears = Double(days) / 365.2425

    struct Visit { var day: Int32; var patient: Int32; var clinician: String; var profession: UInt8; var acute: Bool }
    var visits: [Visit] = []
    for (i, p) in patients.enumerated() {
      let mean = d.doctorVisitsPerYear(ageBand: p.profile.ageBand.index, needWeight: p.profile.needWeight) * exposureYears
      for _ in 0..<poisson(mean: mean, using: &rng) {
        var doctor = p.fixedDoctorId
        if doctor == nil || rng.nextUnit() >= fixedDoctorVisitShare { doctor = pick(doctors)?.id ?? "doctor" }
        visits.append(Visit(day: weekdays[rng.nextIndex(weekdays.count)], patient: Int32(i), clinician: doctor!, profession: 0, acute: rng.nextUnit() < d.acuteShare))
      }
      for _ in 0..<poisson(mean: mean * d.nurseContactsPerDoctorContact, using: &rng) {
        let who = nurses.isEmpty ? "nurse" : nurses[rng.nextIndex(nurses.count)].id
        visits.append(Visit(day: weekdays[rng.nextIndex(weekdays.count)], patient: Int32(i), clinician: who, profession: 1, acute: false))
      }
      for _ in 0..<poisson(mean: mean * d.otherContactsPerDoctorContact, using: &rng) {
        let who = others.isEmpty ? "other" : others[rng.nextIndex(others.count)].id
        visits.append(Visit(day: weekdays[rng.nextIndex(weekdays.count)], patient: Int32(i), clinician: who, profession: 2, acute: false))
      }
    }
    // Date order, as exports usually come; patient then draw order break ties.
    visits = visits.enumerated().sorted { a, b in
      a.element.day != b.element.day ? a.element.day < b.element.day
        : a.element.patient != b.element.patient ? a.element.patient < b.element.patient : a.offset < b.offset
    }.map(\.element)
    var v = "patient,date,clinician,profession,contact_type\n"
    v.reserveCapacity(visits.count * 40)
    let professions = ["doctor", "nurse", "other"]
    for x in visits {
      v += "\(patients[Int(x.patient)].id),\(ISODateBytes.format(x.day)),\(x.clinician),\(professions[Int(x.profession)]),\(x.profession == 0 ? (x.acute ? "acute" : "planned") : "planned")\n"
    }
    var pc = "patient,age_band,sex,need_weight,nursing_home,home_health_care,long_term_conditions,fixed_doctor\n"
    for p in patients {
      let f = p.profile
      pc += "\(p.id),\(f.ageBand.rawValue),\(f.sex.rawValue),\(NumberFormat.machine(f.needWeight)),\(f.nursingHome ? 1 : 0),\(f.homeHealthCare ? 1 : 0),\(f.longTermConditions),\(p.fixedDoctorId ?? "")\n"
    }
    var c = centre
    c.population = ListedPopulation(patients: patients)
    return Output(visitsCSV: v, patientsCSV: pc, centre: c, visits: visits.count)
  }
}
