/// Colours and scales shared by every chart.
///
/// Categorical colours are Okabe and Ito's palette (2008), distinguishable
/// with the common colour-vision deficiencies, ordered so that neighbours
/// also differ in lightness and survive greyscale printing. Sequential
/// colours (heat maps) run from dark to light with monotone lightness, in
/// the manner of viridis.
public enum ChartStyle {
  /// Okabe–Ito, reordered dark/light alternately.
  public static let categorical = [
    "#0072B2", "#E69F00", "#009E73", "#F0E442", "#D55E00", "#56B4E9", "#CC79A7", "#000000",
  ]
  /// A neutral grey for context marks.
  public static let grey = "#999999"
  /// Reference lines (guideline, targets): near-black, long dashes, so a
  /// target never reads as a data series (the orange series of a
  /// two-series chart looked like the orange targets; seen in the
  /// projection report's screenshot).
  public static let reference = "#333333"

  /// Colour of series `i`.
  public static func colour(_ i: Int) -> String { categorical[i % categorical.count] }

  /// Viridis at 9 stops, dark to light.
  static let sequential: [(Double, Double, Double)] = [
    (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
    (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44),
  ]

  /// Whether a smaller value of a result is better (ratios to the guideline,
  /// gaps, waits, overflow, care that went elsewhere), so colour scales can
  /// run from bad to good in the same direction everywhere.
  public static func lowerIsBetter(_ id: String) -> Bool {
    let base = id.split(separator: ".").first.map(String.init) ?? id
    let lower: Set<String> = [
      "guidelineRatio", "workingTimeRatio", "specialistFTEGap", "overflowFrequency", "overflowDayShare",
      "doctorOverflowDayShare", "unservedShare", "wentElsewhereShare", "wentElsewhereAcuteShare", "wentElsewherePlannedShare",
      "waitDaysMean", "waitDaysP50", "waitDaysP90", "listedPerSpecialistFTE", "guideline_ratio", "listed_per_specialist_fte",
    ]
    return lower.contains(base)
  }

  /// A sequential colour for t in 0...1 (0 dark, 1 light).
  public static func sequentialColour(_ t: Double) -> String {
    let x = min(1, max(0, t.isFinite ? t : 0)) * Double(sequential.count - 1)
    let i = min(sequential.count - 2, Int(x))
    let f = x - Double(i)
    let a = sequential[i], b = sequential[i + 1]
    func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * f).rounded()) }
    let (r, g, bl) = (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    return "#" + [r, g, bl].map { String($0, radix: 16).leftPadded(2) }.joined()
  }
}

extension String {
  func leftPadded(_ n: Int, with c: Character = "0") -> String {
    count >= n ? self : String(repeating: c, count: n - count) + self
  }
}

/// A linear map from data values to pixels, with "nice" ticks.
public struct LinearScale: Sendable {
  public var domain: (lower: Double, upper: Double)
  public var range: (lower: Double, upper: Double)

  public init(domain: (Double, Double), range: (Double, Double)) {
    self.domain = domain
    self.range = range
  }

  /// Pixel position of `v`.
  public func callAsFunction(_ v: Double) -> Double {
    let span = domain.upper - domain.lower
    guard span != 0 else { return range.lower }
    return range.lower + (v - domain.lower) / span * (range.upper - range.lower)
  }

  /// A domain from 0 (or the smallest value, if negative) to a nice number
  /// at or above every value, and its ticks.
  /// With `integerSteps`, ticks are whole numbers (for counts).
  public static func niceDomain(including values: [Double], fromZero: Bool = true, integerSteps: Bool = false) -> (lower: Double, upper: Double, ticks: [Double]) {
    let finite = values.filter(\.isFinite)
    var lo = fromZero ? min(0, finite.min() ?? 0) : (finite.min() ?? 0)
    var hi = finite.max() ?? 1
    if hi <= lo { hi = lo + 1 }
    let step = integerSteps ? max(1, niceStep((hi - lo) / 5).rounded(.up)) : niceStep((hi - lo) / 5)
    lo = (lo / step).rounded(.down) * step
    hi = (hi / step).rounded(.up) * step
    var ticks: [Double] = []
    var t = lo
    while t <= hi + step / 2 {
      ticks.append(abs(t) < step * 1e-9 ? 0 : t)
      t += step
    }
    return (lo, hi, ticks)
  }

  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let p = Foundation.pow(10, (Foundation.log10(raw)).rounded(.down))
    let f = raw / p
    let nice: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10
    return nice * p
  }
}

import Foundation
