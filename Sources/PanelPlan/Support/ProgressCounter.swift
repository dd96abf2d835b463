import Synchronization

/// Work done out of a known total, counted from any thread, for a progress
/// line with an honest time left (`elapsed × left / done`, shown only once
/// something is done).
///
/// A class so that the workers and the progress line share one count; the
/// count is an `Atomic`, so the type is plainly `Sendable`.
public final class ProgressCounter: Sendable {
  /// Units of work in all (replications, points ...).
  public let total: Int
  /// What a unit is called in the progress line ("replications").
  public let unit: String
  private let finished = Atomic<Int>(0)

  public init(total: Int, unit: String) {
    self.total = total
    self.unit = unit
  }

  /// Units finished so far.
  public var done: Int { finished.load(ordering: .relaxed) }

  /// One more unit finished.
  public func advance(by n: Int = 1) { finished.add(n, ordering: .relaxed) }
}
