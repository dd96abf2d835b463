/// Doctors' visit slots: the one computation that the capacity view, the
/// capacity sweep and the simulation share (DESIGN.md: one definition per
/// quantity).
///
/// For each doctor `i` (nurses and other professions get 0):
///
///     visit slots a year  = (patient minutes − indirect minutes charged) / minutes a visit
///     minutes a visit     = minutesPerVisit × the role's time factor + indirectMinutesPerVisit
///     indirect charged    = (own panel + unassigned × hᵢ / Σ h) × indirectMinutesPerPatientYear
///     slots a present day = visit slots a year / expected present days a year
///
/// where the panel and the unassigned count are need-weighted patients and
/// `hᵢ` are the doctor's patient hours (`WorkingTimeBreakdown.patientHours`).
///
/// **The sharing rule (issue 13, finding 1).** The indirect work of every
/// listed patient (results, prescriptions, messages) is done by some doctor,
/// whether or not the patient has a fixed doctor. A fixed doctor does it for
/// their own panel; the indirect work of patients without one is shared by
/// all doctors who see patients in proportion to their patient hours, since
/// whoever has more clinic time meets more of those patients' results and
/// messages. So the centre's total indirect time is always the whole
/// need-weighted list × `indirectMinutesPerPatientYear`, however many
/// patients have a fixed doctor. The capacity view and the sweep have no
/// assignment: there every patient counts as unassigned, so the whole list's
/// indirect work is shared by patient hours.
///
/// ```swift
/// let s = DoctorSlots(clinicians: centre.clinicians, panels: [], weightedListed: 2_000,
///                     workingTime: .standard, absences: .init(), openDaysPerYear: 249)
/// s.slotsPerPresentDay[0]
/// ```
public struct DoctorSlots: Sendable, Hashable {
  /// Per clinician: minutes a year left for patients (visits and indirect work).
  public var patientMinutesPerYear: [Double]
  /// Per clinician: minutes a visit takes, indirect work tied to the visit included.
  public var minutesPerVisit: [Double]
  /// Per clinician: minutes a year of per-patient indirect work charged to
  /// this doctor under the sharing rule.
  public var indirectMinutesPerYear: [Double]
  /// Per clinician: visit slots a year after all indirect work.
  public var visitSlotsPerYear: [Double]
  /// Per clinician: open days the clinician is expected to be present a year
  /// (`SimulationCalendar.expectedPresentDaysPerYear`).
  public var expectedPresentDaysPerYear: [Double]
  /// Per clinician: visit slots on each day present.
  public var slotsPerPresentDay: [Double]
}

extension DoctorSlots {
  /// Computes each clinician's slots.
  ///
  /// - Parameters:
  ///   - clinicians: the centre's clinicians.
  ///   - panels: need-weighted fixed-doctor panel held by each clinician,
  ///     by clinician index (empty or shorter: 0 for the rest).
  ///   - weightedListed: the centre's need-weighted listed population; what
  ///     the panels leave is the unassigned part, shared by patient hours.
  ///   - workingTime: the working-time parameters.
  ///   - absences: placement of absences (for trainees' rotations).
  ///   - openDaysPerYear: open days a year (249 with 11 holidays).
  /// - Complexity: O(c), where c is the number of clinicians.
  public init(
    clinicians: [Clinician], panels: [Double], weightedListed: Double, workingTime w: WorkingTimeParameters,
    absences: AbsenceParameters = .init(), openDaysPerYear: Int
  ) {
    let n = clinicians.count
    let hours = clinicians.map { c in c.role.isDoctor ? WorkingTimeCapacity.breakdown(for: c, parameters: w).patientHours : 0 }
    let totalHours = hours.reduce(0, +)
    let panel = (0..<n).map { i in i < panels.count && clinicians[i].role.isDoctor ? max(0, panels[i]) : 0 }
    let unassigned = max(0, weightedListed - panel.reduce(0, +))
    patientMinutesPerYear = hours.map { $0 * 60 }
    minutesPerVisit = clinicians.map { c in
      c.role.isDoctor
        ? w.minutesPerVisit * WorkingTimeCapacity.visitTimeFactor(for: c, parameters: w) + w.indirectMinutesPerVisit : 0
    }
    indirectMinutesPerYear = (0..<n).map { i in
      let share = totalHours > 0 ? hours[i] / totalHours : 0
      return (panel[i] + unassigned * share) * w.indirectMinutesPerPatientYear
    }
    let perVisit = minutesPerVisit
    let patientMinutes = patientMinutesPerYear
    let indirect = indirectMinutesPerYear
    visitSlotsPerYear = (0..<n).map { i in
      perVisit[i] > 0 ? max(0, patientMinutes[i] - indirect[i]) / perVisit[i] : 0
    }
    expectedPresentDaysPerYear = clinicians.map { c in
      c.role.isDoctor
        ? SimulationCalendar.expectedPresentDaysPerYear(for: c, workingTime: w, absences: absences, openDaysPerYear: openDaysPerYear)
        : 0
    }
    let slots = visitSlotsPerYear
    let days = expectedPresentDaysPerYear
    slotsPerPresentDay = (0..<n).map { i in days[i] > 0 ? slots[i] / days[i] : 0 }
  }

  /// The centre's visit slots a year.
  public var totalVisitSlotsPerYear: Double { visitSlotsPerYear.reduce(0, +) }
}
