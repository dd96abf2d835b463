import Foundation

/// The overflow frequency of Green, Savin and Murray (2007, "Providing
/// timely access to primary care: the overflow frequency", Operations
/// Research 55(6)): the share of a doctor's *working days* on which the
/// demand for that doctor exceeds the doctor's slots. The one definition
/// of overflow in PanelPlan (issue 13, finding 3): the capacity sweep uses
/// these exact Poisson tails, and the simulation counts the same event on
/// each panel-holding doctor's present days.
///
/// Demand for a doctor is Poisson. Patients' needs arise on every open day
/// of the centre, whether their doctor is present or not (on a doctor's
/// day away colleagues see them), so the mean demand on one of the doctor's
/// working days is panel × visits a patient-year / open days a year.
///
/// ```swift
/// // One full-time specialist, 1,100 patients, 1.1 visits, 249 open days,
/// // 6.03 slots a present day:
/// OverflowFrequency.doctor(panel: 1_100, visitsPerPatientYear: 1.1,
///                          openDaysPerYear: 249, slotsPerPresentDay: 6.03)
/// ```
public enum OverflowFrequency {
  /// P(X > k) for X ~ Poisson(`mean`), exact up to floating-point rounding:
  /// 1 − Σ_{j ≤ k} e^{−λ} λ^j / j! when k < λ, else the upper tail summed
  /// term by term (no cancellation for small tails). Terms are formed in
  /// log space, so means in the thousands do not underflow.
  ///
  /// - Complexity: O(k + √λ) terms.
  public static func poissonTail(mean lambda: Double, exceeding k: Int) -> Double {
    guard k >= 0 else { return 1 }
    guard lambda > 0, lambda.isFinite else { return lambda.isInfinite ? 1 : 0 }
    let logLambda = log(lambda)
    func pmf(_ j: Int) -> Double { exp(-lambda + Double(j) * logLambda - lgamma(Double(j) + 1)) }
    if Double(k) < lambda {
      // Sum the lower part from its largest term down, so the sum keeps its precision.
      var cdf = 0.0
      var term = pmf(k)
      var j = k
      while j >= 0 {
        cdf += term
        if term < cdf * 1e-17 { break }
        term *= Double(j) / lambda
        j -= 1
      }
      return min(1, max(0, 1 - cdf))
    }
    var tail = 0.0
    var term = pmf(k + 1)
    var j = k + 1
    while term > 0 {
      tail += term
      if term < tail * 1e-17 { break }
      j += 1
      term *= lambda / Double(j)
    }
    return min(1, tail)
  }

  /// The overflow frequency on a working day with Poisson demand of mean
  /// `demandPerDay` and `slotsPerDay` slots. A fractional slot count means
  /// what the simulation's carried fractions give: a share frac(s) of the
  /// days have ⌊s⌋ + 1 slots and the rest ⌊s⌋, so the frequency is
  /// (1 − frac) · P(X > ⌊s⌋) + frac · P(X > ⌊s⌋ + 1).
  public static func perWorkingDay(demandPerDay: Double, slotsPerDay: Double) -> Double {
    let s = max(0, slotsPerDay.isFinite ? slotsPerDay : 0)
    let whole = s.rounded(.down)
    let frac = s - whole
    let k = Int(min(whole, Double(Int32.max)))
    let low = poissonTail(mean: demandPerDay, exceeding: k)
    return frac > 0 ? (1 - frac) * low + frac * poissonTail(mean: demandPerDay, exceeding: k + 1) : low
  }

  /// Green, Savin and Murray's overflow frequency for one doctor: demand
  /// per working day panel × `visitsPerPatientYear` / `openDaysPerYear`
  /// against `slotsPerPresentDay` (`DoctorSlots.slotsPerPresentDay`).
  ///
  /// - Parameters:
  ///   - panel: the doctor's need-weighted panel.
  ///   - visitsPerPatientYear: doctor visits an average-need patient makes a
  ///     year (PanelPlan's meaning of the visit rate: visits made, after
  ///     nurse triage; `WorkingTimeParameters.visitsPerPatientYear`).
  ///   - openDaysPerYear: the centre's open days a year.
  ///   - slotsPerPresentDay: the doctor's visit slots on a day present.
  public static func doctor(
    panel: Double, visitsPerPatientYear: Double, openDaysPerYear: Double, slotsPerPresentDay: Double
  ) -> Double {
    guard openDaysPerYear > 0 else { return .nan }
    return perWorkingDay(demandPerDay: panel * visitsPerPatientYear / openDaysPerYear, slotsPerDay: slotsPerPresentDay)
  }
}
