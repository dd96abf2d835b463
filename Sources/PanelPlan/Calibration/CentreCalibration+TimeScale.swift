import Foundation

extension CentreCalibration {
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
