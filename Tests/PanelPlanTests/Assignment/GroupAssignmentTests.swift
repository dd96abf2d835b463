import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Hand-worked fills of the aggregate assignment. Tolerance 1e-9 (sums of
/// a few products of exact decimals).
@Suite struct GroupAssignmentTests {
  let tol = 1e-9

  func profile(_ band: AgeBand, weight: Double, nursingHome: Bool = false, conditions: Int = 0) -> PatientProfile {
    PatientProfile(ageBand: band, needWeight: weight, nursingHome: nursingHome, longTermConditions: conditions)
  }

  @Test func everyoneWhoWantsOneFitsWhenCapacityIsAmple() {
    // 100 nursing-home residents (weight 2, all want one: 200 places) and
    // 1,000 others (weight 1, 70% want one: 700 places). Capacity 1,000
    // covers 900 places: 100 + 700 = 800 people, 80/1,100 overall... 800/1,100.
    let entries = [
      GroupAssignment.Entry(profile: profile(.age80plus, weight: 2, nursingHome: true), count: 100),
      GroupAssignment.Entry(profile: profile(.age30to44, weight: 1), count: 1_000),
    ]
    let a = GroupAssignment(entries: entries, capacity: 1_000)
    #expect(abs(a.assigned(of: .nursingHome) - 100) < tol)
    #expect(abs(a.assigned(of: .others) - 700) < tol)
    #expect(abs(a.capacityUsed - 900) < tol)
    #expect(abs(a.overallShare - 800.0 / 1_100) < tol)
    #expect(a.meetsTargets)
  }

  @Test func scarceCapacityGoesByPriorityThenSharedWithinAGroup() {
    // Capacity 500. Nursing home: 100 × weight 2 = 200 places → all 100.
    // Several conditions: two profiles, 200 × w 1.5 and 100 × w 3, 70% want:
    // 140 × 1.5 + 70 × 3 = 210 + 210 = 420 places, 300 left → share 300/420
    // = 5/7 of each: 100 and 50 people. Others get nothing.
    let entries = [
      GroupAssignment.Entry(profile: profile(.age30to44, weight: 1), count: 1_000),
      GroupAssignment.Entry(profile: profile(.age45to64, weight: 1.5, conditions: 2), count: 200),
      GroupAssignment.Entry(profile: profile(.age80plus, weight: 2, nursingHome: true), count: 100),
      GroupAssignment.Entry(profile: profile(.age65to74, weight: 3, conditions: 3), count: 100),
    ]
    let a = GroupAssignment(entries: entries, capacity: 500)
    #expect(abs(a.assigned(of: .nursingHome) - 100) < tol)
    #expect(abs(a.assigned(of: .severalConditions) - 150) < tol)
    #expect(abs(a.share(of: .severalConditions) - 0.5) < tol)
    #expect(a.assigned(of: .others) == 0)
    #expect(abs(a.capacityUsed - 500) < tol)
    #expect(abs(a.overallShare - 250.0 / 1_400) < tol)
    #expect(!a.meetsTargets)
  }

  @Test func taskSharingStretchesCapacityAndFillLimitShrinksIt() {
    // 1,000 others of weight 1, 70% want one (700 places). Capacity 400:
    // 400 people. With task sharing 0.2 each needs 0.8 place: 500 people.
    // With fillLimit 0.5: 200 places, 200 people.
    let e = [GroupAssignment.Entry(profile: profile(.age30to44, weight: 1), count: 1_000)]
    #expect(abs(GroupAssignment(entries: e, capacity: 400).totalAssigned - 400) < tol)
    #expect(abs(GroupAssignment(entries: e, capacity: 400, weightFactor: 0.8).totalAssigned - 500) < tol)
    var policy = AssignmentPolicy.standard
    policy.fillLimit = 0.5
    #expect(abs(GroupAssignment(entries: e, capacity: 400, policy: policy).totalAssigned - 200) < tol)
  }

  @Test func existingRelationsAreKeptFirstAndGroupsLeftOutOfTheOrderGetNone() {
    // 10 patients already with a fixed doctor (weight 1) use 10 places of 50;
    // the policy offers only nursing-home residents: 20 × w 1 want one, all fit.
    // Others (100, none in the order) get nothing beyond the kept 10.
    let entries = [
      GroupAssignment.Entry(profile: profile(.age30to44, weight: 1), count: 10, hasFixedDoctor: true),
      GroupAssignment.Entry(profile: profile(.age30to44, weight: 1), count: 100),
      GroupAssignment.Entry(profile: profile(.age80plus, weight: 1, nursingHome: true), count: 20),
    ]
    let policy = AssignmentPolicy(order: [.nursingHome])
    let a = GroupAssignment(entries: entries, capacity: 50, policy: policy)
    #expect(abs(a.assigned(of: .others) - 10) < tol)
    #expect(abs(a.assigned(of: .nursingHome) - 20) < tol)
    #expect(abs(a.capacityUsed - 30) < tol)
  }

  @Test func neverAssignsMoreThanWantOrCapacityOnRandomCases() {
    var rng = Xoshiro256(seed: 7)
    for _ in 0..<300 {
      var entries: [GroupAssignment.Entry] = []
      for _ in 0..<(1 + rng.nextIndex(8)) {
        let band = AgeBand.allCases[rng.nextIndex(AgeBand.allCases.count)]
        let p = PatientProfile(
          ageBand: band, needWeight: 0.2 + 3 * rng.nextUnit(), nursingHome: rng.nextUnit() < 0.2,
          homeHealthCare: rng.nextUnit() < 0.2, longTermConditions: rng.nextIndex(4))
        entries.append(.init(profile: p, count: Double(rng.nextIndex(500))))
      }
      let capacity = 1_000 * rng.nextUnit()
      let a = GroupAssignment(entries: entries, capacity: capacity)
      #expect(a.capacityUsed <= capacity + 1e-6)
      for g in PriorityGroup.allCases {
        #expect(a.assigned(of: g) <= a.wanting[g.rank] + 1e-9)
        #expect(a.wanting[g.rank] <= a.population(of: g) + 1e-9)
      }
      // Priority: a group gets someone only if every earlier group got all who want one.
      for (i, g) in PriorityGroup.allCases.enumerated() where a.assigned(of: g) > 1e-9 {
        for earlier in PriorityGroup.allCases[..<i] {
          #expect(abs(a.assigned(of: earlier) - a.wanting[earlier.rank]) < 1e-6)
        }
      }
    }
  }
}
