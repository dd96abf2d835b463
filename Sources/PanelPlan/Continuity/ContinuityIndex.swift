/// Continuity-of-care indices as documented functions on visit counts.
///
/// For one patient over a window: N visits, n_j of them with provider j,
/// k distinct providers, visits in date order. Formulas from DOMAIN.md.
public enum ContinuityIndex {
  /// Usual provider of care: max_j n_j / N. Nil when N = 0.
  ///
  /// Ties for the usual provider do not matter: only the largest count enters.
  public static func upc(maxCount: Int, visits n: Int) -> Double? {
    n > 0 ? Double(maxCount) / Double(n) : nil
  }

  /// Bice–Boxerman continuity of care: (Σ n_j² − N) / (N (N − 1)). Defined
  /// for N ≥ 2; 1 when every visit is with one provider, 0 when every visit
  /// is with a different one. The index SKR's Primärvårdskvalitet reports as
  /// "kontinuitetsindex".
  public static func coc(sumOfSquares s: Int, visits n: Int) -> Double? {
    n >= 2 ? Double(s - n) / (Double(n) * Double(n - 1)) : nil
  }

  /// Sequential continuity: consecutive visit pairs with the same provider
  /// divided by N − 1. Defined for N ≥ 2.
  public static func secon(sameProviderPairs p: Int, visits n: Int) -> Double? {
    n >= 2 ? Double(p) / Double(n - 1) : nil
  }

  /// Herfindahl index: Σ (n_j / N)². Nil when N = 0.
  public static func herfindahl(sumOfSquares s: Int, visits n: Int) -> Double? {
    n > 0 ? Double(s) / (Double(n) * Double(n)) : nil
  }

  /// Modified modified continuity index (Magill–Senf):
  /// (1 − k / (N + 0.1)) / (1 − 1 / (N + 0.1)). Nil when N = 0.
  public static func mmci(providers k: Int, visits n: Int) -> Double? {
    guard n > 0 else { return nil }
    let m = Double(n) + 0.1
    return (1 - Double(k) / m) / (1 - 1 / m)
  }

  /// Share of visits with the patient's fixed doctor. Nil when N = 0 or the
  /// patient has no fixed doctor.
  public static func fixedDoctorShare(fixedDoctorVisits f: Int, visits n: Int, hasFixedDoctor: Bool) -> Double? {
    hasFixedDoctor && n > 0 ? Double(f) / Double(n) : nil
  }
}

/// The sufficient statistics of one patient's visits for every continuity
/// index, built one visit at a time.
///
/// Both feeds use it: the simulation as it books visits, and visit records
/// once a patient's visits are in date order. The feed keeps the per-provider
/// counts itself (in whatever compact form suits it) and passes the count
/// before each visit.
///
/// ```swift
/// var s = ContinuityStatistics()
/// s.record(countBefore: 0, sameAsPrevious: false, withFixedDoctor: true)  // A
/// s.record(countBefore: 1, sameAsPrevious: true, withFixedDoctor: true)   // A
/// s.record(countBefore: 0, sameAsPrevious: false, withFixedDoctor: false) // B
/// s.indices(hasFixedDoctor: true).coc  // (4 + 1 − 3) / (3 · 2) = 1/3
/// ```
public struct ContinuityStatistics: Sendable, Hashable {
  /// N: visits.
  public var visits: Int32 = 0
  /// k: distinct providers.
  public var providers: Int32 = 0
  /// Σ n_j².
  public var sumOfSquares: Int32 = 0
  /// max_j n_j.
  public var maxCount: Int32 = 0
  /// Consecutive pairs with the same provider.
  public var sameProviderPairs: Int32 = 0
  /// Visits with the fixed doctor.
  public var fixedDoctorVisits: Int32 = 0

  public init() {}

  /// Adds one visit (in date order) with a provider the patient had seen
  /// `countBefore` times before.
  ///
  /// - Complexity: O(1).
  @inlinable
  public mutating func record(countBefore c: Int32, sameAsPrevious: Bool, withFixedDoctor: Bool) {
    visits &+= 1
    if c == 0 { providers &+= 1 }
    sumOfSquares &+= 2 &* c &+ 1  // (c + 1)² − c²
    if c &+ 1 > maxCount { maxCount = c &+ 1 }
    if sameAsPrevious { sameProviderPairs &+= 1 }
    if withFixedDoctor { fixedDoctorVisits &+= 1 }
  }

  /// All indices; each is nil where its formula is undefined.
  public func indices(hasFixedDoctor: Bool) -> ContinuityIndices {
    let n = Int(visits), s = Int(sumOfSquares)
    return ContinuityIndices(
      visits: n,
      providers: Int(providers),
      coc: ContinuityIndex.coc(sumOfSquares: s, visits: n),
      upc: ContinuityIndex.upc(maxCount: Int(maxCount), visits: n),
      secon: ContinuityIndex.secon(sameProviderPairs: Int(sameProviderPairs), visits: n),
      herfindahl: ContinuityIndex.herfindahl(sumOfSquares: s, visits: n),
      mmci: ContinuityIndex.mmci(providers: Int(providers), visits: n),
      fixedDoctorShare: ContinuityIndex.fixedDoctorShare(
        fixedDoctorVisits: Int(fixedDoctorVisits), visits: n, hasFixedDoctor: hasFixedDoctor))
  }
}

/// The continuity indices of one patient over one window and scope.
public struct ContinuityIndices: Sendable, Hashable, Codable {
  public var visits: Int
  public var providers: Int
  public var coc: Double?
  public var upc: Double?
  public var secon: Double?
  public var herfindahl: Double?
  public var mmci: Double?
  public var fixedDoctorShare: Double?
}
