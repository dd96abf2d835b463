/// The visit log and the continuity computed from it.
///
/// Every visit made (doctor, nurse, other) is appended in booking order to
/// three parallel arrays; after the horizon the log is sorted by patient
/// and day and each patient's visits feed one `ContinuityStatistics` per
/// `ContinuityScope`.
extension CentreRun {
  /// Appends a visit to the log.
  @inline(__always)
  mutating func logVisit(patient: Int, day: Int, provider: Int) {
    logPatient.append(Int32(patient))
    logDay.append(Int32(day))
    logProvider.append(Int32(provider))
  }

  /// Sorts the visit log by patient, then day (two stable counting sorts),
  /// and feeds each patient's visits in date order to one
  /// `ContinuityStatistics` per scope.
  mutating func computeContinuity() {
    let windowStart: Int32 = Int32(max(measureFrom, p.continuity.windowMonths.map {
      max(0, D - Int((Double($0) / 12 * openPerYear).rounded()))
    } ?? 0))
    // Counting sort by patient (stable: booking order within a patient),
    // then a per-patient insertion sort by day, which is nearly free: a
    // patient has a handful of visits, mostly booked in date order.
    let v = logPatient.count
    var pStart = [Int32](repeating: 0, count: n + 1)
    for k in 0..<v where logDay[k] >= windowStart { pStart[Int(logPatient[k]) + 1] += 1 }
    for i in 0..<n { pStart[i + 1] += pStart[i] }
    var order = [Int32](repeating: 0, count: Int(pStart[n]))
    var fillAt = pStart
    for k in 0..<v where logDay[k] >= windowStart {
      let i = Int(logPatient[k])
      order[Int(fillAt[i])] = Int32(k)
      fillAt[i] += 1
    }
    for i in 0..<n {
      let a = Int(pStart[i]), b = Int(pStart[i + 1])
      guard b - a >= 2 else { continue }
      for x in (a + 1)..<b {
        let key = order[x]
        let day = logDay[Int(key)]
        var y = x
        while y > a && logDay[Int(order[y - 1])] > day {
          order[y] = order[y - 1]
          y -= 1
        }
        order[y] = key
      }
    }
    var counts = [Int32](repeating: 0, count: C)
    let minVisits = max(2, p.continuity.minimumVisits)
    for i in 0..<n {
      let a = Int(pStart[i]), b = Int(pStart[i + 1])
      guard b - a >= minVisits else { continue }
      let fixed = Int(assignment.doctorOf[i])
      var doc = ContinuityStatistics(), all = ContinuityStatistics()
      var lastDoc = -1, lastAll = -1
      for o in a..<b {
        let c = Int(logProvider[Int(order[o])])
        let before = counts[c]
        all.record(countBefore: before, sameAsPrevious: c == lastAll, withFixedDoctor: c == fixed)
        lastAll = c
        if isDoctor[c] {
          // A doctor's count is the same in both scopes: only doctor visits reach it.
          doc.record(countBefore: before, sameAsPrevious: c == lastDoc, withFixedDoctor: c == fixed)
          lastDoc = c
        }
        counts[c] = before + 1
      }
      for o in a..<b { counts[Int(logProvider[Int(order[o])])] = 0 }
      if Int(doc.visits) >= minVisits { t.recordContinuity(doc, scope: .doctor, hasFixedDoctor: fixed >= 0) }
      if Int(all.visits) >= minVisits { t.recordContinuity(all, scope: .all, hasFixedDoctor: fixed >= 0) }
    }
  }
}
