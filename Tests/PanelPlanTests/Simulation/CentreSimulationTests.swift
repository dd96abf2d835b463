import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct CentreSimulationTests {
  typealias F = SimulationFixtures

  /// One doctor with room for every contact: every doctor visit is with the
  /// fixed doctor, so COC = UPC = SECON = fixed-doctor share = 1 exactly.
  @Test func oneDoctorWithEnoughCapacityGivesPerfectContinuity() {
    let centre = CareCentre(id: "c", name: "c", clinicians: F.doctors(1), population: F.patients(300, fixedDoctor: "gp-0"))
    var sim = CentreSimulation(centre: centre, parameters: F.flat(visitsPerYear: 4, years: 1))
    sim.slotsPerPresentDayOverride = [40]  // demand is about 300 · 4 / 249 ≈ 4.8 a day
    let r = sim.run(seed: 7, stream: [0, 0, 0])
    #expect(r.tallies.coverage.share == 1)
    #expect(r.tallies.indexPatients[0] > 250)
    #expect(r.coc(.doctor) == 1)
    #expect(r.upc(.doctor) == 1)
    #expect(r.secon(.doctor) == 1)
    #expect(r.fixedDoctorShare(.doctor) == 1)
    #expect(r.assessedWithinGuarantee == 1)
    #expect(r.tallies.unservedDoctorContacts == 0)
    // No team: all-contacts indices equal the doctors-only ones.
    #expect(r.coc(.all) == 1)
  }

  /// No fixed doctors, m equal doctors with free slots every day, choice at
  /// random: each visit is uniform over m doctors, independent of the past.
  /// For N visits E[Σ n_j²] = N + N(N − 1)/m, so E[COC] = 1/m for every
  /// patient with N ≥ 2; and a consecutive pair matches with chance 1/m, so
  /// E[SECON] = 1/m too.
  @Test func randomChoiceAmongEqualDoctorsGivesExpectedCOC() {
    let m = 4
    let centre = CareCentre(id: "c", name: "c", clinicians: F.doctors(m), population: F.patients(2_000, fixedDoctor: nil))
    var p = F.flat(visitsPerYear: 5, years: 1)
    p.assignment.order = []  // nobody is offered a fixed doctor
    p.booking.preferPreviousDoctor = false
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = Array(repeating: 100, count: m)
    let r = sim.run(seed: 3, stream: [0, 0, 0])
    #expect(r.tallies.coverage.share == 0)
    let patients = Double(r.tallies.indexPatients[0])
    #expect(patients > 1_800)
    // Per-patient COC has a standard deviation below 0.25 at N ≥ 2 here, so
    // the mean of ~1,900 has a standard error below 0.006; allow 0.025.
    #expect(abs(r.coc(.doctor) - 1 / Double(m)) < 0.025)
    #expect(abs(r.secon(.doctor) - 1 / Double(m)) < 0.025)
    #expect(r.fixedDoctorShare(.doctor).isNaN)
  }

  /// Nurses feed the all-contacts scope: one doctor (fixed for everyone)
  /// and one nurse, one nurse contact per doctor contact, so each contact
  /// is the doctor's or the nurse's with chance 1/2, independently. As for
  /// random choice between m = 2 providers, E[COC_all] = 1/2, and the
  /// expected share of contacts with the fixed doctor is 1/2; doctors-only
  /// COC stays exactly 1.
  @Test func nurseContactsEnterTheAllContactsIndices() {
    let clinicians = F.doctors(1) + [Clinician(id: "rn", role: .nurse, fte: 1)]
    let centre = CareCentre(id: "c", name: "c", clinicians: clinicians, population: F.patients(2_000, fixedDoctor: "gp-0"))
    var p = F.flat(visitsPerYear: 3, years: 1)
    p.demand.nurseContactsPerDoctorContact = 1
    p.triage = .off  // triage-resolved contacts would tilt the 1:1 mix
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [100, 0]
    let r = sim.run(seed: 4, stream: [0])
    #expect(r.coc(.doctor) == 1)
    #expect(r.tallies.indexPatients[1] > 1_800)
    // Standard error of the mean below 0.006 (per-patient sd < 0.25); allow 0.025.
    #expect(abs(r.coc(.all) - 0.5) < 0.025)
    #expect(abs(r.fixedDoctorShare(.all) - 0.5) < 0.025)
    #expect(abs(Double(r.tallies.nurseContacts) / Double(r.tallies.doctorContacts) - 1) < 0.05)
  }

  /// The simulated doctor-contact rate per age band is the configured rate:
  /// counts are Poisson, so the observed rate is within 4 standard errors
  /// (√count / person-years).
  @Test func simulatedVisitRatePerAgeBandMatchesConfiguredRate() {
    let groups = AgeBand.allCases.map { PatientGroup(profile: PatientProfile(ageBand: $0), count: 1_500) }
    let centre = CareCentre(
      id: "c", name: "c", clinicians: F.doctors(8), population: ListedPopulation(groups: groups))
    let p = SimulationParameters(years: 2)
    let r = CentreSimulation(centre: centre, parameters: p).run(seed: 11, stream: [0, 0, 0])
    for band in AgeBand.allCases {
      let configured = DemandDefaults.doctorVisitsPerYear(for: band)
      let count = Double(r.tallies.doctorDemandByBand[band.index])
      let personYears = r.tallies.personYearsByBand[band.index]
      #expect(personYears == 3_000)
      let se = count.squareRoot() / personYears
      #expect(abs(r.doctorVisitsPerPersonYear(band: band) - configured) < 4 * se, "band \(band.rawValue)")
    }
  }

  /// Green, Savin and Murray (2007): with Poisson daily demand of mean μ
  /// and s slots, a day overflows with probability P(X > s) = 1 − Σ_{k ≤ s}
  /// e^{−μ} μ^k / k!. One doctor, 10 slots a day, μ = 9, 996 open days: the
  /// observed frequency is within 4 binomial standard errors.
  @Test func overflowFrequencyMatchesPoissonTail() {
    let n = 1_000, slots = 10
    let openDaysPerYear = 249.0  // 260 weekdays less 11 holidays
    let mu = 9.0
    let centre = CareCentre(id: "c", name: "c", clinicians: F.doctors(1), population: F.patients(n, fixedDoctor: "gp-0"))
    var sim = CentreSimulation(centre: centre, parameters: F.flat(visitsPerYear: mu * openDaysPerYear / Double(n), years: 4))
    sim.slotsPerPresentDayOverride = [Double(slots)]
    let r = sim.run(seed: 5, stream: [0, 0, 0])
    var cdf = 0.0, term = exp(-mu)
    for k in 0...slots {
      if k > 0 { term *= mu / Double(k) }
      cdf += term
    }
    let tail = 1 - cdf  // 0.2940
    let days = Double(r.tallies.openDays)
    #expect(days == 996)
    let se = (tail * (1 - tail) / days).squareRoot()
    #expect(abs(r.overflowDayShare - tail) < 4 * se)
    #expect(r.tallies.doctorDays == 996)  // one doctor, present every open day
    #expect(abs(OverflowFrequency.poissonTail(mean: mu, exceeding: slots) - tail) < 1e-12)
  }

  /// Slots follow working time: with no override, the slots offered in a
  /// year are the doctor's patient minutes less the indirect time of the
  /// assigned panel, divided by the minutes of a visit with its indirect
  /// work. Without sick leave every year has exactly 249 − 40 = 209 days
  /// present.
  @Test func slotsFollowWorkingTime() {
    let centre = CareCentre(id: "c", name: "c", clinicians: F.doctors(1), population: F.patients(500, fixedDoctor: "gp-0"))
    var p = SimulationParameters(years: 4)
    p.workingTime.sickDaysPerYear = 0
    let r = CentreSimulation(centre: centre, parameters: p).run(seed: 1, stream: [0])
    let w = p.workingTime
    // 2,080 h less 30 + 11 + 10 days of 8 h = 1,672 h present; meetings and
    // administration 6 h per week present (1,672 / 40 weeks) = 250.8 h.
    let patientHours = 1_672.0 - 250.8
    let load = 500 * DemandDefaults.defaultNeedWeight(for: .age45to64)
    let perYear = (patientHours * 60 - load * w.indirectMinutesPerPatientYear) / (w.minutesPerVisit + w.indirectMinutesPerVisit)
    let perDay = perYear / 209  // 249 open days less 40 days away
    // Absences are placed on open days only (issue 13, finding 7): present
    // days are exactly 209 a year without sick leave, so the carried
    // fractions keep the total within one slot of 4 × the annual slots.
    #expect(abs(Double(r.tallies.slotsOffered) - 4 * perYear) <= 1)
    #expect(perDay > 0)
  }

  /// The acute reserve: one doctor with 10 slots a day, 5 of them held for
  /// acute contacts, planned demand far above the rest (about 14 a day) and
  /// acute demand about 1.6 a day. Acute contacts find a reserved slot the
  /// same day or the next, so all are assessed within 3 days. The calendar
  /// is open for today only, so a backlog forms on the first day and the
  /// reserve left at the end of each day goes to it: every slot is used.
  /// Without a reserve, an acute contact finds today's slots taken by the
  /// planned backlog, waits, and is retried the next morning before any
  /// planned contact (acute queue first), so it is still seen within 3 days;
  /// with a first-in-first-out backlog it would queue behind the planned one.
  @Test func acuteReserveProtectsTheCareGuaranteeAndIsReleasedAtDayEnd() {
    let centre = CareCentre(id: "c", name: "c", clinicians: F.doctors(1), population: F.patients(1_000, fixedDoctor: "gp-0"))
    var p = F.flat(visitsPerYear: 16 * 249 / 1_000, years: 1)
    p.demand.acuteShare = 0.1
    p.booking.acuteReservedShare = 0.5
    p.booking.bookingHorizonDays = 0
    var sim = CentreSimulation(centre: centre, parameters: p)
    sim.slotsPerPresentDayOverride = [10]
    let reserved = sim.run(seed: 2, stream: [0])
    #expect(reserved.assessedWithinGuarantee == 1)
    #expect(reserved.tallies.slotsUsed == reserved.tallies.slotsOffered)
    p.booking.acuteReservedShare = 0
    var open = CentreSimulation(centre: centre, parameters: p)
    open.slotsPerPresentDayOverride = [10]
    let noReserve = open.run(seed: 2, stream: [0])
    #expect(noReserve.assessedWithinGuarantee == 1)
    #expect(noReserve.tallies.acuteBooked > 300)
  }

  @Test func sameSeedSameResultDifferentSeedDifferent() {
    let sim = CentreSimulation(centre: ExampleCentre.make(), parameters: SimulationParameters(years: 1))
    let a = sim.run(seed: 1, stream: [0, 1, 0])
    #expect(a == sim.run(seed: 1, stream: [0, 1, 0]))
    #expect(a != sim.run(seed: 2, stream: [0, 1, 0]))
  }
}

/// Properties the built-in example (about 2,260 listed per specialist FTE,
/// twice the guideline's 1,100) must show under the default pressure
/// valves: most acute contacts get a first assessment within 3 days
/// (nurse triage has room for them), and no doctor contact waits beyond
/// its tolerance + patience, so the backlog at the end is at most the
/// doctor demand of the last 41 of 249 open days (16.5%) rather than the
/// 40%+ of a model without patience.
@Suite struct ExampleCentreRealismTests {
  @Test func exampleCentreHasBoundedBacklogAndMostAcuteContactsAssessedInTime() {
    let r = CentreSimulation(centre: ExampleCentre.make(), parameters: SimulationParameters(years: 1)).run(seed: 1, stream: [0, 0, 0])
    let t = r.tallies
    #expect(r.assessedWithinGuarantee >= 0.5 && r.assessedWithinGuarantee <= 1)
    #expect(Double(t.unservedDoctorContacts) < 41.0 / 249 * Double(t.doctorContacts))
    #expect(r.waitDays(quantile: 1) <= 40)
    // Guideline ratio about 2.1: doctors' slots cover about 1 / 2.1 = 48%
    // of the visits demanded, so roughly half goes elsewhere (measured
    // after the warm-up, issue 13: 0.53), never all of it.
    #expect(r.wentElsewhereShare > 0.3 && r.wentElsewhereShare < 0.65)
    #expect(r.acuteSeenByDoctorWithinGuarantee <= r.assessedWithinGuarantee)
  }
}
