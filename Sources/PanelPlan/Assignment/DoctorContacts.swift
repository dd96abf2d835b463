/// Each patient's visits with each clinician in a window, ranked for
/// `PanelAssignment`: most visits first, then the most recent last visit,
/// then the clinician listed first.
///
/// Stored as compressed rows: patient i's contacts are entries
/// `start[i] ..< start[i + 1]` of `doctor`, `visits` and `lastDay`.
public struct DoctorContacts: Sendable, Hashable {
  /// Offsets into the entry arrays, `patientCount + 1` of them.
  public var start: [Int32]
  /// Clinician index of each entry.
  public var doctor: [Int32] = []
  /// Visits with that clinician in the window.
  public var visits: [Int32] = []
  /// Day of the last of those visits (days since 1970-01-01).
  public var lastDay: [Int32] = []

  /// No contacts for any of `patientCount` patients.
  public init(patientCount: Int) {
    start = [Int32](repeating: 0, count: patientCount + 1)
  }

  /// One patient–clinician pair and its visits.
  public struct Pair: Sendable, Hashable {
    public var patient: Int32
    public var doctor: Int32
    public var visits: Int32
    public var lastDay: Int32
    public init(patient: Int32, doctor: Int32, visits: Int32, lastDay: Int32) {
      self.patient = patient
      self.doctor = doctor
      self.visits = visits
      self.lastDay = lastDay
    }
  }

  /// Ranks pairs (each patient–clinician pair at most once).
  ///
  /// - Complexity: O(v log v), where v is the number of pairs.
  public init(patientCount: Int, pairs: [Pair]) {
    let sorted = pairs.sorted { a, b in
      if a.patient != b.patient { return a.patient < b.patient }
      if a.visits != b.visits { return a.visits > b.visits }
      if a.lastDay != b.lastDay { return a.lastDay > b.lastDay }
      return a.doctor < b.doctor
    }
    var start = [Int32](repeating: 0, count: patientCount + 1)
    for p in sorted { start[Int(p.patient) + 1] += 1 }
    for i in 0..<patientCount { start[i + 1] += start[i] }
    self.start = start
    doctor = sorted.map(\.doctor)
    visits = sorted.map(\.visits)
    lastDay = sorted.map(\.lastDay)
  }

  /// Number of patients.
  public var patientCount: Int { start.count - 1 }

  /// Entries of patient `i`.
  @inline(__always)
  public func range(of i: Int) -> Range<Int> { Int(start[i])..<Int(start[i + 1]) }

  /// Visits of patient `i` with clinician `d` (0 when none).
  public func visits(of i: Int, with d: Int) -> Int {
    for j in range(of: i) where Int(doctor[j]) == d { return Int(visits[j]) }
    return 0
  }
}

/// Counts visits per patient and clinician as a visit file streams past
/// (one per reader part; merged with `DoctorContactCounter.merge`).
///
/// Only rows in the window, of a patient in the patients file and with one
/// of the given clinicians count; the profession column is not needed since
/// the clinician ids say who is a doctor at the centre.
public struct DoctorContactCounter: VisitSink {
  let patients: ByteInterner
  let clinicians: ByteInterner
  let fromDay: Int32
  let toDay: Int32
  /// patient << 32 | clinician → visits, last day.
  var counts: [UInt64: (visits: Int32, lastDay: Int32)] = [:]
  /// Rows in the window.
  public var rowsInWindow = 0
  /// Rows in the window whose patient is not in the patients file.
  public var rowsUnknownPatient = 0
  /// Rows in the window counted (known patient, one of the clinicians).
  public var rowsCounted = 0
  /// The last day of any row in the window (Int32.min when none).
  public var lastDaySeen = Int32.min

  /// - Parameters:
  ///   - patients: the patients' ids, interned in row order.
  ///   - clinicians: the clinicians' ids, interned in the centre's order.
  ///   - fromDay, toDay: the window, inclusive; nil for no limit.
  public init(patients: ByteInterner, clinicians: ByteInterner, fromDay: Int32?, toDay: Int32?) {
    self.patients = patients
    self.clinicians = clinicians
    self.fromDay = fromDay ?? Int32.min
    self.toDay = toDay ?? Int32.max
  }

  public mutating func accept(_ row: VisitRow) {
    let day = row.day
    if day < fromDay || day > toDay { return }
    rowsInWindow += 1
    if day > lastDaySeen { lastDaySeen = day }
    let p = patients.find(row.patient)
    guard p >= 0 else { rowsUnknownPatient += 1; return }
    let d = clinicians.find(row.clinician)
    guard d >= 0 else { return }
    rowsCounted += 1
    let k = UInt64(UInt32(p)) << 32 | UInt64(UInt32(d))
    if let v = counts[k] {
      counts[k] = (v.visits + 1, max(v.lastDay, day))
    } else {
      counts[k] = (1, day)
    }
  }

  /// The counters of all parts as ranked contacts, and the totals.
  ///
  /// - Complexity: O(v log v), where v is the number of pairs.
  public static func merge(_ parts: [DoctorContactCounter], patientCount: Int)
    -> (contacts: DoctorContacts, rowsInWindow: Int, rowsUnknownPatient: Int, rowsCounted: Int, lastDay: Int32?)
  {
    var all = parts.first?.counts ?? [:]
    for part in parts.dropFirst() {
      for (k, v) in part.counts {
        if let w = all[k] { all[k] = (w.visits + v.visits, max(w.lastDay, v.lastDay)) } else { all[k] = v }
      }
    }
    let pairs = all.map { k, v in
      DoctorContacts.Pair(patient: Int32(truncatingIfNeeded: k >> 32), doctor: Int32(truncatingIfNeeded: k & 0xFFFF_FFFF), visits: v.visits, lastDay: v.lastDay)
    }
    let last = parts.map(\.lastDaySeen).max() ?? Int32.min
    return (
      DoctorContacts(patientCount: patientCount, pairs: pairs),
      parts.reduce(0) { $0 + $1.rowsInWindow }, parts.reduce(0) { $0 + $1.rowsUnknownPatient },
      parts.reduce(0) { $0 + $1.rowsCounted }, last == Int32.min ? nil : last
    )
  }
}
