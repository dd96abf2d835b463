/// Continuity and access in a staffing projection, from the visit-level
/// simulation: each projected year of each centre is simulated for one year
/// with that year's doctors and population.
extension YearOutcomeModel {
  /// The simulation results a projection reports by default.
  public static let simulatedMetrics: [SimulationMetric] = [
    .coc(.doctor), .coc(.all), .fixedDoctorShare(.doctor), .assessedWithinGuarantee, .waitDaysMean,
    .doctorUtilisation, .unservedShare,
  ]

  /// Their column names in the projection (`YearOutcomeModel.metricNames`).
  public static var simulatedMetricNames: [String] { simulatedMetrics.map(\.column) }

  /// Wraps `CentreSimulation` as a projection's model of care.
  ///
  /// The simulated centre has the year's doctors (with expected FTE in
  /// expected-value mode) and a locum holding the year's locum FTE, the
  /// nurses and other professions of the input centre (staffing projections
  /// keep the team constant), and the year's population with counts rounded
  /// to whole people. Task sharing in the projection becomes the
  /// simulation's `demand.taskSharingShare`. The simulation assigns fixed
  /// doctors per patient itself, under the same policy; the projection's own
  /// fixed-doctor shares come from the aggregate assignment.
  ///
  /// Randomness: `Xoshiro256(seed:, stream: [replication, centreIndex,
  /// yearIndex])`, so results do not depend on thread count.
  ///
  /// - Parameters:
  ///   - regions: the projection's input, for each centre's team.
  ///   - parameters: simulation parameters; `years` is set to 1.
  ///   - metrics: the simulation results to report; the projection names
  ///     its columns by their machine names.
  public static func simulation(
    regions: [Region], parameters: SimulationParameters = .init(), metrics: [SimulationMetric] = simulatedMetrics
  ) -> YearOutcomeModel {
    var teams: [String: [Clinician]] = [:]
    for r in regions {
      for c in r.centres { teams[c.id] = c.clinicians.filter { !$0.role.isDoctor } }
    }
    var base = parameters
    base.years = 1
    let team = teams
    let p = base
    return YearOutcomeModel(metricNames: metrics.map(\.column)) { state in
      var params = p
      // Two task-sharing shares compose as doctor time × (1 − s₁)(1 − s₂).
      let combined = 1 - state.doctorDemandFactor * (1 - p.demand.taskSharingShare)
      params.demand.taskSharingShare = min(TaskSharing.maximumShare, max(0, combined))
      let groups = state.population.compactMap { e -> PatientGroup? in
        let n = Int(e.count.rounded())
        return n > 0 ? PatientGroup(profile: e.profile, count: n) : nil
      }
      let centre = CareCentre(
        id: state.centreId, name: state.centreId, region: state.regionName,
        clinicians: state.clinicians.filter { $0.fte > 0 } + (team[state.centreId] ?? []),
        population: ListedPopulation(groups: groups))
      let result = CentreSimulation(centre: centre, parameters: params)
        .run(seed: state.seed, stream: [UInt64(state.replication), UInt64(state.centreIndex), UInt64(state.yearIndex)])
      return metrics.map { result[$0] }
    }
  }
}
