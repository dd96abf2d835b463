/// One published method reproduced through the model's own inputs: the
/// model's credentials, as `panelplan validate` prints them.
///
/// The expected value is worked out in the case from the source (by the
/// paper's arithmetic or an exact formula written independently of the
/// model's code); the model's value comes from the same functions the
/// commands use. A case passes when |model − expected| ≤ tolerance.
public struct PublishedCase: Sendable, Hashable, Codable {
  /// Stable identifier, e.g. `murray2007.supplyEqualsDemand`.
  public var id: String
  /// What is checked, in a planner's words.
  public var name: String
  /// Where the expected value comes from, in full.
  public var source: String
  /// The source in a few words for a table column, e.g. "Murray 2007".
  public var citation: String
  /// The expected value.
  public var expected: Double
  /// The model's value.
  public var model: Double
  /// The largest accepted |model − expected|, in the value's own unit.
  public var tolerance: Double
  /// Why the tolerance is what it is (rounding in the source, sampling
  /// error, a stated margin).
  public var toleranceReason: String
  /// The inputs and assumptions the model was run with.
  public var assumptions: [String]

  public init(
    id: String, name: String, source: String, citation: String, expected: Double, model: Double, tolerance: Double,
    toleranceReason: String, assumptions: [String] = []
  ) {
    self.id = id
    self.name = name
    self.source = source
    self.citation = citation
    self.expected = expected
    self.model = model
    self.tolerance = tolerance
    self.toleranceReason = toleranceReason
    self.assumptions = assumptions
  }

  /// Whether the model reproduces the expected value within the tolerance
  /// (false when either value is not a number).
  public var pass: Bool { expected.isFinite && model.isFinite && abs(model - expected) <= tolerance }
}
