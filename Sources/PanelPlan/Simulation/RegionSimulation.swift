/// Many care centres simulated together (a region, or the whole country),
/// in parallel over centres, merged in centre order.
public struct RegionSimulation: Sendable, Hashable {
  /// One result per centre, in input order.
  public var centres: [SimulationResult]
  /// All centres merged: means over every patient of the region, access
  /// over every contact, overflow over every centre-day.
  public var total: SimulationResult

  /// Simulates every centre of a region for one replication.
  ///
  /// Centre `c` uses the stream `[scenarioIndex, replication, c]`; the merge
  /// adds tallies in centre order, so the result does not depend on
  /// `threads`. Memory is that of the centres in flight (about `threads`
  /// of them), not of the whole region.
  public static func run(
    region: Region, parameters: SimulationParameters, seed: UInt64,
    scenarioIndex: UInt64 = 0, replication: UInt64 = 0, threads: Int = 1
  ) -> RegionSimulation {
    let centres = region.centres
    let results = Parallel.map(count: centres.count, threads: threads) { c in
      CentreSimulation(centre: centres[c], parameters: parameters)
        .run(seed: seed, stream: [scenarioIndex, replication, UInt64(c)])
    }
    return RegionSimulation(centres: results, total: .merged(results))
  }

  /// The same for centres already prepared (populations expanded once and
  /// reused over replications).
  public static func run(
    _ simulations: [CentreSimulation], seed: UInt64, scenarioIndex: UInt64 = 0,
    replication: UInt64 = 0, threads: Int = 1
  ) -> RegionSimulation {
    let results = Parallel.map(count: simulations.count, threads: threads) { c in
      simulations[c].run(seed: seed, stream: [scenarioIndex, replication, UInt64(c)])
    }
    return RegionSimulation(centres: results, total: .merged(results))
  }
}
