import Foundation

/// One shard of a sweep: the points `index`, `index + count`,
/// `index + 2·count`, ... of `count` interleaved shards.
///
/// Interleaving rather than contiguous blocks balances the work when cost
/// grows along a parameter (a grid varies its first parameter slowest, so a
/// contiguous block could hold all the large centres). Shard sizes differ
/// by at most one point. A point's random streams are
/// `[seed, point, replication]` whatever the shard, so a point gives the
/// same numbers in any shard and in a single-process run.
///
/// ```swift
/// SweepShard(index: 1, count: 3).points(of: 8)  // [1, 4, 7]
/// ```
public struct SweepShard: Sendable, Hashable, CustomStringConvertible {
  /// 0-based shard index, below `count`.
  public var index: Int
  /// Number of shards the sweep is cut into.
  public var count: Int

  public init(index: Int, count: Int) {
    precondition(count >= 1 && (0..<count).contains(index), "shard index \(index) outside 0..<\(count)")
    self.index = index
    self.count = count
  }

  /// The whole sweep as one shard.
  public static let whole = SweepShard(index: 0, count: 1)

  /// `shard 2 of 4 (index 1)`: 1-based for people, with the 0-based index.
  public var description: String { "shard \(index + 1) of \(count) (index \(index))" }

  /// How many of `total` points this shard runs.
  public func pointCount(of total: Int) -> Int {
    total > index ? (total - index + count - 1) / count : 0
  }

  /// The sweep point of the shard's `k`-th point.
  @inline(__always)
  public func point(_ k: Int) -> Int { index + k * count }

  /// The shard's points among `total`, in order.
  public func points(of total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }

  /// The shard that runs `point`.
  public static func shard(of point: Int, count: Int) -> Int { point % count }
}

// MARK: - Scheduler variables

extension SweepShard {
  /// Where a shard's index and count came from, for the note on standard
  /// error (`SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_COUNT=4`).
  public struct Origin: Sendable, Hashable {
    /// The scheduler (`Slurm`, `Kubernetes Indexed Job`, `AWS Batch`,
    /// `Google Cloud Batch`), or `command line`.
    public var scheduler: String
    /// The variables and options read, as `NAME=value`.
    public var variables: [String]
  }

  /// The array variables of each scheduler, in the order they are tried.
  ///
  /// Sources: Slurm's sbatch(1) "OUTPUT ENVIRONMENT VARIABLES"
  /// (SLURM_ARRAY_TASK_ID, _COUNT, _MIN, _MAX); Kubernetes Job docs
  /// "Indexed completion mode" (JOB_COMPLETION_INDEX, 0-based; the count is
  /// the Job's `completions`, not exported); AWS Batch "Array jobs"
  /// (AWS_BATCH_JOB_ARRAY_INDEX, 0-based; AWS_BATCH_JOB_ARRAY_SIZE);
  /// Google Cloud Batch "environment variables" (BATCH_TASK_INDEX,
  /// BATCH_TASK_COUNT).
  public static let indexVariables = [
    "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "BATCH_TASK_INDEX",
  ]

  /// A problem with the shard options or variables, said so a user can fix
  /// the job script.
  public struct ResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// The shard from explicit options and, where they leave it open, the
  /// scheduler's array variables.
  ///
  /// - `index` and `count` given: that shard; the environment is not read.
  /// - `count` alone: the index from the first scheduler variable set (a
  ///   Kubernetes Indexed Job exports only its index); a count the
  ///   scheduler also exports must agree.
  /// - neither, `fromEnvironment` true: index and count from the first
  ///   scheduler whose index variable is set.
  /// - neither and not `fromEnvironment`: nil (the whole sweep).
  ///
  /// Slurm arrays may start anywhere (`--array=1-4`): the index is
  /// `SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN` and the count
  /// `SLURM_ARRAY_TASK_COUNT`, or `MAX − MIN + 1` when the count is not
  /// exported. An array with gaps or a step (`--array=0-12:4`, `1,3,7`)
  /// has a count that differs from `MAX − MIN + 1` and is refused, since
  /// its task ids do not number the shards.
  ///
  /// - Throws: `ResolutionError` naming the option or variable at fault.
  public static func resolve(
    index: Int?, count: Int?, fromEnvironment: Bool, environment: [String: String]
  ) throws -> (shard: SweepShard, origin: Origin)? {
    func fail(_ m: String) -> ResolutionError { ResolutionError(message: m) }
    if let index, let count {
      guard count >= 1 else { throw fail("--shard-count: found \(count), expected at least 1") }
      guard (0..<count).contains(index) else {
        throw fail("--shard-index: found \(index), expected 0 to \(count - 1) (0-based, below --shard-count \(count))")
      }
      return (SweepShard(index: index, count: count), Origin(scheduler: "command line", variables: ["--shard-index=\(index)", "--shard-count=\(count)"]))
    }
    if index != nil { throw fail("--shard-index needs --shard-count") }
    guard count != nil || fromEnvironment else { return nil }
    if let count, count < 1 { throw fail("--shard-count: found \(count), expected at least 1") }

    func integer(_ name: String) throws -> Int? {
      guard let text = environment[name] else { return nil }
      guard let v = Int(text.trimmingCharacters(in: .whitespaces)), v >= 0 else {
        throw fail("\(name): found '\(text)', expected a whole number of at least 0")
      }
      return v
    }
    guard let name = indexVariables.first(where: { environment[$0] != nil }) else {
      throw fail(
        (count != nil ? "--shard-count without --shard-index" : "--shard-from-env")
          + ": no scheduler array variable is set (expected one of \(indexVariables.joined(separator: ", ")))")
    }
    var used: [String] = []
    let scheduler: String
    var k: Int
    var n: Int?
    switch name {
    case "SLURM_ARRAY_TASK_ID":
      scheduler = "Slurm"
      let id = try integer(name)!
      used.append("\(name)=\(id)")
      let lo = try integer("SLURM_ARRAY_TASK_MIN")
      let hi = try integer("SLURM_ARRAY_TASK_MAX")
      let c = try integer("SLURM_ARRAY_TASK_COUNT")
      if let lo { used.append("SLURM_ARRAY_TASK_MIN=\(lo)") }
      if let hi { used.append("SLURM_ARRAY_TASK_MAX=\(hi)") }
      if let c { used.append("SLURM_ARRAY_TASK_COUNT=\(c)") }
      k = id - (lo ?? 0)
      if let lo, let hi {
        guard hi >= lo else { throw fail("SLURM_ARRAY_TASK_MAX=\(hi) is below SLURM_ARRAY_TASK_MIN=\(lo)") }
        if let c, c != hi - lo + 1 {
          throw fail(
            "SLURM_ARRAY_TASK_COUNT=\(c) but the array spans \(lo)-\(hi) (\(hi - lo + 1) ids): an array with a step or gaps does not number the shards; submit with --array=0-\(c - 1)")
        }
        n = hi - lo + 1
      } else {
        n = c
      }
    case "JOB_COMPLETION_INDEX":
      scheduler = "Kubernetes Indexed Job"
      k = try integer(name)!
      used.append("\(name)=\(k)")
    case "AWS_BATCH_JOB_ARRAY_INDEX":
      scheduler = "AWS Batch"
      k = try integer(name)!
      used.append("\(name)=\(k)")
      n = try integer("AWS_BATCH_JOB_ARRAY_SIZE")
      if let n { used.append("AWS_BATCH_JOB_ARRAY_SIZE=\(n)") }
    default:
      scheduler = "Google Cloud Batch"
      k = try integer(name)!
      used.append("\(name)=\(k)")
      n = try integer("BATCH_TASK_COUNT")
      if let n { used.append("BATCH_TASK_COUNT=\(n)") }
    }
    if let count {
      used.append("--shard-count=\(count)")
      if let n, n != count {
        throw fail("--shard-count \(count) disagrees with the \(scheduler) array of \(n) tasks (\(used.dropLast().joined(separator: ", ")))")
      }
      n = count
    }
    guard let n else {
      throw fail("\(used.joined(separator: ", ")): the \(scheduler) job does not export the number of tasks; give --shard-count N")
    }
    guard n >= 1, (0..<n).contains(k) else {
      throw fail("\(used.joined(separator: ", ")): shard index \(k) is outside 0 to \(n - 1)")
    }
    return (SweepShard(index: k, count: n), Origin(scheduler: scheduler, variables: used))
  }
}

// MARK: - Fingerprint

extension SweepPlan {
  /// A hash of everything that decides a sweep's rows: the model and its
  /// metric names, the resolved base scenario (with every `$file` read in),
  /// the design, the parameters, the replications and the seed (after
  /// `--seed` and `--replications`). Shards with equal fingerprints belong
  /// to the same sweep; any change to the definition or the seed changes
  /// it.
  ///
  /// The text hashed is canonical JSON (members in a fixed order, numbers
  /// in shortest round-trip form), so the fingerprint is the same on every
  /// machine and in every process.
  ///
  /// - Returns: 64 hexadecimal digits of SHA-256.
  public func fingerprint(metricNames: [String]) -> String {
    SHA256.hex(Array(canonicalDescription(metricNames: metricNames).serialized()))
  }

  /// The value `fingerprint(metricNames:)` hashes.
  func canonicalDescription(metricNames: [String]) -> JSONValue {
    let d = definition
    func number(_ x: Double) -> JSONValue { .number(x) }
    let parameters: [JSONValue] = d.parameters.map { p in
      var source: [JSONMember]
      switch p.source {
      case .values(let v): source = [JSONMember("values", .array(v))]
      case .range(let from, let to, let step):
        source = [JSONMember("range", .object([JSONMember("from", number(from)), JSONMember("to", number(to)), JSONMember("step", number(step))]))]
      case .distribution(let dist):
        var m: [JSONMember]
        switch dist {
        case .uniform(let a, let b): m = [JSONMember("type", .string("uniform")), JSONMember("min", number(a)), JSONMember("max", number(b))]
        case .normal(let mean, let sd, let lo, let hi):
          m = [JSONMember("type", .string("normal")), JSONMember("mean", number(mean)), JSONMember("sd", number(sd))]
          m.append(JSONMember("min", lo.map(number) ?? .null))
          m.append(JSONMember("max", hi.map(number) ?? .null))
        case .triangular(let a, let c, let b):
          m = [JSONMember("type", .string("triangular")), JSONMember("min", number(a)), JSONMember("mode", number(c)), JSONMember("max", number(b))]
        }
        source = [JSONMember("distribution", .object(m))]
      }
      return .object(
        [JSONMember("name", .string(p.name)), JSONMember("path", .string(p.path.text))] + source + [JSONMember("whole", .bool(p.whole))])
    }
    return .object([
      JSONMember("fingerprintVersion", .number(1)),
      JSONMember("model", .string(d.model)),
      JSONMember("metrics", .array(metricNames.map(JSONValue.string))),
      JSONMember("base", d.base),
      JSONMember("design", .string(d.design.rawValue)),
      JSONMember("points", d.points.map { .number(Double($0)) } ?? .null),
      JSONMember("replications", .number(Double(d.replications))),
      // A UInt64 seed does not fit a Double exactly: kept as text.
      JSONMember("seed", .string(String(d.seed))),
      JSONMember("parameters", .array(parameters)),
    ])
  }
}
