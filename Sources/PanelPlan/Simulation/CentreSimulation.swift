import Foundation

/// The visit-level simulation of one care centre (issue 5).
///
/// Build once per centre and parameters, then run any number of
/// replications; a run depends only on `(seed, stream)`, never on the
/// thread that runs it.
///
/// ```swift
/// let sim = CentreSimulation(centre: ExampleCentre.make(), parameters: .init(years: 2))
/// let r = sim.run(seed: 1, stream: [0, 0, 0])
/// r.coc(.doctor)             // mean doctor COC
/// r.assessedWithinGuarantee
/// ```
///
/// The model, per run:
/// - Fixed doctors by `PatientAssignment` (stream path + [0]).
/// - Each clinician's calendar by `SimulationCalendar.presence` (path +
///   [1, clinician]); doctor slots per present day from `DoctorSlots`, the
///   computation capacity and sweeps share: annual visit slots / expected
///   present days, where annual visit slots = (patient minutes − indirect
///   minutes of the doctor's own panel and of a share, by patient hours,
///   of the patients without a fixed doctor) / (minutes per visit × the
///   role's time factor + indirect minutes per visit). Fractions carry
///   from day to day.
///   `acuteReservedShare` of each day's slots is held for acute contacts;
///   at the end of the day what is left goes to waiting planned contacts.
/// - Each patient's contacts are a Poisson process in open-day time with
///   rate (doctor rate) × (1 + nurse ratio + other ratio) / open days per
///   year, each contact marked doctor, nurse or other (path + [2]). Events
///   are drawn one at a time and bucketed by day: a day's work is the
///   patients in its bucket, never a loop over everyone.
/// - Doctor contacts are booked: the fixed doctor if a slot is free within
///   the tolerance (acute or planned), else a doctor seen before (if
///   `preferPreviousDoctor`), else the earliest free slot of any doctor
///   (ties broken at random) within the booking horizon, else the backlog,
///   retried first thing each open day (after contacts out of patience
///   have left, and before the day's triage and new contacts); waiting
///   acute contacts are retried before waiting planned ones.
/// - Acute doctor contacts are first assessed by nurse triage
///   (`TriageParameters`, when the centre has nurses): `triagedShare` of
///   them join the triage line, which has `assessmentsPerNurseFTEPerDay` ×
///   the nurse FTE present each open day and serves first come first
///   served (a contact beyond the day's capacity waits for the next day).
///   `resolvedShare` of those triaged are resolved by the nurse and logged
///   as a nurse contact of that day (all-contacts scope only); the rest are
///   booked with a doctor as acute contacts, their tolerance counted from
///   when they arose. A triage call passed on to a doctor is not logged as
///   a visit. The first assessment (triage, or the doctor visit for those
///   not triaged) gives `assessedWithinGuarantee`; the doctor visit gives
///   `acuteSeenByDoctorWithinGuarantee`.
/// - Patience (`PatienceParameters`): a doctor contact is booked no later
///   than tolerance + patience open days after it arose; one still unbooked
///   then leaves the queue ("went elsewhere": emergency department,
///   digital provider, out-of-hours, given up), as does an acute contact
///   still waiting for triage. Waiting times are over contacts seen.
/// - The configured doctor rates are visits *made* (after triage, before
///   task sharing; issue 13): with triage, contacts arise at rate / (1 −
///   a'·t·r) so that those reaching a doctor match the rate (see
///   `DemandParameters`). `doctorVisitsPerPersonYear` reports contacts as
///   they arise, `doctorVisitsNeededPerPersonYear` those not resolved in
///   triage, `doctorVisitsSeenPerPersonYear` the visits made.
/// - Overflow (Green, Savin and Murray 2007; `OverflowFrequency`): a
///   panel-holding doctor's present day on which the day's demand for the
///   doctor (fixed patients' contacts not sent to triage, and triaged ones
///   passed on to a doctor that day) exceeds the day's slots.
/// - Warm-up (`warmUpYears`): the run simulates warm-up + measured years
///   and counts only contacts arising in the measured years (days, slots
///   and overflow from its first day; continuity over its visits).
/// - Nurse and other contacts go to the patient's usual team member of that
///   profession when present, else to a random one present; team members
///   have no slot limit (an approximation).
/// - "Seen before" is a 64-bit mask per patient: in a centre with more
///   than 64 doctors, doctors share bits (index mod 64), so step 2 may
///   offer a doctor sharing a bit with one seen before (an approximation).
/// - After the horizon, visits are sorted by patient and day and fed to
///   `ContinuityStatistics`, one per patient and scope.
public struct CentreSimulation: Sendable {
  /// The centre simulated.
  public let centre: CareCentre
  /// The parameters.
  public let parameters: SimulationParameters
  /// The expanded population.
  public let patients: PatientTable
  /// When set, doctor slots per present day by clinician index (0 for
  /// non-doctors), replacing the working-time computation: for what-ifs and
  /// for tests that need an exact slot count.
  public var slotsPerPresentDayOverride: [Double]?
  /// When set, the assignment to use instead of drawing one.
  public var assignmentOverride: PatientAssignment?

  public init(centre: CareCentre, parameters: SimulationParameters) {
    self.centre = centre
    self.parameters = parameters
    patients = PatientTable(population: centre.population, clinicians: centre.clinicians)
  }

  /// Doctor slots per present day for each clinician (0 for nurses and
  /// other professions), given the need-weighted panel each holds: the
  /// shared computation `DoctorSlots`, which charges the indirect work of
  /// every listed patient, those without a fixed doctor shared by the
  /// doctors' patient hours.
  public func slotsPerPresentDay(load: [Double], calendar: SimulationCalendar) -> [Double] {
    if let o = slotsPerPresentDayOverride { return o }
    return doctorSlots(load: load, calendar: calendar).slotsPerPresentDay
  }

  /// The full slot computation behind `slotsPerPresentDay`.
  public func doctorSlots(load: [Double], calendar: SimulationCalendar) -> DoctorSlots {
    DoctorSlots(
      clinicians: centre.clinicians, panels: load, weightedListed: centre.population.weightedCount,
      workingTime: doctorWorkingTime, absences: parameters.absences, openDaysPerYear: calendar.openDaysPerYear)
  }

  /// The working-time parameters the doctors' slots use: task sharing moves
  /// the same share of per-patient indirect work to the team as of visits
  /// (one meaning: `TaskSharing`).
  var doctorWorkingTime: WorkingTimeParameters {
    capacityParameters.doctorWorkingTime
  }

  /// The task-sharing share this centre can use: `demand.taskSharingShare`
  /// (within [0, `TaskSharing.maximumShare`]) when the centre has a nurse to
  /// move work to, else 0. Panels, slots and contacts all use this one.
  public var effectiveTaskSharingShare: Double {
    centre.clinicians.contains { $0.role == .nurse } ? parameters.capacity.clampedShare : 0
  }

  /// The capacity parameters of the assignment, with the effective task
  /// sharing.
  public var capacityParameters: CapacityParameters {
    var c = parameters.capacity
    c.taskSharingShare = effectiveTaskSharingShare
    return c
  }

  /// Runs one replication.
  ///
  /// - Parameters:
  ///   - seed: the seed of every random stream.
  ///   - stream: the path identifying this run, e.g. [scenario,
  ///     replication, centre].
  /// - Complexity: O(p · d + v · d + D · c), where p is patients, d
  ///   doctors, v contacts, D open days and c clinicians; memory O(p + v +
  ///   D · c) for this centre only.
  public func run(seed: UInt64, stream: [UInt64]) -> SimulationResult {
    let p = parameters
    let calendar = SimulationCalendar(
      years: max(0, p.warmUpYears) + p.years, publicHolidayDaysPerYear: p.workingTime.publicHolidayDaysPerYear)
    var rngAssign = Xoshiro256(seed: seed, stream: stream + [0])
    let assignment = assignmentOverride ?? PatientAssignment.assign(
      patients: patients, clinicians: centre.clinicians, policy: p.assignment, parameters: capacityParameters,
      using: &rngAssign)
    precondition(assignment.doctorOf.count == patients.count && assignment.capacity.count == centre.clinicians.count,
                 "assignmentOverride must cover this centre's patients and clinicians")
    var run = CentreRun(
      parameters: p, clinicians: centre.clinicians, patients: patients, calendar: calendar, assignment: assignment,
      slotsPerPresentDay: slotsPerPresentDay(load: assignment.load, calendar: calendar),
      taskSharingShare: effectiveTaskSharingShare, seed: seed, stream: stream)
    run.simulateDays()
    run.computeContinuity()
    return SimulationResult(tallies: run.t, years: p.years)
  }
}
