/// The distribution of one index over patients: how many patients it is
/// defined for, the mean and the quantiles.
///
/// Quantiles interpolate linearly between order statistics (Hyndman and Fan's
/// type 7, the default of R and NumPy): for probability p over n sorted values
/// x₀ … xₙ₋₁, h = (n − 1)p and Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
public struct IndexDistribution: Sendable, Hashable, Codable {
  /// Patients for whom the index is defined.
  public var count: Int
  public var mean: Double
  public var p10: Double
  public var p25: Double
  public var median: Double
  public var p75: Double
  public var p90: Double

  /// The probabilities reported, in order.
  public static let probabilities: [Double] = [0.10, 0.25, 0.50, 0.75, 0.90]

  /// Summarises `values` (order irrelevant; reordered in place). Nil when empty.
  ///
  /// - Complexity: O(n) expected: a histogram locates the order statistics
  ///   needed, and only the values in those histogram bins are sorted.
  public init?(values: inout [Double]) {
    guard !values.isEmpty else { return nil }
    var sum = 0.0
    for v in values { sum += v }
    count = values.count
    mean = sum / Double(values.count)
    let q = Quantiles.type7(&values, probabilities: Self.probabilities)
    (p10, p25, median, p75, p90) = (q[0], q[1], q[2], q[3], q[4])
  }
}

/// Exact quantiles of many probabilities without sorting everything.
extension Quantiles {
  /// Type-7 quantiles of `values` (see `IndexDistribution`).
  public static func type7(_ values: inout [Double], probabilities: [Double]) -> [Double] {
    let n = values.count
    precondition(n > 0, "quantiles of an empty set")
    var ranks: [Int] = []
    for p in probabilities {
      let h = Double(n - 1) * p
      let lo = Int(h.rounded(.down))
      ranks.append(lo)
      ranks.append(min(lo + 1, n - 1))
    }
    let stats = orderStatistics(&values, ranks: ranks)
    return probabilities.indices.map { k in
      let h = Double(n - 1) * probabilities[k]
      let lo = stats[2 * k], hi = stats[2 * k + 1]
      return lo + (h - h.rounded(.down)) * (hi - lo)
    }
  }

  /// The values at 0-based `ranks` in sorted order.
  ///
  /// Small inputs are sorted. Large ones are binned into 4,096 equal-width
  /// bins between the minimum and the maximum; the bins holding the wanted
  /// ranks are gathered and sorted, the rest never are.
  public static func orderStatistics(_ values: inout [Double], ranks: [Int]) -> [Double] {
    let n = values.count
    if n <= 4096 {
      values.sort()
      return ranks.map { values[$0] }
    }
    var lo = values[0], hi = values[0]
    for v in values {
      if v < lo { lo = v }
      if v > hi { hi = v }
    }
    if lo == hi { return ranks.map { _ in lo } }
    let bins = 4096
    let scale = Double(bins) / (hi - lo)
    @inline(__always) func bin(_ v: Double) -> Int { min(bins - 1, Int((v - lo) * scale)) }
    var counts = [Int](repeating: 0, count: bins)
    for v in values { counts[bin(v)] += 1 }
    var firstRank = [Int](repeating: 0, count: bins + 1)
    for b in 0..<bins { firstRank[b + 1] = firstRank[b] + counts[b] }
    var binOfRank: [Int] = []
    var wanted = [Bool](repeating: false, count: bins)
    for r in ranks {
      var a = 0, b = bins  // first bin whose ranks reach past r
      while a < b {
        let m = (a + b) / 2
        if firstRank[m + 1] > r { b = m } else { a = m + 1 }
      }
      binOfRank.append(a)
      wanted[a] = true
    }
    var gathered: [[Double]] = Array(repeating: [], count: bins)
    for v in values {
      let b = bin(v)
      if wanted[b] { gathered[b].append(v) }
    }
    for b in 0..<bins where wanted[b] { gathered[b].sort() }
    return zip(ranks, binOfRank).map { r, b in gathered[b][r - firstRank[b]] }
  }
}

/// Aggregates of the continuity indices of a set of patients: the number of
/// patients and visits, and the distribution of each index.
///
/// Both feeds use it: visit records (`panelplan continuity`) and the
/// simulation, which summarise per-patient `ContinuityIndices` the same way.
///
/// ```swift
/// let s = ContinuitySummary(patients)  // [ContinuityIndices]
/// s.coc?.median
/// ```
public struct ContinuitySummary: Sendable, Hashable, Codable {
  /// Patients summarised.
  public var patients: Int
  /// Their visits (N summed over patients).
  public var visits: Int
  public var coc: IndexDistribution?
  public var upc: IndexDistribution?
  public var secon: IndexDistribution?
  public var herfindahl: IndexDistribution?
  public var mmci: IndexDistribution?
  /// Over patients who have a fixed doctor.
  public var fixedDoctorShare: IndexDistribution?

  /// The indices in report order, with their names.
  public static let indexNames = ["coc", "upc", "secon", "herfindahl", "mmci", "fixed_doctor_share"]

  /// The distributions in the order of `indexNames`.
  public var distributions: [IndexDistribution?] { [coc, upc, secon, herfindahl, mmci, fixedDoctorShare] }

  /// Summarises per-patient indices; each distribution is over the patients
  /// for whom that index is defined (e.g. COC needs two visits).
  ///
  /// - Complexity: O(n) expected in the number of patients.
  public init<S: Sequence>(_ indices: S) where S.Element == ContinuityIndices {
    var columns = Columns(capacity: indices.underestimatedCount)
    for x in indices { columns.add(x) }
    self.init(&columns)
  }

  /// The defined values of each index, collected patient by patient.
  struct Columns {
    var patients = 0
    var visits = 0
    var coc: [Double] = [], upc: [Double] = [], secon: [Double] = []
    var herfindahl: [Double] = [], mmci: [Double] = [], fixedDoctorShare: [Double] = []

    init(capacity: Int) {
      coc.reserveCapacity(capacity)
      upc.reserveCapacity(capacity)
      secon.reserveCapacity(capacity)
      herfindahl.reserveCapacity(capacity)
      mmci.reserveCapacity(capacity)
      fixedDoctorShare.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func add(_ x: ContinuityIndices) {
      patients += 1
      visits += x.visits
      if let v = x.coc { coc.append(v) }
      if let v = x.upc { upc.append(v) }
      if let v = x.secon { secon.append(v) }
      if let v = x.herfindahl { herfindahl.append(v) }
      if let v = x.mmci { mmci.append(v) }
      if let v = x.fixedDoctorShare { fixedDoctorShare.append(v) }
    }
  }

  /// Summarises collected columns (reordered in place).
  init(_ c: inout Columns) {
    patients = c.patients
    visits = c.visits
    coc = IndexDistribution(values: &c.coc)
    upc = IndexDistribution(values: &c.upc)
    secon = IndexDistribution(values: &c.secon)
    herfindahl = IndexDistribution(values: &c.herfindahl)
    mmci = IndexDistribution(values: &c.mmci)
    fixedDoctorShare = IndexDistribution(values: &c.fixedDoctorShare)
  }
}
