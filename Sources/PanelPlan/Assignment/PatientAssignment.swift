/// Who is each listed patient's fixed doctor: an individual-level allocation
/// under capacity, by priority policy (issue 5).
///
/// The rule, in order:
/// 1. Existing relations are kept first, greatest needs first (the policy's
///    group order, random order within a group), as long as the doctor
///    still has room; the rest are released.
/// 2. Patients without a fixed doctor who want one (a random draw with the
///    policy's want share of their group) are offered one, group by group in
///    the policy's order, random order within a group. Groups missing from
///    the order are never offered one.
/// 3. Each goes to the doctor whose panel would be least full relative to
///    capacity, `(load + w) / capacity`, among doctors where it fits
///    (`load + w ≤ capacity`), so panels stay balanced against capacity
///    (Balasubramanian et al. 2010: balancing panels cut waiting and raised
///    continuity). A patient who fits nowhere stays without one.
///
/// Capacity is counted in need-weighted patients (a weight-2.4 resident uses
/// 2.4 places): the guideline or working-time panel of each doctor, per
/// `AssignmentPolicy.capacityView`, with task sharing (× 1 / (1 − share),
/// see `TaskSharing`), times `fillLimit`.
///
/// The group-level fill for staffing projections lives elsewhere
/// (`GroupAssignment`); this one is per patient.
public struct PatientAssignment: Sendable, Hashable {
  /// Ids of the clinicians the indices refer to, in input order (so a later
  /// re-assignment can map relations to a new staff list by id).
  public var clinicianIds: [String]
  /// Need-weighted places each clinician offers (0 for nurses, other
  /// professions and doctors whose view gives no panel).
  public var capacity: [Double]
  /// Need-weighted patients assigned to each clinician.
  public var load: [Double]
  /// Per patient: index into `clinicianIds` of the fixed doctor, or -1.
  public var doctorOf: [Int32]
  /// Existing relations that could not be kept (doctor gone or full).
  public var releasedRelations: Int

  /// Patients with a fixed doctor.
  public var assignedCount: Int { doctorOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
}

extension PatientAssignment {
  /// Need-weighted places per clinician under a policy's capacity view,
  /// times its fill limit.
  public static func capacity(
    of clinicians: [Clinician], policy: AssignmentPolicy, parameters: CapacityParameters = .standard
  ) -> [Double] {
    clinicians.map { c in
      guard c.role.isDoctor else { return 0 }
      let panel: Double
      switch policy.capacityView {
      case .guideline: panel = parameters.guidelinePanel(for: c)
      case .workingTime: panel = parameters.workingTimeBreakdown(for: c).panel
      }
      return max(0, panel * policy.fillLimit)
    }
  }

  /// Assigns fixed doctors to a population, keeping the relations recorded
  /// in `patients.fixedDoctor`.
  ///
  /// - Parameters:
  ///   - patients: the expanded population; `fixedDoctor` indexes `clinicians`.
  ///   - clinicians: the centre's staff; only doctors with capacity hold panels.
  ///   - rng: draws who wants a fixed doctor and the order within groups.
  /// - Complexity: O(p · d), where p is the number of patients and d the
  ///   number of doctors.
  public static func assign(
    patients: PatientTable, clinicians: [Clinician], policy: AssignmentPolicy = .standard,
    parameters: CapacityParameters = .standard, using rng: inout Xoshiro256
  ) -> PatientAssignment {
    fill(
      existing: patients.fixedDoctor, patients: patients, clinicians: clinicians,
      policy: policy, parameters: parameters, using: &rng)
  }

  /// Re-assigns after the staff changed (a doctor left, reduced FTE, or new
  /// doctors came): relations with doctors still present (matched by id)
  /// are kept while there is room, by the same policy; the released
  /// patients and those without one are offered a doctor again.
  ///
  /// - Parameter clinicians: the new staff list.
  public func reassigned(
    patients: PatientTable, to clinicians: [Clinician], policy: AssignmentPolicy = .standard,
    parameters: CapacityParameters = .standard, using rng: inout Xoshiro256
  ) -> PatientAssignment {
    precondition(doctorOf.count == patients.count, "assignment and patient table differ in size")
    var newIndex: [String: Int32] = [:]
    for (i, c) in clinicians.enumerated() where newIndex[c.id] == nil { newIndex[c.id] = Int32(i) }
    let map = clinicianIds.map { newIndex[$0] ?? -1 }
    // -2 marks a relation whose doctor is gone: released, offered again.
    let existing = doctorOf.map { $0 >= 0 ? (map[Int($0)] >= 0 ? map[Int($0)] : -2) : -1 }
    return Self.fill(
      existing: existing, patients: patients, clinicians: clinicians,
      policy: policy, parameters: parameters, using: &rng)
  }

  static func fill(
    existing: [Int32], patients: PatientTable, clinicians: [Clinician], policy: AssignmentPolicy,
    parameters: CapacityParameters, using rng: inout Xoshiro256
  ) -> PatientAssignment {
    let n = patients.count
    let cap = capacity(of: clinicians, policy: policy, parameters: parameters)
    var load = [Double](repeating: 0, count: clinicians.count)
    var doctorOf = [Int32](repeating: -1, count: n)
    let groupCount = PriorityGroup.allCases.count
    let wantShare = PriorityGroup.allCases.map { policy.wantShare(of: $0) }

    // Rows by group: existing relations, and those who want one. One draw
    // per patient in row order keeps the stream use independent of policy.
    var existingRows = [[Int32]](repeating: [], count: groupCount)
    var wantingRows = [[Int32]](repeating: [], count: groupCount)
    var releasedRows = [[Int32]](repeating: [], count: groupCount)
    for i in 0..<n {
      let g = Int(patients.priorityGroup[i])
      let wants = rng.nextUnit() < wantShare[g]
      if existing[i] >= 0 {
        existingRows[g].append(Int32(i))
      } else if existing[i] == -2 {
        releasedRows[g].append(Int32(i))
      } else if wants {
        wantingRows[g].append(Int32(i))
      }
    }
    // Policy order, then any group it leaves out (existing relations there
    // are still kept if room is left; new ones are not offered).
    let ranks = policy.order.map(\.rank)
    var keepOrder = ranks
    for r in 0..<groupCount where !keepOrder.contains(r) { keepOrder.append(r) }
    var seenRank = Set<Int>()

    for r in keepOrder where seenRank.insert(r).inserted {
      shuffle(&existingRows[r], using: &rng)
      for row in existingRows[r] {
        let i = Int(row), d = Int(existing[i])
        let w = Double(patients.needWeight[i])
        if d < clinicians.count, cap[d] > 0, load[d] + w <= cap[d] + 1e-9 {
          load[d] += w
          doctorOf[i] = Int32(d)
        } else {
          releasedRows[r].append(row)
        }
      }
    }
    // Released patients re-enter the offer in their own group, after those
    // who had none: keeping order stable for those already waiting.
    let holders = cap.indices.filter { cap[$0] > 0 }
    seenRank.removeAll()
    for r in ranks where seenRank.insert(r).inserted {
      shuffle(&wantingRows[r], using: &rng)
      for row in wantingRows[r] + releasedRows[r] {
        let i = Int(row)
        let w = Double(patients.needWeight[i])
        var best = -1
        var bestFill = Double.infinity
        for d in holders where load[d] + w <= cap[d] + 1e-9 {
          let fill = (load[d] + w) / cap[d]
          if fill < bestFill { bestFill = fill; best = d }
        }
        if best >= 0 {
          load[best] += w
          doctorOf[i] = Int32(best)
        }
      }
    }
    return PatientAssignment(
      clinicianIds: clinicians.map(\.id), capacity: cap, load: load, doctorOf: doctorOf,
      releasedRelations: releasedRows.reduce(0) { $0 + $1.count })
  }

  /// Fisher–Yates with the package's generator, so the order depends on the
  /// seed alone.
  static func shuffle(_ a: inout [Int32], using rng: inout Xoshiro256) {
    var i = a.count
    while i > 1 {
      let j = rng.nextIndex(i)
      i -= 1
      a.swapAt(i, j)
    }
  }

  /// Share with a fixed doctor, overall and per priority group.
  public func coverage(of patients: PatientTable) -> FixedDoctorCoverage {
    FixedDoctorCoverage(priorityGroups: patients.priorityGroup, doctorOf: doctorOf)
  }

}
