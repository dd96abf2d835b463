import Foundation

extension CentreCalibration {
  /// Simulation-based refinement so that the *simulated* visits made match
  /// the records. Even with free slots the simulation makes fewer visits
  /// than its rate (contacts that run out of patience waiting for their own
  /// doctor, contacts still waiting when the horizon ends), so each round
  /// multiplies the doctor visit rates of every band and the slot target by
  /// observed / simulated visits made per person-year (all ages), `rounds`
  /// times (each `replications` runs). The estimates keep the records'
  /// values; the scale is reported as `demand.visitRateScale`.
  /// Returns the simulated / observed ratio of each round.
  @discardableResult
  public mutating func refineForVisitsMade(rounds: Int = 2, replications: Int = 2, seed: UInt64, threads: Int = 1) -> [Double] {
    guard doctorVisitsPerYear > 0, observedVisitsPerPersonYearAll > 0, let base = estimate("workingTime.timeScale") else { return [] }
    var target = doctorVisitsPerYear
    var ratios: [Double] = []
    var k = base.value, rateScale = 1.0
    let original = WorkingTimeParameters(scaledBack: scenario.parameters.workingTime, by: k)
    let rates = scenario.parameters.demand.doctorVisitsPerYear
    for _ in 0..<rounds {
      let sim = CentreSimulation(centre: scenario.centre, parameters: scenario.parameters)
      let made = Replications.run(sim, count: replications, seed: seed &+ 0x5EED, threads: threads)[.doctorVisitsSeenPerPersonYear].mean
      let ratio = made / observedVisitsPerPersonYearAll
      ratios.append(ratio)
      guard ratio.isFinite, ratio > 0.2, abs(ratio - 1) > 0.005 else { break }
      target /= ratio
      rateScale /= ratio
      var p = scenario.parameters
      p.workingTime = original
      guard let next = Self.solveTimeScale(slotsPerYear: target, centre: scenario.centre, base: p) else { break }
      k = next
      scenario.parameters.workingTime = Self.scaled(original, by: k)
      scenario.parameters.demand.doctorVisitsPerYear = rates.map { $0 * rateScale }
    }
    let w = scenario.parameters.workingTime
    for (name, v) in [("workingTime.timeScale", k), ("workingTime.minutesPerVisit", w.minutesPerVisit),
                      ("workingTime.indirectMinutesPerVisit", w.indirectMinutesPerVisit),
                      ("workingTime.indirectMinutesPerPatientYear", w.indirectMinutesPerPatientYear)] {
      if let i = estimates.firstIndex(where: { $0.name == name }) {
        let relative = estimates[i].value > 0 ? estimates[i].standardError / estimates[i].value : .nan
        estimates[i].value = v
        estimates[i].standardError = v * relative
      }
    }
    if let i = estimates.firstIndex(where: { $0.name == "workingTime.timeScale" }) {
      estimates.insert(Estimate(name: "demand.visitRateScale", value: rateScale, standardError: .nan, count: Int(doctorVisitsPerYear.rounded()),
                                countOf: "doctor visits a year (simulation-based)", units: replications * ratios.count), at: i)
    }
    notes.append("Simulation-based refinement: with the rates as estimated the simulation made \(NumberFormat.machine(((ratios.first ?? .nan) * 1000).rounded() / 10))% of the recorded visits; the scenario's doctor visit rates are multiplied by \(NumberFormat.machine((rateScale * 1000).rounded() / 1000)) and the time scale is \(NumberFormat.machine((k * 1000).rounded() / 1000)) (\(NumberFormat.machine(target.rounded())) slots a year). Simulated/observed visits made by round: \(ratios.map { NumberFormat.machine(($0 * 1000).rounded() / 1000) }.joined(separator: ", ")).")
    return ratios
  }
}
