extension ReplicationEngine {
  /// The whole input's totals in the last year only: the years before are
  /// stepped but not measured (measuring changes no state), which is all a
  /// feasibility check of a plan needs (`WorkforceProjection.finalTotal`).
  mutating func runFinal() -> StaffingTotals {
    if s.years > 0 { for t in 1...s.years { step(t: t) } }
    var total = StaffingTotals()
    for x in measure(t: s.years) { total.add(x) }
    return total
  }
}
