// The JSON forms of the simulation's parameters. Every field is optional
// and takes the default of the type's initialiser; unknown fields are
// rejected.

extension SimulationParameters: Codable {
  static var jsonFields: JSONFields<SimulationParameters> {
    JSONFields([
      .field("years", \.years), .field("warmUpYears", \.warmUpYears), .field("demand", \.demand), .field("booking", \.booking),
      .field("absences", \.absences), .field("workingTime", \.workingTime), .field("guideline", \.guideline),
      .field("assignment", \.assignment), .field("continuity", \.continuity), .field("triage", \.triage), .field("patience", \.patience),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(SimulationParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension DemandParameters: Codable {
  /// `doctorVisitsPerYear` is an object keyed by age band (`{"0-5": 1.3}`);
  /// bands not named keep their default.
  static var jsonFields: JSONFields<DemandParameters> {
    JSONFields([
      .keyed(
        "doctorVisitsPerYear", by: AgeBand.self, what: "age band",
        set: { d, b, x in d.doctorVisitsPerYear[b.index] = x }, get: { d, b in d.doctorVisitsPerYear[b.index] }),
      .field("acuteShare", \.acuteShare), .field("nurseContactsPerDoctorContact", \.nurseContactsPerDoctorContact),
      .field("otherContactsPerDoctorContact", \.otherContactsPerDoctorContact), .field("taskSharingShare", \.taskSharingShare),
      .field("scaleByNeedWeight", \.scaleByNeedWeight),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(DemandParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension BookingParameters: Codable {
  static var jsonFields: JSONFields<BookingParameters> {
    JSONFields([
      .field("plannedToleranceDays", \.plannedToleranceDays), .field("acuteToleranceDays", \.acuteToleranceDays),
      .field("acuteAssessmentDays", \.acuteAssessmentDays), .field("acuteReservedShare", \.acuteReservedShare),
      .field("bookingHorizonDays", \.bookingHorizonDays), .field("preferPreviousDoctor", \.preferPreviousDoctor),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(BookingParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension AbsenceParameters: Codable {
  static var jsonFields: JSONFields<AbsenceParameters> {
    JSONFields([
      .field("summerVacationShare", \.summerVacationShare), .field("summerFirstWeek", \.summerFirstWeek),
      .field("summerLastWeek", \.summerLastWeek), .field("sickSpellDays", \.sickSpellDays), .field("traineeRotations", \.traineeRotations),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(AbsenceParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension ContinuityWindow: Codable {
  static var jsonFields: JSONFields<ContinuityWindow> {
    JSONFields([.field("minimumVisits", \.minimumVisits), .optional("windowMonths", \.windowMonths)])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(ContinuityWindow(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension TriageParameters: Codable {
  static var jsonFields: JSONFields<TriageParameters> {
    JSONFields([
      .field("assessmentsPerNurseFTEPerDay", \.assessmentsPerNurseFTEPerDay), .field("triagedShare", \.triagedShare),
      .field("resolvedShare", \.resolvedShare),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(TriageParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

extension PatienceParameters: Codable {
  static var jsonFields: JSONFields<PatienceParameters> {
    JSONFields([.field("plannedPatienceDays", \.plannedPatienceDays), .field("acutePatienceDays", \.acutePatienceDays)])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(PatienceParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
