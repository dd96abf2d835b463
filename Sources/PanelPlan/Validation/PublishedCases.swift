import Foundation

/// The published methods PanelPlan claims to follow, each reproduced through
/// the model's own inputs (`panelplan validate`).
///
/// Every expected value is worked out here from the source, in code that
/// does not call the function it checks: Murray's and Altschuler's
/// arithmetic, the guideline's products, an exact Poisson tail for Green,
/// Savin and Murray, 1/m for the continuity of m interchangeable doctors,
/// and the Magill–Senf and Bice–Boxerman formulas. Simulated cases compare
/// within a stated multiple of the standard error, so they pass with
/// probability above 99.99% for any seed.
///
/// ```swift
/// let cases = PublishedCases.all(seed: 1)
/// cases.allSatisfy(\.pass)
/// ```
public enum PublishedCases {
  /// Standard errors a simulated case may be off by. 4 SE: a false failure
  /// in fewer than 1 run in 10,000 (normal approximation).
  public static let sampleErrorMultiple = 4.0

  /// Every case, in a stable order.
  ///
  /// - Parameter seed: seed of the simulated cases.
  /// - Complexity: a few simulated centre-years; well under a second in a
  ///   release build.
  public static func all(seed: UInt64 = 1) -> [PublishedCase] {
    var out: [PublishedCase] = []
    out.append(murray2007())
    out += altschuler2012FromHours()
    out += altschuler2012FromDelegation()
    out += guideline2022()
    out.append(workingTime1100())
    out += greenSavinMurray2007(seed: seed)
    out.append(cocOfInterchangeableDoctors(seed: seed))
    out += magillSenf()
    out.append(cocIdentity(seed: seed))
    return out
  }

  // MARK: - Capacity

  /// Murray et al. (2007): 20 visits a day × 220 days / 2 visits a
  /// patient-year = 2,200, entered as visits a day and days worked.
  static func murray2007() -> PublishedCase {
    var w = WorkingTimeParameters()
    // 260 weekdays − 40 days off = 220 days worked, as in Murray's example.
    w.weeksPerYear = 52
    w.vacationDaysPerYear = 25
    w.publicHolidayDaysPerYear = 11
    w.trainingDaysPerYear = 4
    w.sickDaysPerYear = 0
    w.plannedVisitsPerPatientYear = 2
    w.acuteVisitsPerPatientYear = 0
    let model = WorkingTimeCapacity.supplyEqualsDemandPanel(visitsPerDay: 20, parameters: w)
    return PublishedCase(
      id: "murray2007.supplyEqualsDemand", name: "Supply = demand panel (20 visits/day, 220 days, 2 visits/patient-year)",
      source: "Murray M, Davies M, Boushon B. Fam Pract Manag 2007;14(4):44", citation: "Murray 2007",
      expected: 20.0 * 220 / 2, model: model, tolerance: 0.5, toleranceReason: "exact arithmetic; a panel is whole patients",
      assumptions: [
        "visits per doctor per day 20 (entered as visits, not minutes)",
        "days worked \(NumberFormat.machine(w.workingDaysPerYear)) = 52 × 5 − 25 vacation − 11 holidays − 4 training",
        "visits per patient-year 2",
      ])
  }

  /// Published doctor hours per patient-year of Altschuler et al. (2012):
  /// none, then delegation models 1–3, with the published panels.
  static let altschulerPublished: [(label: String, hours: Double, panel: Double, model: DelegationModel)] = [
    ("no delegation", 2.06, 983, .altschuler2012None),
    ("delegation model 1 (77% preventive, 47% chronic)", 1.04, 1_947, .altschuler2012Model1),
    ("delegation model 2 (60% / 30%)", 1.33, 1_523, .altschuler2012Model2),
    ("delegation model 3 (50% / 25%)", 1.46, 1_387, .altschuler2012Model3),
  ]
  static let altschulerSource = "Altschuler J, Margolius D, Bodenheimer T, Grumbach K. Ann Fam Med 2012;10:396"
  /// Doctor hours a year in all four published panels (983 × 2.06 ≈ 2,025).
  static let altschulerDoctorHoursPerYear = 2_025.0

  /// A working-time setting whose patient hours are `hours` a year and
  /// whose patient needs `minutesPerPatientYear` of doctor time: the
  /// model's own inputs restated in Altschuler's terms.
  static func altschulerParameters(minutesPerPatientYear: Double) -> WorkingTimeParameters {
    var w = WorkingTimeParameters()
    w.weeksPerYear = 52
    w.hoursPerWeekFullTime = altschulerDoctorHoursPerYear / 52
    w.vacationDaysPerYear = 0
    w.publicHolidayDaysPerYear = 0
    w.trainingDaysPerYear = 0
    w.sickDaysPerYear = 0
    w.meetingHoursPerWeek = 0
    w.administrationHoursPerWeek = 0
    w.plannedVisitsPerPatientYear = 0
    w.acuteVisitsPerPatientYear = 0
    w.indirectMinutesPerVisit = 0
    w.indirectMinutesPerPatientYear = minutesPerPatientYear
    return w
  }

  /// The four panels from the published doctor hours per patient-year:
  /// panel = 2,025 h / hours per patient-year.
  static func altschuler2012FromHours() -> [PublishedCase] {
    altschulerPublished.enumerated().map { k, row in
      let c = CapacityParameters(workingTime: altschulerParameters(minutesPerPatientYear: row.hours * 60))
      let model = c.workingTimeBreakdown(for: Clinician(id: "md", role: .gpSpecialist, fte: 1)).panel
      // The hours are published to 0.01 h: ±0.005 h moves the panel by
      // up to panel × 0.005 / hours.
      let tol = row.panel * 0.005 / row.hours
      return PublishedCase(
        id: "altschuler2012.hours.\(k)", name: "Panel at \(NumberFormat.fixed(row.hours, decimals: 2)) doctor h/patient-year, \(row.label)",
        source: altschulerSource, citation: "Altschuler 2012", expected: row.panel, model: model, tolerance: tol,
        toleranceReason: "hours published to 0.01 h (±\(NumberFormat.fixed(tol, decimals: 1)) patients)",
        assumptions: ["2,025 doctor hours a year for patients", "\(NumberFormat.fixed(row.hours, decimals: 2)) doctor hours per patient-year"])
    }
  }

  /// The four panels from the delegation shares: 2.06 h per patient-year
  /// and the task-sharing share each delegation model implies.
  static func altschuler2012FromDelegation() -> [PublishedCase] {
    altschulerPublished.enumerated().map { k, row in
      let s = row.model.doctorTimeShare
      let c = CapacityParameters(workingTime: altschulerParameters(minutesPerPatientYear: 2.06 * 60), taskSharingShare: s)
      let model = c.workingTimeBreakdown(for: Clinician(id: "md", role: .gpSpecialist, fte: 1)).panel
      // Components (0.71, 0.99, 0.36 h) are published to 0.01 h: each off
      // by up to 0.005 h, weighted by the share the doctor keeps.
      // The panel is 2,025 / hours kept, so its relative error is at most
      // 0.005 × Σ(1 − delegated) / hours kept, plus the published panel's
      // own rounding to whole patients.
      let kept = row.model.delegatedShares.reduce(0) { $0 + (1 - $1) }
      let hoursAfter = 0.71 * (1 - row.model.delegatedShares[0]) + 0.99 * (1 - row.model.delegatedShares[1]) + 0.36
      let tol = row.panel * 0.005 * kept / hoursAfter + 0.5
      return PublishedCase(
        id: "altschuler2012.delegation.\(k)", name: "Panel from delegation shares, \(row.label): task sharing \(NumberFormat.fixed(s, decimals: 3))",
        source: altschulerSource, citation: "Altschuler 2012", expected: row.panel, model: model, tolerance: tol,
        toleranceReason: "component hours published to 0.01 h (±\(NumberFormat.fixed(tol, decimals: 1)) patients)",
        assumptions: [
          "2,025 doctor hours a year; 2.06 doctor hours per patient-year without delegation (0.71 preventive, 0.99 chronic, 0.36 acute)",
          "delegated: \(Int((row.model.delegatedShares[0] * 100).rounded()))% of preventive, \(Int((row.model.delegatedShares[1] * 100).rounded()))% of chronic care; panel × 1/(1 − share)",
        ])
    }
  }

  /// Socialstyrelsen (2022): 1,100 per specialist, 550 per trainee past
  /// mid-training, scaled by FTE and by the time duties leave.
  static func guideline2022() -> [PublishedCase] {
    let source = "Socialstyrelsen 2022, guideline for fixed doctors in primary care"
    let g = CapacityParameters()
    let rows: [(id: String, name: String, clinician: Clinician, expected: Double)] = [
      ("specialist", "Full-time GP specialist, no duties",
       Clinician(id: "a", role: .gpSpecialist, fte: 1), 1_100),
      ("trainee", "Full-time GP trainee past mid-training",
       Clinician(id: "b", role: .gpTrainee, fte: 1, trainingProgress: 0.6), 550),
      ("specialistPartTime", "GP specialist at 0.6 FTE with 10% supervision: 1,100 × 0.6 × 0.9",
       Clinician(id: "c", role: .gpSpecialist, fte: 0.6, duties: DutyShares(supervision: 0.1)), 594),
      ("traineePartTime", "Trainee past mid at 0.5 FTE with 20% research: 550 × 0.5 × 0.8",
       Clinician(id: "d", role: .gpTrainee, fte: 0.5, duties: DutyShares(research: 0.2), trainingProgress: 0.8), 220),
    ]
    return rows.map { r in
      PublishedCase(
        id: "guideline2022.\(r.id)", name: r.name, source: source, citation: "Socialstyrelsen 2022", expected: r.expected,
        model: g.guidelinePanel(for: r.clinician), tolerance: 1e-9, toleranceReason: "exact arithmetic",
        assumptions: ["guideline panels 1,100 / 550, no experience adjustment, no task sharing"])
    }
  }

  /// The working-time view of a full-time specialist with the documented
  /// defaults lands on the guideline's 1,100 within 2%.
  static func workingTime1100() -> PublishedCase {
    let w = WorkingTimeParameters.standard
    let b = CapacityParameters().workingTimeBreakdown(for: Clinician(id: "a", role: .gpSpecialist, fte: 1))
    let f = { (x: Double) in NumberFormat.machine((x * 100).rounded() / 100) }
    return PublishedCase(
      id: "workingTime.guideline1100", name: "Working-time panel of a full-time GP specialist at the defaults",
      source: "Socialstyrelsen 2022 (1,100); defaults documented in WorkingTimeParameters", citation: "Socialstyrelsen 2022",
      expected: 1_100, model: b.panel, tolerance: 22, toleranceReason: "±2%: the defaults are chosen to meet the guideline, not derived from it",
      assumptions: [
        "\(f(w.hoursPerWeekFullTime)) h a week, \(f(w.weeksPerYear)) weeks",
        "\(f(w.vacationDaysPerYear)) vacation, \(f(w.publicHolidayDaysPerYear)) holiday, \(f(w.trainingDaysPerYear)) training, \(f(w.sickDaysPerYear)) sick days: \(f(w.workingDaysPerYear)) working days",
        "\(f(w.meetingHoursPerWeek)) h meetings and \(f(w.administrationHoursPerWeek)) h administration a full-time week",
        "\(f(w.visitsPerPatientYear)) doctor visits per average patient a year (\(f(w.plannedVisitsPerPatientYear)) planned, \(f(w.acuteVisitsPerPatientYear)) acute)",
        "\(f(w.minutesPerVisit)) min a visit + \(f(w.indirectMinutesPerVisit)) min indirect a visit + \(f(w.indirectMinutesPerPatientYear)) min a patient-year",
        "patient hours \(f(b.patientHours)) / \(f(b.minutesPerPatientYear)) min a patient-year",
      ])
  }

  // MARK: - Overflow

  /// P(N > slots) for N ~ Poisson(λ), summed exactly: 1 − Σ_{k ≤ slots}
  /// e^{−λ} λ^k / k!, the terms built by recurrence in log space so large
  /// λ does not underflow. Independent of the model's code on purpose.
  static func poissonTail(mean lambda: Double, above slots: Int) -> Double {
    guard lambda > 0 else { return 0 }
    guard slots >= 0 else { return 1 }
    var logTerm = -lambda
    var cdf = exp(logTerm)
    if slots > 0 {
      for k in 1...slots {
        logTerm += log(lambda) - log(Double(k))
        cdf += exp(logTerm)
      }
    }
    return max(0, 1 - cdf)
  }

  /// Green, Savin and Murray (2007): the overflow frequency of one doctor
  /// is P(demand on a working day > the day's slots), with demand on a
  /// working day Poisson. Here: a doctor with 1,100 patients at 1.1 doctor
  /// visits a patient-year; needs arise on every open day, so the demand on
  /// each of the doctor's working days has mean 1,100 × 1.1 / open days.
  /// The expected values are an exact Poisson tail written here; with
  /// fractional slots (carried from day to day) a share frac of the
  /// working days has ⌊s⌋ + 1 slots. Checked against the analytic model
  /// (`OverflowFrequency.doctor`, what capacity and sweeps use) and the
  /// simulation of the same doctor with the default absences (vacation,
  /// training, sickness), counted over the days the doctor works.
  static func greenSavinMurray2007(seed: UInt64) -> [PublishedCase] {
    let panel = 1_100, visits = 1.1
    let source = "Green LV, Savin S, Murray M. Jt Comm J Qual Patient Saf 2007;33(4):211"
    let citation = "Green-Savin-Murray 2007"
    let w = WorkingTimeParameters.standard
    let openDaysPerYear = SimulationCalendar.openDaysPerYear(publicHolidayDaysPerYear: w.publicHolidayDaysPerYear)
    let lambda = Double(panel) * visits / Double(openDaysPerYear)
    func expected(slots s: Double) -> Double {
      let whole = s.rounded(.down), frac = s - whole
      return (1 - frac) * poissonTail(mean: lambda, above: Int(whole)) + frac * poissonTail(mean: lambda, above: Int(whole) + 1)
    }
    let demand = "demand Poisson, mean \(NumberFormat.fixed(lambda, decimals: 3)) a working day = 1,100 × 1.1 / \(openDaysPerYear) open days"
    var out: [PublishedCase] = []
    for slots in [6.0, 6.4] {
      let label = NumberFormat.machine(slots)
      let e = expected(slots: slots)
      out.append(PublishedCase(
        id: "gsm2007.analytic.\(label)", name: "Overflow frequency, analytic model (panel 1,100, 1.1 visits, \(label) slots a working day)",
        source: source, citation: citation, expected: e,
        model: OverflowFrequency.doctor(
          panel: Double(panel), visitsPerPatientYear: visits, openDaysPerYear: Double(openDaysPerYear), slotsPerPresentDay: slots),
        tolerance: 1e-12, toleranceReason: "exact formula (floating-point rounding)",
        assumptions: [demand, slots == slots.rounded() ? "expected = P(Poisson > \(label)), exact tail"
          : "expected = 0.6 × P(Poisson > 6) + 0.4 × P(Poisson > 7): 40% of working days have 7 slots"]))
    }
    for slots in [6.0, 6.4] {
      let label = NumberFormat.machine(slots)
      var p = SimulationParameters()
      p.years = 20
      p.demand.doctorVisitsPerYear = Array(repeating: visits, count: AgeBand.allCases.count)
      p.demand.scaleByNeedWeight = false
      p.booking.preferPreviousDoctor = false
      let doctor = Clinician(id: "gp", role: .gpSpecialist, fte: 1)
      let centre = CareCentre(
        id: "gsm", name: "Green–Savin–Murray", region: "validation", clinicians: [doctor],
        population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64), count: panel)]))
      var sim = CentreSimulation(centre: centre, parameters: p)
      sim.slotsPerPresentDayOverride = [slots]
      sim.assignmentOverride = PatientAssignment(
        clinicianIds: ["gp"], capacity: [Double(panel)], load: [Double(panel)],
        doctorOf: [Int32](repeating: 0, count: panel), releasedRelations: 0)
      let r = sim.run(seed: seed, stream: [0x65_73_6d, UInt64(slots * 10)])
      let e = expected(slots: slots)
      let days = Double(r.tallies.doctorDays)
      let se = days > 0 ? (e * (1 - e) / days).squareRoot() : .infinity
      out.append(PublishedCase(
        id: "gsm2007.simulation.\(label)", name: "Overflow frequency on the doctor's working days, simulated (\(label) slots, with absences)",
        source: source, citation: citation, expected: e, model: r.overflowDayShare, tolerance: sampleErrorMultiple * se,
        toleranceReason: "\(NumberFormat.machine(sampleErrorMultiple)) binomial standard errors over \(Int(days)) working days",
        assumptions: [
          demand, "\(label) slots a working day, fractions carried from day to day",
          "absences at the defaults: \(NumberFormat.machine(w.vacationDaysPerYear)) vacation, \(NumberFormat.machine(w.trainingDaysPerYear)) training, \(NumberFormat.machine(w.sickDaysPerYear)) sick days; days away are not counted",
          "simulated \(p.years) years after \(p.warmUpYears) warm-up, seed \(seed)",
        ]))
    }
    return out
  }

  // MARK: - Continuity

  /// With m interchangeable doctors and no fixed doctor, each visit goes to
  /// any of them with probability 1/m independently, so for N ≥ 2 visits
  /// E[Σ n_j²] = N + N(N − 1)/m and E[COC] = 1/m whatever N is.
  static func cocOfInterchangeableDoctors(seed: UInt64) -> PublishedCase {
    let m = 4, n = 10_000
    var p = SimulationParameters()
    p.years = 2
    p.demand.doctorVisitsPerYear = Array(repeating: 2, count: AgeBand.allCases.count)
    p.demand.scaleByNeedWeight = false
    p.booking.preferPreviousDoctor = false
    p.workingTime.vacationDaysPerYear = 0
    p.workingTime.trainingDaysPerYear = 0
    p.workingTime.sickDaysPerYear = 0
    let doctors = (0..<m).map { Clinician(id: "gp\($0)", role: .gpSpecialist, fte: 1) }
    let centre = CareCentre(
      id: "coc", name: "Interchangeable doctors", region: "validation", clinicians: doctors,
      population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64), count: n)]))
    var sim = CentreSimulation(centre: centre, parameters: p)
    // Slots far above demand: every doctor is free every day, so the
    // choice among them is the model's random tie-break alone.
    sim.slotsPerPresentDayOverride = Array(repeating: 1_000, count: m)
    sim.assignmentOverride = PatientAssignment(
      clinicianIds: doctors.map(\.id), capacity: Array(repeating: 0, count: m), load: Array(repeating: 0, count: m),
      doctorOf: [Int32](repeating: -1, count: n), releasedRelations: 0)
    let r = sim.run(seed: seed, stream: [0x63_6f_63])
    let expected = 1 / Double(m)
    // COC lies in [0, 1], so its variance is at most μ(1 − μ)
    // (Bhatia–Davis); patients are independent here.
    let patients = Double(r.tallies.indexPatients[0])
    let se = patients > 0 ? (expected * (1 - expected) / patients).squareRoot() : .infinity
    return PublishedCase(
      id: "coc.interchangeableDoctors", name: "Mean doctor COC with \(m) interchangeable doctors = 1/\(m)",
      source: "Bice TW, Boxerman SB. Med Care 1977;15:347 (COC); expectation under uniform choice", citation: "Bice-Boxerman 1977",
      expected: expected, model: r.coc(.doctor), tolerance: sampleErrorMultiple * se,
      toleranceReason: "\(NumberFormat.machine(sampleErrorMultiple)) standard errors (variance ≤ μ(1 − μ)) over \(Int(patients)) patients",
      assumptions: ["\(n) patients, 2 doctor visits a year for 2 years, no fixed doctor, no absences, slots never short", "seed \(seed)"])
  }

  /// Feeds a visit sequence (provider labels in date order) to the model's
  /// `ContinuityStatistics`, the accumulator the simulation and the visit
  /// records both use.
  static func statistics(of providers: [Int]) -> ContinuityStatistics {
    var s = ContinuityStatistics()
    var counts: [Int: Int32] = [:]
    var previous: Int?
    for j in providers {
      s.record(countBefore: counts[j] ?? 0, sameAsPrevious: previous == j, withFixedDoctor: false)
      counts[j, default: 0] += 1
      previous = j
    }
    return s
  }

  /// Magill and Senf's MMCI, (1 − k/(N + 0.1)) / (1 − 1/(N + 0.1)),
  /// worked by hand for three visit patterns (their printed table differs
  /// from the formula in some cells, so the formula is the reference).
  static func magillSenf() -> [PublishedCase] {
    // (visits in date order, expected worked by hand)
    // AAAAA: k=1 → 1. AABBC: N=5, k=3 → (1 − 3/5.1)/(1 − 1/5.1) = 2.1/4.1.
    // ABCD: N=4, k=4 → (1 − 4/4.1)/(1 − 1/4.1) = 0.1/3.1.
    let rows: [(label: String, visits: [Int], expected: Double)] = [
      ("AAAAA", [0, 0, 0, 0, 0], 1),
      ("AABBC", [0, 0, 1, 1, 2], 2.1 / 4.1),
      ("ABCD", [0, 1, 2, 3], 0.1 / 3.1),
    ]
    return rows.map { r in
      let model = statistics(of: r.visits).indices(hasFixedDoctor: false).mmci ?? .nan
      return PublishedCase(
        id: "mmci.\(r.label)", name: "MMCI of visits \(r.label)",
        source: "Magill MK, Senf J. J Fam Pract 1987;24:165 (formula, not the printed table)", citation: "Magill-Senf 1987",
        expected: r.expected, model: model, tolerance: 1e-12, toleranceReason: "exact formula",
        assumptions: ["one patient, providers as lettered, in date order"])
    }
  }

  /// COC = (N·Herfindahl − 1)/(N − 1) on 1,000 random visit sequences:
  /// the largest difference between the two sides, both from the model's
  /// accumulator, against 0.
  static func cocIdentity(seed: UInt64) -> PublishedCase {
    var rng = Xoshiro256(seed: seed, stream: [0x69_64])
    var worst = 0.0
    var sequences = 0
    for _ in 0..<1_000 {
      let n = 2 + rng.nextIndex(30)
      let k = 1 + rng.nextIndex(6)
      let visits = (0..<n).map { _ in rng.nextIndex(k) }
      let x = statistics(of: visits).indices(hasFixedDoctor: false)
      guard let coc = x.coc, let h = x.herfindahl else { worst = .infinity; continue }
      worst = max(worst, abs(coc - (Double(n) * h - 1) / Double(n - 1)))
      sequences += 1
    }
    return PublishedCase(
      id: "coc.herfindahlIdentity", name: "COC = (N·H − 1)/(N − 1): largest difference over \(sequences) random patients",
      source: "Bice–Boxerman COC and the Herfindahl index (DOMAIN.md identity)", citation: "Bice-Boxerman 1977",
      expected: 0, model: worst, tolerance: 1e-12, toleranceReason: "floating-point rounding",
      assumptions: ["2–31 visits among 1–6 providers, seed \(seed)"])
  }
}
