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
    public var simulation: CentreSimulation
    public var capacity: CentreCapacity
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

  static let simulationMetricNames: [String] =
    SimulationResult(tallies: SimulationTallies(), years: 1).metrics.map { identifier($0.name) }

  public var metricNames: [String] { ["guidelineRatio", "doctorFTE"] + Self.simulationMetricNames }

  public var metricDescriptions: [String] {
    ["need-weighted listed per guideline capacity (1.0 = at the guideline)", "employed doctor FTE (locums excluded)"]
      + Self.simulationMetricNames.map { "simulation result \($0) (see panelplan simulate --help)" }
  }

  public func prepare(scenarioJSON: Data) throws -> Scenario {
    let s = try JSONInput.decode(PanelPlan.Scenario.self, from: scenarioJSON, file: nil)
    try s.check(file: nil)
    return Scenario(
      simulation: CentreSimulation(centre: s.centre, parameters: s.parameters),
      capacity: CentreCapacity(centre: s.centre, parameters: CapacityParameters(guideline: s.parameters.guideline, workingTime: s.parameters.workingTime)))
  }

  public func evaluate(_ scenario: Scenario, stream: SweepStream, workspace: inout Void) throws -> [Double] {
    let result = scenario.simulation.run(seed: stream.seed, stream: [UInt64(stream.point), UInt64(stream.replication)])
    return [scenario.capacity.guidelineRatio, scenario.capacity.employedDoctorFTE] + result.metrics.map(\.value)
  }
}
