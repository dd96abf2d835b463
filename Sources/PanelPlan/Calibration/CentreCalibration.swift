import Foundation

/// A centre's own records turned into a simulation scenario (issue 14):
/// demand rates, acute share, team contacts, the doctors' pace and the
/// current fixed-doctor relations, each with its count and standard error.
///
/// ```swift
/// let c = try CentreCalibration.run(reader: VisitRecordReader(path: "visits.csv"),
///                                   centre: CareCentre, patients: records)
/// c.scenario  // simulate runs it unchanged
/// ```
///
/// **What is estimated, and how** (window: `--from`…`--to`, default the
/// first to the last counted date; the list is taken as constant over it):
/// - Doctor visits per listed person-year by age band, *scaled by need
///   weight the way the simulation uses it* (`DemandParameters.doctorVisitsPerYear(ageBand:needWeight:)`):
///   a patient of weight w in band b is exposed years × w / w₀(b) "reference
///   person-years" (w₀ the band's default weight), and the band's rate is
///   its doctor visits over that exposure. These are doctor visits *made*,
///   after nurse triage, the meaning issue 13 gave the rate.
/// - Acute share of doctor visits: from the contact-type column, mapping
///   `acuteValues` to acute and `plannedValues` to planned (others, such as
///   physical/video, say nothing about urgency and are left out); without
///   any mapped value the default is kept and a note says so.
/// - Nurse and other-profession contacts per doctor visit (listed patients).
/// - Shares of doctor visits with the patient's fixed doctor and with a
///   doctor seen before in the window (descriptive: the booking model has
///   no such parameter; the validation compares them).
/// - Pace: doctor visits per doctor-FTE present day (a present day: a
///   day with at least one visit by that doctor), over the centre file's
///   doctors; then the time per unit of work (`minutesPerVisit`,
///   `indirectMinutesPerVisit`, `indirectMinutesPerPatientYear`, one common
///   scale) is solved so that `DoctorSlots` offers, over the model's
///   present days (absence defaults), as many slots a year as the doctors
///   made visits a year. One scale keeps the defaults' proportions
///   (Socialstyrelsen's time split) and always has a solution.
///   This assumes the doctors' days were full, as in a centre with waiting
///   lists; a centre with idle time gets fewer slots than it has.
/// - Current fixed doctors: from the patients file, else the visits'
///   fixed-doctor column, else the centre file; kept in the scenario's patients.
///
/// Every standard error is `RatioEstimate`'s, over patients (or doctor-days).
public struct CentreCalibration: Sendable {
  /// One estimate with its source.
  public struct Estimate: Sendable, Hashable, Codable {
    /// The scenario field it sets (`demand.acuteShare`), or an
    /// `observed.` name for a descriptive value that sets none.
    public var name: String
    public var value: Double
    public var standardError: Double
    /// The count behind it (e.g. doctor visits) and what it counts.
    public var count: Int
    public var countOf: String
    /// Units (patients or doctor-days) in the standard error.
    public var units: Int
  }

  /// Profession values that mean a nurse (case ignored); other non-doctor
  /// values count as other professions.
  public static let defaultNurseValues: Set<String> = ["sjuksköterska", "sjukskoterska", "ssk", "distriktssköterska", "dsk", "nurse", "rn"]
  /// Contact-type values that mean an acute contact (case ignored).
  public static let defaultAcuteValues: Set<String> = ["acute", "akut", "akutbesök", "urgent", "emergency", "same-day", "sameday", "jour"]
  /// Contact-type values that mean a planned contact (case ignored).
  public static let defaultPlannedValues: Set<String> = ["planned", "planerad", "planerat", "planerat besök", "booked", "bokad", "routine", "elective", "återbesök"]

  /// The window used (days since 1970-01-01, inclusive) and its length.
  public var fromDay: Int32
  public var toDay: Int32
  public var windowYears: Double
  /// Estimates that set scenario fields, then descriptive ones.
  public var estimates: [Estimate]
  /// Scenario fields left at their defaults, with why.
  public var defaults: [String]
  /// Plain-language notes (unlisted patients, unknown clinicians, ...).
  public var notes: [String]
  /// The calibrated scenario.
  public var scenario: Scenario
  /// Observed doctor visits per listed person-year by age band (not scaled
  /// by need weight; what the validation compares), NaN for empty bands.
  public var observedVisitsPerPersonYear: [Double]
  /// Observed doctor visits per listed person-year, all ages.
  public var observedVisitsPerPersonYearAll: Double
  /// Listed patients and those with a fixed doctor (the scenario's).
  public var listed: Int
  public var listedWithFixedDoctor: Int
  /// `continuity`'s analysis of the same rows, window and patients.
  public var continuity: VisitContinuityAnalysis
  /// Doctor visits a year by the centre file's doctors (the pace's target).
  public var doctorVisitsPerYear: Double = .nan

  /// The estimate with a name.
  public func estimate(_ name: String) -> Estimate? { estimates.first { $0.name == name } }

  /// Calibrates a centre from its visit records.
  ///
  /// - Parameters:
  ///   - reader: the visits file, as `continuity` reads it.
  ///   - options: window, doctor values, contact-type filter.
  ///   - centre: the centre's clinicians (ids as in the visits' clinician
  ///     column) and, without `patients`, its individual listed patients.
  ///   - patients: the listed population, one row per patient.
  ///   - base: parameters not estimated (their defaults by default).
  /// - Throws: `InputError` for bad rows (file:line:column) or when the
  ///   records cannot calibrate anything (no rows, no listed patients).
  /// - Complexity: two reads of the file (this and `continuity`'s) and a
  ///   sort of the doctor visits, O(v log v).
  public static func run(
    reader: VisitRecordReader, options: VisitContinuityOptions = .init(), centre: CareCentre,
    patients records: PatientRecords?, base: SimulationParameters = .init(),
    nurseValues: Set<String> = defaultNurseValues, acuteValues: Set<String> = defaultAcuteValues,
    plannedValues: Set<String> = defaultPlannedValues
  ) throws -> CentreCalibration {
    var one = reader
    one.workers = 1
    let (sinks, scan) = try one.scan { _ in
      CalibrationRows(options: options, nurseValues: nurseValues, acuteValues: acuteValues, plannedValues: plannedValues)
    }
    let rows = sinks[0]
    var notes: [String] = []
    var defaults: [String] = []
    guard let firstMinute = rows.minute.min(), let lastMinute = rows.minute.max() else {
      throw InputError(file: reader.displayName, problem: "no visits in the window, nothing to calibrate from")
    }
    func dayOf(_ m: Int32) -> Int32 {
      let d = ISODateBytes.minutesPerDay
      return m >= 0 ? m / d : (m - d + 1) / d
    }
    let fromDay = options.fromDay ?? dayOf(firstMinute)
    let toDay = options.toDay ?? dayOf(lastMinute)
    let days = Double(toDay - fromDay + 1)
    let windowYears = days / 365.2425
    let referenceYear = ISODateBytes.civil(toDay).year

    // The listed population.
    struct Listed { var id: String; var profile: PatientProfile; var fixed: String?; var bandKnown: Bool }
    var listed: [Listed] = []
    var unknownAge = 0
    if let r = records {
      listed.reserveCapacity(r.ids.count)
      for i in 0..<r.ids.count {
        let band = r.ageBand(i, atYear: referenceYear)
        if band == nil { unknownAge += 1 }
        let profile = PatientProfile(
          ageBand: band ?? .age45to64, sex: r.sex[i], needWeight: r.needWeight[i],
          nursingHome: r.nursingHome[i], homeHealthCare: r.homeHealthCare[i], longTermConditions: r.longTermConditions[i])
        listed.append(Listed(id: r.ids.string(Int32(i)), profile: profile, fixed: r.fixedDoctor[i], bandKnown: band != nil))
      }
    } else {
      for p in centre.population.patients { listed.append(Listed(id: p.id, profile: p.profile, fixed: p.fixedDoctorId, bandKnown: true)) }
      if !centre.population.groups.isEmpty {
        notes.append("The centre file's \(centre.population.groups.count) patient group(s) have no ids to match visits and are left out; give --patients for the whole list.")
      }
    }
    guard !listed.isEmpty else {
      throw InputError(file: reader.displayName, problem: "no listed patients: give --patients PATIENTS.csv, or a centre file with individual patients")
    }
    if unknownAge > 0 { notes.append("\(unknownAge) listed patient(s) of unknown age are left out of the rates by age band (written as 45-64 in the scenario).") }

    // Row patient → listed index.
    let n = rows.patients.count
    var listedOf = [Int32](repeating: -1, count: n)
    var rowOf = [Int32](repeating: -1, count: listed.count)
    for (i, l) in listed.enumerated() {
      let p = rows.patients.find(l.id)
      rowOf[i] = p
      if p >= 0 { listedOf[Int(p)] = Int32(i) }
    }
    // Fixed doctors: the patients file, else the visits' column, else the centre file.
    var doctorIndex: [String: Int] = [:]
    for (k, c) in centre.clinicians.enumerated() where c.role.isDoctor { doctorIndex[c.id] = k }
    var unknownFixed = 0
    for i in listed.indices {
      // As `continuity` does: the patients file's doctor when it names one.
      if rowOf[i] >= 0, rows.fixedDoctorOnRow[Int(rowOf[i])] >= 0, listed[i].fixed == nil {
        listed[i].fixed = rows.clinicians.string(rows.fixedDoctorOnRow[Int(rowOf[i])])
      }
      if let f = listed[i].fixed, doctorIndex[f] == nil { unknownFixed += 1; listed[i].fixed = nil }
    }
    if unknownFixed > 0 { notes.append("\(unknownFixed) fixed-doctor relation(s) name a clinician who is not a doctor in the centre file; dropped.") }
    // Fixed doctor per row patient, as a row clinician index.
    var fixedRowClinician = [Int32](repeating: -1, count: n)
    for i in listed.indices where rowOf[i] >= 0 {
      if let f = listed[i].fixed { fixedRowClinician[Int(rowOf[i])] = rows.clinicians.find(f) }
    }

    // Per-patient counts.
    var doctor = [Int32](repeating: 0, count: n), nurse = doctor, other = doctor
    var acute = doctor, mapped = doctor, withFixed = doctor, seenBefore = doctor
    var unlistedRows = 0
    var doctorRows: [Int32] = []
    for v in rows.patient.indices {
      let p = Int(rows.patient[v])
      if listedOf[p] < 0 { unlistedRows += 1; continue }
      switch rows.profession[v] {
      case CalibrationRows.doctor:
        doctor[p] += 1
        doctorRows.append(Int32(v))
        if rows.type[v] != CalibrationRows.unknownType {
          mapped[p] += 1
          if rows.type[v] == CalibrationRows.acute { acute[p] += 1 }
        }
        if fixedRowClinician[p] >= 0 && rows.clinician[v] == fixedRowClinician[p] { withFixed[p] += 1 }
      case CalibrationRows.nurse: nurse[p] += 1
      default: other[p] += 1
      }
    }
    if unlistedRows > 0 {
      notes.append("\(unlistedRows) counted row(s) belong to patients not on the list; left out of every estimate but the doctors' pace and continuity.")
    }
    // Seen before: in time order per patient (file order breaks ties).
    doctorRows.sort { a, b in
      let pa = rows.patient[Int(a)], pb = rows.patient[Int(b)]
      if pa != pb { return pa < pb }
      let ma = rows.minute[Int(a)], mb = rows.minute[Int(b)]
      return ma != mb ? ma < mb : a < b
    }
    var seen: [Int32] = []
    var current: Int32 = -1
    for v in doctorRows {
      let p = rows.patient[Int(v)], c = rows.clinician[Int(v)]
      if p != current { seen.removeAll(keepingCapacity: true); current = p }
      if seen.contains(c) { seenBefore[Int(p)] += 1 } else { seen.append(c) }
    }

    // Rates by band, need-weight scaled (the estimate) and plain (observed).
    let bands = AgeBand.allCases
    var rate = [RatioEstimate.Accumulator](repeating: .init(), count: bands.count)
    var plain = [RatioEstimate.Accumulator](repeating: .init(), count: bands.count)
    var plainAll = RatioEstimate.Accumulator()
    var acuteAcc = RatioEstimate.Accumulator(), nurseAcc = RatioEstimate.Accumulator(), otherAcc = RatioEstimate.Accumulator()
    var fixedAcc = RatioEstimate.Accumulator(), seenAcc = RatioEstimate.Accumulator(), hasFixedAcc = RatioEstimate.Accumulator()
    let scale = base.demand.scaleByNeedWeight
    for (i, l) in listed.enumerated() {
      let p = Int(rowOf[i])
      let y = p >= 0 ? Double(doctor[p]) : 0
      hasFixedAcc.add(y: l.fixed != nil ? 1 : 0, x: 1)
      guard l.bandKnown else { continue }
      let b = l.profile.ageBand.index
      let reference = DemandDefaults.defaultNeedWeight(for: l.profile.ageBand)
      let w = scale && reference > 0 ? l.profile.needWeight / reference : 1
      // A patient with weight 0 has no exposure and (by the model) no visits.
      rate[b].add(y: y, x: windowYears * w)
      plain[b].add(y: y, x: windowYears)
      plainAll.add(y: y, x: windowYears)
      guard p >= 0 else { continue }
      acuteAcc.add(y: Double(acute[p]), x: Double(mapped[p]))
      nurseAcc.add(y: Double(nurse[p]), x: Double(doctor[p]))
      otherAcc.add(y: Double(other[p]), x: Double(doctor[p]))
      if l.fixed != nil { fixedAcc.add(y: Double(withFixed[p]), x: Double(doctor[p])) }
      seenAcc.add(y: Double(seenBefore[p]), x: Double(doctor[p]))
    }

    var estimates: [Estimate] = []
    func add(_ name: String, _ e: RatioEstimate, countOf: String) {
      estimates.append(Estimate(name: name, value: e.value, standardError: e.standardError, count: Int(e.numerator), countOf: countOf, units: e.units))
    }
    var demand = base.demand
    for b in bands {
      let e = rate[b.index].estimate
      if e.denominator > 0 {
        add("demand.doctorVisitsPerYear.\(b.rawValue)", e, countOf: "doctor visits")
        demand.doctorVisitsPerYear[b.index] = e.value
      } else {
        defaults.append("demand.doctorVisitsPerYear.\(b.rawValue): no listed patients in the band")
      }
    }
    let acuteE = acuteAcc.estimate
    if acuteE.denominator > 0 {
      add("demand.acuteShare", acuteE, countOf: "acute doctor visits")
      demand.acuteShare = acuteE.value
    } else {
      defaults.append("demand.acuteShare: no contact type mapped to acute or planned")
      notes.append("The acute share keeps its default (\(NumberFormat.machine(base.demand.acuteShare))): no contact_type value says acute (\(acuteValues.sorted().joined(separator: ", "))) or planned (\(plannedValues.sorted().joined(separator: ", "))).")
    }
    let nurseE = nurseAcc.estimate, otherE = otherAcc.estimate
    if nurseE.denominator > 0 {
      add("demand.nurseContactsPerDoctorContact", nurseE, countOf: "nurse contacts")
      demand.nurseContactsPerDoctorContact = nurseE.value
      add("demand.otherContactsPerDoctorContact", otherE, countOf: "other-profession contacts")
      demand.otherContactsPerDoctorContact = otherE.value
    } else {
      defaults.append("demand.nurseContactsPerDoctorContact, demand.otherContactsPerDoctorContact: no doctor visits of listed patients")
    }

    // Pace over the centre's doctors: visits per doctor-FTE present day
    // (a present day: at least one visit by the doctor that day).
    var paceAcc = RatioEstimate.Accumulator()
    var fteOfClinician = [Double](repeating: -1, count: rows.clinicians.count)
    for k in 0..<rows.clinicians.count {
      if let d = doctorIndex[rows.clinicians.string(Int32(k))] { fteOfClinician[k] = centre.clinicians[d].fte }
    }
    var perDoctorDay: [Int64: Int32] = [:]
    var unknownDoctorVisits = 0
    for v in rows.patient.indices where rows.profession[v] == CalibrationRows.doctor {
      let c = rows.clinician[v]
      guard fteOfClinician[Int(c)] >= 0 else { unknownDoctorVisits += 1; continue }
      perDoctorDay[Int64(c) << 32 | Int64(dayOf(rows.minute[v]) - fromDay), default: 0] += 1
    }
    // In key order: a dictionary's order changes from run to run, and so would the sums' last bits.
    for key in perDoctorDay.keys.sorted() { paceAcc.add(y: Double(perDoctorDay[key]!), x: fteOfClinician[Int(key >> 32)]) }
    if unknownDoctorVisits > 0 {
      notes.append("\(unknownDoctorVisits) doctor visit(s) were made by clinicians who are not doctors in the centre file; left out of the pace.")
    }
    // Slots depend on the listed population (its indirect work): the scenario's.
    var c = centre
    c.population = ListedPopulation(patients: listed.map { Patient(id: $0.id, profile: $0.profile, fixedDoctorId: $0.fixed) })
    var workingTime = base.workingTime
    let paceE = paceAcc.estimate
    let doctorDays = perDoctorDay.count
    let visitsPerYear = paceE.numerator / windowYears
    if visitsPerYear > 0, let k = solveTimeScale(slotsPerYear: visitsPerYear, centre: c, base: base) {
      workingTime = scaled(base.workingTime, by: k)
      // The pace's relative error carries over to the scale (slots ∝ 1 / k
      // when indirect work is small against patient time).
      let se = paceE.value > 0 ? k * paceE.standardError / paceE.value : .nan
      add("workingTime.timeScale", RatioEstimate(value: k, standardError: se, units: doctorDays, numerator: paceE.numerator, denominator: 0),
          countOf: "doctor visits by the centre's doctors")
      for (name, v) in [("minutesPerVisit", workingTime.minutesPerVisit), ("indirectMinutesPerVisit", workingTime.indirectMinutesPerVisit),
                        ("indirectMinutesPerPatientYear", workingTime.indirectMinutesPerPatientYear)] {
        add("workingTime.\(name)", RatioEstimate(value: v, standardError: v / k * se, units: doctorDays, numerator: paceE.numerator, denominator: 0),
            countOf: "doctor visits by the centre's doctors")
      }
      var p = base
      p.workingTime = workingTime
      let modelDays = modelDoctorFTEPresentDaysPerYear(centre: c, parameters: p)
      notes.append("Pace: \(NumberFormat.machine((paceE.value * 100).rounded() / 100)) doctor visits per doctor-FTE present day on \(NumberFormat.machine((paceE.denominator / windowYears).rounded())) FTE-days a year in the records; the model's doctors are present \(NumberFormat.machine(modelDays.rounded())) FTE-days a year (absence defaults). The time per visit and per patient (minutes, indirect minutes per visit and per patient-year) is scaled by \(NumberFormat.machine((k * 1000).rounded() / 1000)) so that the year's slots equal the year's \(NumberFormat.machine(visitsPerYear.rounded())) visits (full days, no idle time).")
      if k < 0.5 || k > 2 {
        notes.append("That scale is far from 1: the records' pace is \(NumberFormat.machine((100 / k).rounded() / 100))× what the working-time defaults give these doctors. Check the centre file's FTE and duties, or set working time in a scenario given as --centre.")
      }
    } else {
      defaults.append("workingTime: no visits by the centre file's doctors to set the pace from")
    }
    add("observed.doctorVisitsPerDoctorFTEPresentDay", paceE, countOf: "doctor visits by the centre's doctors")
    add("observed.fixedDoctorVisitShare", fixedAcc.estimate, countOf: "doctor visits with the fixed doctor")
    add("observed.seenBeforeVisitShare", seenAcc.estimate, countOf: "doctor visits with a doctor seen before")
    add("observed.shareWithFixedDoctor", hasFixedAcc.estimate, countOf: "listed patients with a fixed doctor")
    defaults += [
      "booking, absences, guideline, assignment order, triage, patience: not estimable from visit records; documented defaults",
      "workingTime hours, absence days, meetings, administration, trainee factors: documented defaults (only the time per unit of work is scaled)",
      "demand.taskSharingShare: default (records cannot tell a shared task from a nurse contact)",
    ]

    // The scenario.
    var parameters = base
    parameters.demand = demand
    parameters.workingTime = workingTime
    // Today's list as it stands: the recorded relations, none added and
    // none dropped for capacity, so the validation compares like with like.
    for g in PriorityGroup.allCases { parameters.assignment.wantShare[g] = 0 }
    parameters.assignment.fillLimit = 2
    defaults.append("assignment: today's fixed-doctor relations kept as recorded (wantShare 0 for every group: no new relations; fillLimit 2: none dropped for capacity); set them to plan a new list")
    parameters.years = max(1, Int(windowYears.rounded()))
    // Continuity over a window as long as the records' (the simulation's
    // years are whole; its indices then count the last months only).
    let windowMonths = Int((windowYears * 12).rounded())
    if windowMonths >= 1 && windowMonths < parameters.years * 12 - 1 { parameters.continuity.windowMonths = windowMonths }
    let scenario = Scenario(name: "\(centre.name), calibrated \(ISODateBytes.format(fromDay))…\(ISODateBytes.format(toDay))", centre: c, parameters: parameters)

    // continuity's analysis of the same rows.
    var o = options
    o.fromDay = fromDay
    o.toDay = toDay
    o.minVisits = base.continuity.minimumVisits
    let analysis = try VisitContinuityAnalysis.run(reader: reader, options: o, patientRecords: records)
    _ = scan

    return CentreCalibration(
      fromDay: fromDay, toDay: toDay, windowYears: windowYears, estimates: estimates, defaults: defaults, notes: notes,
      scenario: scenario, observedVisitsPerPersonYear: plain.map { $0.estimate.value }, observedVisitsPerPersonYearAll: plainAll.estimate.value,
      listed: listed.count, listedWithFixedDoctor: listed.reduce(0) { $0 + ($1.fixed != nil ? 1 : 0) }, continuity: analysis,
      doctorVisitsPerYear: visitsPerYear)
  }

  /// Simulation-based refinement so that the *simulated* visits made match
  /// the records. Even with free slots the simulation makes fewer visits
  /// than its rate (contacts that run out of patience waiting for their own
  /// doctor, contacts still waiting when the horizon ends), so each round
  /// multiplies the doctor visit rates of every band and the slot target by
  /// observed / simulated visits made per person-year (all ages), `rounds`
  /// times (each `replications` runs). The estimates keep the records'
  /// values; the scale is reported as `demand.visitRateScale`.
  /// Returns the simulated / observed ratio of each round.
  @discardableResult
  public mutating func refineForVisitsMade(rounds: Int = 2, replications: Int = 2, seed: UInt64, threads: Int = 1) -> [Double] {
    guard doctorVisitsPerYear > 0, observedVisitsPerPersonYearAll > 0, let base = estimate("workingTime.timeScale") else { return [] }
    var target = doctorVisitsPerYear
    var ratios: [Double] = []
    var k = base.value, rateScale = 1.0
    let original = WorkingTimeParameters(scaledBack: scenario.parameters.workingTime, by: k)
    let rates = scenario.parameters.demand.doctorVisitsPerYear
    for _ in 0..<rounds {
      let sim = CentreSimulation(centre: scenario.centre, parameters: scenario.parameters)
      let made = Replications.run(sim, count: replications, seed: seed &+ 0x5EED, threads: threads)[.doctorVisitsSeenPerPersonYear].mean
      let ratio = made / observedVisitsPerPersonYearAll
      ratios.append(ratio)
      guard ratio.isFinite, ratio > 0.2, abs(ratio - 1) > 0.005 else { break }
      target /= ratio
      rateScale /= ratio
      var p = scenario.parameters
      p.workingTime = original
      guard let next = Self.solveTimeScale(slotsPerYear: target, centre: scenario.centre, base: p) else { break }
      k = next
      scenario.parameters.workingTime = Self.scaled(original, by: k)
      scenario.parameters.demand.doctorVisitsPerYear = rates.map { $0 * rateScale }
    }
    let w = scenario.parameters.workingTime
    for (name, v) in [("workingTime.timeScale", k), ("workingTime.minutesPerVisit", w.minutesPerVisit),
                      ("workingTime.indirectMinutesPerVisit", w.indirectMinutesPerVisit),
                      ("workingTime.indirectMinutesPerPatientYear", w.indirectMinutesPerPatientYear)] {
      if let i = estimates.firstIndex(where: { $0.name == name }) {
        let relative = estimates[i].value > 0 ? estimates[i].standardError / estimates[i].value : .nan
        estimates[i].value = v
        estimates[i].standardError = v * relative
      }
    }
    if let i = estimates.firstIndex(where: { $0.name == "workingTime.timeScale" }) {
      estimates.insert(Estimate(name: "demand.visitRateScale", value: rateScale, standardError: .nan, count: Int(doctorVisitsPerYear.rounded()),
                                countOf: "doctor visits a year (simulation-based)", units: replications * ratios.count), at: i)
    }
    notes.append("Simulation-based refinement: with the rates as estimated the simulation made \(NumberFormat.machine(((ratios.first ?? .nan) * 1000).rounded() / 10))% of the recorded visits; the scenario's doctor visit rates are multiplied by \(NumberFormat.machine((rateScale * 1000).rounded() / 1000)) and the time scale is \(NumberFormat.machine((k * 1000).rounded() / 1000)) (\(NumberFormat.machine(target.rounded())) slots a year). Simulated/observed visits made by round: \(ratios.map { NumberFormat.machine(($0 * 1000).rounded() / 1000) }.joined(separator: ", ")).")
    return ratios
  }

  /// The model's doctor visit slots a year (`DoctorSlots`, the whole list's
  /// indirect work shared by patient hours, as capacity does).
  public static func modelSlotsPerYear(centre: CareCentre, parameters: SimulationParameters) -> Double {
    slots(centre, parameters).totalVisitSlotsPerYear
  }

  /// The model's doctors' expected present days a year, each weighted by FTE.
  public static func modelDoctorFTEPresentDaysPerYear(centre: CareCentre, parameters: SimulationParameters) -> Double {
    zip(centre.clinicians, slots(centre, parameters).expectedPresentDaysPerYear).reduce(0.0) { $0 + ($1.0.role.isDoctor ? $1.1 * $1.0.fte : 0) }
  }

  static func slots(_ centre: CareCentre, _ parameters: SimulationParameters) -> DoctorSlots {
    let open = SimulationCalendar.openDaysPerYear(publicHolidayDaysPerYear: parameters.workingTime.publicHolidayDaysPerYear)
    return DoctorSlots(clinicians: centre.clinicians, panels: [], weightedListed: centre.population.weightedCount,
                       workingTime: parameters.workingTime, absences: parameters.absences, openDaysPerYear: open)
  }

  /// Working time with every time per unit of work (minutes per visit,
  /// indirect minutes per visit and per patient-year) multiplied by `k`.
  public static func scaled(_ w: WorkingTimeParameters, by k: Double) -> WorkingTimeParameters {
    var w = w
    w.minutesPerVisit *= k
    w.indirectMinutesPerVisit *= k
    w.indirectMinutesPerPatientYear *= k
    return w
  }

  /// The scale of the time per unit of work at which the model offers
  /// `slotsPerYear`, by bisection on log k in [10⁻⁴, 10⁶]: slots are
  /// (patient minutes − k·I) / (k·m), falling in k, so one parameter always
  /// reproduces any pace the doctors' patient hours allow. nil when none does.
  static func solveTimeScale(slotsPerYear target: Double, centre: CareCentre, base: SimulationParameters) -> Double? {
    var p = base
    func at(_ logK: Double) -> Double {
      p.workingTime = scaled(base.workingTime, by: exp(logK))
      return modelSlotsPerYear(centre: centre, parameters: p)
    }
    var lo = log(1e-4), hi = log(1e6)
    guard at(lo) >= target, at(hi) <= target else { return nil }
    for _ in 0..<60 {
      let mid = (lo + hi) / 2
      if at(mid) > target { lo = mid } else { hi = mid }
    }
    return exp((lo + hi) / 2)
  }
}

extension WorkingTimeParameters {
  /// The parameters before `CentreCalibration.scaled(_:by:)` with scale `k`.
  init(scaledBack w: WorkingTimeParameters, by k: Double) {
    self = CentreCalibration.scaled(w, by: 1 / k)
  }
}
