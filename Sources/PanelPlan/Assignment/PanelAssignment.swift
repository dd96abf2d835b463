/// The proposed fixed-doctor list for a centre's actual patients (issue 15):
/// within capacity, highest needs first, building on the relations and the
/// contacts that exist.
///
/// The rule, in order (deterministic for a given input and seed):
/// 1. **Keep.** Patients with a fixed doctor who is still at the centre and
///    holds a panel keep that doctor while the doctor has room (`load + w ≤
///    capacity`). When a doctor is over capacity (after an FTE cut, say), the
///    priority order decides who stays: groups in `policy.order` (then any
///    group it leaves out), highest need weight first within a group. A
///    relation with a doctor who left, is full, or holds no panel is
///    *released*. A patient whose `wants` is explicitly `false` ends the
///    relation ("does not want").
/// 2. **Offer.** Patients without a kept relation who want one are offered a
///    doctor, groups in `policy.order`, highest need weight first within a
///    group. Who wants one: the per-patient `wants` when given (the patients
///    file's `wants_fixed_doctor`); else every released patient (they had
///    one); else a draw with the group's want share (`policy.wantShare`,
///    DOMAIN.md: 70% say they need one). Groups missing from the order are
///    not offered one ("not offered"), as in `PatientAssignment`.
/// 3. **Choose.** Among doctors with room, the one the patient saw most in
///    the window, then the one seen most recently ("most seen"); a tie on
///    both goes to the larger remaining capacity. A patient who saw none of
///    the doctors with room goes to the doctor with the largest remaining
///    capacity ("capacity"); exact ties go to the doctor listed first. No
///    doctor with room: "no capacity left".
///
/// Remaining ties in steps 1 and 2 (same group, same need weight) are broken
/// by a random key per patient drawn from `seed`, so no patient is favoured
/// by the row order of the file. Building on the contacts that exist follows
/// DOMAIN.md ("those with the greatest needs should get the best
/// continuity") and keeps the list close to the care patients already get.
///
/// Capacity is counted in need-weighted patients, per doctor, from the
/// policy's capacity view times its fill limit
/// (`PatientAssignment.capacity(of:policy:parameters:)`, the same figure the
/// simulation uses), so a weight-2.4 resident uses 2.4 places.
public struct PanelAssignment: Sendable, Hashable {
  /// Why a patient has, or has not, a fixed doctor on the list.
  public enum Reason: UInt8, Sendable, Hashable, CaseIterable {
    /// The existing relation is kept.
    case kept
    /// A new doctor: the one seen most (then most recently) among those with room.
    case mostSeen
    /// A new doctor: none seen has room, so the one with most room left.
    case capacity
    /// No fixed doctor: the patient does not want one.
    case doesNotWant
    /// No fixed doctor: wanted one, but no doctor had room.
    case noCapacityLeft
    /// No fixed doctor: the group is not in the policy's order.
    case notOffered

    /// The word used in the output's `reason` column.
    public var label: String {
      switch self {
      case .kept: return "kept"
      case .mostSeen: return "most seen"
      case .capacity: return "capacity"
      case .doesNotWant: return "does not want"
      case .noCapacityLeft: return "no capacity left"
      case .notOffered: return "not offered"
      }
    }
  }

  /// Ids of the clinicians indices refer to, in input order.
  public var clinicianIds: [String]
  /// Need-weighted places per clinician (capacity view × fill limit; 0 for
  /// non-doctors and doctors without a panel).
  public var capacity: [Double]
  /// Need-weighted patients on each clinician's list.
  public var load: [Double]
  /// Patients on each clinician's list.
  public var panelCount: [Int]
  /// Per patient: index of the fixed doctor on the list, or -1.
  public var doctorOf: [Int32]
  /// Per patient: why.
  public var reason: [Reason]
  /// Per patient: visits in the window with the doctor on the list (0 when none).
  public var visitsWithFixedDoctor: [Int32]
  /// Per patient: whether there was a fixed doctor before (any id, even one
  /// no longer at the centre).
  public var hadFixedDoctor: [Bool]

  /// Patients on the list.
  public var assignedCount: Int { panelCount.reduce(0, +) }
}

/// The patients to put on the list, as struct-of-arrays (row i is patient i).
public struct PanelPatients: Sendable, Hashable {
  /// Care-need weight (1.0 = average listed patient). `Float`, as in
  /// `PatientTable`, so that a list fed to the simulation sums to exactly
  /// the loads computed here.
  public var needWeight: [Float] = []
  /// `PriorityGroup.rank`.
  public var priorityGroup: [UInt8] = []
  /// Index into the clinicians of the fixed doctor before, -1 for none, -2
  /// for a relation with someone not in the clinician list (left, or an
  /// unknown id): such a relation is released.
  public var previousDoctor: [Int32] = []
  /// Whether the patient wants a fixed doctor: 1 yes, 0 no, -1 unknown
  /// (decided by the want share).
  public var wants: [Int8] = []

  public init() {}

  /// Number of patients.
  public var count: Int { needWeight.count }

  /// Appends one patient.
  public mutating func append(needWeight w: Float, group: PriorityGroup, previousDoctor d: Int32 = -1, wants: Bool? = nil) {
    needWeight.append(w)
    priorityGroup.append(UInt8(group.rank))
    previousDoctor.append(d)
    self.wants.append(wants.map { $0 ? 1 : 0 } ?? -1)
  }
}

extension PanelAssignment {
  /// The stream of `Xoshiro256(seed:stream:)` the tie-break keys and want
  /// draws come from (the issue number, so it is not shared by accident).
  public static let randomStream: UInt64 = 15

  /// Proposes the list.
  ///
  /// ```swift
  /// let list = PanelAssignment.propose(patients: p, contacts: c, clinicians: centre.clinicians, seed: 1)
  /// list.doctorOf[0]   // index into centre.clinicians, or -1
  /// ```
  ///
  /// - Parameters:
  ///   - patients: the listed patients; `previousDoctor` indexes `clinicians`.
  ///   - contacts: each patient's visits with each clinician in the window
  ///     (`DoctorContacts(patientCount:)` for none).
  ///   - clinicians: the staff after any change (a doctor removed, FTE cut).
  ///   - policy: order, want shares, capacity view and fill limit.
  ///   - seed: the seed of the tie-break keys and want draws.
  /// - Complexity: O(p log p + p log d + v + c), where p is patients, d
  ///   doctors, v patient–doctor pairs with contacts and c clinicians (a
  ///   heap keeps the doctors by room left).
  public static func propose(
    patients: PanelPatients, contacts: DoctorContacts, clinicians: [Clinician], policy: AssignmentPolicy = .standard,
    parameters: CapacityParameters = .standard, seed: UInt64
  ) -> PanelAssignment {
    let n = patients.count
    precondition(contacts.patientCount == n, "contacts and patients differ in size")
    let c = clinicians.count
    let cap = PatientAssignment.capacity(of: clinicians, policy: policy, parameters: parameters)
    var load = [Double](repeating: 0, count: c)
    var panel = [Int](repeating: 0, count: c)
    var doctorOf = [Int32](repeating: -1, count: n)
    var reason = [Reason](repeating: .doesNotWant, count: n)
    // Same tolerance as PatientAssignment, so a list fed to the simulation
    // is kept there whole.
    let eps = 1e-9

    // One key and one draw per patient in row order: the stream's use does
    // not depend on the policy or on who had a doctor.
    var rng = Xoshiro256(seed: seed, stream: [randomStream])
    var tieKey = [UInt64](repeating: 0, count: n)
    var draw = [Double](repeating: 0, count: n)
    for i in 0..<n {
      tieKey[i] = rng.next()
      draw[i] = rng.nextUnit()
    }

    let groups = PriorityGroup.allCases.count
    // Position of each group in the offer order; groups left out come after
    // (for keeping) and are never offered (for new relations).
    var offerPosition = [Int](repeating: Int.max, count: groups)
    for (k, g) in policy.order.enumerated() where offerPosition[g.rank] == Int.max { offerPosition[g.rank] = k }
    var keepPosition = offerPosition
    var next = policy.order.count
    for r in 0..<groups where keepPosition[r] == Int.max { keepPosition[r] = next; next += 1 }

    // Sort key: group position, then need weight descending (the bits of a
    // non-negative Float order like its value), then the random key.
    struct Key { var major: UInt64; var minor: UInt64; var row: Int32 }
    func key(_ i: Int, _ position: [Int]) -> Key {
      let w = max(0, patients.needWeight[i])
      let major = UInt64(min(position[Int(patients.priorityGroup[i])], 0xFFFF)) << 32 | UInt64(~w.bitPattern)
      return Key(major: major, minor: tieKey[i], row: Int32(i))
    }
    func ordered(_ keys: inout [Key]) {
      keys.sort { a, b in a.major != b.major ? a.major < b.major : a.minor != b.minor ? a.minor < b.minor : a.row < b.row }
    }
    func fits(_ d: Int, _ w: Double) -> Bool { cap[d] > 0 && load[d] + w <= cap[d] + eps }

    // 1. Keep.
    var keepers: [Key] = []
    var released = [Bool](repeating: false, count: n)
    for i in 0..<n {
      let d = patients.previousDoctor[i]
      if d == -1 { continue }
      if patients.wants[i] == 0 { continue }  // ends: does not want
      if d >= 0 && Int(d) < c && cap[Int(d)] > 0 { keepers.append(key(i, keepPosition)) } else { released[i] = true }
    }
    ordered(&keepers)
    for k in keepers {
      let i = Int(k.row), d = Int(patients.previousDoctor[i])
      let w = Double(patients.needWeight[i])
      if fits(d, w) {
        load[d] += w
        panel[d] += 1
        doctorOf[i] = Int32(d)
        reason[i] = .kept
      } else {
        released[i] = true
      }
    }

    // 2. Offer.
    var offers: [Key] = []
    for i in 0..<n where doctorOf[i] < 0 {
      let g = Int(patients.priorityGroup[i])
      let wants: Bool
      switch patients.wants[i] {
      case 1: wants = true
      case 0: wants = false
      default: wants = released[i] || draw[i] < policy.wantShare(of: PriorityGroup.allCases[g])
      }
      guard wants else { reason[i] = .doesNotWant; continue }
      guard offerPosition[g] != Int.max else { reason[i] = .notOffered; continue }
      offers.append(key(i, offerPosition))
    }
    ordered(&offers)

    // 3. Choose.
    let holders = (0..<c).filter { cap[$0] > 0 }
    var byRoom = IndexedMaxHeap(keys: (0..<c).map { cap[$0] - load[$0] }, members: holders)
    for k in offers {
      let i = Int(k.row)
      let w = Double(patients.needWeight[i])
      var best = -1
      var why = Reason.noCapacityLeft
      // Contacts are ranked most seen, then most recent: the first with room
      // wins, unless one tied with it on both has more room left.
      let range = contacts.range(of: i)
      var j = range.lowerBound
      while j < range.upperBound {
        let d = Int(contacts.doctor[j])
        if d < c && fits(d, w) {
          best = d
          var t = j + 1
          while t < range.upperBound && contacts.visits[t] == contacts.visits[j] && contacts.lastDay[t] == contacts.lastDay[j] {
            let e = Int(contacts.doctor[t])
            if e < c && fits(e, w) && cap[e] - load[e] > cap[best] - load[best] { best = e }
            t += 1
          }
          why = .mostSeen
          break
        }
        j += 1
      }
      if best < 0, let top = byRoom.top {
        // The doctor with the most room, ties to the lower index, found in
        // O(log d). When it does not fit by a clear margin nobody does; only
        // a borderline case (within rounding of the tolerance) scans all.
        if fits(top, w) {
          best = top
        } else if byRoom.keys[top] > w - 1e-6 {
          var room = -Double.infinity
          for d in holders where fits(d, w) && cap[d] - load[d] > room {
            room = cap[d] - load[d]
            best = d
          }
        }
        if best >= 0 { why = .capacity }
      }
      reason[i] = why
      if best >= 0 {
        load[best] += w
        panel[best] += 1
        doctorOf[i] = Int32(best)
        byRoom.lower(best, to: cap[best] - load[best])
      }
    }

    var withFixed = [Int32](repeating: 0, count: n)
    for i in 0..<n where doctorOf[i] >= 0 { withFixed[i] = Int32(contacts.visits(of: i, with: Int(doctorOf[i]))) }
    return PanelAssignment(
      clinicianIds: clinicians.map(\.id), capacity: cap, load: load, panelCount: panel, doctorOf: doctorOf,
      reason: reason, visitsWithFixedDoctor: withFixed, hadFixedDoctor: patients.previousDoctor.map { $0 != -1 })
  }

  /// Share with a fixed doctor, overall and per priority group.
  public func coverage(of patients: PanelPatients) -> FixedDoctorCoverage {
    FixedDoctorCoverage(priorityGroups: patients.priorityGroup, doctorOf: doctorOf)
  }


  /// How the list changes the relations that existed.
  public struct Changes: Sendable, Hashable {
    /// Relations before (any previous fixed doctor).
    public var before = 0
    /// Kept with the same doctor.
    public var kept = 0
    /// Moved to another doctor.
    public var moved = 0
    /// Ended: had a fixed doctor, has none on the list.
    public var ended = 0
    /// New: had none, has one on the list.
    public var new = 0
    /// Rows of the patients whose relation ended, in row order.
    public var endedRows: [Int] = []
  }

  /// Kept, moved, ended and new relations.
  public var changes: Changes {
    var ch = Changes()
    for i in doctorOf.indices {
      let has = doctorOf[i] >= 0
      if hadFixedDoctor[i] {
        ch.before += 1
        if reason[i] == .kept { ch.kept += 1 } else if has { ch.moved += 1 } else { ch.ended += 1; ch.endedRows.append(i) }
      } else if has {
        ch.new += 1
      }
    }
    return ch
  }
}
