import Foundation

/// The built-in sweep model: a care centre's capacity in both views, and
/// one stochastic result so that replications and quantiles mean something
/// before the visit-level simulation exists.
///
/// Scenario JSON (unknown fields are errors):
/// ```json
/// {"centre": { ...a care centre, as in Examples/centre.json... },
///  "visitsPerPatientYear": 1.1, "openDaysPerYear": 249}
/// ```
/// - `visitsPerPatientYear`: doctor visits per average-need listed person
///   per year (default 1.1, DOMAIN.md and `WorkingTimeParameters`).
/// - `openDaysPerYear`: weekdays the centre is open (default 249 = 52 × 5
///   less 11 public holidays on weekdays).
///
/// Metrics (means and quantiles over replications; all but the last are
/// the same in every replication):
/// - `guidelineRatio`, `workingTimeRatio`: need-weighted listed per
///   capacity (1.0 = at the guideline), `CentreCapacity`.
/// - `specialistFTEGap`: full-time GP specialists missing to reach the
///   guideline.
/// - `shareOfferable`: share of the need-weighted population that can be
///   offered a fixed doctor under the guideline capacity.
/// - `listedPerSpecialistFTE`, `doctorFTE` (employed doctors, locums
///   excluded).
/// - `demandPerDay`: λ = need-weighted listed × visits per patient-year /
///   open days. `slotsPerDay`: ⌊doctors' visit capacity per year (working-
///   time view, `WorkingTimeBreakdown.visitCapacityPerYear`) / open days⌋.
/// - `overflowFrequency`: the share of a year's open days on which demand
///   exceeds the slots, with daily demand Poisson(λ), simulated day by day
///   (Green, Savin and Murray 2007, "Providing timely access to primary
///   care: the overflow frequency"). It estimates P(D > slots); with 249
///   days its standard error is about √(p(1 − p)/249).
public struct CapacitySweepModel: SweepModel {
  public var parameters: CapacityParameters

  public init(parameters: CapacityParameters = .standard) { self.parameters = parameters }

  public struct Scenario: Sendable {
    public var capacity: CentreCapacity
    public var demandPerDay: Double
    public var slotsPerDay: Int
    public var openDays: Int
  }

  public var metricNames: [String] {
    [
      "guidelineRatio", "workingTimeRatio", "specialistFTEGap", "shareOfferable", "listedPerSpecialistFTE",
      "doctorFTE", "demandPerDay", "slotsPerDay", "overflowFrequency",
    ]
  }

  public var metricDescriptions: [String] {
    [
      "need-weighted listed per guideline capacity (1.0 = at the guideline)",
      "need-weighted listed per working-time capacity",
      "full-time GP specialists missing to reach the guideline (FTE)",
      "share of need-weighted listed that can be offered a fixed doctor (guideline view)",
      "listed people per GP specialist FTE",
      "FTE of employed doctors (locums excluded)",
      "expected doctor visits demanded per open day",
      "doctor visit slots per open day (working-time view)",
      "share of open days with more demand than slots (Poisson demand, simulated)",
    ]
  }

  enum Keys: String, CodingKey, CaseIterable { case centre, visitsPerPatientYear, openDaysPerYear }

  struct File: Decodable {
    var centre: CareCentre
    var visitsPerPatientYear: Double?
    var openDaysPerYear: Int?
    init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(Keys.self)
      let c = try decoder.container(keyedBy: Keys.self)
      centre = try c.decode(CareCentre.self, forKey: .centre)
      visitsPerPatientYear = try c.decodeIfPresent(Double.self, forKey: .visitsPerPatientYear)
      openDaysPerYear = try c.decodeIfPresent(Int.self, forKey: .openDaysPerYear)
    }
  }

  public func prepare(scenarioJSON: Data) throws -> Scenario {
    let f = try JSONInput.decode(File.self, from: scenarioJSON, file: nil)
    var problems = Validation.problems(in: f.centre, path: "centre")
    let visits = f.visitsPerPatientYear ?? parameters.workingTime.visitsPerPatientYear
    let days = f.openDaysPerYear ?? 249
    if !(visits >= 0 && visits <= 50) {
      problems.append(InputError(field: "visitsPerPatientYear", problem: "found \(visits), expected a number from 0 to 50"))
    }
    if !(1...366).contains(days) {
      problems.append(InputError(field: "openDaysPerYear", problem: "found \(days), expected a whole number from 1 to 366"))
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    let capacity = CentreCapacity(centre: f.centre, parameters: parameters)
    let visitCapacity = capacity.doctors.reduce(0) { $0 + $1.workingTime.visitCapacityPerYear }
    return Scenario(
      capacity: capacity, demandPerDay: capacity.weightedListed * visits / Double(days),
      slotsPerDay: Int((visitCapacity / Double(days)).rounded(.down)), openDays: days)
  }

  public func evaluate(_ s: Scenario, stream: SweepStream, workspace: inout Void) throws -> [Double] {
    var rng = stream.generator()
    var overflowDays = 0
    for _ in 0..<s.openDays where Self.poisson(mean: s.demandPerDay, using: &rng) > s.slotsPerDay {
      overflowDays += 1
    }
    let c = s.capacity
    return [
      c.guidelineRatio, c.workingTimeRatio, c.specialistFTEGap, c.shareOfferableGuideline, c.listedPerSpecialistFTE,
      c.employedDoctorFTE, s.demandPerDay, Double(s.slotsPerDay), Double(overflowDays) / Double(s.openDays),
    ]
  }

  /// A Poisson(λ) variate: inversion by sequential search for λ < 10,
  /// Hörmann's transformed rejection with squeeze (PTRS, 1993) above, whose
  /// cost does not grow with λ.
  public static func poisson(mean lambda: Double, using rng: inout Xoshiro256) -> Int {
    guard lambda > 0 else { return 0 }
    if lambda < 10 {
      var k = 0
      var p = exp(-lambda)
      var cumulative = p
      let u = rng.nextUnit()
      while u > cumulative, k < 1000 {
        k += 1
        p *= lambda / Double(k)
        cumulative += p
      }
      return k
    }
    let slam = lambda.squareRoot()
    let loglam = log(lambda)
    let b = 0.931 + 2.53 * slam
    let a = -0.059 + 0.02483 * b
    let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = rng.nextUnit() - 0.5
      let v = rng.nextUnit()
      let us = 0.5 - abs(u)
      let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
      if us >= 0.07 && v <= vr { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1) { return Int(k) }
    }
  }
}
