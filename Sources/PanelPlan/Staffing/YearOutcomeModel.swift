/// A care centre as it stands in one projected year: what a model of care
/// (such as the visit-level simulation) needs to compute continuity and
/// access for that year.
///
/// Doctors carry their expected FTE: in expected-value projections a
/// doctor who has left with probability 0.3 appears with 70% of the FTE.
public struct CentreYearState: Sendable {
  /// Calendar year.
  public var year: Int
  /// Years since the start (0 = the input as given).
  public var yearIndex: Int
  /// Replication (0 in expected-value mode).
  public var replication: Int
  /// The projection's seed; with `replication` and `centreIndex` it gives
  /// the model its own random stream
  /// (`Xoshiro256(seed: seed, stream: [replication, centreIndex, year])`).
  public var seed: UInt64
  public var regionName: String
  public var centreId: String
  /// Position of the centre in the whole input (all regions), stable for a file.
  public var centreIndex: Int
  /// The centre's doctors this year (specialists, trainees with their
  /// training progress, licensed doctors) and a single locum clinician
  /// holding the locum FTE, if any. Ids are synthetic and stable within a run.
  public var clinicians: [Clinician]
  /// The listed population this year (counts may be fractional).
  public var population: [GroupAssignment.Entry]
  /// Need-weighted guideline capacity after supervision.
  public var guidelineCapacity: Double
  /// Multiplier of doctor demand per patient from task sharing (1 − share).
  public var doctorDemandFactor: Double
  /// Who has a fixed doctor, by priority group.
  public var assignment: GroupAssignment
  /// Locum FTE bought this year.
  public var locumFTE: Double
}

/// The seam where results about care (continuity, access) plug into the
/// staffing projection.
///
/// Each year, for each centre, the projection calls `evaluate` with the
/// centre's state and stores the returned values (one per name in
/// `metricNames`) next to its own metrics; regions and the nation get the
/// listed-weighted mean. The default projection has no model and reports
/// capacity and fixed-doctor assignment only. The visit-level simulation
/// (issue 5) is meant to be wrapped here, e.g.
/// `YearOutcomeModel(metricNames: ["doctorCOC", "assessedWithinGuarantee"]) { state in ... }`.
///
/// `evaluate` runs concurrently for different centres and replications: it
/// must not share mutable state, and should draw randomness only from the
/// stream its state names, so results stay independent of thread count.
public struct YearOutcomeModel: Sendable {
  /// Names of the metrics `evaluate` returns, in order.
  public var metricNames: [String]
  /// Computes the metrics for one centre in one year; must return exactly
  /// `metricNames.count` values (missing values are NaN).
  public var evaluate: @Sendable (CentreYearState) -> [Double]

  public init(metricNames: [String], evaluate: @escaping @Sendable (CentreYearState) -> [Double]) {
    self.metricNames = metricNames
    self.evaluate = evaluate
  }
}
