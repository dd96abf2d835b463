/// Aggregate fixed-doctor assignment: how many people in each priority group
/// get a fixed doctor when the centre's doctors together can hold a given
/// need-weighted capacity.
///
/// This is the group-level counterpart of a per-patient assignment: it works
/// on counts of people (which may be fractional, as in expected-value
/// projections), not on named doctors. Capacity is counted in need-weighted
/// patients (a nursing-home resident with weight 2.4 uses 2.4 places), as in
/// `AssignmentPolicy`.
///
/// The fill, for capacity C × `policy.fillLimit`:
/// 1. people who already have a fixed doctor (individual patients with a
///    `fixedDoctorId`) keep one and use capacity first;
/// 2. then each priority group in `policy.order`: of its n_i people in
///    profile i, `wantShare` × n_i want a fixed doctor; if the remaining
///    capacity R covers their weighted demand D = Σ wantShare × n_i × w_i,
///    all of them get one, else each profile in the group gets the same
///    share R / D (no profile within a group goes before another);
/// 3. groups not named in `policy.order` get none.
///
/// Example: capacity 1,000; 100 nursing-home residents of weight 2.0 (all
/// want one: 200 places), then 1,000 others of weight 1.0 of whom 70% want
/// one (700 places, only 800 left... all fit): 100 + 700 = 800 people.
public struct GroupAssignment: Sendable, Hashable {
  /// People in each priority group, indexed by `PriorityGroup.rank`.
  public var population: [Double]
  /// People in each group who want a fixed doctor.
  public var wanting: [Double]
  /// People in each group who get one.
  public var assigned: [Double]
  /// Need-weighted capacity available (after `fillLimit`).
  public var capacity: Double
  /// Need-weighted capacity used.
  public var capacityUsed: Double

  /// People in a group.
  public func population(of g: PriorityGroup) -> Double { population[g.rank] }
  /// People in a group with a fixed doctor.
  public func assigned(of g: PriorityGroup) -> Double { assigned[g.rank] }
  /// Share of a group with a fixed doctor (NaN for an empty group).
  public func share(of g: PriorityGroup) -> Double {
    population[g.rank] > 0 ? assigned[g.rank] / population[g.rank] : .nan
  }
  /// Everyone listed.
  public var totalPopulation: Double { population.reduce(0, +) }
  /// Everyone with a fixed doctor.
  public var totalAssigned: Double { assigned.reduce(0, +) }
  /// Share of all listed people with a fixed doctor (NaN when nobody is listed).
  public var overallShare: Double { totalPopulation > 0 ? totalAssigned / totalPopulation : .nan }
  /// Whether the 2021 agreement's targets hold: at least 55% overall and at
  /// least 80% of nursing-home residents (an empty nursing-home group counts
  /// as met).
  public var meetsTargets: Bool {
    overallShare >= FixedDoctorTargets.population
      && (population(of: .nursingHome) == 0 || share(of: .nursingHome) >= FixedDoctorTargets.nursingHome)
  }
}

extension GroupAssignment {
  /// One entry of the population to assign: a profile, how many people have
  /// it (fractional counts allowed), and whether they already have a fixed
  /// doctor.
  public struct Entry: Sendable, Hashable {
    public var profile: PatientProfile
    public var count: Double
    public var hasFixedDoctor: Bool
    public init(profile: PatientProfile, count: Double, hasFixedDoctor: Bool = false) {
      self.profile = profile
      self.count = count
      self.hasFixedDoctor = hasFixedDoctor
    }
  }

  /// The entries of a listed population: each group, and each individual
  /// patient (with whether a fixed doctor is recorded).
  public static func entries(of population: ListedPopulation) -> [Entry] {
    population.groups.map { Entry(profile: $0.profile, count: Double($0.count)) }
      + population.patients.map { Entry(profile: $0.profile, count: 1, hasFixedDoctor: $0.fixedDoctorId != nil) }
  }

  /// Fills `capacity` need-weighted places over `entries` by `policy`.
  ///
  /// - Parameters:
  ///   - capacity: need-weighted patients the doctors can be fixed doctor
  ///     for (e.g. `CentreCapacity.guidelineCapacity`).
  ///   - weightFactor: multiplies every need weight; below 1 when task
  ///     sharing moves contacts from doctors to the team.
  /// - Complexity: O(g × e), where g is the number of priority groups in the
  ///   order and e the number of entries.
  public init(
    entries: [Entry], capacity: Double, policy: AssignmentPolicy = .standard, weightFactor: Double = 1
  ) {
    let n = PriorityGroup.allCases.count
    var population = [Double](repeating: 0, count: n)
    var wanting = [Double](repeating: 0, count: n)
    var assigned = [Double](repeating: 0, count: n)
    let available = max(0, capacity * policy.fillLimit)
    var remaining = available
    let ranks = entries.map { $0.profile.priorityGroup.rank }
    for (e, r) in zip(entries, ranks) { population[r] += e.count }

    // Existing relations are kept even beyond capacity (a list is not cut
    // because capacity fell); they use capacity first.
    for (e, r) in zip(entries, ranks) where e.hasFixedDoctor {
      assigned[r] += e.count
      wanting[r] += e.count
      remaining -= e.count * e.profile.needWeight * weightFactor
    }
    remaining = max(0, remaining)

    for g in policy.order {
      let r = g.rank
      let want = min(1, max(0, policy.wantShare(of: g)))
      var people = 0.0
      var demand = 0.0
      for (e, er) in zip(entries, ranks) where er == r && !e.hasFixedDoctor {
        people += e.count * want
        demand += e.count * want * e.profile.needWeight * weightFactor
      }
      wanting[r] += people
      guard people > 0 else { continue }
      if demand <= remaining {
        assigned[r] += people
        remaining -= demand
      } else {
        // Same share for every profile in the group.
        assigned[r] += people * (remaining / demand)
        remaining = 0
      }
    }
    self.init(
      population: population, wanting: wanting, assigned: assigned,
      capacity: available, capacityUsed: available - remaining)
  }
}
