/// The nurse triage line of one centre in a run: a daily number of
/// assessments and a first-come-first-served queue of acute contacts
/// waiting for one (see `TriageParameters`).
///
/// A contact arising on a day is assessed at once when the day still has
/// capacity and nobody is waiting before it; otherwise it waits. Each day
/// the waiting contacts are assessed first, oldest first, so on any day
/// min(waiting + new, capacity) contacts are assessed.
struct NurseTriage {
  /// Assessments available on each open day.
  let capacityPerDay: [Int32]
  /// Assessments left today.
  private(set) var left: Int32 = 0
  /// Waiting contacts in arrival order from `head`.
  private(set) var waitingPatient: [Int32] = []
  private(set) var waitingArrival: [Int32] = []
  private(set) var head = 0

  init(capacityPerDay: [Int32]) {
    self.capacityPerDay = capacityPerDay
  }

  /// Assessments per open day from the nurse FTE present each day times
  /// `perFTE`, whole numbers with the fraction carried to the next day (as
  /// doctor slots are), so the total over the horizon matches the FTE.
  static func capacity(presentFTE: [Double], perFTE: Double) -> [Int32] {
    let rate = perFTE.isFinite ? max(0, perFTE) : 0
    var carry = 0.5
    return presentFTE.map { fte in
      let x = max(0, fte) * rate + carry
      let k = min(Double(Int32.max), x.rounded(.down))
      carry = min(1, x - k)
      return Int32(k)
    }
  }

  /// Number of contacts waiting.
  var waitingCount: Int { waitingPatient.count - head }

  /// Starts open day `d`.
  mutating func open(day d: Int) {
    left = d < capacityPerDay.count ? capacityPerDay[d] : 0
  }

  /// A new contact of `patient` on `day`: true when assessed now, false
  /// when it joins the queue.
  mutating func arrive(patient: Int32, day: Int32) -> Bool {
    if left > 0 && head == waitingPatient.count {
      left -= 1
      return true
    }
    waitingPatient.append(patient)
    waitingArrival.append(day)
    return false
  }

  /// The oldest waiting contact, taken off the queue and assessed, while
  /// today's capacity lasts.
  mutating func nextWaiting() -> (patient: Int32, arrival: Int32)? {
    guard left > 0 && head < waitingPatient.count else { return nil }
    left -= 1
    defer { head += 1; compact() }
    return (waitingPatient[head], waitingArrival[head])
  }

  /// Takes the oldest waiting contact off the queue, unassessed, if it
  /// arose on or before `day` (it has run out of patience).
  mutating func dropWaiting(arrivedOnOrBefore day: Int32) -> (patient: Int32, arrival: Int32)? {
    guard head < waitingPatient.count && waitingArrival[head] <= day else { return nil }
    defer { head += 1; compact() }
    return (waitingPatient[head], waitingArrival[head])
  }

  private mutating func compact() {
    if head == waitingPatient.count {
      waitingPatient.removeAll(keepingCapacity: true)
      waitingArrival.removeAll(keepingCapacity: true)
      head = 0
    } else if head > 4_096 && head * 2 > waitingPatient.count {
      waitingPatient.removeFirst(head)
      waitingArrival.removeFirst(head)
      head = 0
    }
  }
}
