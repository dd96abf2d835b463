import PanelPlan

/// Small centres whose answers are known exactly or from a formula.
public enum SimulationFixtures {
  /// Working time without absences, so every open day is a full day.
  public static var noAbsences: WorkingTimeParameters {
    var w = WorkingTimeParameters()
    w.vacationDaysPerYear = 0
    w.trainingDaysPerYear = 0
    w.sickDaysPerYear = 0
    return w
  }

  /// Parameters with one flat doctor-contact rate for every age band and
  /// no need scaling.
  public static func flat(visitsPerYear: Double, years: Int) -> SimulationParameters {
    var p = SimulationParameters(years: years)
    p.demand = DemandParameters(
      doctorVisitsPerYear: Array(repeating: visitsPerYear, count: AgeBand.allCases.count), scaleByNeedWeight: false)
    p.workingTime = noAbsences
    // Exact counts below are over the whole horizon from empty queues.
    p.warmUpYears = 0
    return p
  }

  public static func doctors(_ m: Int) -> [Clinician] {
    (0..<m).map { Clinician(id: "gp-\($0)", role: .gpSpecialist, fte: 1) }
  }

  /// `n` individually listed patients aged 45-64, all with the same fixed
  /// doctor or none.
  public static func patients(_ n: Int, fixedDoctor: String?) -> ListedPopulation {
    ListedPopulation(patients: (0..<n).map { Patient(id: "p\($0)", profile: PatientProfile(ageBand: .age45to64), fixedDoctorId: fixedDoctor) })
  }
}

/// A single-centre region with `listed` people of need weight 1 (aged 30–44,
/// no conditions: priority group "others") and full-time specialists
/// without duties or birth year.
public func handRegion(listed: Int, specialists: Int, trainees: [Double] = []) -> Region {
  var clinicians = (0..<specialists).map { Clinician(id: "gp\($0)", role: .gpSpecialist, fte: 1) }
  for (i, p) in trainees.enumerated() { clinicians.append(Clinician(id: "st\(i)", role: .gpTrainee, fte: 1, trainingProgress: p)) }
  let group = PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: listed)
  let centre = CareCentre(id: "vc", name: "VC", clinicians: clinicians, population: ListedPopulation(groups: [group]))
  return Region(name: "Hand", centres: [centre])
}
