// JSON forms of a scenario and the simulation parameters. Every field is
// optional and takes its documented default; unknown fields are rejected.
// Working-time, guideline and assignment-policy objects are coded through
// private wrappers so this file adds no conformance to types it does not own.

extension Scenario: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    // `calibration`: written by `panelplan calibrate` (its sources); read and ignored.
    case name, centre, years, warmUpYears, demand, booking, absences, workingTime, guideline, assignment, continuity, triage, patience, calibration
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let centre = try c.decode(CareCentre.self, forKey: .centre)
    self.init(
      name: try c.decodeIfPresent(String.self, forKey: .name), centre: centre,
      parameters: try SimulationParameters(fields: decoder.container(keyedBy: SimulationParameters.CodingKeys.self)))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(centre, forKey: .centre)
    var p = encoder.container(keyedBy: SimulationParameters.CodingKeys.self)
    try parameters.encode(fields: &p)
  }
}

extension SimulationParameters: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case years, warmUpYears, demand, booking, absences, workingTime, guideline, assignment, continuity, triage, patience
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    try self.init(fields: decoder.container(keyedBy: CodingKeys.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try encode(fields: &c)
  }

  init(fields c: KeyedDecodingContainer<CodingKeys>) throws {
    self.init(
      years: try c.decodeIfPresent(Int.self, forKey: .years) ?? 1,
      warmUpYears: try c.decodeIfPresent(Int.self, forKey: .warmUpYears) ?? SimulationParameters.defaultWarmUpYears,
      demand: try c.decodeIfPresent(DemandParameters.self, forKey: .demand) ?? .init(),
      booking: try c.decodeIfPresent(BookingParameters.self, forKey: .booking) ?? .init(),
      absences: try c.decodeIfPresent(AbsenceParameters.self, forKey: .absences) ?? .init(),
      workingTime: try c.decodeIfPresent(WorkingTimeCoding.self, forKey: .workingTime)?.value ?? .standard,
      guideline: try c.decodeIfPresent(GuidelineCoding.self, forKey: .guideline)?.value ?? .socialstyrelsen2022,
      assignment: try c.decodeIfPresent(PolicyCoding.self, forKey: .assignment)?.value ?? .standard,
      continuity: try c.decodeIfPresent(ContinuityWindow.self, forKey: .continuity) ?? .init(),
      triage: try c.decodeIfPresent(TriageParameters.self, forKey: .triage) ?? .init(),
      patience: try c.decodeIfPresent(PatienceParameters.self, forKey: .patience) ?? .init())
  }

  func encode(fields c: inout KeyedEncodingContainer<CodingKeys>) throws {
    try c.encode(years, forKey: .years)
    try c.encode(warmUpYears, forKey: .warmUpYears)
    try c.encode(demand, forKey: .demand)
    try c.encode(booking, forKey: .booking)
    try c.encode(absences, forKey: .absences)
    try c.encode(WorkingTimeCoding(value: workingTime), forKey: .workingTime)
    try c.encode(GuidelineCoding(value: guideline), forKey: .guideline)
    try c.encode(PolicyCoding(value: assignment), forKey: .assignment)
    try c.encode(continuity, forKey: .continuity)
    try c.encode(triage, forKey: .triage)
    try c.encode(patience, forKey: .patience)
  }
}

extension DemandParameters: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case doctorVisitsPerYear, acuteShare, nurseContactsPerDoctorContact, otherContactsPerDoctorContact
    case taskSharingShare, scaleByNeedWeight
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = DemandParameters()
    var rates = d.doctorVisitsPerYear
    if let byBand = try c.decodeIfPresent(BandRates.self, forKey: .doctorVisitsPerYear) {
      for (b, v) in byBand.values { rates[b.index] = v }
    }
    self.init(
      doctorVisitsPerYear: rates,
      acuteShare: try c.decodeIfPresent(Double.self, forKey: .acuteShare) ?? d.acuteShare,
      nurseContactsPerDoctorContact: try c.decodeIfPresent(Double.self, forKey: .nurseContactsPerDoctorContact) ?? d.nurseContactsPerDoctorContact,
      otherContactsPerDoctorContact: try c.decodeIfPresent(Double.self, forKey: .otherContactsPerDoctorContact) ?? d.otherContactsPerDoctorContact,
      taskSharingShare: try c.decodeIfPresent(Double.self, forKey: .taskSharingShare) ?? d.taskSharingShare,
      scaleByNeedWeight: try c.decodeIfPresent(Bool.self, forKey: .scaleByNeedWeight) ?? d.scaleByNeedWeight)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(BandRates(values: Array(zip(AgeBand.allCases, doctorVisitsPerYear))), forKey: .doctorVisitsPerYear)
    try c.encode(acuteShare, forKey: .acuteShare)
    try c.encode(nurseContactsPerDoctorContact, forKey: .nurseContactsPerDoctorContact)
    try c.encode(otherContactsPerDoctorContact, forKey: .otherContactsPerDoctorContact)
    try c.encode(taskSharingShare, forKey: .taskSharingShare)
    try c.encode(scaleByNeedWeight, forKey: .scaleByNeedWeight)
  }
}

/// Rates by age band as a JSON object keyed by the band (`{"0-5": 1.3}`).
private struct BandRates: Codable {
  var values: [(AgeBand, Double)]
  init(values: [(AgeBand, Double)]) { self.values = values }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: AnyCodingKey.self)
    values = []
    for key in c.allKeys {
      guard let band = AgeBand(rawValue: key.stringValue) else {
        throw DecodingError.dataCorrupted(.init(
          codingPath: c.codingPath + [key],
          debugDescription: "unknown age band; expected one of: \(AgeBand.allCases.map(\.rawValue).joined(separator: ", "))"))
      }
      values.append((band, try c.decode(Double.self, forKey: key)))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: AnyCodingKey.self)
    for (b, v) in values { try c.encode(v, forKey: AnyCodingKey(stringValue: b.rawValue)) }
  }
}

extension BookingParameters: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case plannedToleranceDays, acuteToleranceDays, acuteAssessmentDays, acuteReservedShare
    case bookingHorizonDays, preferPreviousDoctor
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = BookingParameters()
    self.init(
      plannedToleranceDays: try c.decodeIfPresent(Int.self, forKey: .plannedToleranceDays) ?? d.plannedToleranceDays,
      acuteToleranceDays: try c.decodeIfPresent(Int.self, forKey: .acuteToleranceDays) ?? d.acuteToleranceDays,
      acuteAssessmentDays: try c.decodeIfPresent(Int.self, forKey: .acuteAssessmentDays) ?? d.acuteAssessmentDays,
      acuteReservedShare: try c.decodeIfPresent(Double.self, forKey: .acuteReservedShare) ?? d.acuteReservedShare,
      bookingHorizonDays: try c.decodeIfPresent(Int.self, forKey: .bookingHorizonDays) ?? d.bookingHorizonDays,
      preferPreviousDoctor: try c.decodeIfPresent(Bool.self, forKey: .preferPreviousDoctor) ?? d.preferPreviousDoctor)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(plannedToleranceDays, forKey: .plannedToleranceDays)
    try c.encode(acuteToleranceDays, forKey: .acuteToleranceDays)
    try c.encode(acuteAssessmentDays, forKey: .acuteAssessmentDays)
    try c.encode(acuteReservedShare, forKey: .acuteReservedShare)
    try c.encode(bookingHorizonDays, forKey: .bookingHorizonDays)
    try c.encode(preferPreviousDoctor, forKey: .preferPreviousDoctor)
  }
}

extension AbsenceParameters: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case summerVacationShare, summerFirstWeek, summerLastWeek, sickSpellDays, traineeRotations
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = AbsenceParameters()
    self.init(
      summerVacationShare: try c.decodeIfPresent(Double.self, forKey: .summerVacationShare) ?? d.summerVacationShare,
      summerFirstWeek: try c.decodeIfPresent(Int.self, forKey: .summerFirstWeek) ?? d.summerFirstWeek,
      summerLastWeek: try c.decodeIfPresent(Int.self, forKey: .summerLastWeek) ?? d.summerLastWeek,
      sickSpellDays: try c.decodeIfPresent(Double.self, forKey: .sickSpellDays) ?? d.sickSpellDays,
      traineeRotations: try c.decodeIfPresent(Bool.self, forKey: .traineeRotations) ?? d.traineeRotations)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(summerVacationShare, forKey: .summerVacationShare)
    try c.encode(summerFirstWeek, forKey: .summerFirstWeek)
    try c.encode(summerLastWeek, forKey: .summerLastWeek)
    try c.encode(sickSpellDays, forKey: .sickSpellDays)
    try c.encode(traineeRotations, forKey: .traineeRotations)
  }
}

extension ContinuityWindow: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable { case minimumVisits, windowMonths }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      minimumVisits: try c.decodeIfPresent(Int.self, forKey: .minimumVisits) ?? 2,
      windowMonths: try c.decodeIfPresent(Int.self, forKey: .windowMonths))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(minimumVisits, forKey: .minimumVisits)
    try c.encodeIfPresent(windowMonths, forKey: .windowMonths)
  }
}

/// `WorkingTimeParameters` as JSON: any subset of its fields.
private struct WorkingTimeCoding: Codable {
  var value: WorkingTimeParameters
  init(value: WorkingTimeParameters) { self.value = value }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case hoursPerWeekFullTime, vacationDaysPerYear, publicHolidayDaysPerYear, trainingDaysPerYear, sickDaysPerYear
    case meetingHoursPerWeek, administrationHoursPerWeek, plannedVisitsPerPatientYear, acuteVisitsPerPatientYear
    case minutesPerVisit, indirectMinutesPerVisit, indirectMinutesPerPatientYear
    case visitTimeFactorTraineeBeforeMid, visitTimeFactorTraineeAfterMid, visitTimeFactorLicensedDoctor
    case traineeRotationShare, traineeStudyHoursPerWeek, locumsHoldPanels, weeksPerYear
  }

  static var paths: [(CodingKeys, WritableKeyPath<WorkingTimeParameters, Double>)] {[
    (.hoursPerWeekFullTime, \.hoursPerWeekFullTime), (.vacationDaysPerYear, \.vacationDaysPerYear),
    (.publicHolidayDaysPerYear, \.publicHolidayDaysPerYear), (.trainingDaysPerYear, \.trainingDaysPerYear),
    (.sickDaysPerYear, \.sickDaysPerYear), (.meetingHoursPerWeek, \.meetingHoursPerWeek),
    (.administrationHoursPerWeek, \.administrationHoursPerWeek), (.plannedVisitsPerPatientYear, \.plannedVisitsPerPatientYear),
    (.acuteVisitsPerPatientYear, \.acuteVisitsPerPatientYear), (.minutesPerVisit, \.minutesPerVisit),
    (.indirectMinutesPerVisit, \.indirectMinutesPerVisit), (.indirectMinutesPerPatientYear, \.indirectMinutesPerPatientYear),
    (.visitTimeFactorTraineeBeforeMid, \.visitTimeFactorTraineeBeforeMid), (.visitTimeFactorTraineeAfterMid, \.visitTimeFactorTraineeAfterMid),
    (.visitTimeFactorLicensedDoctor, \.visitTimeFactorLicensedDoctor), (.traineeRotationShare, \.traineeRotationShare),
    (.traineeStudyHoursPerWeek, \.traineeStudyHoursPerWeek), (.weeksPerYear, \.weeksPerYear),
  ]}

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    var w = WorkingTimeParameters()
    for (key, path) in Self.paths {
      if let v = try c.decodeIfPresent(Double.self, forKey: key) { w[keyPath: path] = v }
    }
    if let v = try c.decodeIfPresent(Bool.self, forKey: .locumsHoldPanels) { w.locumsHoldPanels = v }
    value = w
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    for (key, path) in Self.paths { try c.encode(value[keyPath: path], forKey: key) }
    try c.encode(value.locumsHoldPanels, forKey: .locumsHoldPanels)
  }
}

/// `GuidelineParameters` as JSON: the five panel figures and, optionally,
/// `experienceSteps`: `[{"minYears": 0, "factor": 0.8}, {"minYears": 3,
/// "factor": 1.0}]` (the last step at or below a doctor's years applies).
private struct GuidelineCoding: Codable {
  var value: GuidelineParameters
  init(value: GuidelineParameters) { self.value = value }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case specialistPanel, traineeAfterMidTrainingPanel, traineeBeforeMidTrainingPanel, licensedDoctorPanel, locumPanel
    case experienceSteps
  }

  struct Step: Codable {
    var minYears: Double
    var factor: Double
    enum CodingKeys: String, CodingKey, CaseIterable { case minYears, factor }
    init(minYears: Double, factor: Double) {
      self.minYears = minYears
      self.factor = factor
    }
    init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      minYears = try c.decode(Double.self, forKey: .minYears)
      factor = try c.decode(Double.self, forKey: .factor)
      guard minYears >= 0, factor >= 0, factor.isFinite else {
        throw DecodingError.dataCorrupted(.init(
          codingPath: decoder.codingPath, debugDescription: "found minYears \(minYears), factor \(factor); expected both 0 or more"))
      }
    }
  }

  static var paths: [(CodingKeys, WritableKeyPath<GuidelineParameters, Double>)] {[
    (.specialistPanel, \.specialistPanel), (.traineeAfterMidTrainingPanel, \.traineeAfterMidTrainingPanel),
    (.traineeBeforeMidTrainingPanel, \.traineeBeforeMidTrainingPanel), (.licensedDoctorPanel, \.licensedDoctorPanel),
    (.locumPanel, \.locumPanel),
  ]}

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    var g = GuidelineParameters()
    for (key, path) in Self.paths {
      if let v = try c.decodeIfPresent(Double.self, forKey: key) { g[keyPath: path] = v }
    }
    if let steps = try c.decodeIfPresent([Step].self, forKey: .experienceSteps) {
      g.experienceAdjustment = ExperienceAdjustment(steps: steps.map { ($0.minYears, $0.factor) })
    }
    value = g
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    for (key, path) in Self.paths { try c.encode(value[keyPath: path], forKey: key) }
    if let e = value.experienceAdjustment {
      try c.encode(zip(e.minYears, e.factors).map { Step(minYears: $0, factor: $1) }, forKey: .experienceSteps)
    }
  }
}

/// `AssignmentPolicy` as JSON: `order` (group names), `wantShare` (object
/// keyed by group), `capacityView` (`guideline` or `workingTime`), `fillLimit`.
private struct PolicyCoding: Codable {
  var value: AssignmentPolicy
  init(value: AssignmentPolicy) { self.value = value }

  enum CodingKeys: String, CodingKey, CaseIterable { case order, wantShare, capacityView, fillLimit }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    var p = AssignmentPolicy()
    if let o = try c.decodeIfPresent([PriorityGroup].self, forKey: .order) { p.order = o }
    if c.contains(.wantShare) {
      let w = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .wantShare)
      for key in w.allKeys {
        guard let g = PriorityGroup(rawValue: key.stringValue) else {
          throw DecodingError.dataCorrupted(.init(
            codingPath: w.codingPath + [key],
            debugDescription: "unknown priority group; expected one of: \(PriorityGroup.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        p.wantShare[g] = try w.decode(Double.self, forKey: key)
      }
    }
    if let v = try c.decodeIfPresent(CapacityView.self, forKey: .capacityView) { p.capacityView = v }
    if let v = try c.decodeIfPresent(Double.self, forKey: .fillLimit) { p.fillLimit = v }
    value = p
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(value.order, forKey: .order)
    var w = c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .wantShare)
    for g in PriorityGroup.allCases { try w.encode(value.wantShare(of: g), forKey: AnyCodingKey(stringValue: g.rawValue)) }
    try c.encode(value.capacityView, forKey: .capacityView)
    try c.encode(value.fillLimit, forKey: .fillLimit)
  }
}
