import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct PatientAssignmentTests {
  static func table(_ groups: [PatientGroup], patients: [Patient] = [], clinicians: [Clinician]) -> PatientTable {
    PatientTable(population: ListedPopulation(groups: groups, patients: patients), clinicians: clinicians)
  }

  static let everyoneWants = AssignmentPolicy(wantShare: Dictionary(uniqueKeysWithValues: PriorityGroup.allCases.map { ($0, 1.0) }))

  /// Two full-time specialists (1,100 each) and 3,000 patients of weight 1
  /// who all want one: exactly 2,200 places, filled in priority order.
  @Test func fillsByPriorityUpToCapacity() {
    let docs = [Clinician(id: "a", role: .gpSpecialist, fte: 1), Clinician(id: "b", role: .gpSpecialist, fte: 1)]
    let groups = [
      PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: 2_000),  // others
      PatientGroup(profile: PatientProfile(ageBand: .age80plus, needWeight: 1, nursingHome: true), count: 500),
      PatientGroup(profile: PatientProfile(ageBand: .age45to64, needWeight: 1, longTermConditions: 1), count: 500),
    ]
    let t = Self.table(groups, clinicians: docs)
    var rng = Xoshiro256(seed: 1)
    let a = PatientAssignment.assign(patients: t, clinicians: docs, policy: Self.everyoneWants, using: &rng)
    #expect(a.assignedCount == 2_200)
    let c = a.coverage(of: t)
    #expect(c.share(of: .nursingHome) == 1)
    #expect(c.share(of: .oneCondition) == 1)
    #expect(c.assigned[PriorityGroup.others.rank] == 1_200)
    for d in 0..<2 { #expect(a.load[d] <= a.capacity[d] + 1e-9) }
    #expect(c.meetsNursingHomeTarget)
    #expect(c.meetsPopulationTarget)  // 2,200 / 3,000 = 73% ≥ 55%
  }

  /// Panels are balanced against capacity: a full-time specialist (1,100)
  /// and a trainee past mid-training (550) share 900 patients in
  /// proportion to capacity, 600 and 300, each within one patient.
  @Test func balancesPanelsAgainstCapacity() {
    let docs = [
      Clinician(id: "gp", role: .gpSpecialist, fte: 1),
      Clinician(id: "st", role: .gpTrainee, fte: 1, trainingProgress: 0.7),
      Clinician(id: "rn", role: .nurse, fte: 1),
    ]
    let t = Self.table([PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: 900)], clinicians: docs)
    var rng = Xoshiro256(seed: 2)
    let a = PatientAssignment.assign(patients: t, clinicians: docs, policy: Self.everyoneWants, using: &rng)
    #expect(abs(a.load[0] - 600) <= 1)
    #expect(abs(a.load[1] - 300) <= 1)
    #expect(a.load[2] == 0)
  }

  /// The want share: with room for everyone, a share close to 70% of a
  /// large group is offered one (binomial: 10,000 draws, sd 0.0046; allow 0.02).
  @Test func wantShareLimitsWhoIsOffered() {
    let docs = (0..<10).map { Clinician(id: "d\($0)", role: .gpSpecialist, fte: 1) }
    let t = Self.table([PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: 10_000)], clinicians: docs)
    var rng = Xoshiro256(seed: 3)
    let a = PatientAssignment.assign(patients: t, clinicians: docs, using: &rng)
    #expect(abs(a.coverage(of: t).share - 0.7) < 0.02)
  }

  /// Existing relations are kept first, even for patients in the lowest
  /// group, while the doctor has room.
  @Test func keepsExistingRelations() {
    let docs = [Clinician(id: "a", role: .gpSpecialist, fte: 0.1), Clinician(id: "b", role: .gpSpecialist, fte: 1)]
    // a holds 110 places; 100 existing patients of a are kept although 500
    // nursing-home residents come first in the policy.
    let listed = (0..<100).map { Patient(id: "p\($0)", profile: PatientProfile(ageBand: .age30to44, needWeight: 1), fixedDoctorId: "a") }
    let t = Self.table(
      [PatientGroup(profile: PatientProfile(ageBand: .age80plus, needWeight: 1, nursingHome: true), count: 500)],
      patients: listed, clinicians: docs)
    var rng = Xoshiro256(seed: 4)
    let a = PatientAssignment.assign(patients: t, clinicians: docs, policy: Self.everyoneWants, using: &rng)
    for i in t.firstIndividualRow..<t.count { #expect(a.doctorOf[i] == 0) }
    #expect(a.releasedRelations == 0)
    #expect(a.load[0] <= 110 + 1e-9)
  }

  /// When a doctor leaves, their patients are offered the others' room; when
  /// a doctor cuts FTE, the panel shrinks to the new capacity and the rest
  /// of the relations are untouched.
  @Test func reassignsWhenADoctorLeavesOrReducesFTE() {
    let before = [Clinician(id: "a", role: .gpSpecialist, fte: 1), Clinician(id: "b", role: .gpSpecialist, fte: 1), Clinician(id: "c", role: .gpSpecialist, fte: 1)]
    let t = Self.table([PatientGroup(profile: PatientProfile(ageBand: .age30to44, needWeight: 1), count: 2_400)], clinicians: before)
    var rng = Xoshiro256(seed: 5)
    let first = PatientAssignment.assign(patients: t, clinicians: before, policy: Self.everyoneWants, using: &rng)
    #expect(first.assignedCount == 2_400)

    // c leaves: 2,200 places remain; a and b keep their 800 each and take
    // 600 of c's 800.
    let after = Array(before.prefix(2))
    let second = first.reassigned(patients: t, to: after, policy: Self.everyoneWants, using: &rng)
    #expect(second.assignedCount == 2_200)
    #expect(second.releasedRelations == 800)
    for i in 0..<t.count where first.doctorOf[i] < 2 { #expect(second.doctorOf[i] == first.doctorOf[i]) }

    // b goes to half time: 550 places; 250 of b's patients lose their doctor.
    var reduced = after
    reduced[1].fte = 0.5
    let third = second.reassigned(patients: t, to: reduced, policy: Self.everyoneWants, using: &rng)
    #expect(abs(third.load[1] - 550) < 1e-9)
    #expect(third.assignedCount == 1_650)
    for i in 0..<t.count where second.doctorOf[i] == 0 { #expect(third.doctorOf[i] == 0) }
  }

  /// The working-time view gives the working-time panel: a full-time
  /// specialist holds 1,100.8 average patients (WorkingTimeParameters).
  @Test func workingTimeViewUsesTimePanels() {
    let docs = [Clinician(id: "a", role: .gpSpecialist, fte: 1)]
    let cap = PatientAssignment.capacity(of: docs, policy: AssignmentPolicy(capacityView: .workingTime))
    #expect(abs(cap[0] - 1_366.8 * 60 / 74.5) < 1e-6)
    let half = PatientAssignment.capacity(of: docs, policy: AssignmentPolicy(fillLimit: 0.5))
    #expect(half[0] == 550)
  }
}
