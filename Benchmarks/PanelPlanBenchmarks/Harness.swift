import Foundation

/// One benchmark: a name, the work it measures, and what one run counts.
///
/// `run` returns a checksum so the optimiser cannot remove the work, and the
/// number of items processed (rows, visits, points) for a rate.
struct Benchmark {
  var name: String
  /// What the items are ("rows", "visits", "points").
  var unit: String
  /// Runs the work once; returns (items processed, checksum).
  var run: () throws -> (items: Int, checksum: Double)
}

/// Median and spread of measured runs, after a warm-up run that is thrown away
/// (the habit of swift-nio's in-tree benchmarks).
enum Harness {
  static func measure(_ b: Benchmark, runs: Int) throws -> String {
    _ = try b.run()
    var seconds: [Double] = []
    var items = 0
    var checksum = 0.0
    for _ in 0..<runs {
      let t0 = DispatchTime.now().uptimeNanoseconds
      let r = try b.run()
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
      items = r.items
      checksum = r.checksum
    }
    seconds.sort()
    let median = seconds[seconds.count / 2]
    let rate = Double(items) / median
    return String(
      format: "%-40@ median %8.3f s  (min %.3f, max %.3f)  %12.0f %@/s  checksum %.6g",
      b.name as NSString, median, seconds.first!, seconds.last!, rate, b.unit as NSString, checksum)
  }

  /// Peak resident memory of this process so far, in MiB (Linux: VmHWM).
  static func peakMemoryMiB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
      return kb / 1024
    }
    return .nan
  }
}
