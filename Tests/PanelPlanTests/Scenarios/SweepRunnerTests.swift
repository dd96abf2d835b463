import Foundation
import Synchronization
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// A model whose numbers a test can recompute: it reads `x` from the
/// scenario and returns x, x + U and U with U the first uniform of the
/// replication's stream. It fails on `x == failAt`.
struct EchoModel: SweepModel {
  var failAt: Double? = nil
  var metricNames: [String] { ["x", "xPlusU", "u"] }
  var metricDescriptions: [String] { ["x", "x + U", "U"] }
  func prepare(scenario: JSONValue) throws -> Double {
    guard let x = scenario["x"]?.number else { throw InputError(field: "x", problem: "expected a number") }
    if x < 0 { throw InputError(field: "x", problem: "found \(x), expected 0 or more") }
    return x
  }
  /// Counts replications run by this worker, to show workspaces are reused.
  func makeWorkspace() -> Int { 0 }
  func evaluate(_ x: Double, stream: SweepStream, workspace: inout Int) throws -> [Double] {
    workspace += 1
    if x == failAt { throw InputError(problem: "cannot do \(x)") }
    var rng = stream.generator()
    let u = rng.nextUnit()
    return [x, x + u, u]
  }
}

func plan(points: [Double], replications: Int = 7, seed: UInt64 = 3) -> SweepPlan {
  let d = SweepDefinition(
    base: .object([JSONMember("x", .number(0))]), design: .grid, replications: replications, seed: seed,
    parameters: [SweepParameter(name: "x", path: try! JSONPath(parsing: "x"), source: .values(points.map { .number($0) }))])
  return SweepPlan(d)
}

func csv<M: SweepModel>(_ p: SweepPlan, _ model: M, threads: Int, batch: Int? = nil) throws -> String {
  let f = SweepResultFormat(kind: .csv, parameterNames: p.parameterNames, metricNames: model.metricNames)
  var text = f.header
  try SweepRunner(plan: p, model: model, threads: threads, batchSize: batch).run { text += f.rows($0, first: false) }
  return text
}

@Test func rowsAreSummariesOfTheReplicationStreams() throws {
  let p = plan(points: [1, 2, 3])
  var rows: [SweepRow] = []
  try SweepRunner(plan: p, model: EchoModel(), threads: 2).run { rows += $0 }
  #expect(rows.map(\.point) == [0, 1, 2])
  #expect(rows.map(\.parameters) == [[.number(1)], [.number(2)], [.number(3)]])
  for (i, row) in rows.enumerated() {
    // Recompute U directly from the documented stream [point, replication].
    var us = (0..<7).map { r -> Double in
      var g = Xoshiro256(seed: 3, stream: [UInt64(i), UInt64(r)])
      return g.nextUnit()
    }
    let mean = us.reduce(0, +) / 7
    us.sort()
    #expect(row.metrics[0] == Summary(mean: Double(i + 1), p05: Double(i + 1), p50: Double(i + 1), p95: Double(i + 1)))
    #expect(abs(row.metrics[2].mean - mean) < 1e-12)
    #expect(row.metrics[2].p50 == us[3])
    // Type 7 with n = 7: p5 at h = 0.3, p95 at h = 5.7.
    #expect(abs(row.metrics[2].p05 - (us[0] + 0.3 * (us[1] - us[0]))) < 1e-12)
    #expect(abs(row.metrics[2].p95 - (us[5] + 0.7 * (us[6] - us[5]))) < 1e-12)
  }
}

@Test func outputIsIdenticalForOneTwoAndThreeThreads() throws {
  let p = plan(points: (0..<150).map(Double.init), replications: 5)
  let one = try csv(p, EchoModel(), threads: 1)
  #expect(one.split(separator: "\n").count == 151)
  // Small batches so that several batches and a ragged last one are used.
  #expect(try csv(p, EchoModel(), threads: 2, batch: 16) == one)
  #expect(try csv(p, EchoModel(), threads: 3, batch: 7) == one)
  let capacity = try SweepPlan(SweepDefinition.example())
  let c1 = try csv(capacity, CapacitySweepModel(), threads: 1)
  #expect(try csv(capacity, CapacitySweepModel(), threads: 2, batch: 5) == c1)
  #expect(c1.split(separator: "\n").count == 37)
}

@Test func aStopKeepsTheFinishedPrefix() throws {
  let p = plan(points: (0..<100).map(Double.init), replications: 2)
  let control = SweepControl()
  var rows: [SweepRow] = []
  let outcome = try SweepRunner(plan: p, model: EchoModel(), threads: 2, batchSize: 10).run(control: control) { batch in
    rows += batch
    if rows.count >= 30 { control.requestStop() }
  }
  #expect(outcome.interrupted)
  #expect(outcome.pointsDone == 30 && outcome.pointCount == 100)
  #expect(rows.map(\.point) == Array(0..<30))
  #expect(control.pointsDone == 30)
}

@Test func aFailingPointIsReportedAfterTheRowsBeforeIt() throws {
  let p = plan(points: (0..<40).map(Double.init), replications: 2)
  var rows: [SweepRow] = []
  #expect {
    try SweepRunner(plan: p, model: EchoModel(failAt: 23), threads: 2, batchSize: 8).run { rows += $0 }
  } throws: { e in
    "\(e)" == "point 24 (x=23): cannot do 23.0"
  }
  #expect(rows.map(\.point) == Array(0..<23))
}

@Test func preflightReportsPathsAndValuesBeforeAnythingRuns() throws {
  let text = """
    {"base": {"centre": {"$file": "Examples/centre.json"}},
     "parameters": [
       {"name": "surgeons", "path": "centre.clinicians[role=surgeon].count", "values": [1, 2]},
       {"name": "anna", "path": "centre.clinicians[id=gp-anna].fte", "values": [0.5, 3]},
       {"name": "demand", "path": "centre.demand", "values": [1]}]}
    """
  let d = try SweepDefinition.decode(Data(text.utf8), file: "s.json", directory: repositoryRoot)
  let e = errorText { try SweepRunner(plan: SweepPlan(d), model: CapacitySweepModel(), threads: 1).preflight() }
  #expect(e.contains("parameters[0]: path 'centre.clinicians[role=surgeon].count' at 'centre.clinicians': no element matches [role=surgeon], so there is none to copy"))
  #expect(e.contains("parameters[1] (anna = 3): centre.clinicians[0].fte: found 3.0, expected a number from 0 to 1.5"))
  #expect(!e.contains("anna = 0.5"))
  #expect(e.contains("parameters[2] (demand = 1): centre.demand: unknown field"))
}

@Test func preflightCatchesPointsWhoseEditsConflict() throws {
  // Removing every specialist leaves no gp-anna to set.
  let text = """
    {"base": {"centre": {"$file": "Examples/centre.json"}},
     "parameters": [
       {"name": "specialists", "path": "centre.clinicians[role=specialist].count", "values": [6, 0]},
       {"name": "anna", "path": "centre.clinicians[id=gp-anna].fte", "values": [0.8]}]}
    """
  let d = try SweepDefinition.decode(Data(text.utf8), file: "s.json", directory: repositoryRoot)
  let e = errorText { try SweepRunner(plan: SweepPlan(d), model: CapacitySweepModel(), threads: 1).preflight() }
  #expect(e.contains("point 2 (specialists=0, anna=0.8): parameters[1]: path 'centre.clinicians[id=gp-anna].fte' at 'centre.clinicians': no element matches [id=gp-anna]"))
}
