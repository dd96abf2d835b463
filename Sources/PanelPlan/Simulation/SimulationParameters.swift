/// Everything the visit-level simulation needs besides the care centre.
///
/// Every field has a documented default; `SimulationParameters()` runs the
/// documented model. Times are in *open days* (weekdays the centre is open)
/// unless a name says otherwise; a year has 52 × 5 weekdays less the public
/// holidays of `workingTime`.
public struct SimulationParameters: Sendable, Hashable {
  /// Length of the measured period in years. Default 1.
  public var years: Int
  /// Years simulated before the measured period and not counted (issue 13,
  /// finding 6): queues, backlogs and "seen before" start empty, so
  /// without a warm-up an overloaded centre looks better in its first year
  /// than it will be. Contacts that arise during the warm-up are left out of
  /// every result; days, slots and overflow count from the first measured
  /// day; continuity counts visits on measured days. Default
  /// `defaultWarmUpYears` (1), chosen by the convergence test recorded in
  /// `Benchmarks/README.md` ("Warm-up").
  public var warmUpYears: Int

  /// The default warm-up, from the measured convergence test.
  public static let defaultWarmUpYears = 1
  /// Who needs contacts, how often and with whom.
  public var demand: DemandParameters
  /// How contacts are booked.
  public var booking: BookingParameters
  /// How absences are placed in the calendar (their amounts come from
  /// `workingTime`).
  public var absences: AbsenceParameters
  /// Working time: hours, absence days, minutes per visit, trainee rotation.
  /// The same parameters as the working-time capacity view.
  public var workingTime: WorkingTimeParameters
  /// The guideline view, used when `assignment.capacityView` is `.guideline`.
  public var guideline: GuidelineParameters
  /// Fixed-doctor assignment policy.
  public var assignment: AssignmentPolicy
  /// Which visits the continuity indices count.
  public var continuity: ContinuityWindow
  /// Nurse triage of acute contacts (the first pressure valve).
  public var triage: TriageParameters
  /// How long doctor contacts wait before going elsewhere (the second).
  public var patience: PatienceParameters

  public init(
    years: Int = 1, warmUpYears: Int = SimulationParameters.defaultWarmUpYears, demand: DemandParameters = .init(), booking: BookingParameters = .init(),
    absences: AbsenceParameters = .init(), workingTime: WorkingTimeParameters = .standard,
    guideline: GuidelineParameters = .socialstyrelsen2022, assignment: AssignmentPolicy = .standard,
    continuity: ContinuityWindow = .init(), triage: TriageParameters = .init(), patience: PatienceParameters = .init()
  ) {
    self.years = years
    self.warmUpYears = warmUpYears
    self.demand = demand
    self.booking = booking
    self.absences = absences
    self.workingTime = workingTime
    self.guideline = guideline
    self.assignment = assignment
    self.continuity = continuity
    self.triage = triage
    self.patience = patience
  }

  /// Both capacity views' parameters.
  /// Task sharing (`demand.taskSharingShare`) enlarges panels by 1 / (1 −
  /// share), the same meaning as in `capacity` (see `TaskSharing`).
  public var capacity: CapacityParameters {
    CapacityParameters(guideline: guideline, workingTime: workingTime, taskSharingShare: demand.taskSharingShare)
  }
}

/// Contact demand: a Poisson process per patient.
///
/// **What the rates mean (issue 13, finding 2).** The configured doctor
/// rates are doctor visits *made* per person-year, before task sharing:
/// the same quantity as the published 1.11 physical doctor visits per
/// inhabitant (2023, a count of visits made) and as
/// `WorkingTimeParameters.visitsPerPatientYear`, which the working-time
/// calibration uses. With nurse triage, a share of acute contacts is
/// resolved by a nurse before reaching a doctor, so the simulation draws
/// doctor contacts at rate / (1 − a'·t·r) (t = `triagedShare`, r =
/// `resolvedShare`, a' the acute share before triage, chosen so that the
/// acute share of the visits made is `acuteShare`): the visits that reach
/// a doctor then match the rate, and the capacity view, the sweep and the
/// simulation all size doctors' work by the same visits. Visits actually
/// made can still be fewer when contacts go elsewhere
/// (`PatienceParameters`) or are shared with the team (`taskSharingShare`).
///
/// A patient's doctor visits per year are the age band's rate, times the
/// patient's need weight relative to the band's default weight when
/// `scaleByNeedWeight` (so a patient with the default weight gets exactly
/// the band's rate). Nurse and other-profession contacts come at fixed
/// ratios to the doctor visits. All rates are illustrative defaults from
/// DOMAIN.md; replace with local data.
public struct DemandParameters: Sendable, Hashable {
  /// Doctor visits made per listed person per year (after triage, before
  /// task sharing), indexed by `AgeBand.index`.
  /// Default: `DemandDefaults.doctorVisitsPerYear`, DOMAIN.md's table (1.3,
  /// 0.6, 0.7, 0.8, 1.0, 1.7, 1.7, 2.6) × 1.1 / 1.075 so that it averages
  /// 1.1 over Sweden's age structure.
  public var doctorVisitsPerYear: [Double]
  /// Share of doctor visits made that are acute (need a medical assessment
  /// within `BookingParameters.acuteAssessmentDays`). Default 0.4 / 1.1 ≈
  /// 0.364, the acute share of `WorkingTimeParameters`.
  public var acuteShare: Double
  /// Nurse contacts per doctor contact. Default 0.8 (illustrative: nurses
  /// see most chronic-care and triage contacts).
  public var nurseContactsPerDoctorContact: Double
  /// Other-profession contacts (physiotherapist, counsellor, ...) per
  /// doctor contact. Default 0.3 (illustrative).
  public var otherContactsPerDoctorContact: Double
  /// Share of doctor time per patient moved to the team (task sharing;
  /// Altschuler et al. 2012): each would-be doctor contact goes to a nurse
  /// with this probability, per-patient indirect doctor work shrinks by
  /// the same share, and panels grow by 1 / (1 − share) (`TaskSharing`).
  /// Default 0; at most `TaskSharing.maximumShare`.
  public var taskSharingShare: Double
  /// Whether a patient's rate scales with need weight. Default true.
  public var scaleByNeedWeight: Bool

  public init(
    doctorVisitsPerYear: [Double] = AgeBand.allCases.map(DemandDefaults.doctorVisitsPerYear(for:)),
    acuteShare: Double = 0.4 / 1.1, nurseContactsPerDoctorContact: Double = 0.8,
    otherContactsPerDoctorContact: Double = 0.3, taskSharingShare: Double = 0,
    scaleByNeedWeight: Bool = true
  ) {
    self.doctorVisitsPerYear = doctorVisitsPerYear
    self.acuteShare = acuteShare
    self.nurseContactsPerDoctorContact = nurseContactsPerDoctorContact
    self.otherContactsPerDoctorContact = otherContactsPerDoctorContact
    self.taskSharingShare = taskSharingShare
    self.scaleByNeedWeight = scaleByNeedWeight
  }

  /// Doctor contacts per year for one patient.
  public func doctorVisitsPerYear(ageBand: Int, needWeight: Double) -> Double {
    let base = doctorVisitsPerYear[ageBand]
    guard scaleByNeedWeight else { return base }
    let reference = DemandDefaults.defaultNeedWeight(for: AgeBand.allCases[ageBand])
    return reference > 0 ? base * needWeight / reference : base
  }
}

/// How contacts are booked (issue 5): the fixed doctor if free within the
/// patient's tolerance, else a doctor the patient saw before, else any
/// doctor, else the contact waits in a backlog.
public struct BookingParameters: Sendable, Hashable {
  /// Open days a planned contact may wait for the fixed doctor or a doctor
  /// seen before. Default 10 (two working weeks, illustrative).
  public var plannedToleranceDays: Int
  /// The same for acute contacts. Default 0: an acute contact takes its
  /// own doctor only if free the same day.
  public var acuteToleranceDays: Int
  /// The care guarantee: a medical assessment within 3 days (vårdgarantin).
  public var acuteAssessmentDays: Int
  /// Share of each day's doctor slots kept for acute contacts; what is left
  /// unused at the end of a day goes to planned contacts still waiting.
  /// Default 0.35, about the acute share of demand.
  public var acuteReservedShare: Double
  /// How many open days ahead the calendar is open; a contact with no slot
  /// in that range waits in the backlog. Default 60.
  public var bookingHorizonDays: Int
  /// Whether step 2 (a doctor seen before) is used. Default true; false
  /// gives random choice among free doctors, the no-continuity reference.
  public var preferPreviousDoctor: Bool

  public init(
    plannedToleranceDays: Int = 10, acuteToleranceDays: Int = 0, acuteAssessmentDays: Int = 3,
    acuteReservedShare: Double = 0.35, bookingHorizonDays: Int = 60, preferPreviousDoctor: Bool = true
  ) {
    self.plannedToleranceDays = plannedToleranceDays
    self.acuteToleranceDays = acuteToleranceDays
    self.acuteAssessmentDays = acuteAssessmentDays
    self.acuteReservedShare = acuteReservedShare
    self.bookingHorizonDays = bookingHorizonDays
    self.preferPreviousDoctor = preferPreviousDoctor
  }
}

/// Which visits the continuity indices count.
///
/// SKR's Primärvårdskvalitet: patients with at least 3 visits in the last
/// 18 months at their unit (`.skr`); UK reports often use 2.
public struct ContinuityWindow: Sendable, Hashable {
  /// Patients with fewer visits in the window (per scope) are left out of
  /// the means. Default 2, the least for which COC is defined.
  public var minimumVisits: Int
  /// Months at the end of the horizon that count; nil = the whole horizon.
  public var windowMonths: Int?

  public init(minimumVisits: Int = 2, windowMonths: Int? = nil) {
    self.minimumVisits = minimumVisits
    self.windowMonths = windowMonths
  }

  /// SKR's definition: at least 3 visits in the last 18 months.
  public static let skr = ContinuityWindow(minimumVisits: 3, windowMonths: 18)
}
