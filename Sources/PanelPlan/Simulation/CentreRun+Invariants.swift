/// Invariants of a run, checked at the end of every open day when the
/// package is built with `-Xswiftc -DPANELPLAN_INTERNAL_CHECKS` (as
/// swift-collections checks its own behind `COLLECTIONS_INTERNAL_CHECKS`).
/// They scan every doctor's days and both queues, O(doctors × days) a day,
/// far too slow for ordinary builds; in those `checkInvariants` is empty and
/// compiles away.
extension CentreRun {
  @inline(__always)
  func checkInvariants(endOf today: Int) {
    #if PANELPLAN_INTERNAL_CHECKS
    for j in 0..<nd {
      let base = j * D
      for d in 0..<D {
        // Slots are only ever taken from the day's two pools.
        precondition(Int(acuteFree[base + d]) + Int(plannedFree[base + d]) <= Int(slotsOnDay[base + d]),
                     "doctor \(j), day \(d): more free slots than the day had")
      }
      // The search cursors only skip days with nothing free of their kind.
      for d in today..<min(D, firstAny[j]) {
        precondition(acuteFree[base + d] == 0 && plannedFree[base + d] == 0, "doctor \(j): firstAny skipped a free day \(d)")
      }
      for d in (today + 1)..<max(today + 1, min(D, firstPlanned[j])) {
        precondition(plannedFree[base + d] == 0, "doctor \(j): firstPlanned skipped a free day \(d)")
      }
    }
    for q in [plannedQueue, acuteQueue] {
      // `live` counts the entries still waiting.
      precondition(q.live == q.patient[q.head...].filter { $0 >= 0 }.count, "backlog: live count is off")
    }
    // The planned queue is sorted by arrival (the skip in `retryBacklog` relies on it).
    let arrivals = plannedQueue.arrival[plannedQueue.head...]
    precondition(zip(arrivals, arrivals.dropFirst()).allSatisfy { $0 <= $1 }, "planned backlog not sorted by arrival")
    precondition(t.slotsUsed <= t.slotsOffered, "more slots used than offered")
    precondition(logPatient.count == logDay.count && logDay.count == logProvider.count, "visit log columns differ in length")
    #endif
  }
}
