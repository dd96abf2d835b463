import Foundation

/// Work done out of a known total, counted from any thread, for a progress
/// line with an honest time left (`elapsed × left / done`, shown only once
/// something is done).
public final class ProgressCounter: @unchecked Sendable {
  /// Units of work in all (replications, points ...).
  public let total: Int
  /// What a unit is called in the progress line ("replications").
  public let unit: String
  private let lock = NSLock()
  private var _done = 0

  public init(total: Int, unit: String) {
    self.total = total
    self.unit = unit
  }

  /// Units finished so far.
  public var done: Int { lock.lock(); defer { lock.unlock() }; return _done }

  /// One more unit finished.
  public func advance(by n: Int = 1) { lock.lock(); _done += n; lock.unlock() }
}
