/// The results of a staffing projection: per year, for each centre (when
/// kept), each region and the whole input.
public struct ProjectionResult: Sendable {
  /// What a series describes.
  public enum Level: String, Sendable, Hashable, Codable {
    case centre, region, total
  }

  /// One scope's results over the years.
  public struct Series: Sendable {
    public var level: Level
    public var id: String
    public var name: String
    /// The region a centre belongs to (nil for regions and the total).
    public var region: String?
    /// Care centres in the scope.
    public var centreCount: Int
    /// `bands[y][k]`: year index y, metric k (`StaffingMetric.allCases`
    /// order, then the outcome model's metrics).
    public var bands: [[Band]]

    /// A metric's band in year index `y`.
    public func band(_ m: StaffingMetric, yearIndex y: Int) -> Band {
      bands[y][StaffingMetric.allCases.firstIndex(of: m)!]
    }
  }

  /// Calendar years, the first being the input as given.
  public var years: [Int]
  /// Replications (1 in expected-value mode).
  public var replications: Int
  /// Whether the numbers are expected values (true) or from random draws.
  public var expectedValue: Bool
  /// Names of the outcome model's metrics, after the staffing metrics.
  public var outcomeNames: [String]
  /// Centres (if kept), then regions, then the total (the total is the
  /// region itself when the input is a single region).
  public var series: [Series]
  /// The total's additive quantities per replication and year index:
  /// `totalPerReplication[r][y]`. The solver reads targets from these.
  public var totalPerReplication: [[StaffingTotals]]
  /// What a planner must know about the plan itself, e.g. trainee intake
  /// beyond supervisor capacity (`WorkforceProjection.supervisionWarnings`).
  public var warnings: [Message] = []

  /// The series of the whole input.
  public var total: Series { series[series.count - 1] }

  /// Index of a year in `years`, nil when outside the horizon.
  public func yearIndex(_ year: Int) -> Int? { years.firstIndex(of: year) }
}
