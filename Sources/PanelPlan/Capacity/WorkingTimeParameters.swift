/// Parameters of the working-time view of capacity: the question
/// Socialstyrelsen's planning tool asks (hours available for patients divided
/// by the time one listed patient needs per year).
///
/// ## How the defaults were chosen
/// The defaults describe a full-time Swedish GP specialist and an average
/// listed patient, and are chosen so that such a doctor comes out at the
/// guideline's 1,100 (±2%), making the two views comparable. Each default
/// with its source, or "assumption" where none is published
/// (`WorkingTimeSensitivity` prints them with how far each moves the panel):
/// - 40 h a week (Working Hours Act); 52 weeks less 30 vacation days (the
///   Annual Leave Act gives 25, doctors' collective agreements 25–32: 30 is
///   an assumption within that range), 11 public holidays on weekdays (the
///   calendar), 10 training days (the Swedish Medical Association's
///   recommendation for CME) and 8 sick days (assumption): 201 working
///   days, 1,608 hours.
/// - 3 h a week of meetings and 3 h of administration (15% of the week;
///   both assumptions): 1,366.8 hours left for patients.
/// - 1.1 doctor visits per average patient a year: physical doctor visits
///   per inhabitant in regional primary care were 1.11 in 2023 (DOMAIN.md),
///   a count of visits *made*; 0.7 planned and 0.4 acute (assumption). 30
///   minutes per visit, 15 minutes of indirect work per visit (notes,
///   referrals) and 25 minutes a year per patient of indirect work not tied
///   to a visit (results, prescriptions, messages) are all assumptions:
///   1.1 × 45 + 25 = 74.5 minutes per patient a year.
/// - 1,366.8 h × 60 / 74.5 min = 1,100.8 patients.
///
/// ## What the calibration means (issue 13, finding 2)
/// The visit rate is visits made (after nurse triage), here and in the
/// simulation (`DemandParameters`), so the two size doctors' work alike.
/// The 1,100 this calibration gives is Murray's supply-equals-demand panel:
/// the doctor's slots equal the visits the panel makes *on average*, with
/// no slack. With Poisson demand such a doctor has more demand than slots
/// on about 22% of working days (`OverflowFrequency`), and a simulated
/// centre at the guideline runs its doctors near full utilisation. It is
/// the guideline's figure translated into time, not a panel with a margin
/// for variation: for that, size panels by an overflow target.
public struct WorkingTimeParameters: Sendable, Hashable {
  /// Contracted hours per week at FTE 1.0.
  public var hoursPerWeekFullTime: Double = 40
  /// Vacation, in working days per year at full time.
  public var vacationDaysPerYear: Double = 30
  /// Public holidays that fall on weekdays.
  public var publicHolidayDaysPerYear: Double = 11
  /// Training days (CME) per year.
  public var trainingDaysPerYear: Double = 10
  /// Expected sick days per year. Assumption.
  public var sickDaysPerYear: Double = 8
  /// Meetings, hours per full-time week (scaled by FTE). Assumption.
  public var meetingHoursPerWeek: Double = 3
  /// Administration not tied to patients, hours per full-time week. Assumption.
  public var administrationHoursPerWeek: Double = 3

  /// Planned doctor visits per average-need patient per year.
  public var plannedVisitsPerPatientYear: Double = 0.7
  /// Acute doctor visits per average-need patient per year.
  public var acuteVisitsPerPatientYear: Double = 0.4
  /// Minutes of a doctor's visit. Assumption (a common booking length).
  public var minutesPerVisit: Double = 30
  /// Minutes of indirect work tied to each visit (documentation,
  /// referrals). Assumption.
  public var indirectMinutesPerVisit: Double = 15
  /// Minutes per patient per year of indirect work not tied to a visit
  /// (test results, prescriptions, messages). Assumption; charged for every
  /// listed patient (`DoctorSlots`).
  public var indirectMinutesPerPatientYear: Double = 25

  /// How much longer a visit takes for a trainee before mid-training than
  /// for a specialist. Illustrative assumption: 2.0.
  public var visitTimeFactorTraineeBeforeMid: Double = 2.0
  /// The same for a trainee past mid-training. Illustrative assumption: 1.5.
  public var visitTimeFactorTraineeAfterMid: Double = 1.5
  /// The same for a licensed doctor without a specialty. Illustrative: 1.25.
  public var visitTimeFactorLicensedDoctor: Double = 1.25
  /// Average share of a trainee's year spent on rotations outside primary
  /// care. Default 0.4: about two of the five ST years are hospital
  /// rotations (an illustrative average).
  public var traineeRotationShare: Double = 0.4
  /// Study hours per full-time week guaranteed to trainees. Default 4.
  public var traineeStudyHoursPerWeek: Double = 4
  /// Whether locums count towards fixed-doctor capacity in this view.
  /// Default false: locums add visits but rarely hold panels (DOMAIN.md).
  public var locumsHoldPanels: Bool = false

  /// Weeks per year.
  public var weeksPerYear: Double = 52

  public init() {}

  /// The documented defaults.
  public static let standard = WorkingTimeParameters()

  /// Doctor visits per average patient per year, planned plus acute.
  public var visitsPerPatientYear: Double { plannedVisitsPerPatientYear + acuteVisitsPerPatientYear }

  /// Working days per year at full time, after vacation, holidays, training
  /// and sickness.
  public var workingDaysPerYear: Double {
    max(0, weeksPerYear * 5 - vacationDaysPerYear - publicHolidayDaysPerYear - trainingDaysPerYear - sickDaysPerYear)
  }
}
