extension ContinuityStatistics {
  /// Adds all `n` visits a patient had with one provider at once.
  ///
  /// Equivalent to `n` calls of `record(countBefore:sameAsPrevious:false,…)`
  /// with counts 0, 1, …, n − 1: N grows by n, k by 1, Σ n_j² by n², and the
  /// fixed-doctor visits by n when the provider is the fixed doctor. The
  /// visit-record feed uses it because the counts per provider come out of a
  /// table merged over file chunks; the order-dependent `sameProviderPairs`
  /// is set separately from the visit sequence.
  ///
  /// - Complexity: O(1).
  public mutating func add(visitsWithOneProvider n: Int32, withFixedDoctor: Bool) {
    guard n > 0 else { return }
    visits &+= n
    providers &+= 1
    sumOfSquares &+= n &* n
    if n > maxCount { maxCount = n }
    if withFixedDoctor { fixedDoctorVisits &+= n }
  }
}
