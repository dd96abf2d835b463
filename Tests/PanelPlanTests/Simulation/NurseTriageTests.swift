import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct NurseTriageTests {
  typealias F = SimulationFixtures

  /// Whole assessments per day from the FTE present, the fraction carried:
  /// 3 per FTE over FTE [1, 1, 0, 0.5, 0.5] with the carry starting at 0.5
  /// gives 3.5 → 3, 3.5 → 3, 0.5 → 0, 2.0 → 2, 1.5 → 1: 9 = 3 × 3 FTE-days.
  @Test func dailyCapacityFollowsFTEPresentWithCarry() {
    #expect(NurseTriage.capacity(presentFTE: [1, 1, 0, 0.5, 0.5], perFTE: 3) == [3, 3, 0, 2, 1])
    #expect(NurseTriage.capacity(presentFTE: [1, 1], perFTE: .nan) == [0, 0])
  }

  /// Capacity k = 5 a day. Day 0: 8 contacts → the first 5 are assessed at
  /// once, 3 wait. Day 1: the 3 waiting first, oldest first, then 2 of 4
  /// new ones; 2 wait. With n = 3 ≤ k every contact is assessed that day.
  @Test func assessesTheSmallerOfDemandAndCapacityEachDayOldestFirst() {
    var q = NurseTriage(capacityPerDay: [5, 5, 5])
    q.open(day: 0)
    let day0 = (0..<8).map { q.arrive(patient: Int32($0), day: 0) }
    #expect(day0 == [true, true, true, true, true, false, false, false])
    #expect(q.nextWaiting() == nil)
    q.open(day: 1)
    var served: [Int32] = []
    while let x = q.nextWaiting() {
      served.append(x.patient)
      #expect(x.arrival == 0)
    }
    #expect(served == [5, 6, 7])
    let day1 = (10..<14).map { q.arrive(patient: Int32($0), day: 1) }
    #expect(day1 == [true, true, false, false])
    #expect(q.waitingCount == 2)
    var few = NurseTriage(capacityPerDay: [5])
    few.open(day: 0)
    #expect((0..<3).allSatisfy { few.arrive(patient: Int32($0), day: 0) })
  }

  @Test func dropsOnlyContactsThatAroseByTheGivenDay() {
    var q = NurseTriage(capacityPerDay: [0, 0, 0])
    q.open(day: 0)
    _ = q.arrive(patient: 1, day: 0)
    q.open(day: 1)
    _ = q.arrive(patient: 2, day: 1)
    #expect(q.dropWaiting(arrivedOnOrBefore: 0)?.patient == 1)
    #expect(q.dropWaiting(arrivedOnOrBefore: 0) == nil)
    #expect(q.waitingCount == 1)
  }

  /// A centre whose acute contacts all reach one full-time nurse with 5
  /// assessments a day, demand about 30 a day and no absences: the queue is
  /// never empty (P(Poisson(30) < 5) ≈ 1e-8 a day), so exactly 5 are
  /// assessed on each of the 249 open days. With patience beyond the
  /// horizon none leaves, so the rest are still waiting at the end.
  @Test func triageCapacityIsFiniteAndTheRestWaits() {
    let clinicians = F.doctors(1) + [Clinician(id: "rn", role: .nurse, fte: 1)]
    let centre = CareCentre(id: "c", name: "c", clinicians: clinicians, population: F.patients(1_000, fixedDoctor: "gp-0"))
    var p = F.flat(visitsPerYear: 30 * 249 / 1_000, years: 1)
    p.demand.acuteShare = 1
    p.demand.nurseContactsPerDoctorContact = 0
    p.demand.otherContactsPerDoctorContact = 0
    p.triage = TriageParameters(assessmentsPerNurseFTEPerDay: 5, triagedShare: 1, resolvedShare: 1)
    p.patience = .unlimited
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [0, 0]
    let r = sim.run(seed: 9, stream: [0])
    #expect(r.tallies.openDays == 249)
    #expect(r.tallies.acuteTriaged == 5 * 249)
    #expect(r.tallies.acuteResolvedByNurse == r.tallies.acuteTriaged)
    #expect(r.tallies.unservedDoctorContacts == r.tallies.doctorContacts - 5 * 249)
    #expect(r.wentElsewhereShare == 0)
  }

  /// Ample nurse and doctor capacity: every acute contact is assessed the
  /// day it arises (by the nurse, or by the doctor for those not triaged),
  /// so both access shares are exactly 1. The triaged share (0.9) and the
  /// resolved share (0.35) are binomial proportions: within 4 standard
  /// errors √(p(1 − p)/n). Resolved contacts are nurse contacts: they enter
  /// the all-contacts scope only, so doctor COC stays exactly 1 with one
  /// doctor while all-contacts COC falls below it.
  @Test func triagedAndResolvedSharesMatchTheParameters() {
    let clinicians = F.doctors(1) + [Clinician(id: "rn", role: .nurse, fte: 1)]
    let centre = CareCentre(id: "c", name: "c", clinicians: clinicians, population: F.patients(2_000, fixedDoctor: "gp-0"))
    var p = F.flat(visitsPerYear: 3, years: 1)
    p.demand.acuteShare = 0.5
    p.demand.nurseContactsPerDoctorContact = 0
    p.demand.otherContactsPerDoctorContact = 0
    p.triage = TriageParameters(assessmentsPerNurseFTEPerDay: 200, triagedShare: 0.9, resolvedShare: 0.35)
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [100, 0]
    let r = sim.run(seed: 12, stream: [0])
    let t = r.tallies
    #expect(t.acuteContacts > 2_500)
    let acute = Double(t.acuteContacts), triaged = Double(t.acuteTriaged)
    #expect(abs(triaged / acute - 0.9) < 4 * (0.9 * 0.1 / acute).squareRoot())
    #expect(abs(Double(t.acuteResolvedByNurse) / triaged - 0.35) < 4 * (0.35 * 0.65 / triaged).squareRoot())
    #expect(t.nurseContacts == t.acuteResolvedByNurse)
    #expect(r.assessedWithinGuarantee == 1)
    #expect(r.acuteSeenByDoctorWithinGuarantee == 1)
    #expect(t.acuteBooked == t.acuteContacts - t.acuteResolvedByNurse)
    #expect(r.coc(.doctor) == 1)
    #expect(r.coc(.all) < 1)
    #expect(r.wentElsewhereShare == 0)
    #expect(t.unservedDoctorContacts == 0)
  }

  /// Triage counts as the first assessment: with no doctor slots at all,
  /// triaged acute contacts are still assessed the same day, while none is
  /// seen by a doctor. 0.9 are triaged, so assessedWithinGuarantee is the
  /// triaged share of those with an outcome (within 4 binomial standard
  /// errors of 0.9) and acuteSeenByDoctorWithinGuarantee is 0.
  @Test func assessmentCountsNurseTriageAndTheDoctorMetricDoesNot() {
    let clinicians = F.doctors(1) + [Clinician(id: "rn", role: .nurse, fte: 1)]
    let centre = CareCentre(id: "c", name: "c", clinicians: clinicians, population: F.patients(2_000, fixedDoctor: "gp-0"))
    var p = F.flat(visitsPerYear: 3, years: 1)
    p.demand.acuteShare = 1
    p.demand.nurseContactsPerDoctorContact = 0
    p.demand.otherContactsPerDoctorContact = 0
    p.triage = TriageParameters(assessmentsPerNurseFTEPerDay: 200, triagedShare: 0.9, resolvedShare: 0)
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [0, 0]
    let r = sim.run(seed: 13, stream: [0])
    let n = Double(r.tallies.acuteAssessed + r.tallies.acuteLeftUnassessed)
    #expect(n > 4_000)
    #expect(abs(r.assessedWithinGuarantee - 0.9) < 4 * (0.9 * 0.1 / n).squareRoot())
    #expect(r.acuteSeenByDoctorWithinGuarantee == 0)
    #expect(r.tallies.acuteBooked == 0)
  }
}
