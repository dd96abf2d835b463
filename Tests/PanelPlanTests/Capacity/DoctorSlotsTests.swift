import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Issue 13, finding 1: the indirect work of every listed patient is
/// charged, those without a fixed doctor shared by patient hours.
@Suite struct DoctorSlotsTests {
  /// Two specialists, A full time and B half time (patient hours 1,366.8
  /// and 683.4: 1,608 h present less 6 h a week of meetings and
  /// administration, 201.0 working days = 40.2 weeks → 241.2 h; halved for
  /// B). Need-weighted list 1,500: A holds 800, B 200, 500 unassigned.
  /// By hand: A is charged 800 + 500 × 2/3 = 1,133.33 patients × 25 min =
  /// 28,333.3 min, B 200 + 500 × 1/3 = 366.67 × 25 = 9,166.7 min; together
  /// 1,500 × 25 = 37,500 min, the whole list. A's slots a year:
  /// (82,008 − 28,333.3) / 45 = 1,192.77; per present day / 201 = 5.934.
  @Test func unassignedPatientsIndirectWorkIsSharedByPatientHours() {
    let a = Clinician(id: "a", role: .gpSpecialist, fte: 1)
    let b = Clinician(id: "b", role: .gpSpecialist, fte: 0.5)
    let s = DoctorSlots(clinicians: [a, b], panels: [800, 200], weightedListed: 1_500, workingTime: .standard, openDaysPerYear: 249)
    #expect(abs(s.patientMinutesPerYear[0] - 1_366.8 * 60) < 1e-6)
    #expect(abs(s.patientMinutesPerYear[1] - 683.4 * 60) < 1e-6)
    let chargedA: Double = (800 + 500 * 2.0 / 3) * 25, chargedB: Double = (200 + 500 * 1.0 / 3) * 25
    let total: Double = s.indirectMinutesPerYear.reduce(0, +)
    let slotsA: Double = (82_008 - 28_333.333_333) / 45
    #expect(abs(s.indirectMinutesPerYear[0] - chargedA) < 1e-6)
    #expect(abs(s.indirectMinutesPerYear[1] - chargedB) < 1e-6)
    #expect(abs(total - 37_500) < 1e-6)
    #expect(abs(s.visitSlotsPerYear[0] - slotsA) < 1e-4)
    #expect(abs(s.slotsPerPresentDay[0] - slotsA / 201) < 1e-6)
  }

  /// The centre's slots do not depend on who has a fixed doctor: the same
  /// list with everyone assigned, or nobody, gives the same total.
  @Test func totalSlotsDoNotDependOnTheAssignment() {
    let docs = [Clinician(id: "a", role: .gpSpecialist, fte: 1), Clinician(id: "b", role: .gpSpecialist, fte: 1)]
    let all = DoctorSlots(clinicians: docs, panels: [600, 600], weightedListed: 1_200, workingTime: .standard, openDaysPerYear: 249)
    let none = DoctorSlots(clinicians: docs, panels: [], weightedListed: 1_200, workingTime: .standard, openDaysPerYear: 249)
    let some = DoctorSlots(clinicians: docs, panels: [420, 420], weightedListed: 1_200, workingTime: .standard, openDaysPerYear: 249)
    // (2 × 82,008 − 1,200 × 25) / 45 = 2,978.13 visit slots a year.
    let expected: Double = (2 * 82_008 - 30_000) / 45
    for s in [all, none, some] { #expect(abs(s.totalVisitSlotsPerYear - expected) < 1e-6) }
  }

  /// The simulation uses the same slots: one specialist without absences
  /// (present all 249 open days; 2,080 − 88 h of holidays = 1,992 h, less
  /// 6 h a week over 49.8 weeks = 298.8 h → 1,693.2 patient hours) and
  /// 1,100 weight-1 patients. Slots a year = (1,693.2 × 60 − 1,100 × 25) /
  /// 45 = 1,646.49, whether 70% or 100% want a fixed doctor; before the fix
  /// the 70% case charged only 770 patients and offered (101,592 − 19,250)
  /// / 45 = 1,829.8 (+11%). The carried fractions keep the year's total
  /// within one slot of the exact figure.
  @Test func simulatedSlotsChargeTheWholeList() {
    let expected: Double = (1_693.2 * 60 - 1_100 * 25) / 45
    for want in [0.7, 1.0] {
      let population = ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64, needWeight: 1), count: 1_100)])
      let centre = CareCentre(id: "c", name: "c", clinicians: SimulationFixtures.doctors(1), population: population)
      var p = SimulationFixtures.flat(visitsPerYear: 1.1, years: 1)
      for g in PriorityGroup.allCases { p.assignment.wantShare[g] = want }
      let r = CentreSimulation(centre: centre, parameters: p).run(seed: 3, stream: [0])
      #expect(abs(Double(r.tallies.slotsOffered) - expected) <= 1, "want \(want)")
    }
  }

  /// The capacity view reports the same slots as `DoctorSlots` with every
  /// listed patient shared by patient hours.
  @Test func capacityViewReportsTheSharedSlots() {
    let centre = ExampleCentre.make()
    let c = CentreCapacity(centre: centre)
    let s = DoctorSlots(clinicians: centre.clinicians, panels: [], weightedListed: centre.population.weightedCount,
                        workingTime: .standard, openDaysPerYear: 249)
    #expect(abs(c.visitSlotsPerYear - s.totalVisitSlotsPerYear) < 1e-6)
  }
}
