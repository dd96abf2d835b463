/// How sensitive the working-time panel of a full-time GP specialist
/// without duties is to each default of `WorkingTimeParameters`, with the
/// default's source or the word "assumption" (issue 13, finding 2; the
/// sources are `ParameterCatalog`'s, in Reports, under `workingTime.<name>`).
///
/// The defaults were chosen together so that this doctor comes out at the
/// guideline's 1,100; several are assumptions, and the panel moves a lot
/// with some of them (indirect work per patient-year 25 → 0 minutes alone
/// raises it by about 51%). `capacity --hours` prints this table.
///
/// ```swift
/// for row in WorkingTimeSensitivity.rows() { print(row.name, row.panelAtZero ?? .nan) }
/// ```
public enum WorkingTimeSensitivity {
  /// One default and the panel with it changed.
  public struct Row: Sendable, Hashable {
    /// The parameter's name in scenario files (`workingTime.<name>`).
    public var name: String
    /// The value in use.
    public var value: Double
    /// Unit of the value.
    public var unit: String
    /// Panel of a full-time specialist without duties with every value as given.
    public var panel: Double
    /// The same with this value 20% lower and 20% higher.
    public var panelMinus20Percent: Double
    public var panelPlus20Percent: Double
    /// The same with this value set to 0, for items that can be left out
    /// (nil for those that cannot, such as minutes a visit).
    public var panelAtZero: Double?
  }

  /// Each default, in the order `capacity --hours` prints them. Key-path
  /// literals of stored properties are `Sendable` (SE-0418), so the table
  /// is a plain constant.
  static let items: [(name: String, path: WritableKeyPath<WorkingTimeParameters, Double> & Sendable, unit: String, zero: Bool)] = [
    ("hoursPerWeekFullTime", \.hoursPerWeekFullTime, "h/week", false),
    ("vacationDaysPerYear", \.vacationDaysPerYear, "days", true),
    ("publicHolidayDaysPerYear", \.publicHolidayDaysPerYear, "days", true),
    ("trainingDaysPerYear", \.trainingDaysPerYear, "days", true),
    ("sickDaysPerYear", \.sickDaysPerYear, "days", true),
    ("meetingHoursPerWeek", \.meetingHoursPerWeek, "h/week", true),
    ("administrationHoursPerWeek", \.administrationHoursPerWeek, "h/week", true),
    ("plannedVisitsPerPatientYear", \.plannedVisitsPerPatientYear, "visits", true),
    ("acuteVisitsPerPatientYear", \.acuteVisitsPerPatientYear, "visits", true),
    ("minutesPerVisit", \.minutesPerVisit, "min", false),
    ("indirectMinutesPerVisit", \.indirectMinutesPerVisit, "min", true),
    ("indirectMinutesPerPatientYear", \.indirectMinutesPerPatientYear, "min", true),
  ]

  /// The table for the given parameters.
  ///
  /// - Complexity: O(k), where k is the number of defaults (12).
  public static func rows(parameters p: WorkingTimeParameters = .standard) -> [Row] {
    let reference = Clinician(id: "", role: .gpSpecialist, fte: 1)
    func panel(_ q: WorkingTimeParameters) -> Double { WorkingTimeCapacity.breakdown(for: reference, parameters: q).panel }
    let base = panel(p)
    return items.map { item in
      func with(_ v: Double) -> Double {
        var q = p
        q[keyPath: item.path] = v
        return panel(q)
      }
      let v = p[keyPath: item.path]
      return Row(
        name: item.name, value: v, unit: item.unit, panel: base,
        panelMinus20Percent: with(v * 0.8), panelPlus20Percent: with(v * 1.2), panelAtZero: item.zero ? with(0) : nil)
    }
  }
}
