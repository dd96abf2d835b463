import Foundation

/// The seam between the sweep machinery and what it evaluates.
///
/// A sweep builds each point's scenario as a JSON tree (`JSONValue`),
/// hands it to `prepare` once per point, then calls `evaluate` once per replication with that
/// replication's random stream. The runner never looks inside: any model
/// that can read a JSON scenario and return a fixed list of numbers can be
/// swept.
///
/// To add a model (the visit-level simulation, a staffing projection):
/// 1. conform a struct to `SweepModel` (`prepare` decodes and validates the
///    scenario, throwing `InputError`s with field paths; `evaluate` runs one
///    replication and returns one number per `metricNames` entry);
/// 2. add a case to `SweepModels.make(named:)` and its name to
///    `SweepModels.names`. A sweep file then selects it with
///    `"model": "<name>"`.
///
/// Contract: `evaluate` must depend only on the prepared scenario, the
/// replication and the numbers drawn from `stream` (never on wall time,
/// thread or global state), so a sweep gives the same bytes for a seed
/// whatever the thread count. It runs on several threads at once, each
/// with its own `Workspace`.
public protocol SweepModel: Sendable {
  /// A scenario decoded and checked, ready for replications.
  associatedtype Scenario: Sendable
  /// Buffers a worker reuses from one replication to the next (e.g. event
  /// queues, per-patient arrays); `Void` when none are needed. `Sendable`:
  /// made on the calling thread and used on a worker's.
  associatedtype Workspace: Sendable = Void

  /// The results each replication returns, in order. Names are
  /// identifiers (letters and digits) used as column names and in
  /// `--maximise` / `--subject-to`.
  var metricNames: [String] { get }

  /// One line per metric: what it means and its unit, for help text.
  var metricDescriptions: [String] { get }

  /// Decodes and validates one point's scenario, straight from the tree
  /// (`JSONInput.decode(_:from:)` on a `JSONValue`): a point is never
  /// written out as JSON text and parsed again.
  ///
  /// - Throws: `InputError` / `InputErrors` whose fields are paths in the
  ///   scenario JSON (`centre.clinicians[2].fte`).
  func prepare(scenario: JSONValue) throws -> Scenario

  /// A fresh workspace for one worker thread.
  func makeWorkspace() -> Workspace

  /// Runs one replication.
  ///
  /// - Parameters:
  ///   - stream: the replication's randomness; `stream.generator()` is
  ///     `Xoshiro256(seed: s, stream: [point, replication])`, and
  ///     `stream.generator(k)` appends `k` for independent sub-streams.
  /// - Returns: one value per metric name; NaN where a value is undefined.
  func evaluate(_ scenario: Scenario, stream: SweepStream, workspace: inout Workspace) throws -> [Double]
}

extension SweepModel {
  /// Decodes and validates a scenario given as JSON text (parsed with
  /// `JSONInput.parseChecked`, then `prepare(scenario:)`).
  public func prepare(scenarioJSON: Data) throws -> Scenario {
    try prepare(scenario: try JSONInput.parseChecked(scenarioJSON, file: nil))
  }
}

extension SweepModel where Workspace == Void {
  public func makeWorkspace() {}
}

/// Identifies the random stream of one replication of one point.
public struct SweepStream: Sendable, Hashable {
  public var seed: UInt64
  /// 0-based point index.
  public var point: Int
  /// 0-based replication index.
  public var replication: Int

  public init(seed: UInt64, point: Int, replication: Int) {
    self.seed = seed
    self.point = point
    self.replication = replication
  }

  /// `Xoshiro256(seed: seed, stream: [point, replication] + path)`.
  public func generator(_ path: UInt64...) -> Xoshiro256 {
    Xoshiro256(seed: seed, stream: [UInt64(point), UInt64(replication)] + path)
  }
}

/// The models a sweep file can name in `"model"`.
public enum SweepModels {
  /// The model used when a sweep file names none.
  public static let defaultName = "capacity"

  /// Every model name, in the order help lists them.
  public static let names = ["capacity", "simulation", "projection"]

  /// The model of that name, or nil.
  public static func make(named name: String) -> (any SweepModel)? {
    switch name {
    case "capacity": return CapacitySweepModel()
    case "simulation": return SimulationSweepModel()
    case "projection": return ProjectionSweepModel()
    default: return nil
    }
  }
}
