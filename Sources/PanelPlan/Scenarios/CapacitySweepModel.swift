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
/// Metrics (means and quantiles over replications; all are the same in
/// every replication, since the model is analytic):
/// - `guidelineRatio`, `workingTimeRatio`: need-weighted listed per
///   capacity (1.0 = at the guideline), `CentreCapacity`.
/// - `specialistFTEGap`: full-time GP specialists missing to reach the
///   guideline.
/// - `shareOfferable`: share of the need-weighted population that can be
///   offered a fixed doctor under the guideline capacity.
/// - `listedPerSpecialistFTE`, `doctorFTE` (employed doctors, locums
///   excluded).
/// - `demandPerDay`: λ = need-weighted listed × visits per patient-year /
///   open days. `slotsPerDay`: the doctors' visit slots a year after all
///   indirect work (`DoctorSlots`, the computation the simulation uses) /
///   open days.
/// - `overflowFrequency`: Green, Savin and Murray's (2007) overflow
///   frequency, the exact Poisson tail (`OverflowFrequency`): each
///   panel-holding doctor holds the need-weighted list in proportion to
///   their working-time panel, demand for a doctor on a working day is
///   Poisson(panel × visits per patient-year / open days), slots are the
///   doctor's `DoctorSlots.slotsPerPresentDay`; the metric is the share of
///   the doctors' working days that overflow (each doctor weighted by
///   expected present days). Analytic, so the same in every replication.
public struct CapacitySweepModel: SweepModel {
  public var parameters: CapacityParameters

  public init(parameters: CapacityParameters = .standard) { self.parameters = parameters }

  public struct Scenario: Sendable {
    public var capacity: CentreCapacity
    public var demandPerDay: Double
    public var slotsPerDay: Double
    public var openDays: Int
    public var overflowFrequency: Double
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
      "doctor visit slots per open day after all indirect work (DoctorSlots)",
      "share of doctors' working days with demand above slots (Green-Savin-Murray, exact Poisson tail)",
    ]
  }

  struct File: Decodable {
    var centre: CareCentre
    var visitsPerPatientYear: Double?
    var openDaysPerYear: Int?

    static var jsonFields: JSONFields<File> {
      JSONFields([.required("centre", \.centre), .optional("visitsPerPatientYear", \.visitsPerPatientYear), .optional("openDaysPerYear", \.openDaysPerYear)])
    }

    init(centre: CareCentre) { self.centre = centre }

    init(from decoder: any Decoder) throws {
      // The placeholder centre is always overwritten (`centre` is required).
      self = try Self.jsonFields.decode(File(centre: CareCentre(id: "", name: "", clinicians: [], population: ListedPopulation())), from: decoder)
    }
  }

  public func prepare(scenario: JSONValue) throws -> Scenario {
    let f = try JSONInput.decode(File.self, from: scenario)
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
    var capacity = CentreCapacity(centre: f.centre, parameters: parameters)
    if days != capacity.openDaysPerYear {
      // Slots per present day depend on the open days; recompute them.
      let slots = DoctorSlots(
        clinicians: f.centre.clinicians, panels: [], weightedListed: capacity.weightedListed,
        workingTime: parameters.workingTime, openDaysPerYear: days)
      for (k, i) in f.centre.clinicians.indices.filter({ f.centre.clinicians[$0].role.isDoctor }).enumerated() {
        capacity.doctors[k].visitSlotsPerYear = slots.visitSlotsPerYear[i]
        capacity.doctors[k].slotsPerPresentDay = slots.slotsPerPresentDay[i]
      }
      capacity.openDaysPerYear = days
    }
    return Scenario(
      capacity: capacity, demandPerDay: capacity.weightedListed * visits / Double(days),
      slotsPerDay: capacity.visitSlotsPerYear / Double(days), openDays: days,
      overflowFrequency: Self.overflowFrequency(capacity, visitsPerPatientYear: visits, openDaysPerYear: days,
                                                workingTime: parameters.workingTime))
  }

  /// Green, Savin and Murray's overflow frequency of a centre whose whole
  /// need-weighted list is held by its panel-holding doctors in proportion
  /// to their working-time panels: the present-day-weighted mean of each
  /// doctor's exact `OverflowFrequency.doctor`. NaN without such doctors.
  public static func overflowFrequency(
    _ c: CentreCapacity, visitsPerPatientYear: Double, openDaysPerYear: Int, workingTime w: WorkingTimeParameters
  ) -> Double {
    let holders = c.doctors.filter { $0.workingTime.panel > 0 }
    let totalPanel = holders.reduce(0) { $0 + $1.workingTime.panel }
    guard totalPanel > 0 else { return .nan }
    var days = 0.0, overflow = 0.0
    for d in holders {
      let panel = c.weightedListed * d.workingTime.panel / totalPanel
      let present = SimulationCalendar.expectedPresentDaysPerYear(
        for: d.clinician, workingTime: w, absences: .init(), openDaysPerYear: openDaysPerYear)
      days += present
      overflow += present * OverflowFrequency.doctor(
        panel: panel, visitsPerPatientYear: visitsPerPatientYear, openDaysPerYear: Double(openDaysPerYear),
        slotsPerPresentDay: d.slotsPerPresentDay)
    }
    return overflow / days
  }

  public func evaluate(_ s: Scenario, stream: SweepStream, workspace: inout Void) throws -> [Double] {
    let c = s.capacity
    return [
      c.guidelineRatio, c.workingTimeRatio, c.specialistFTEGap, c.shareOfferableGuideline, c.listedPerSpecialistFTE,
      c.employedDoctorFTE, s.demandPerDay, s.slotsPerDay, s.overflowFrequency,
    ]
  }
}
