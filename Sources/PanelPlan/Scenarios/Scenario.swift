import Foundation

/// A simulation scenario: one care centre (inline, the same JSON as a
/// centre file) and the simulation parameters. `Examples/scenario.json`.
///
/// ```json
/// {"name": "Today", "centre": {...}, "years": 2,
///  "demand": {"acuteShare": 0.36}, "booking": {"plannedToleranceDays": 10},
///  "assignment": {"capacityView": "guideline"}}
/// ```
///
/// Every parameter may be left out and takes the default documented on
/// `SimulationParameters` and its parts; unknown fields are errors.
public struct Scenario: Sendable, Hashable {
  /// A label for reports. Default: the centre's name.
  public var name: String
  /// The care centre simulated.
  public var centre: CareCentre
  /// Horizon, demand, booking, absences, working time, assignment,
  /// continuity window, nurse triage and patience.
  public var parameters: SimulationParameters

  public init(name: String? = nil, centre: CareCentre, parameters: SimulationParameters = .init()) {
    self.name = name ?? centre.name
    self.centre = centre
    self.parameters = parameters
  }

  /// Every problem in the scenario's meaning, with field paths
  /// (`centre.clinicians[2].fte`, `demand.acuteShare`).
  public func problems() -> [InputError] {
    var out = Validation.problems(in: centre, path: "centre")
    func bad(_ field: String, _ problem: String) { out.append(InputError(field: field, problem: problem)) }
    func share(_ field: String, _ v: Double) {
      if !(v.isFinite && (0...1).contains(v)) { bad(field, "found \(v), expected a share from 0 to 1") }
    }
    func nonNegative(_ field: String, _ v: Double, max: Double = 1e6) {
      if !(v.isFinite && v >= 0 && v <= max) { bad(field, "found \(v), expected a number from 0 to \(NumberFormat.machine(max))") }
    }
    func whole(_ field: String, _ v: Int, _ r: ClosedRange<Int>) {
      if !r.contains(v) { bad(field, "found \(v), expected a whole number from \(r.lowerBound) to \(r.upperBound)") }
    }
    let p = parameters
    whole("years", p.years, 1...50)
    whole("warmUpYears", p.warmUpYears, 0...10)
    if p.demand.doctorVisitsPerYear.count != AgeBand.allCases.count {
      bad("demand.doctorVisitsPerYear", "found \(p.demand.doctorVisitsPerYear.count) rates, expected one per age band")
    } else {
      for (b, v) in zip(AgeBand.allCases, p.demand.doctorVisitsPerYear) { nonNegative("demand.doctorVisitsPerYear.\(b.rawValue)", v, max: 100) }
    }
    share("demand.acuteShare", p.demand.acuteShare)
    nonNegative("demand.nurseContactsPerDoctorContact", p.demand.nurseContactsPerDoctorContact, max: 100)
    nonNegative("demand.otherContactsPerDoctorContact", p.demand.otherContactsPerDoctorContact, max: 100)
    if let m = TaskSharing.problem(share: p.demand.taskSharingShare, field: "demand.taskSharingShare") {
      bad("demand.taskSharingShare", String(m.dropFirst("demand.taskSharingShare: ".count)))
    }
    whole("booking.plannedToleranceDays", p.booking.plannedToleranceDays, 0...260)
    whole("booking.acuteToleranceDays", p.booking.acuteToleranceDays, 0...260)
    whole("booking.acuteAssessmentDays", p.booking.acuteAssessmentDays, 0...260)
    share("booking.acuteReservedShare", p.booking.acuteReservedShare)
    whole("booking.bookingHorizonDays", p.booking.bookingHorizonDays, 0...1000)
    share("absences.summerVacationShare", p.absences.summerVacationShare)
    whole("absences.summerFirstWeek", p.absences.summerFirstWeek, 1...52)
    whole("absences.summerLastWeek", p.absences.summerLastWeek, p.absences.summerFirstWeek...52)
    if !(p.absences.sickSpellDays.isFinite && p.absences.sickSpellDays >= 1 && p.absences.sickSpellDays <= 60) {
      bad("absences.sickSpellDays", "found \(p.absences.sickSpellDays), expected a number from 1 to 60")
    }
    let w = p.workingTime
    nonNegative("workingTime.hoursPerWeekFullTime", w.hoursPerWeekFullTime, max: 80)
    nonNegative("workingTime.publicHolidayDaysPerYear", w.publicHolidayDaysPerYear, max: Double(SimulationCalendar.holidayWeekdays.count))
    let absenceDays = w.vacationDaysPerYear + w.trainingDaysPerYear + w.sickDaysPerYear + w.publicHolidayDaysPerYear
    for (k, v) in [("vacationDaysPerYear", w.vacationDaysPerYear), ("trainingDaysPerYear", w.trainingDaysPerYear), ("sickDaysPerYear", w.sickDaysPerYear)] {
      nonNegative("workingTime.\(k)", v, max: 200)
    }
    if absenceDays.isFinite && absenceDays > 200 { bad("workingTime", "absence days sum to \(absenceDays), expected at most 200 of the year's 260 weekdays") }
    for (k, v) in [
      ("meetingHoursPerWeek", w.meetingHoursPerWeek), ("administrationHoursPerWeek", w.administrationHoursPerWeek),
      ("plannedVisitsPerPatientYear", w.plannedVisitsPerPatientYear), ("acuteVisitsPerPatientYear", w.acuteVisitsPerPatientYear),
      ("minutesPerVisit", w.minutesPerVisit), ("indirectMinutesPerVisit", w.indirectMinutesPerVisit),
      ("indirectMinutesPerPatientYear", w.indirectMinutesPerPatientYear), ("traineeStudyHoursPerWeek", w.traineeStudyHoursPerWeek),
      ("visitTimeFactorTraineeBeforeMid", w.visitTimeFactorTraineeBeforeMid), ("visitTimeFactorTraineeAfterMid", w.visitTimeFactorTraineeAfterMid),
      ("visitTimeFactorLicensedDoctor", w.visitTimeFactorLicensedDoctor), ("weeksPerYear", w.weeksPerYear),
    ] { nonNegative("workingTime.\(k)", v, max: 10_000) }
    // Zero would divide capacity by zero: refused rather than shown as "inf".
    if !(w.hoursPerWeekFullTime >= 1) { bad("workingTime.hoursPerWeekFullTime", "found \(w.hoursPerWeekFullTime), expected hours from 1 to 80") }
    if !(w.weeksPerYear >= 1) { bad("workingTime.weeksPerYear", "found \(w.weeksPerYear), expected weeks from 1 to 53") }
    if !(p.guideline.specialistPanel >= 1) { bad("guideline.specialistPanel", "found \(p.guideline.specialistPanel), expected patients from 1 to 100000") }
    if !(w.minutesPerVisit > 0) { bad("workingTime.minutesPerVisit", "found \(w.minutesPerVisit), expected more than 0 minutes") }
    share("workingTime.traineeRotationShare", w.traineeRotationShare)
    let g = p.guideline
    for (k, v) in [
      ("specialistPanel", g.specialistPanel), ("traineeAfterMidTrainingPanel", g.traineeAfterMidTrainingPanel),
      ("traineeBeforeMidTrainingPanel", g.traineeBeforeMidTrainingPanel), ("licensedDoctorPanel", g.licensedDoctorPanel),
      ("locumPanel", g.locumPanel),
    ] { nonNegative("guideline.\(k)", v, max: 100_000) }
    for g in PriorityGroup.allCases { share("assignment.wantShare.\(g.rawValue)", p.assignment.wantShare(of: g)) }
    if Set(p.assignment.order).count != p.assignment.order.count {
      bad("assignment.order", "a group is listed twice, expected each group at most once")
    }
    if !(p.assignment.fillLimit.isFinite && p.assignment.fillLimit >= 0 && p.assignment.fillLimit <= 2) {
      bad("assignment.fillLimit", "found \(p.assignment.fillLimit), expected a share of capacity from 0 to 2")
    }
    nonNegative("triage.assessmentsPerNurseFTEPerDay", p.triage.assessmentsPerNurseFTEPerDay, max: 1_000)
    share("triage.triagedShare", p.triage.triagedShare)
    share("triage.resolvedShare", p.triage.resolvedShare)
    whole("patience.plannedPatienceDays", p.patience.plannedPatienceDays, 0...13_000)
    whole("patience.acutePatienceDays", p.patience.acutePatienceDays, 0...13_000)
    whole("continuity.minimumVisits", p.continuity.minimumVisits, 2...1000)
    if let m = p.continuity.windowMonths { whole("continuity.windowMonths", m, 1...600) }
    return out
  }

  /// Throws every problem at once, attributed to `file`.
  public func check(file: String?) throws {
    let found = problems()
    if !found.isEmpty { throw InputErrors(found.map { e in file.map { e.inFile($0) } ?? e }) }
  }

  /// Reads, decodes and validates a scenario file.
  public static func load(_ path: String) throws -> Scenario {
    let data = try InputFile.read(path, what: "a JSON file")
    let s = try JSONInput.decode(Scenario.self, from: data, file: path)
    try JSONInput.locating(data) { try s.check(file: path) }
    return s
  }
}
