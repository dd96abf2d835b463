/// How many listed people have a fixed doctor, overall and per priority
/// group, against the 2021 agreement's targets (`FixedDoctorTargets`: 55%
/// of the population, 80% of nursing-home residents).
public struct FixedDoctorCoverage: Sendable, Hashable, Codable {
  /// Listed people per group, indexed by `PriorityGroup.rank`.
  public var listed = [Int](repeating: 0, count: PriorityGroup.allCases.count)
  /// Of them, people with a fixed doctor.
  public var assigned = [Int](repeating: 0, count: PriorityGroup.allCases.count)

  public init() {}

  /// Counts each patient's priority group (`PriorityGroup.rank`) and whether
  /// it has a doctor (`doctorOf[i] >= 0`).
  public init(priorityGroups: [UInt8], doctorOf: [Int32]) {
    for (g, d) in zip(priorityGroups, doctorOf) {
      listed[Int(g)] += 1
      if d >= 0 { assigned[Int(g)] += 1 }
    }
  }

  /// Share of everyone listed with a fixed doctor (0 when nobody is listed).
  public var share: Double {
    let l = listed.reduce(0, +)
    return l > 0 ? Double(assigned.reduce(0, +)) / Double(l) : 0
  }

  /// Share of one group with a fixed doctor; nil when the group is empty.
  public func share(of g: PriorityGroup) -> Double? {
    listed[g.rank] > 0 ? Double(assigned[g.rank]) / Double(listed[g.rank]) : nil
  }

  /// Whether at least 55% of the population has a fixed doctor.
  public var meetsPopulationTarget: Bool { share >= FixedDoctorTargets.population }

  /// Whether at least 80% of nursing-home residents have one (true when
  /// the centre lists none).
  public var meetsNursingHomeTarget: Bool { (share(of: .nursingHome) ?? 1) >= FixedDoctorTargets.nursingHome }

  /// Adds another centre's counts.
  public mutating func add(_ o: FixedDoctorCoverage) {
    for g in listed.indices {
      listed[g] += o.listed[g]
      assigned[g] += o.assigned[g]
    }
  }
}
