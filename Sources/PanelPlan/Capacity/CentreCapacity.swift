/// Parameters of both capacity views.
public struct CapacityParameters: Sendable, Hashable {
  public var guideline: GuidelineParameters
  public var workingTime: WorkingTimeParameters
  /// Share of the doctor time per patient moved to the team (task
  /// sharing): every panel in both views, × 1 / (1 − share). Default 0.
  /// At most `TaskSharing.maximumShare`; see `TaskSharing`.
  public var taskSharingShare: Double

  public init(
    guideline: GuidelineParameters = .socialstyrelsen2022, workingTime: WorkingTimeParameters = .standard,
    taskSharingShare: Double = 0
  ) {
    self.guideline = guideline
    self.workingTime = workingTime
    self.taskSharingShare = taskSharingShare
  }

  /// The documented defaults of both views.
  public static let standard = CapacityParameters()
}

/// One clinician's capacity in both views.
public struct ClinicianCapacity: Sendable, Hashable {
  public var clinician: Clinician
  /// Guideline full-time panel for the role and training stage.
  public var guidelineBasePanel: Double
  /// Guideline panel after FTE, duties, experience and task sharing.
  public var guidelinePanel: Double
  /// The working-time view.
  public var workingTime: WorkingTimeBreakdown
  /// Patients currently assigned to this clinician as fixed doctor (only
  /// when the population lists individual patients).
  public var assignedPatients: Int
  /// Visit slots a year after the indirect work of the whole listed
  /// population, shared by patient hours (`DoctorSlots`): the same slots
  /// the simulation and the sweep use.
  public var visitSlotsPerYear: Double = 0
  /// Those slots per day present (`DoctorSlots.slotsPerPresentDay`).
  public var slotsPerPresentDay: Double = 0
}

/// A care centre's capacity against its listed population.
public struct CentreCapacity: Sendable, Hashable {
  public var centreId: String
  public var centreName: String
  /// Capacity of each doctor, in input order (nurses and other professions
  /// hold no panel and are left out).
  public var doctors: [ClinicianCapacity]
  /// Number of listed people.
  public var listedCount: Int
  /// Listed people weighted by care need.
  public var weightedListed: Double
  /// FTE of GP specialists.
  public var specialistFTE: Double
  /// FTE of employed doctors of every kind (locums excluded, as in the
  /// national staff statistics).
  public var employedDoctorFTE: Double
  /// FTE of locums.
  public var locumFTE: Double
  /// FTE of nurses and other professions.
  public var teamFTE: Double
  /// Total guideline capacity, in average-need patients.
  public var guidelineCapacity: Double
  /// The centre's doctor visit slots a year after all indirect work
  /// (`DoctorSlots`).
  public var visitSlotsPerYear: Double { doctors.reduce(0) { $0 + $1.visitSlotsPerYear } }
  /// Total working-time capacity, in average-need patients.
  public var workingTimeCapacity: Double
  /// Open days a year (260 weekdays less the public holidays).
  public var openDaysPerYear: Int = 249
  /// Panel of one full-time specialist without duties in each view, the unit
  /// of the FTE gaps.
  public var fullTimeSpecialistGuidelinePanel: Double
  public var fullTimeSpecialistWorkingTimePanel: Double

  /// Listed people per GP specialist FTE (Sweden 2023: 2,039 residents per
  /// specialist). Infinite when there are no specialists.
  public var listedPerSpecialistFTE: Double { Double(listedCount) / specialistFTE }
  /// Listed people per employed doctor FTE.
  public var listedPerDoctorFTE: Double { Double(listedCount) / employedDoctorFTE }
  /// Weighted listed per guideline capacity: 1.0 means exactly at the
  /// guideline, above 1 more patients than the doctors can be fixed doctor for.
  public var guidelineRatio: Double { weightedListed / guidelineCapacity }
  /// Weighted listed per working-time capacity.
  public var workingTimeRatio: Double { weightedListed / workingTimeCapacity }
  /// FTE of full-time specialists without duties missing to reach the
  /// guideline (0 when capacity suffices).
  public var specialistFTEGap: Double {
    max(0, weightedListed - guidelineCapacity) / fullTimeSpecialistGuidelinePanel
  }
  /// The same in the working-time view.
  public var specialistFTEGapWorkingTime: Double {
    max(0, weightedListed - workingTimeCapacity) / fullTimeSpecialistWorkingTimePanel
  }
  /// Share of the (need-weighted) population that can be offered a fixed
  /// doctor under the guideline capacity, at most 1.
  public var shareOfferableGuideline: Double {
    weightedListed > 0 ? min(1, guidelineCapacity / weightedListed) : 1
  }
  /// The same in the working-time view.
  public var shareOfferableWorkingTime: Double {
    weightedListed > 0 ? min(1, workingTimeCapacity / weightedListed) : 1
  }
}

extension CentreCapacity {
  /// Computes both capacity views for a care centre.
  ///
  /// - Complexity: O(c + p), where c is the number of clinicians and p the
  ///   number of individual patients and groups.
  public init(centre: CareCentre, parameters p: CapacityParameters = .standard) {
    var assigned: [String: Int] = [:]
    for patient in centre.population.patients {
      if let d = patient.fixedDoctorId { assigned[d, default: 0] += 1 }
    }
    doctors = centre.clinicians.filter { $0.role.isDoctor }.map { c in
      ClinicianCapacity(
        clinician: c,
        guidelineBasePanel: GuidelineCapacity.basePanel(for: c, parameters: p.guideline),
        guidelinePanel: p.guidelinePanel(for: c),
        workingTime: p.workingTimeBreakdown(for: c),
        assignedPatients: assigned[c.id] ?? 0)
    }
    let open = SimulationCalendar.openDaysPerYear(publicHolidayDaysPerYear: p.workingTime.publicHolidayDaysPerYear)
    let slots = DoctorSlots(
      clinicians: centre.clinicians, panels: [], weightedListed: centre.population.weightedCount,
      workingTime: p.doctorWorkingTime, openDaysPerYear: open)
    for (k, i) in centre.clinicians.indices.filter({ centre.clinicians[$0].role.isDoctor }).enumerated() {
      doctors[k].visitSlotsPerYear = slots.visitSlotsPerYear[i]
      doctors[k].slotsPerPresentDay = slots.slotsPerPresentDay[i]
    }
    openDaysPerYear = open
    centreId = centre.id
    centreName = centre.name
    listedCount = centre.population.count
    weightedListed = centre.population.weightedCount
    specialistFTE = centre.fte(of: .gpSpecialist)
    employedDoctorFTE = centre.clinicians.reduce(0) { $0 + ($1.role.isDoctor && $1.role != .locum ? $1.fte : 0) }
    locumFTE = centre.fte(of: .locum)
    teamFTE = centre.fte(of: .nurse) + centre.fte(of: .otherProfession)
    guidelineCapacity = doctors.reduce(0) { $0 + $1.guidelinePanel }
    workingTimeCapacity = doctors.reduce(0) { $0 + $1.workingTime.panel }
    let reference = Clinician(id: "", role: .gpSpecialist, fte: 1)
    fullTimeSpecialistGuidelinePanel = p.guidelinePanel(for: reference)
    fullTimeSpecialistWorkingTimePanel = p.workingTimeBreakdown(for: reference).panel
  }
}
