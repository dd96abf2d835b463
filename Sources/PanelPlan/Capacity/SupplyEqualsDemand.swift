extension WorkingTimeCapacity {
  /// The panel at which supply equals demand (Murray et al. 2007, "Panel
  /// size: how many patients can one doctor manage?", Fam Pract Manag
  /// 14(4):44): panel × visits per patient per year = visits per doctor per
  /// day × days worked per year.
  ///
  /// Murray's example: 20 visits a day × 220 days / 2 visits a patient-year
  /// = 2,200 patients.
  ///
  /// Days worked are `parameters.workingDaysPerYear` × `fte` (weeks, less
  /// vacation, holidays, training and sickness); visits per patient-year
  /// are `parameters.visitsPerPatientYear` (planned + acute). This is the
  /// 100%-busy panel: Green, Savin and Murray (2007) show the overflow
  /// frequency there is 40–50%, so a planning panel sits below it.
  ///
  /// - Parameters:
  ///   - visitsPerDay: doctor visits a doctor offers per working day.
  ///   - fte: employment rate (scales the days worked).
  /// - Returns: patients, 0 when no visits per patient-year.
  public static func supplyEqualsDemandPanel(
    visitsPerDay: Double, fte: Double = 1, parameters p: WorkingTimeParameters = .standard
  ) -> Double {
    let v = p.visitsPerPatientYear
    return v > 0 ? visitsPerDay * p.workingDaysPerYear * fte / v : 0
  }
}
