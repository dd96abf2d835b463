import Foundation

/// Observed beside simulated: the calibrated scenario simulated over the
/// window (replications, 5–95% band) and compared, row by row, with what
/// the records show (issue 14).
///
/// Observed indices are `continuity`'s on the same file, window, patients
/// and minimum visits (COC, UPC, SECON over doctor contacts, COC over all
/// contacts, the mean per-patient fixed-doctor visit share); the simulated
/// ones are the simulation's, with the same formulas (`ContinuityStatistics`).
public struct CalibrationValidation: Sendable {
  /// One compared quantity.
  public struct Row: Sendable, Hashable, Codable {
    public var name: String
    public var observed: Double
    public var simulatedMean: Double
    public var simulatedLow: Double
    public var simulatedHigh: Double
    /// Whether the observed value lies in the simulated 5–95% band (nil
    /// when either side is undefined).
    public var inside: Bool?
  }

  public var rows: [Row]
  public var replications: Int
  /// The simulated results, one per replication.
  public var summary: ReplicationSummary

  /// Simulates the calibration's scenario and compares.
  ///
  /// Doctor visits by age band: the simulation counts contacts by band as
  /// they arise; visits made by band are taken as that times the share of
  /// all arising contacts that were seen (`doctorVisitsSeenPerPersonYear` /
  /// `doctorVisitsPerPersonYear`), an approximation when some bands lose
  /// more contacts to other providers than others. The all-ages row is exact.
  public static func run(_ c: CentreCalibration, replications: Int, seed: UInt64, threads: Int = 1) -> CalibrationValidation {
    let sim = CentreSimulation(centre: c.scenario.centre, parameters: c.scenario.parameters)
    let summary = Replications.run(sim, count: replications, seed: seed, threads: threads)
    var rows: [Row] = []
    func row(_ name: String, _ observed: Double, _ values: [Double]) {
      let b = Summary(values: values)
      let inside: Bool? = observed.isFinite && b.p05.isFinite && b.p95.isFinite ? (observed >= b.p05 - 1e-12 && observed <= b.p95 + 1e-12) : nil
      rows.append(Row(name: name, observed: observed, simulatedMean: b.mean, simulatedLow: b.p05, simulatedHigh: b.p95, inside: inside))
    }
    let results = summary.results
    let seenRatio = results.map { r -> Double in
      let seen = r[.doctorVisitsSeenPerPersonYear]
      let arising = r[.doctorVisitsPerPersonYear]
      return arising > 0 ? seen / arising : .nan
    }
    for b in AgeBand.allCases where c.observedVisitsPerPersonYear[b.index].isFinite {
      row("doctor visits per person-year, \(b.rawValue)", c.observedVisitsPerPersonYear[b.index],
          zip(results, seenRatio).map { $0.doctorVisitsPerPersonYear(band: b) * $1 })
    }
    row("doctor visits per person-year, all", c.observedVisitsPerPersonYearAll, results.map { $0[.doctorVisitsSeenPerPersonYear] })
    let all = c.continuity.summary(grouping: "all").first
    row("COC, doctors", all?.doctor.coc?.mean ?? .nan, results.map { $0.coc(.doctor) })
    row("UPC, doctors", all?.doctor.upc?.mean ?? .nan, results.map { $0.upc(.doctor) })
    row("SECON, doctors", all?.doctor.secon?.mean ?? .nan, results.map { $0.secon(.doctor) })
    row("COC, all contacts", all?.all.coc?.mean ?? .nan, results.map { $0.coc(.all) })
    row("fixed-doctor visit share", all?.doctor.fixedDoctorShare?.mean ?? .nan, results.map { $0.fixedDoctorShare(.doctor) })
    row("share with a fixed doctor", c.listed > 0 ? Double(c.listedWithFixedDoctor) / Double(c.listed) : .nan,
        results.map { $0[.shareWithFixedDoctor] })
    return CalibrationValidation(rows: rows, replications: replications, summary: summary)
  }

  /// The rows whose observed value lies outside the simulated band.
  public var outside: [Row] { rows.filter { $0.inside == false } }
}
