extension WorkingTimeParameters: Codable {
  /// Any subset of the fields; the rest as `WorkingTimeParameters()`.
  static var jsonFields: JSONFields<WorkingTimeParameters> {
    JSONFields([
      .field("hoursPerWeekFullTime", \.hoursPerWeekFullTime), .field("vacationDaysPerYear", \.vacationDaysPerYear),
      .field("publicHolidayDaysPerYear", \.publicHolidayDaysPerYear), .field("trainingDaysPerYear", \.trainingDaysPerYear),
      .field("sickDaysPerYear", \.sickDaysPerYear), .field("meetingHoursPerWeek", \.meetingHoursPerWeek),
      .field("administrationHoursPerWeek", \.administrationHoursPerWeek), .field("plannedVisitsPerPatientYear", \.plannedVisitsPerPatientYear),
      .field("acuteVisitsPerPatientYear", \.acuteVisitsPerPatientYear), .field("minutesPerVisit", \.minutesPerVisit),
      .field("indirectMinutesPerVisit", \.indirectMinutesPerVisit), .field("indirectMinutesPerPatientYear", \.indirectMinutesPerPatientYear),
      .field("visitTimeFactorTraineeBeforeMid", \.visitTimeFactorTraineeBeforeMid), .field("visitTimeFactorTraineeAfterMid", \.visitTimeFactorTraineeAfterMid),
      .field("visitTimeFactorLicensedDoctor", \.visitTimeFactorLicensedDoctor), .field("traineeRotationShare", \.traineeRotationShare),
      .field("traineeStudyHoursPerWeek", \.traineeStudyHoursPerWeek), .field("locumsHoldPanels", \.locumsHoldPanels),
      .field("weeksPerYear", \.weeksPerYear),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(WorkingTimeParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
