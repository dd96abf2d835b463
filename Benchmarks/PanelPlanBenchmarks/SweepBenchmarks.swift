import Foundation
import PanelPlan

/// Issue 7: 1,000 points × 10 replications of the 12,000-patient example
/// centre, with 1 and 2 threads (the same output; compare the rates for the
/// parallel efficiency). Built-in capacity model: capacity in both views
/// and one simulated year of Poisson daily demand per replication.
enum SweepBenchmarks {
  static func p(_ name: String, _ path: String, _ source: SweepParameter.Source) throws -> SweepParameter {
    SweepParameter(name: name, path: try JSONPath(parsing: path), source: source)
  }

  static func definition() throws -> SweepDefinition {
    let centre = try JSONValue.parse(try JSONInput.encode(ExampleCentre.make()))
    return SweepDefinition(
      model: "capacity", base: .object([JSONMember("centre", centre)]), design: .grid, replications: 10, seed: 1,
      parameters: [
        try p("specialists", "centre.clinicians[role=specialist].count", .range(from: 3, to: 12, step: 1)),
        try p("trainees", "centre.clinicians[role=trainee].count", .range(from: 0, to: 9, step: 1)),
        try p("visitsPerPatientYear", "visitsPerPatientYear", .range(from: 0.9, to: 1.35, step: 0.05)),
      ])
  }

  static func sweep(threads: Int) -> Benchmark {
    Benchmark(name: "sweep/1000-points-x10/\(threads)-thread\(threads == 1 ? "" : "s")", unit: "points") {
      let plan = SweepPlan(try definition())
      precondition(plan.pointCount == 1000)
      var checksum = 0.0
      var points = 0
      try SweepRunner(plan: plan, model: CapacitySweepModel(), threads: threads).run { rows in
        points += rows.count
        for r in rows { checksum += r.metrics[8].mean }
      }
      return (points, checksum)
    }
  }

  /// The same grid shape with the visit-level simulation as the model:
  /// specialists 3–12 × trainees 0–9 × task sharing 0–0.45, each point 10
  /// replications of one simulated year of the 12,000-patient centre.
  static func simulationDefinition() throws -> SweepDefinition {
    let centre = try JSONValue.parse(try JSONInput.encode(ExampleCentre.make()))
    let demand = try JSONValue.parse(Data(#"{"taskSharingShare": 0}"#.utf8))
    return SweepDefinition(
      model: "simulation", base: .object([JSONMember("centre", centre), JSONMember("demand", demand)]),
      design: .grid, replications: 10, seed: 1,
      parameters: [
        try p("specialists", "centre.clinicians[role=specialist].count", .range(from: 3, to: 12, step: 1)),
        try p("trainees", "centre.clinicians[role=trainee].count", .range(from: 0, to: 9, step: 1)),
        try p("taskSharing", "demand.taskSharingShare", .range(from: 0, to: 0.45, step: 0.05)),
      ])
  }

  static func simulationSweep(threads: Int) -> Benchmark {
    Benchmark(name: "sweep-simulation/1000-points-x10/\(threads)-thread\(threads == 1 ? "" : "s")", unit: "points") {
      let plan = SweepPlan(try simulationDefinition())
      precondition(plan.pointCount == 1000)
      let model = SimulationSweepModel()
      let coc = model.metricNames.firstIndex(of: "coc_doctor")!
      var checksum = 0.0
      var points = 0
      try SweepRunner(plan: plan, model: model, threads: threads).run { rows in
        points += rows.count
        for r in rows { checksum += r.metrics[coc].mean }
      }
      return (points, checksum)
    }
  }

  static var all: [Benchmark] {
    [sweep(threads: 1), sweep(threads: 2), simulationSweep(threads: 1), simulationSweep(threads: 2)]
  }
}
