/// A sentence for people, kept as its English template and its values until
/// it is written, so the layers below `Reports` can say something without
/// choosing its language: `Terms.render(_:)` translates the template through
/// the one table of terms and formats the numbers in the language then.
///
/// ```swift
/// Message("{1}: {2} trainee FTE hold no panel", .text("2027"), .number(0.4, decimals: 2))
/// ```
public struct Message: Sendable, Hashable {
  /// A value put into the template at `{1}`, `{2}` ...
  public enum Argument: Sendable, Hashable {
    case text(String)
    /// Grouped and with `decimals` decimals, in the language of the moment.
    case number(Double, decimals: Int)
  }

  /// English, with `{1}`, `{2}` ... where the arguments go.
  public var template: String
  public var arguments: [Argument]

  public init(_ template: String, _ arguments: Argument...) {
    self.template = template
    self.arguments = arguments
  }
}
