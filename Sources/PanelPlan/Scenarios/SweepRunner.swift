import Foundation
import Synchronization

/// One result row: a point's parameter values and each metric summarised
/// over its replications.
public struct SweepRow: Sendable, Hashable {
  /// 0-based point index (results show it 1-based).
  public var point: Int
  /// One value per parameter, in parameter order.
  public var parameters: [JSONValue]
  /// One summary per metric, in the model's metric order.
  public var metrics: [Summary]
}

/// Lets another thread watch and stop a running sweep without locks: a
/// progress display reads `pointsDone`, a Ctrl-C handler calls
/// `requestStop()`. A `final class` only as shared storage for two atomics.
public final class SweepControl: Sendable {
  let done = Atomic<Int>(0)
  let stop = Atomic<Bool>(false)

  public init() {}

  /// Points finished so far (all replications), in any order.
  public var pointsDone: Int { done.load(ordering: .relaxed) }
  /// Asks the runner to start no new point; points under way finish.
  public func requestStop() { stop.store(true, ordering: .relaxed) }
  public var stopRequested: Bool { stop.load(ordering: .relaxed) }
}

/// How a run ended.
public struct SweepOutcome: Sendable, Hashable {
  /// Points finished and handed to the caller (always the first ones).
  public var pointsDone: Int
  /// Points in the sweep.
  public var pointCount: Int
  /// Whether the run stopped early at a `requestStop()`.
  public var interrupted: Bool { pointsDone < pointCount }
}

/// A point that failed: which one, with what values, and why.
public struct SweepPointError: Error, Sendable, CustomStringConvertible {
  public var point: Int
  public var assignment: String
  public var underlying: String
  public var description: String { "point \(point + 1) (\(assignment)): \(underlying)" }
}

/// A validated sweep: its definition and design, and how to build each
/// point's scenario.
public struct SweepPlan: Sendable {
  public let definition: SweepDefinition
  public let design: SweepDesign

  /// - Parameter seed: overrides the definition's seed (`--seed`).
  public init(_ definition: SweepDefinition, seed: UInt64? = nil) {
    var d = definition
    if let seed { d.seed = seed }
    self.definition = d
    self.design = SweepDesign(d)
  }

  public var parameterNames: [String] { definition.parameters.map(\.name) }
  public var pointCount: Int { design.count }
  public var replications: Int { definition.replications }
  public var seed: UInt64 { definition.seed }

  /// The base scenario with the given parameter values set, as a tree
  /// for `SweepModel.prepare(scenario:)`.
  ///
  /// - Throws: `InputError` with field `parameters[d]` naming the parameter
  ///   whose path does not fit.
  public func scenario(values: [JSONValue]) throws -> JSONValue {
    var s = definition.base
    for (d, v) in values.enumerated() {
      do {
        try s.set(definition.parameters[d].path, to: v)
      } catch let e as InputError {
        throw InputError(field: "parameters[\(d)]", problem: e.problem)
      }
    }
    return s
  }

  /// `scenario(values:)` as JSON text (for writing a point out).
  public func scenarioJSON(values: [JSONValue]) throws -> Data {
    try scenario(values: values).serialized()
  }

  /// `name=value, ...` for messages.
  public func assignment(_ values: [JSONValue]) -> String {
    zip(parameterNames, values).map { "\($0)=\($1.jsonText)" }.joined(separator: ", ")
  }
}

/// Runs every point of a sweep, all replications each, on Dispatch.
///
/// Points are handed out in batches: within a batch, each of `threads`
/// workers (`Parallel.map(count:states:until:_:)`) claims the next point
/// with one atomic increment, runs all its replications with its own
/// workspace and buffers, summarises them and writes the row into that
/// point's slot. No lock is taken and no worker touches another's memory
/// (the helper's contract). When the batch
/// is done, its rows go to the caller in point order. A point's numbers
/// depend only on the seed and its index (streams `[point, replication]`),
/// and each point is summarised by one worker in replication order, so the
/// rows are the same bytes for any thread count.
///
/// Memory: one batch of rows (`batchSize`, default 64 per thread) plus, per
/// worker, replications × metrics doubles; never all replications.
public struct SweepRunner<Model: SweepModel>: Sendable {
  public let plan: SweepPlan
  public let model: Model
  public let threads: Int
  public let batchSize: Int
  /// The points this run covers: all of them (`.whole`), or one shard's.
  public let shard: SweepShard

  public init(
    plan: SweepPlan, model: Model, threads: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int? = nil,
    shard: SweepShard = .whole
  ) {
    precondition(threads >= 1, "threads must be at least 1")
    self.plan = plan
    self.model = model
    self.threads = threads
    self.batchSize = max(1, batchSize ?? threads * 64)
    self.shard = shard
  }

  /// Points this run covers (the shard's share of the sweep).
  public var pointCount: Int { shard.pointCount(of: plan.pointCount) }

  /// Checks the sweep against the model before anything runs, collecting
  /// every problem: each parameter's path and values on the base scenario
  /// one at a time (every level of a list or range, the ends of a
  /// distribution), then the edits of every point (up to 20,000 points;
  /// cheap, no model call), then the first point through the model.
  ///
  /// - Parameter throughModel: whether the values and the first point go
  ///   through the model's `prepare`. A shard other than the first passes
  ///   false: on a national base each `prepare` decodes the whole nation,
  ///   and N shards would repeat the same probes N times (measured: a
  ///   4-shard national sweep cost 2.2× the CPU of one run). The first
  ///   shard still probes everything; the others check their own points'
  ///   edits and fail at their own first bad point, named.
  /// - Throws: `InputErrors` whose fields name the parameter
  ///   (`parameters[1] (specialists = 0)`) and the problem within the
  ///   scenario (`centre.clinicians[3].fte: found 2, expected ...`).
  public func preflight(throughModel: Bool = true) throws {
    var out: [InputError] = []
    let ps = plan.definition.parameters
    if model.metricNames.isEmpty { out.append(InputError(field: "model", problem: "the model reports no metrics")) }
    // Without the model, the point edits below check every path.
    for d in ps.indices where throughModel {
      for v in plan.design.probeValues(of: d) {
        var s = plan.definition.base
        let label = "parameters[\(d)] (\(ps[d].name) = \(v.jsonText))"
        do {
          try s.set(ps[d].path, to: v)
        } catch let e as InputError {
          out.append(InputError(field: "parameters[\(d)]", problem: e.problem))
          break
        }
        do {
          _ = try model.prepare(scenario: s)
        } catch {
          out += Self.inputErrors(error).map { InputError(field: label + ($0.field.map { ": " + $0 } ?? ""), problem: $0.problem) }
          if out.count > 50 { break }
        }
      }
    }
    if out.isEmpty, plan.pointCount <= 20_000 {
      // A later shard checks its own points only.
      for i in throughModel ? Array(0..<plan.pointCount) : shard.points(of: plan.pointCount) {
        let values = plan.design.values(at: i)
        do {
          _ = try plan.scenario(values: values)
        } catch let e as InputError {
          out.append(InputError(field: "point \(i + 1) (\(plan.assignment(values)))" + (e.field.map { ": " + $0 } ?? ""), problem: e.problem))
          if out.count >= 10 { break }
        }
      }
    }
    if out.isEmpty, throughModel, plan.pointCount > 0 {
      let values = plan.design.values(at: 0)
      do {
        _ = try model.prepare(scenario: try plan.scenario(values: values))
      } catch {
        out += Self.inputErrors(error).map {
          InputError(field: "point 1 (\(plan.assignment(values)))" + ($0.field.map { ": " + $0 } ?? ""), problem: $0.problem)
        }
      }
    }
    if !out.isEmpty { throw InputErrors(out) }
  }

  static func inputErrors(_ error: any Error) -> [InputError] {
    if let e = error as? InputErrors { return e.errors }
    if let e = error as? InputError { return [e] }
    return [InputError(problem: "\(error)")]
  }

  /// Per-worker state, reused across points and batches.
  struct Worker: Sendable {
    var workspace: Model.Workspace
    /// values[k * replications + r]: metric k of replication r.
    var values: [Double]
    var scratch: [Double]
  }

  /// Runs the sweep (or the shard's points), handing rows to `onRows` in
  /// point order, a batch at a time, on the calling thread.
  ///
  /// - Parameters:
  ///   - control: watched for `requestStop()`; counts finished points.
  ///   - onRows: receives consecutive rows; may throw to abort the run.
  /// - Returns: how many of this run's points were done; fewer than
  ///   `pointCount` only after `requestStop()`, and then always the first
  ///   ones.
  /// - Throws: `SweepPointError` for the first point (in point order) whose
  ///   scenario or replication failed, after handing over the rows before it.
  @discardableResult
  public func run(control: SweepControl = SweepControl(), onRows: ([SweepRow]) throws -> Void) throws -> SweepOutcome {
    let total = pointCount
    let shard = self.shard
    let metricCount = model.metricNames.count
    let replications = plan.replications
    var workers = (0..<threads).map { _ in
      Worker(
        workspace: model.makeWorkspace(),
        values: [Double](repeating: 0, count: metricCount * replications),
        scratch: [Double](repeating: 0, count: replications))
    }
    let failed = Atomic<Bool>(false)
    var start = 0
    while start < total {
      let end = min(total, start + batchSize)
      let batchStart = start
      let slots = Parallel.map(
        count: end - start, states: &workers, until: { control.stopRequested || failed.load(ordering: .relaxed) }
      ) { worker, k in
        let result = runPoint(shard.point(batchStart + k), worker: &worker, metricCount: metricCount, replications: replications)
        if case .failure = result { failed.store(true, ordering: .relaxed) }
        control.done.add(1, ordering: .relaxed)
        return result
      }
      // Claims are handed out in order and every claimed point finishes,
      // so the filled slots are a prefix of the batch.
      var rows: [SweepRow] = []
      rows.reserveCapacity(end - start)
      var firstError: SweepPointError?
      for k in 0..<(end - start) {
        guard let r = slots[k] else { break }
        switch r {
        case .success(let row): if firstError == nil { rows.append(row) }
        case .failure(let e): if firstError == nil { firstError = e }
        }
      }
      if !rows.isEmpty { try onRows(rows) }
      if let firstError { throw firstError }
      start += rows.count
      if start < end { break }
    }
    return SweepOutcome(pointsDone: start, pointCount: total)
  }

  /// All replications of one point, summarised.
  func runPoint(_ i: Int, worker: inout Worker, metricCount: Int, replications: Int) -> Result<SweepRow, SweepPointError> {
    let values = plan.design.values(at: i)
    do {
      let scenario = try model.prepare(scenario: try plan.scenario(values: values))
      for r in 0..<replications {
        let m = try model.evaluate(scenario, stream: SweepStream(seed: plan.seed, point: i, replication: r), workspace: &worker.workspace)
        guard m.count == metricCount else {
          throw InputError(problem: "the model returned \(m.count) values, expected \(metricCount) (one per metric)")
        }
        for k in 0..<metricCount { worker.values[k * replications + r] = m[k] }
      }
      var summaries: [Summary] = []
      summaries.reserveCapacity(metricCount)
      for k in 0..<metricCount {
        worker.scratch.removeAll(keepingCapacity: true)
        for r in 0..<replications { worker.scratch.append(worker.values[k * replications + r]) }
        // A point with an undefined replication is reported undefined, not
        // summarised over fewer replications: ranking and the Pareto front
        // compare points, and must not favour one whose bad replications
        // were undefined (`Summary`'s NaN rule, stricter here).
        let undefined = worker.scratch.contains(where: \.isNaN)
        summaries.append(undefined ? .undefined : Summary(summarising: &worker.scratch))
      }
      return .success(SweepRow(point: i, parameters: values, metrics: summaries))
    } catch {
      return .failure(SweepPointError(point: i, assignment: plan.assignment(values), underlying: "\(error)".replacingOccurrences(of: "\n", with: "; ")))
    }
  }
}
