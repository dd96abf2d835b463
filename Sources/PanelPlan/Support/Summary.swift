/// A value over replications: its mean and its 5%, 50% and 95% quantiles.
/// The one summary type of the library: simulation results
/// (`ReplicationSummary`), staffing projections and recruitment
/// (`Band` is this type), sweeps and calibration all use it. Output files
/// choose their own key names at the edge (`mean`/`low`/`high` in
/// `simulate`, `mean`/`p05`/`p95` in `project`, `_mean`/`_p5`/... columns in
/// sweeps); in expected-value mode the four are equal.
///
/// **The NaN rule (one, here).** A replication in which a value is
/// undefined (NaN: no patient qualified, nobody in the group) is left out,
/// and the statistics are over the replications where it is defined; if it
/// is defined in none, every statistic is NaN. The summary is then the
/// distribution of the value *where it exists*, which is what a table of a
/// group's share means. A caller that must not compare values over
/// different numbers of replications reports the point undefined instead:
/// sweeps do (`SweepRunner`), since their ranking and Pareto front would
/// otherwise favour a point whose bad replications were undefined. That is
/// the observable behaviour of every output before the types were merged,
/// so no output changed.
///
/// The mean sums in replication order, as deviations from the first value
/// (so equal values give exactly that value; a plain sum / n can miss by an
/// ulp). With an infinity among the values the mean is that infinity if
/// every value is equal, else NaN. Quantiles are Hyndman and Fan's (1996)
/// type 7 (`Quantiles.type7`), the default of R and NumPy.
public struct Summary: Sendable, Hashable, Codable {
  public var mean: Double
  public var p05: Double
  public var p50: Double
  public var p95: Double

  public init(mean: Double, p05: Double, p50: Double, p95: Double) {
    self.mean = mean
    self.p05 = p05
    self.p50 = p50
    self.p95 = p95
  }

  /// Every statistic NaN: a value defined in no replication.
  public static let undefined = Summary(mean: .nan, p05: .nan, p50: .nan, p95: .nan)

  /// Summarises values (one per replication, in replication order).
  ///
  /// - Complexity: O(n log n), where n is the number of values.
  public init(values: [Double]) {
    var v = values
    self.init(summarising: &v)
  }

  /// Summarises values in a reusable buffer, which is left sorted with its
  /// NaNs removed.
  ///
  /// - Complexity: O(n log n), where n is the number of values.
  public init(summarising values: inout [Double]) {
    values.removeAll(where: \.isNaN)
    guard !values.isEmpty else {
      self = .undefined
      return
    }
    let mean: Double
    if values.contains(where: \.isInfinite) {
      mean = values.allSatisfy { $0 == values[0] } ? values[0] : .nan
    } else {
      let shift = values[0]
      var sum = 0.0
      for v in values { sum += v - shift }
      mean = shift + sum / Double(values.count)
    }
    values.sort()
    self.init(
      mean: mean, p05: Quantiles.type7(values, 0.05), p50: Quantiles.type7(values, 0.5),
      p95: Quantiles.type7(values, 0.95))
  }

  /// A statistic.
  public subscript(statistic: SummaryStatistic) -> Double {
    switch statistic {
    case .mean: return mean
    case .p05: return p05
    case .p50: return p50
    case .p95: return p95
    }
  }
}

/// A statistic of a `Summary`; its raw value is the suffix sweeps use in
/// column names (`coc_doctor_p5`) and rankings (`coc_doctor.p95`).
public enum SummaryStatistic: String, Sendable, CaseIterable {
  case mean
  case p05 = "p5"
  case p50
  case p95
}
