/// Where one clinician's contracted hours go in a year, and the panel the
/// remaining patient time supports. All figures are hours per year unless
/// named otherwise.
public struct WorkingTimeBreakdown: Sendable, Hashable {
  public var contractedHours: Double
  public var vacationHours: Double
  public var publicHolidayHours: Double
  public var trainingHours: Double
  public var sickHours: Double
  /// Trainees: time on rotations outside primary care.
  public var rotationHours: Double
  /// Trainees: guaranteed study time.
  public var studyHours: Double
  public var supervisionHours: Double
  public var researchHours: Double
  public var sideAssignmentHours: Double
  public var managementHours: Double
  public var meetingHours: Double
  public var administrationHours: Double
  /// What is left for patients: visits and indirect patient work.
  public var patientHours: Double
  /// Minutes this clinician needs per average-need patient per year.
  public var minutesPerPatientYear: Double
  /// Average-need patients the patient hours support as fixed doctor
  /// (0 for roles that hold no panel).
  public var panel: Double
  /// Doctor visits per year the patient hours support, counting the
  /// indirect work each visit brings but not per-patient indirect work.
  public var visitCapacityPerYear: Double

  /// Every non-patient item, labelled, in a stable order (for tables and
  /// stacked charts).
  public var items: [(label: String, hours: Double)] {
    [
      ("vacation", vacationHours), ("holidays", publicHolidayHours),
      ("training", trainingHours), ("sick leave", sickHours),
      ("rotation", rotationHours), ("study", studyHours),
      ("supervision", supervisionHours), ("research", researchHours),
      ("side assignments", sideAssignmentHours), ("management", managementHours),
      ("meetings", meetingHours), ("administration", administrationHours),
      ("patient work", patientHours),
    ]
  }
}

/// The working-time view of capacity: patient hours divided by the time one
/// average listed patient needs per year (Socialstyrelsen's planning tool;
/// Altschuler et al. 2012: panel = doctor hours per year / doctor hours one
/// patient needs per year).
public enum WorkingTimeCapacity {
  /// How much longer this clinician's visits take than a specialist's.
  public static func visitTimeFactor(for c: Clinician, parameters p: WorkingTimeParameters) -> Double {
    switch c.role {
    case .gpTrainee:
      return c.isTraineePastMidTraining ? p.visitTimeFactorTraineeAfterMid : p.visitTimeFactorTraineeBeforeMid
    case .licensedDoctor: return p.visitTimeFactorLicensedDoctor
    case .gpSpecialist, .locum, .nurse, .otherProfession: return 1
    }
  }

  /// Minutes a clinician needs per average-need patient per year.
  public static func minutesPerPatientYear(for c: Clinician, parameters p: WorkingTimeParameters) -> Double {
    p.visitsPerPatientYear * (p.minutesPerVisit * visitTimeFactor(for: c, parameters: p) + p.indirectMinutesPerVisit)
      + p.indirectMinutesPerPatientYear
  }

  /// Where the clinician's hours go and the panel they support.
  ///
  /// Absences scale with FTE; trainees then spend `traineeRotationShare` of
  /// the rest away from the unit and take study time; duties are shares of
  /// the time at the unit; meetings and administration are hours per
  /// full-time working week, scaled by FTE and by the share of time left
  /// after duties (1 − duties). Why the last: these are the meetings and
  /// administration of clinical work (team and case meetings, clinical
  /// administration); a doctor with 20% research works 80% of the weeks
  /// clinically and takes that share of them, while the research, management
  /// or supervision time carries its own meetings. Patient time never goes
  /// below 0.
  ///
  /// - Complexity: O(1).
  public static func breakdown(
    for c: Clinician, parameters p: WorkingTimeParameters = .standard
  ) -> WorkingTimeBreakdown {
    let hoursPerDay = p.hoursPerWeekFullTime / 5 * c.fte
    let contracted = p.hoursPerWeekFullTime * p.weeksPerYear * c.fte
    let vacation = p.vacationDaysPerYear * hoursPerDay
    let holidays = p.publicHolidayDaysPerYear * hoursPerDay
    let training = p.trainingDaysPerYear * hoursPerDay
    let sick = p.sickDaysPerYear * hoursPerDay
    let present = max(0, contracted - vacation - holidays - training - sick)
    let isTrainee = c.role == .gpTrainee
    let rotation = isTrainee ? present * p.traineeRotationShare : 0
    let atUnit = present - rotation
    let workingWeeksAtUnit = p.hoursPerWeekFullTime > 0 ? atUnit / (p.hoursPerWeekFullTime * max(c.fte, .leastNonzeroMagnitude)) : 0
    let study = isTrainee ? min(atUnit, p.traineeStudyHoursPerWeek * c.fte * workingWeeksAtUnit) : 0
    let clinical = atUnit - study
    // Validation rejects duties above 100%; should a caller pass them
    // anyway, scale them down so every hour is still counted exactly once.
    let dutyScale = c.duties.total > 1 ? clinical / c.duties.total : clinical
    let supervision = dutyScale * c.duties.supervision
    let research = dutyScale * c.duties.research
    let side = dutyScale * c.duties.sideAssignments
    let management = dutyScale * c.duties.management
    let afterDuties = clinical * c.duties.remainingShare
    let meetings = min(afterDuties, p.meetingHoursPerWeek * c.fte * workingWeeksAtUnit * c.duties.remainingShare)
    let administration = min(afterDuties - meetings, p.administrationHoursPerWeek * c.fte * workingWeeksAtUnit * c.duties.remainingShare)
    let patient = max(0, afterDuties - meetings - administration)

    let minutesPerPatient = minutesPerPatientYear(for: c, parameters: p)
    let holdsPanel = c.role.isDoctor && (c.role != .locum || p.locumsHoldPanels)
    let panel = holdsPanel && minutesPerPatient > 0 ? patient * 60 / minutesPerPatient : 0
    let minutesPerVisit = p.minutesPerVisit * visitTimeFactor(for: c, parameters: p) + p.indirectMinutesPerVisit
    let visits = c.role.isDoctor && minutesPerVisit > 0 ? patient * 60 / minutesPerVisit : 0

    return WorkingTimeBreakdown(
      contractedHours: contracted, vacationHours: vacation, publicHolidayHours: holidays,
      trainingHours: training, sickHours: sick, rotationHours: rotation, studyHours: study,
      supervisionHours: supervision, researchHours: research, sideAssignmentHours: side,
      managementHours: management, meetingHours: meetings, administrationHours: administration,
      patientHours: patient, minutesPerPatientYear: minutesPerPatient, panel: panel,
      visitCapacityPerYear: visits)
  }
}
