/// The mean and the 5–95% band of one metric over replications.
public struct MetricBand: Sendable, Hashable, Codable {
  /// The metric's stable name (`SimulationResult.metrics`).
  public var name: String
  /// Mean over replications where the metric is defined (NaN if none).
  public var mean: Double
  /// 5% and 95% quantiles over replications (type 7 interpolation).
  public var low: Double
  public var high: Double

  public init(name: String, mean: Double, low: Double, high: Double) {
    self.name = name
    self.mean = mean
    self.low = low
    self.high = high
  }
}

/// The results of several replications, with a band per metric.
public struct ReplicationSummary: Sendable, Hashable {
  /// One result per replication, in replication order.
  public var results: [SimulationResult]
  /// Per metric, in the order of `SimulationResult.metrics`.
  public var bands: [MetricBand]

  /// Summarises replications: mean and 5–95% band of every metric.
  public init(results: [SimulationResult]) {
    self.results = results
    let perRun = results.map(\.metrics)
    let names = perRun.first?.map(\.name) ?? SimulationResult(tallies: .init(), years: 1).metrics.map(\.name)
    bands = names.enumerated().map { k, name in
      let b = Band(values: perRun.map { $0[k].value })
      return MetricBand(name: name, mean: b.mean, low: b.p05, high: b.p95)
    }
  }

  /// The band of a named metric, nil for an unknown name.
  public func band(_ name: String) -> MetricBand? { bands.first { $0.name == name } }
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
