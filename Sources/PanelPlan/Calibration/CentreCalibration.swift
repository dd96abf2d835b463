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

  /// Profession values that mean a nurse (compared as
  /// `ProfessionTitles.normalise` compares them); other non-doctor values
  /// count as other professions. The nurse titles `continuity` knows
  /// (`ProfessionTitles.nurseTitleNames`), so both commands agree.
  public static let defaultNurseValues: Set<String> = Set(ProfessionTitles.nurseTitleNames)
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
    let (sinks, _) = try one.scan { _ in
      CalibrationRows(options: options, nurseValues: nurseValues, acuteValues: acuteValues, plannedValues: plannedValues)
    }
    let rows = sinks[0]
    var notes: [String] = []
    var defaults: [String] = []
    guard let firstMinute = rows.minute.min(), let lastMinute = rows.minute.max() else {
      throw InputError(file: reader.displayName, problem: "no visits in the window, nothing to calibrate from")
    }
    let fromDay = options.fromDay ?? CalibrationRows.day(firstMinute)
    let toDay = options.toDay ?? CalibrationRows.day(lastMinute)
    let windowYears = Double(toDay - fromDay + 1) / 365.2425

    let listing = try CalibrationListing(
      rows: rows, centre: centre, records: records, referenceYear: ISODateBytes.civil(toDay).year,
      file: reader.displayName, notes: &notes)
    let counts = CalibrationCounts(rows: rows, listing: listing, notes: &notes)
    var estimates = CalibrationEstimates()
    let rates = counts.accumulate(listing: listing, windowYears: windowYears, scaleByNeedWeight: base.demand.scaleByNeedWeight)
    let demand = estimates.demand(
      rates, base: base.demand, acuteValues: acuteValues, plannedValues: plannedValues, defaults: &defaults, notes: &notes)

    // Slots depend on the listed population (its indirect work): the scenario's.
    var c = centre
    c.population = ListedPopulation(patients: listing.listed.map { Patient(id: $0.id, profile: $0.profile, fixedDoctorId: $0.fixed) })
    let pace = estimates.pace(
      rows: rows, listing: listing, centre: c, base: base, fromDay: fromDay, windowYears: windowYears,
      defaults: &defaults, notes: &notes)
    estimates.add("observed.doctorVisitsPerDoctorFTEPresentDay", pace.estimate, countOf: "doctor visits by the centre's doctors")
    estimates.add("observed.fixedDoctorVisitShare", rates.fixed.estimate, countOf: "doctor visits with the fixed doctor")
    estimates.add("observed.seenBeforeVisitShare", rates.seenBefore.estimate, countOf: "doctor visits with a doctor seen before")
    estimates.add("observed.shareWithFixedDoctor", rates.hasFixed.estimate, countOf: "listed patients with a fixed doctor")
    defaults += [
      "booking, absences, guideline, assignment order, triage, patience: not estimable from visit records; documented defaults",
      "workingTime hours, absence days, meetings, administration, trainee factors: documented defaults (only the time per unit of work is scaled)",
      "demand.taskSharingShare: default (records cannot tell a shared task from a nurse contact)",
    ]

    // The scenario.
    var parameters = base
    parameters.demand = demand
    parameters.workingTime = pace.workingTime
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

    return CentreCalibration(
      fromDay: fromDay, toDay: toDay, windowYears: windowYears, estimates: estimates.all, defaults: defaults, notes: notes,
      scenario: scenario, observedVisitsPerPersonYear: rates.plain.map { $0.estimate.value }, observedVisitsPerPersonYearAll: rates.plainAll.estimate.value,
      listed: listing.listed.count, listedWithFixedDoctor: listing.listed.reduce(0) { $0 + ($1.fixed != nil ? 1 : 0) }, continuity: analysis,
      doctorVisitsPerYear: pace.visitsPerYear)
  }
}
