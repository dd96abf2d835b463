import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Hand-worked centres for `PanelAssignment`, and properties over random ones.
@Suite struct PanelAssignmentTests {
  typealias Reason = PanelAssignment.Reason

  /// Guideline parameters where a full-time specialist holds `panel`
  /// need-weighted patients, so capacities are small whole numbers.
  static func parameters(panel: Double) -> CapacityParameters {
    var g = GuidelineParameters()
    g.specialistPanel = panel
    return CapacityParameters(guideline: g)
  }

  /// Specialists with capacities `fte[k] × panel` (FTE scales the guideline panel).
  static func doctors(_ ftes: [Double]) -> [Clinician] {
    ftes.enumerated().map { Clinician(id: "d\($0.offset)", role: .gpSpecialist, fte: $0.element) }
  }

  struct P {
    var w: Float
    var g: PriorityGroup
    var prev: Int32 = -1
    var wants: Bool? = true
  }

  static func patients(_ ps: [P]) -> PanelPatients {
    var out = PanelPatients()
    for p in ps { out.append(needWeight: p.w, group: p.g, previousDoctor: p.prev, wants: p.wants) }
    return out
  }

  static func propose(
    _ ps: [P], doctors: [Clinician], panel: Double, contacts: DoctorContacts? = nil, policy: AssignmentPolicy = .standard, seed: UInt64 = 1
  ) -> PanelAssignment {
    PanelAssignment.propose(
      patients: patients(ps), contacts: contacts ?? DoctorContacts(patientCount: ps.count), clinicians: doctors,
      policy: policy, parameters: parameters(panel: panel), seed: seed)
  }

  /// One doctor with 5 places. Offered in group order: nursing home (2 → 2),
  /// several conditions (1 → 3), aged 75+ (1.5 → 4.5); then the others
  /// (1 each) no longer fit (5.5 > 5).
  @Test func priorityGroupsComeInOrderUpToCapacity() {
    let ps = [
      P(w: 1, g: .others), P(w: 1, g: .others), P(w: 1.5, g: .aged75plus),
      P(w: 2, g: .nursingHome), P(w: 1, g: .others), P(w: 1, g: .severalConditions),
    ]
    let a = Self.propose(ps, doctors: Self.doctors([1]), panel: 5)
    #expect(a.doctorOf == [-1, -1, 0, 0, -1, 0])
    #expect(a.reason == [.noCapacityLeft, .noCapacityLeft, .capacity, .capacity, .noCapacityLeft, .capacity])
    #expect(abs(a.load[0] - 4.5) < 1e-9)
    #expect(a.panelCount == [3])
  }

  /// Within a group, highest need weight first, and a patient who does not
  /// fit is skipped for the next: capacity 1.25, weights 0.5, 1.0, 0.25 →
  /// 1.0 (load 1.0), 0.5 does not fit (1.5), 0.25 fits (1.25). Weights are
  /// binary fractions so the sums are exact.
  @Test func highestNeedFirstWithinAGroup() {
    let ps = [P(w: 0.5, g: .others), P(w: 1.0, g: .others), P(w: 0.25, g: .others)]
    let a = Self.propose(ps, doctors: Self.doctors([1]), panel: 1.25)
    #expect(a.doctorOf == [-1, 0, 0])
    #expect(a.load[0] == 1.25)
  }

  /// A doctor cut to 3 places (FTE 0.3 × 10) holds five relations of weight
  /// 1: priority keeps nursing home, 75+ and one condition; the two others
  /// are released and move to the other doctor (10 places, no contacts:
  /// "capacity").
  @Test func priorityDecidesWhoStaysWhenADoctorIsOverCapacity() {
    let ps = [
      P(w: 1, g: .others, prev: 0, wants: nil), P(w: 1, g: .oneCondition, prev: 0, wants: nil),
      P(w: 1, g: .others, prev: 0, wants: nil), P(w: 1, g: .nursingHome, prev: 0, wants: nil),
      P(w: 1, g: .aged75plus, prev: 0, wants: nil),
    ]
    let a = Self.propose(ps, doctors: Self.doctors([0.3, 1]), panel: 10)
    #expect(a.doctorOf == [1, 0, 1, 0, 0])
    #expect(a.reason == [.capacity, .kept, .capacity, .kept, .kept])
    let ch = a.changes
    #expect(ch.before == 5 && ch.kept == 3 && ch.moved == 2 && ch.ended == 0 && ch.new == 0)
  }

  /// Kept relations go before anyone new, even nursing-home residents:
  /// a doctor with 2 places keeps an "others" patient (weight 2) and has no
  /// room for a new nursing-home resident.
  @Test func keptRelationsComeBeforeNewOnes() {
    let ps = [P(w: 1, g: .nursingHome), P(w: 2, g: .others, prev: 0, wants: nil)]
    let a = Self.propose(ps, doctors: Self.doctors([1]), panel: 2)
    #expect(a.doctorOf == [-1, 0])
    #expect(a.reason == [.noCapacityLeft, .kept])
  }

  /// Doctors d0 (10 places), d1 (20), d2 (1, full with a kept patient).
  /// - x saw d1 twice and d0 three times: d0 (most seen).
  /// - y saw d0 once on day 10 and d1 once on day 20: d1 (most recent).
  /// - z saw only d2, which is full: the most room left, d1 (20 − 1 = 19
  ///   against d0's 10 − 1 = 9).
  /// - u saw d0 and d1 once each on day 5: a tie on both, so the larger
  ///   room left: d1 (19 − 1 = 18 against 9).
  @Test func mostSeenThenMostRecentThenMostRoom() {
    let ps = [
      P(w: 1, g: .others, prev: 2, wants: nil),  // keeps d2
      P(w: 1, g: .others), P(w: 1, g: .others), P(w: 1, g: .others), P(w: 1, g: .others),
    ]
    let pairs = [
      DoctorContacts.Pair(patient: 1, doctor: 1, visits: 2, lastDay: 50), DoctorContacts.Pair(patient: 1, doctor: 0, visits: 3, lastDay: 40),
      DoctorContacts.Pair(patient: 2, doctor: 0, visits: 1, lastDay: 10), DoctorContacts.Pair(patient: 2, doctor: 1, visits: 1, lastDay: 20),
      DoctorContacts.Pair(patient: 3, doctor: 2, visits: 5, lastDay: 30),
      DoctorContacts.Pair(patient: 4, doctor: 0, visits: 1, lastDay: 5), DoctorContacts.Pair(patient: 4, doctor: 1, visits: 1, lastDay: 5),
    ]
    let contacts = DoctorContacts(patientCount: 5, pairs: pairs)
    // The order among x, y, z, u (same group, same weight) is the seed's;
    // the expected doctors hold for every order because no one fills a doctor.
    for seed in 0..<20 as Range<UInt64> {
      let a = Self.propose(ps, doctors: Self.doctors([1, 2, 0.1]), panel: 10, contacts: contacts, seed: seed)
      #expect(a.doctorOf == [2, 0, 1, 1, 1])
      #expect(a.reason == [.kept, .mostSeen, .mostSeen, .capacity, .mostSeen])
      #expect(a.visitsWithFixedDoctor == [0, 3, 1, 0, 1])
    }
  }

  /// With no contacts, each goes to the doctor with the most room left:
  /// d0 has 5, d1 has 8 with a kept weight-4 patient (4 left), so the new
  /// patient goes to d0.
  @Test func noContactsGoToTheLargestRemainingCapacity() {
    let ps = [P(w: 4, g: .others, prev: 1, wants: nil), P(w: 1, g: .others)]
    let a = Self.propose(ps, doctors: Self.doctors([0.5, 0.8]), panel: 10)
    #expect(a.doctorOf == [1, 0])
  }

  /// `wants` overrides: false ends a relation ("does not want"), true gets
  /// one even where the want share is 0; unknown draws with the share (0
  /// here), except for a released relation, which wants one.
  @Test func wantsOverrideAndWantShares() {
    let none = AssignmentPolicy(wantShare: Dictionary(uniqueKeysWithValues: PriorityGroup.allCases.map { ($0, 0.0) }))
    let ps = [
      P(w: 1, g: .others, prev: 0, wants: false), P(w: 1, g: .others, wants: true), P(w: 1, g: .others, wants: nil),
      P(w: 1, g: .others, prev: -2, wants: nil),
    ]
    let a = Self.propose(ps, doctors: Self.doctors([1]), panel: 10, policy: none)
    #expect(a.doctorOf == [-1, 0, -1, 0])
    #expect(a.reason == [.doesNotWant, .capacity, .doesNotWant, .capacity])
    let ch = a.changes
    #expect(ch.before == 2 && ch.ended == 1 && ch.moved == 1 && ch.new == 1 && ch.endedRows == [0])
  }

  /// A group left out of the policy's order is not offered a doctor, but
  /// its existing relations are kept.
  @Test func groupsOutsideTheOrderAreNotOffered() {
    let policy = AssignmentPolicy(order: [.nursingHome])
    let ps = [P(w: 1, g: .others), P(w: 1, g: .others, prev: 0, wants: nil), P(w: 1, g: .nursingHome)]
    let a = Self.propose(ps, doctors: Self.doctors([1]), panel: 10, policy: policy)
    #expect(a.reason == [.notOffered, .kept, .capacity])
  }

  /// The stream of random numbers only breaks ties: with all weights and
  /// groups distinct the list is the same for every seed.
  @Test func seedOnlyBreaksTies() {
    let ps = (0..<30).map { P(w: Float(1 + $0) / 10, g: PriorityGroup.allCases[$0 % 6]) }
    let first = Self.propose(ps, doctors: Self.doctors([1, 0.5]), panel: 20, seed: 1)
    for seed in 2..<10 as Range<UInt64> {
      #expect(Self.propose(ps, doctors: Self.doctors([1, 0.5]), panel: 20, seed: seed) == first)
    }
  }

  // MARK: - Random centres

  struct Centre {
    var patients: PanelPatients
    var contacts: DoctorContacts
    var doctors: [Clinician]
  }

  static func randomCentre(seed: UInt64) -> Centre {
    var rng = Xoshiro256(seed: seed)
    let d = 1 + rng.nextIndex(6)
    let n = 1 + rng.nextIndex(400)
    let doctors = (0..<d).map { k in
      Clinician(id: "d\(k)", role: rng.nextIndex(5) == 0 ? .nurse : .gpSpecialist, fte: Double(rng.nextIndex(11)) / 10)
    }
    var p = PanelPatients()
    var pairs: [DoctorContacts.Pair] = []
    for i in 0..<n {
      let w = Float(rng.nextIndex(40) + 1) / 10
      let prev: Int32 = rng.nextIndex(3) == 0 ? Int32(rng.nextIndex(d + 1)) - 1 : -1  // -1 … d-1
      let wants: Bool? = [nil, nil, true, false][rng.nextIndex(4)]
      p.append(needWeight: w, group: PriorityGroup.allCases[rng.nextIndex(6)], previousDoctor: rng.nextIndex(20) == 0 ? -2 : prev, wants: wants)
      for k in 0..<d where rng.nextIndex(3) == 0 {
        pairs.append(.init(patient: Int32(i), doctor: Int32(k), visits: Int32(1 + rng.nextIndex(5)), lastDay: Int32(rng.nextIndex(365))))
      }
    }
    return Centre(patients: p, contacts: DoctorContacts(patientCount: n, pairs: pairs), doctors: doctors)
  }

  /// Over random centres: no panel above capacity × fill limit, loads and
  /// counts add up (one doctor per patient), a relation is dropped only when
  /// its doctor has no room, nobody is left without while some doctor has
  /// room for them, and the same seed gives the same list.
  @Test func propertiesOverRandomCentres() {
    for seed in 0..<300 as Range<UInt64> {
      let c = Self.randomCentre(seed: seed)
      let policy = AssignmentPolicy(fillLimit: [1.0, 0.8, 1.2][Int(seed % 3)])
      let params = Self.parameters(panel: 60)
      let a = PanelAssignment.propose(patients: c.patients, contacts: c.contacts, clinicians: c.doctors, policy: policy, parameters: params, seed: seed)
      let n = c.patients.count
      #expect(a.doctorOf.count == n)
      var load = [Double](repeating: 0, count: c.doctors.count)
      var count = [Int](repeating: 0, count: c.doctors.count)
      for i in 0..<n where a.doctorOf[i] >= 0 {
        load[Int(a.doctorOf[i])] += Double(c.patients.needWeight[i])
        count[Int(a.doctorOf[i])] += 1
      }
      #expect(count == a.panelCount)
      for d in c.doctors.indices {
        let expectedCap = c.doctors[d].role.isDoctor ? 60 * c.doctors[d].fte * policy.fillLimit : 0
        #expect(abs(a.capacity[d] - expectedCap) < 1e-9)
        #expect(abs(load[d] - a.load[d]) < 1e-6)
        #expect(a.load[d] <= a.capacity[d] + 1e-9, "seed \(seed): doctor \(d) holds \(a.load[d]) of \(a.capacity[d])")
      }
      for i in 0..<n {
        let w = Double(c.patients.needWeight[i])
        let prev = Int(c.patients.previousDoctor[i])
        if prev >= 0 && c.patients.wants[i] != 0 && a.reason[i] != .kept {
          // Released only when the doctor had no room (loads only grow).
          #expect(a.load[prev] + w > a.capacity[prev] + 1e-9 || a.capacity[prev] == 0, "seed \(seed): relation \(i) dropped with room")
        }
        if a.reason[i] == .kept { #expect(Int(a.doctorOf[i]) == prev) }
        if a.reason[i] == .noCapacityLeft {
          for d in c.doctors.indices where a.capacity[d] > 0 { #expect(a.load[d] + w > a.capacity[d] + 1e-9) }
        }
        #expect((a.doctorOf[i] >= 0) == [.kept, .mostSeen, .capacity].contains(a.reason[i]))
        if c.patients.wants[i] == 0 { #expect(a.doctorOf[i] < 0) }
      }
      let again = PanelAssignment.propose(patients: c.patients, contacts: c.contacts, clinicians: c.doctors, policy: policy, parameters: params, seed: seed)
      #expect(again == a)
    }
  }

  /// The rule written plainly (sorting with a closure, linear scans over
  /// doctors), for comparison with the optimised `propose`.
  static func reference(_ c: Centre, policy: AssignmentPolicy, parameters: CapacityParameters, seed: UInt64) -> [Int32] {
    let p = c.patients, n = p.count
    let cap = PatientAssignment.capacity(of: c.doctors, policy: policy, parameters: parameters)
    var load = [Double](repeating: 0, count: c.doctors.count)
    var rng = Xoshiro256(seed: seed, stream: [PanelAssignment.randomStream])
    var key = [UInt64](), draw = [Double]()
    for _ in 0..<n { key.append(rng.next()); draw.append(rng.nextUnit()) }
    let groups = PriorityGroup.allCases
    let keepOrder = policy.order + groups.filter { !policy.order.contains($0) }
    func before(_ order: [PriorityGroup]) -> (Int, Int) -> Bool {
      { a, b in
        let ga = order.firstIndex(of: groups[Int(p.priorityGroup[a])])!, gb = order.firstIndex(of: groups[Int(p.priorityGroup[b])])!
        if ga != gb { return ga < gb }
        if p.needWeight[a] != p.needWeight[b] { return p.needWeight[a] > p.needWeight[b] }
        return key[a] != key[b] ? key[a] < key[b] : a < b
      }
    }
    func fits(_ d: Int, _ w: Double) -> Bool { cap[d] > 0 && load[d] + w <= cap[d] + 1e-9 }
    var doctorOf = [Int32](repeating: -1, count: n)
    var released = [Bool](repeating: false, count: n)
    let keepers = (0..<n).filter { p.previousDoctor[$0] != -1 && p.wants[$0] != 0 }
    for i in keepers.sorted(by: before(keepOrder)) {
      let d = Int(p.previousDoctor[i]), w = Double(p.needWeight[i])
      if d >= 0 && fits(d, w) { load[d] += w; doctorOf[i] = Int32(d) } else { released[i] = true }
    }
    let wanting = (0..<n).filter { i in
      guard doctorOf[i] < 0, policy.order.contains(groups[Int(p.priorityGroup[i])]) else { return false }
      return p.wants[i] == 1 || (p.wants[i] == -1 && (released[i] || draw[i] < policy.wantShare(of: groups[Int(p.priorityGroup[i])])))
    }
    // Max by room left, ties to the lower index.
    func lessRoom(_ a: Int, _ b: Int) -> Bool {
      let ra: Double = cap[a] - load[a], rb: Double = cap[b] - load[b]
      return ra != rb ? ra < rb : a > b
    }
    for i in wanting.sorted(by: before(policy.order)) {
      let w = Double(p.needWeight[i])
      let seen: [Int] = c.contacts.range(of: i).filter { fits(Int(c.contacts.doctor[$0]), w) }
      var best = -1
      if let first = seen.first {
        // Most visits, then latest, then most room, then lower index.
        let tied: [Int] = seen.filter { (j: Int) -> Bool in
          c.contacts.visits[j] == c.contacts.visits[first] && c.contacts.lastDay[j] == c.contacts.lastDay[first]
        }
        best = tied.map { Int(c.contacts.doctor[$0]) }.max(by: lessRoom)!
      } else {
        best = c.doctors.indices.filter { fits($0, w) }.max(by: lessRoom) ?? -1
      }
      if best >= 0 { load[best] += w; doctorOf[i] = Int32(best) }
    }
    return doctorOf
  }

  /// The optimised list equals the plain rule on random centres (a heap for
  /// the most room left, integer sort keys, ranked contacts).
  @Test func matchesThePlainRule() {
    for seed in 0..<300 as Range<UInt64> {
      let c = Self.randomCentre(seed: seed)
      let policy = seed % 4 == 3 ? AssignmentPolicy(order: [.others, .nursingHome, .aged75plus]) : AssignmentPolicy()
      let params = Self.parameters(panel: 60)
      let a = PanelAssignment.propose(patients: c.patients, contacts: c.contacts, clinicians: c.doctors, policy: policy, parameters: params, seed: seed)
      #expect(a.doctorOf == Self.reference(c, policy: policy, parameters: params, seed: seed), "seed \(seed)")
    }
  }

  /// A doctor leaving moves only that doctor's patients: take a list as the
  /// relations before, remove one doctor, and every other relation stays
  /// (capacities of the others are unchanged, so each still fits).
  @Test func aDoctorLeavingMovesOnlyThatDoctorsPatients() {
    for seed in 0..<100 as Range<UInt64> {
      let c = Self.randomCentre(seed: seed)
      let params = Self.parameters(panel: 60)
      let before = PanelAssignment.propose(patients: c.patients, contacts: c.contacts, clinicians: c.doctors, parameters: params, seed: seed)
      guard c.doctors.count > 1 else { continue }
      let gone = Int(seed) % c.doctors.count
      let staff = c.doctors.enumerated().filter { $0.offset != gone }.map(\.element)
      var p = c.patients
      for i in 0..<p.count {
        let d = Int(before.doctorOf[i])
        p.previousDoctor[i] = d < 0 ? -1 : d == gone ? -2 : Int32(d > gone ? d - 1 : d)
        if d >= 0 { p.wants[i] = 1 }
      }
      // Contacts re-indexed to the new staff; the gone doctor's are dropped.
      var pairs: [DoctorContacts.Pair] = []
      for i in 0..<p.count {
        for j in c.contacts.range(of: i) where Int(c.contacts.doctor[j]) != gone {
          let d = Int(c.contacts.doctor[j])
          pairs.append(.init(patient: Int32(i), doctor: Int32(d > gone ? d - 1 : d), visits: c.contacts.visits[j], lastDay: c.contacts.lastDay[j]))
        }
      }
      let after = PanelAssignment.propose(
        patients: p, contacts: DoctorContacts(patientCount: p.count, pairs: pairs), clinicians: staff, parameters: params, seed: seed)
      for i in 0..<p.count where before.doctorOf[i] >= 0 && Int(before.doctorOf[i]) != gone {
        #expect(after.reason[i] == .kept && staff[Int(after.doctorOf[i])].id == c.doctors[Int(before.doctorOf[i])].id,
                "seed \(seed): patient \(i) moved though the doctor stayed")
      }
      #expect(after.changes.moved + after.changes.ended == before.panelCount[gone])
    }
  }
}
