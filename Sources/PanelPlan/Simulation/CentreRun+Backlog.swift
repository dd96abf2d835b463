/// The backlog: doctor contacts nothing was free for wait in two queues
/// (acute retried before planned) until booked or out of patience.
extension CentreRun {
  /// Puts a doctor contact in its queue.
  mutating func enqueueDoctor(_ patient: Int, arrival: Int, kind: UInt8) {
    if kind == 0 {
      plannedQueue.append(patient: patient, arrival: arrival, kind: 0)
    } else {
      acuteQueue.append(patient: patient, arrival: arrival, kind: kind)
    }
  }

  /// Waiting contacts whose last acceptable day was yesterday go elsewhere,
  /// having waited exactly their tolerance + patience. Planned contacts are
  /// sorted by arrival, so those leaving are at the front.
  mutating func leaveBacklog(today d: Int) {
    let lastPlanned = Int32(d - 1 - plannedLimit)
    var b = plannedQueue.head
    while b < plannedQueue.patient.count && plannedQueue.arrival[b] <= lastPlanned {
      if plannedQueue.patient[b] >= 0 {
        plannedQueue.remove(b)
        if Int(plannedQueue.arrival[b]) >= measureFrom {
          t.wentElsewherePlanned += 1
          t.wentElsewhereWaitDays += plannedLimit
        }
      }
      b += 1
    }
    plannedQueue.head = b
    plannedQueue.trim()
    let lastAcute = Int32(d - 1 - acuteLimit)
    for b in acuteQueue.head..<acuteQueue.patient.count where acuteQueue.patient[b] >= 0 && acuteQueue.arrival[b] <= lastAcute {
      acuteQueue.remove(b)
      guard Int(acuteQueue.arrival[b]) >= measureFrom else { continue }
      t.wentElsewhereAcute += 1
      t.wentElsewhereAcuteAwaitingDoctor += 1
      t.wentElsewhereWaitDays += acuteLimit
      if acuteQueue.kind[b] == 1 { t.acuteLeftUnassessed += 1 }
    }
    acuteQueue.trim()
  }

  /// The latest day on which today's failed searches rule out a slot for a
  /// contact of this kind (−1 if none failed today).
  @inline(__always)
  func failedThrough(today d: Int, acute: Bool) -> Int {
    let a = failAcuteDay == d ? failAcuteThrough : -1
    guard !acute else { return a }
    return max(a, failPlannedDay == d ? failPlannedThrough : -1)
  }

  /// Retries the waiting contacts, acute ones first, each queue in order.
  /// Booked entries are marked −1. In the planned queue (sorted by
  /// arrival, so by last acceptable day) a run of entries that today's
  /// failed searches already rule out is skipped at once.
  mutating func retryBacklog(today d: Int) {
    let lastDay = min(D - 1, d + horizon)
    if !releasing {
      var b = acuteQueue.head
      while b < acuteQueue.patient.count && failedThrough(today: d, acute: true) < lastDay {
        let who = acuteQueue.patient[b]
        if who >= 0 {
          let k = acuteQueue.kind[b]
          if bookDoctor(Int(who), arrival: Int(acuteQueue.arrival[b]), today: d, acute: true, triaged: k == 2) {
            acuteQueue.remove(b)
          }
        }
        b += 1
      }
      acuteQueue.trim()
    }
    var b = plannedQueue.head
    while b < plannedQueue.patient.count {
      let through = failedThrough(today: d, acute: false)
      if through >= lastDay { break }
      let arrival = Int(plannedQueue.arrival[b])
      if arrival + plannedLimit <= through {
        b = plannedQueue.firstArriving(after: Int32(through - plannedLimit), from: b)
        continue
      }
      let who = plannedQueue.patient[b]
      if who >= 0 && bookDoctor(Int(who), arrival: arrival, today: d, acute: false, triaged: false) {
        plannedQueue.remove(b)
      }
      b += 1
    }
    plannedQueue.trim()
  }
}
