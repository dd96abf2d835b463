import Foundation

/// The visit-level simulation as a sweep model: each point is a simulation
/// scenario (`Examples/scenario.json`), each replication one run of
/// `CentreSimulation` on the replication's stream.
///
/// Metrics: the guideline ratio and employed doctor FTE of the point's
/// centre (the same in every replication), then every `SimulationResult`
/// metric under its stable name, made an identifier (`coc_doctor`,
/// `assessedWithinGuarantee`, `shareWithFixedDoctor_aged75plus`).
public struct SimulationSweepModel: SweepModel {
  public init() {}

  public struct Scenario: Sendable {
    /// Every centre of the point: one for a scenario file, all of them for
    /// a region or nation.
    public var simulations: [CentreSimulation]
    /// Need-weighted listed per guideline capacity over all centres.
    public var guidelineRatio: Double
    /// Employed doctor FTE over all centres.
    public var doctorFTE: Double
    /// Whether the point is a region or nation (streams gain a centre index).
    public var isRegion: Bool
  }

  /// A simulation metric name as a sweep identifier: `+` becomes `plus`,
  /// other characters that are not letters, digits or `_` are dropped.
  static func identifier(_ name: String) -> String {
    var s = ""
    for ch in name {
      if ch == "+" { s += "plus" } else if ch.isLetter || ch.isNumber || ch == "_" { s.append(ch) }
    }
    return s
  }

  static let simulationMetricNames: [String] = SimulationMetric.allCases.map { identifier($0.column) }

  public var metricNames: [String] { ["guidelineRatio", "doctorFTE"] + Self.simulationMetricNames }

  public var metricDescriptions: [String] {
    ["need-weighted listed per guideline capacity (1.0 = at the guideline)", "employed doctor FTE (locums excluded)"]
      + Self.simulationMetricNames.map { "simulation result \($0) (see panelplan simulate --help)" }
  }

  /// Decodes a scenario (`{"centre", "years", "demand", ...}`) or a region
  /// or nation with simulation parameters beside it (`{"name", "regions",
  /// "years", "demand", ...}` or `{"name", "centres", ...}`).
  public func prepare(scenario tree: JSONValue) throws -> Scenario {
    if tree["centre"] == nil, tree["regions"] != nil || tree["centres"] != nil, case .object(let members) = tree {
      let regionKeys: Set<String> = ["name", "regions", "centres"]
      let (regions, _) = try ProjectionSweepModel.regions(in: .object(members.filter { regionKeys.contains($0.key) }))
      let parameters = try JSONInput.decode(SimulationParameters.self, from: JSONValue.object(members.filter { !regionKeys.contains($0.key) }))
      let centres = regions.flatMap(\.centres)
      // The parameters are checked as a scenario's (with any one centre).
      try PanelPlan.Scenario(name: nil, centre: centres[0], parameters: parameters).check(file: nil)
      let capacityParameters = CapacityParameters(guideline: parameters.guideline, workingTime: parameters.workingTime)
      let capacities = centres.map { CentreCapacity(centre: $0, parameters: capacityParameters) }
      return Scenario(
        simulations: centres.map { CentreSimulation(centre: $0, parameters: parameters) },
        guidelineRatio: capacities.reduce(0) { $0 + $1.weightedListed } / capacities.reduce(0) { $0 + $1.guidelineCapacity },
        doctorFTE: capacities.reduce(0) { $0 + $1.employedDoctorFTE }, isRegion: true)
    }
    let s = try JSONInput.decode(PanelPlan.Scenario.self, from: tree)
    try s.check(file: nil)
    let capacity = CentreCapacity(centre: s.centre, parameters: CapacityParameters(guideline: s.parameters.guideline, workingTime: s.parameters.workingTime))
    return Scenario(
      simulations: [CentreSimulation(centre: s.centre, parameters: s.parameters)], guidelineRatio: capacity.guidelineRatio,
      doctorFTE: capacity.employedDoctorFTE, isRegion: false)
  }

  /// One replication. A centre scenario runs on stream `[point,
  /// replication]`; a region runs every centre in parallel, centre c on
  /// `[point, replication, c]` (`RegionSimulation`), merged in centre order,
  /// so a national point uses every core and its numbers do not depend on
  /// the thread count.
  public func evaluate(_ scenario: Scenario, stream: SweepStream, workspace: inout Void) throws -> [Double] {
    let result: SimulationResult
    if scenario.isRegion {
      result = RegionSimulation.run(
        scenario.simulations, seed: stream.seed, scenarioIndex: UInt64(stream.point), replication: UInt64(stream.replication),
        threads: ProcessInfo.processInfo.activeProcessorCount
      ).total
    } else {
      result = scenario.simulations[0].run(seed: stream.seed, stream: [UInt64(stream.point), UInt64(stream.replication)])
    }
    return [scenario.guidelineRatio, scenario.doctorFTE] + SimulationMetric.allCases.map { result[$0] }
  }
}
