/// Doctor contacts waiting for a slot, in the order they joined: one queue
/// for planned contacts (joined on the day they arose, so sorted by
/// arrival) and one for acute contacts. Booked or departed entries are
/// marked with patient −1 and dropped from the front.
struct DoctorBacklog {
  var patient: [Int32] = []
  var arrival: [Int32] = []
  /// 0 planned, 1 acute not triaged, 2 acute triaged (already assessed).
  var kind: [UInt8] = []
  var head = 0
  /// Entries still waiting.
  var live = 0

  mutating func append(patient p: Int, arrival a: Int, kind k: UInt8) {
    patient.append(Int32(p))
    arrival.append(Int32(a))
    kind.append(k)
    live += 1
  }

  /// Marks entry `b` as gone (booked or left).
  mutating func remove(_ b: Int) {
    patient[b] = -1
    live -= 1
  }

  /// The first index from `b` whose arrival is after `day`; entries must
  /// be sorted by arrival from `b` on (the planned queue is).
  func firstArriving(after day: Int32, from b: Int) -> Int {
    var lo = b, hi = arrival.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if arrival[mid] <= day { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Drops gone entries from the front; compacts the arrays now and then.
  mutating func trim() {
    while head < patient.count && patient[head] < 0 { head += 1 }
    if head == patient.count {
      patient.removeAll(keepingCapacity: true)
      arrival.removeAll(keepingCapacity: true)
      kind.removeAll(keepingCapacity: true)
      head = 0
    } else if head > 4_096 && head * 2 > patient.count {
      patient.removeFirst(head)
      arrival.removeFirst(head)
      kind.removeFirst(head)
      head = 0
    }
  }
}
