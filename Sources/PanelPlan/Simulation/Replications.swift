/// The results of several replications, with a `Summary` of every
/// metric over them (its NaN rule: a replication where a metric is
/// undefined is left out of that metric's summary).
public struct ReplicationSummary: Sendable, Hashable {
  /// One result per replication, in replication order.
  public var results: [SimulationResult]
  /// Per metric, in machine order (`SimulationMetric.allCases`).
  public var summaries: [Summary]

  private static let position: [SimulationMetric: Int] = Dictionary(
    uniqueKeysWithValues: SimulationMetric.allCases.enumerated().map { ($1, $0) })

  /// Summarises replications: mean and 5–95% band of every metric.
  public init(results: [SimulationResult]) {
    self.results = results
    let perRun = results.map { r in SimulationMetric.allCases.map { r[$0] } }
    summaries = SimulationMetric.allCases.indices.map { k in Summary(values: perRun.map { $0[k] }) }
  }

  /// The summary of a metric.
  public subscript(metric: SimulationMetric) -> Summary { summaries[Self.position[metric]!] }

  /// Every metric with its summary, in machine order.
  public var metricSummaries: Zip2Sequence<[SimulationMetric], [Summary]> { zip(SimulationMetric.allCases, summaries) }
}

/// Runs replications of a care centre or a region.
///
/// Replication `r` of centre `c` in scenario `s` uses the random stream
/// `[s, r, c]` of the seed, so results are identical whatever `threads` is.
public enum Replications {
  /// Runs `count` replications of one centre, in parallel over replications.
  ///
  /// - Complexity: `count` runs of `CentreSimulation.run`, on up to
  ///   `threads` workers.
  public static func run(
    _ simulation: CentreSimulation, count: Int, seed: UInt64, scenarioIndex: UInt64 = 0,
    centreIndex: UInt64 = 0, threads: Int = 1, progress: ProgressCounter? = nil
  ) -> ReplicationSummary {
    let results = Parallel.map(count: count, threads: threads) { r in
      let result = simulation.run(seed: seed, stream: [scenarioIndex, UInt64(r), centreIndex])
      progress?.advance()
      return result
    }
    return ReplicationSummary(results: results)
  }

  /// Runs `count` replications of a whole region; each replication runs the
  /// centres in parallel and merges them (`RegionSimulation`).
  public static func run(
    region: Region, parameters: SimulationParameters, count: Int, seed: UInt64,
    scenarioIndex: UInt64 = 0, threads: Int = 1, progress: ProgressCounter? = nil
  ) -> ReplicationSummary {
    let sims = region.centres.map { CentreSimulation(centre: $0, parameters: parameters) }
    let results = (0..<count).map { r in
      let total = RegionSimulation.run(sims, seed: seed, scenarioIndex: scenarioIndex, replication: UInt64(r), threads: threads).total
      progress?.advance()
      return total
    }
    return ReplicationSummary(results: results)
  }
}
