import Foundation
import PanelPlan
import Synchronization

/// A progress line on standard error while a long command runs, written only
/// when standard error is a terminal (never into files, pipes or tests).
///
/// With a `ProgressCounter` it shows units done and the time left, estimated
/// as `elapsed × left / done` once at least one unit is done; without one it
/// shows the time elapsed and says the time left is not known, rather than
/// guess. Nothing is shown for runs shorter than a second.
///
/// The drawing thread and `stop()` share one `Mutex`, so the line is never
/// drawn after it was cleared.
final class TerminalProgress: Sendable {
  private let label: String
  private let counter: ProgressCounter?
  private let start = Date()
  /// Whether `stop()` was called, and whether a line was drawn (to clear).
  private let state = Mutex<(stopped: Bool, shown: Bool)>((false, false))

  /// Starts the line for `label`, or returns nil when stderr is not a terminal.
  static func start(_ label: String, counter: ProgressCounter? = nil) -> TerminalProgress? {
    guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["PANELPLAN_NO_PROGRESS"] == nil else { return nil }
    let p = TerminalProgress(label: label, counter: counter)
    let thread = Thread { p.loop() }
    thread.start()
    return p
  }

  private init(label: String, counter: ProgressCounter?) {
    self.label = label
    self.counter = counter
  }

  private func loop() {
    Thread.sleep(forTimeInterval: 1)
    while true {
      let stopped = state.withLock { s in
        if s.stopped { return true }
        s.shown = true
        FileHandle.standardError.write(Data(line().utf8))
        return false
      }
      if stopped { return }
      Thread.sleep(forTimeInterval: 0.5)
    }
  }

  func line() -> String {
    let elapsed = Date().timeIntervalSince(start)
    func time(_ s: Double) -> String {
      let t = Int(s.rounded())
      return t >= 60 ? "\(t / 60) min \(t % 60) s" : "\(t) s"
    }
    var s = "\r\(label): \(time(elapsed)) elapsed"
    if let c = counter {
      let done = c.done
      s += ", \(done)/\(c.total) \(c.unit)"
      s += done > 0 && done < c.total ? ", about \(time(elapsed * Double(c.total - done) / Double(done))) left" : ""
    } else {
      s += " (time left not known)"
    }
    return s + "\u{1B}[K"
  }

  /// Clears the line; call when the work is done.
  func stop() {
    state.withLock { s in
      s.stopped = true
      if s.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
  }
}
