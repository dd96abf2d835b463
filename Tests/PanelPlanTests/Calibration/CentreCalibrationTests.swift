import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// A small centre: two specialists (1.0 FTE), a nurse and a physiotherapist.
private func smallCentre(patients: [Patient] = []) -> CareCentre {
  CareCentre(
    id: "vc", name: "VC", clinicians: [
      Clinician(id: "d1", role: .gpSpecialist, fte: 1), Clinician(id: "d2", role: .gpSpecialist, fte: 1),
      Clinician(id: "n1", role: .nurse, fte: 1), Clinician(id: "x1", role: .otherProfession, fte: 1),
    ], population: ListedPopulation(patients: patients))
}

/// The hand-worked file: three listed patients and one unlisted, 2025.
private let handVisits = """
  patient,date,clinician,profession,contact_type
  p1,2025-01-10,d1,doctor,acute
  p1,2025-02-10,d1,doctor,planned
  p1,2025-03-10,d2,doctor,planned
  p1,2025-03-11,n1,nurse,planned
  p2,2025-04-01,d2,doctor,acute
  p2,2025-05-01,n1,nurse,
  p2,2025-05-02,n1,nurse,
  p3,2025-06-01,d2,doctor,planned
  p3,2025-06-01,d1,doctor,acute
  p3,2025-07-01,x1,physio,
  p9,2025-08-01,d1,doctor,planned

  """
private let handPatients = """
  patient,age_band,fixed_doctor
  p1,45-64,d1
  p2,45-64,
  p3,80+,d2

  """

private func handCalibration() throws -> CentreCalibration {
  let v = temporaryFile(handVisits)
  let p = try PatientRecords.load(path: temporaryFile(handPatients, name: "patients.csv"))
  var o = VisitContinuityOptions()
  o.fromDay = ISODateBytes.parse("2025-01-01")
  o.toDay = ISODateBytes.parse("2025-12-31")
  return try CentreCalibration.run(reader: VisitRecordReader(path: v, workers: 1), options: o, centre: smallCentre(), patients: p)
}

@Test func handWorkedFileEstimates() throws {
  let c = try handCalibration()
  let y = 365 / 365.2425  // the window's years
  #expect(abs(c.windowYears - y) < 1e-12)
  func e(_ name: String) -> CentreCalibration.Estimate { c.estimate(name)! }
  // 45-64: p1 3 doctor visits, p2 1, default weights → 4 / (2y) = 2/y.
  // se² = n/(n−1) Σ(yᵢ − R xᵢ)² / (Σx)² = 2 · ((3−2)² + (1−2)²) / (2y)² → se = 1/y.
  let mid = e("demand.doctorVisitsPerYear.45-64")
  #expect(abs(mid.value - 2 / y) < 1e-12 && abs(mid.standardError - 1 / y) < 1e-12 && mid.count == 4 && mid.units == 2)
  // 80+: p3 2 visits alone → 2/y, no standard error from one patient.
  let old = e("demand.doctorVisitsPerYear.80+")
  #expect(abs(old.value - 2 / y) < 1e-12 && old.standardError.isNaN)
  // Acute: p1 1 of 3, p2 1 of 1, p3 1 of 2 → 3/6; residuals −0.5, 0.5, 0 → se = √(3/2 · 0.5)/6.
  let acute = e("demand.acuteShare")
  #expect(abs(acute.value - 0.5) < 1e-12 && abs(acute.standardError - (0.75).squareRoot() / 6) < 1e-12)
  // Nurse contacts 1 + 2 + 0 per 6 doctor visits; other 1 per 6 (the physio).
  #expect(abs(e("demand.nurseContactsPerDoctorContact").value - 0.5) < 1e-12)
  #expect(abs(e("demand.otherContactsPerDoctorContact").value - 1.0 / 6) < 1e-12)
  // With the fixed doctor: p1 2 of 3 (d1), p3 1 of 2 (d2) → 3/5.
  #expect(abs(e("observed.fixedDoctorVisitShare").value - 0.6) < 1e-12)
  // Seen before: p1's second d1 only (p3's two same-day visits are with different doctors) → 1/6.
  #expect(abs(e("observed.seenBeforeVisitShare").value - 1.0 / 6) < 1e-12)
  #expect(abs(e("observed.shareWithFixedDoctor").value - 2.0 / 3) < 1e-12)
  // Pace: d1 on 4 days (incl. the unlisted p9), d2 on 3 days, one visit each day → 7/7.
  #expect(e("observed.doctorVisitsPerDoctorFTEPresentDay").value == 1)
  // Observed per person-year (unscaled) equals the scaled rate at default weights.
  #expect(abs(c.observedVisitsPerPersonYear[AgeBand.age45to64.index] - 2 / y) < 1e-12)
  #expect(c.notes.contains { $0.contains("1 counted row(s) belong to patients not on the list") })
  // Bands with nobody listed keep the default and say so.
  #expect(c.defaults.contains { $0.hasPrefix("demand.doctorVisitsPerYear.0-5") })
  #expect(c.scenario.parameters.demand.doctorVisitsPerYear[AgeBand.age0to5.index] == DemandDefaults.doctorVisitsPerYear(for: .age0to5))
  // Fixed-doctor relations are kept in the scenario's patients.
  #expect(c.scenario.centre.population.patients.map(\.fixedDoctorId) == ["d1", nil, "d2"])
}

@Test func needWeightScalesTheExposureAsTheSimulationDoes() throws {
  // p1 with twice the default weight of 45-64, p2 default: exposure y·(2 + 1).
  let v = temporaryFile(handVisits)
  let w = 2 * DemandDefaults.defaultNeedWeight(for: .age45to64)
  let p = try PatientRecords.load(path: temporaryFile("patient,age_band,need_weight\np1,45-64,\(w)\np2,45-64,\n", name: "patients.csv"))
  var o = VisitContinuityOptions()
  o.fromDay = ISODateBytes.parse("2025-01-01")
  o.toDay = ISODateBytes.parse("2025-12-31")
  let c = try CentreCalibration.run(reader: VisitRecordReader(path: v, workers: 1), options: o, centre: smallCentre(), patients: p)
  let y = 365 / 365.2425
  #expect(abs(c.estimate("demand.doctorVisitsPerYear.45-64")!.value - 4 / (3 * y)) < 1e-12)
  // The simulation's rate for p1 is then the band's rate × 2: 8/(3y), p2 4/(3y); expected visits 4 = observed.
  let d = c.scenario.parameters.demand
  let expected = y * (d.doctorVisitsPerYear(ageBand: AgeBand.age45to64.index, needWeight: w)
    + d.doctorVisitsPerYear(ageBand: AgeBand.age45to64.index, needWeight: DemandDefaults.defaultNeedWeight(for: .age45to64)))
  #expect(abs(expected - 4) < 1e-9)
}

@Test func paceIsReproducedByTheModelsSlots() throws {
  let c = try handCalibration()
  // 7 visits by the centre's doctors in the window: the model's slots a year equal 7 / y.
  let slots = CentreCalibration.modelSlotsPerYear(centre: c.scenario.centre, parameters: c.scenario.parameters)
  #expect(abs(slots - 7 / c.windowYears) < 1e-6)
  // One common scale on the three times per unit of work.
  let k = try #require(c.estimate("workingTime.timeScale")).value
  let w = c.scenario.parameters.workingTime, d = WorkingTimeParameters.standard
  #expect(abs(w.minutesPerVisit - k * d.minutesPerVisit) < 1e-9 && abs(w.indirectMinutesPerPatientYear - k * d.indirectMinutesPerPatientYear) < 1e-9)
}

@Test func validationObservedValuesAreContinuitysOnTheSameFile() throws {
  let c = try handCalibration()
  let v = CalibrationValidation.run(c, replications: 3, seed: 5)
  var o = VisitContinuityOptions()
  o.fromDay = ISODateBytes.parse("2025-01-01")
  o.toDay = ISODateBytes.parse("2025-12-31")
  let records = try PatientRecords.load(path: temporaryFile(handPatients, name: "patients.csv"))
  let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: temporaryFile(handVisits), workers: 1), options: o, patientRecords: records)
  let all = a.summary(grouping: "all")[0]
  func observed(_ name: String) -> Double { v.rows.first { $0.name == name }!.observed }
  #expect(observed("COC, doctors") == all.doctor.coc!.mean)
  #expect(observed("UPC, doctors") == all.doctor.upc!.mean)
  #expect(observed("SECON, doctors") == all.doctor.secon!.mean)
  #expect(observed("COC, all contacts") == all.all.coc!.mean)
  #expect(observed("fixed-doctor visit share") == all.doctor.fixedDoctorShare!.mean)
  // Every row is marked inside or outside its band when both sides exist.
  for r in v.rows where r.observed.isFinite && r.simulatedLow.isFinite { #expect(r.inside != nil) }
}

@Test func calibratingGeneratedRecordsRecoversTheirParameters() throws {
  // A known scenario, deliberately far from the defaults.
  var centre = smallCentre()
  centre.population = ListedPopulation(groups: AgeBand.allCases.map { PatientGroup(profile: PatientProfile(ageBand: $0), count: 500) }
    + [PatientGroup(profile: PatientProfile(ageBand: .age65to74, needWeight: 2.5), count: 300)])
  let truth = DemandParameters(doctorVisitsPerYear: [2.0, 0.5, 0.9, 1.2, 1.5, 2.2, 3.0, 4.0], acuteShare: 0.25,
                               nurseContactsPerDoctorContact: 1.3, otherContactsPerDoctorContact: 0.15)
  var within2 = 0, checks = 0
  for seed: UInt64 in 1...4 {
    var g = SyntheticVisits(scenario: Scenario(centre: centre, parameters: SimulationParameters(demand: truth)), years: 1)
    let out = g.generate(seed: seed)
    g.years = 1
    let visits = temporaryFile(out.visitsCSV)
    let patients = try PatientRecords.load(path: temporaryFile(out.patientsCSV, name: "patients.csv"))
    var o = VisitContinuityOptions()
    o.fromDay = g.startDay
    o.toDay = g.endDay
    let c = try CentreCalibration.run(reader: VisitRecordReader(path: visits, workers: 1), options: o, centre: out.centre, patients: patients)
    var pairs: [(String, Double)] = AgeBand.allCases.map { ("demand.doctorVisitsPerYear.\($0.rawValue)", truth.doctorVisitsPerYear[$0.index]) }
    pairs += [("demand.acuteShare", 0.25), ("demand.nurseContactsPerDoctorContact", 1.3), ("demand.otherContactsPerDoctorContact", 0.15),
              ("observed.shareWithFixedDoctor", g.shareWithFixedDoctor)]
    for (name, value) in pairs {
      let e = try #require(c.estimate(name))
      let z = abs(e.value - value) / e.standardError
      // Every estimate within 4 standard errors (a miss has probability < 1e-4 each) …
      #expect(z < 4, "\(name): \(e.value) ± \(e.standardError), truth \(value), seed \(seed)")
      checks += 1
      if z < 2 { within2 += 1 }
    }
  }
  // … and about 95% within 2 (48 checks; at least 80% holds with probability > 0.999).
  #expect(Double(within2) / Double(checks) >= 0.8)
}

@Test func badRowStopsWithFileLineColumn() throws {
  let v = temporaryFile("patient,date,clinician,profession\np1,2025-01-05,d1,doctor\np1,2025-02-30,d1,doctor\n")
  let p = try PatientRecords.load(path: temporaryFile(handPatients, name: "patients.csv"))
  let message = errorMessage { _ = try CentreCalibration.run(reader: VisitRecordReader(path: v, displayName: "visits.csv", workers: 1), centre: smallCentre(), patients: p) }
  #expect(message?.hasPrefix("visits.csv:3:2: date: found '2025-02-30'") == true)
}

@Test func noListedPatientsOrNoRowsIsAnError() throws {
  let v = temporaryFile(handVisits)
  let none = errorMessage { _ = try CentreCalibration.run(reader: VisitRecordReader(path: v, displayName: "visits.csv", workers: 1), centre: smallCentre(), patients: nil) }
  #expect(none?.contains("no listed patients") == true)
  var o = VisitContinuityOptions()
  o.fromDay = ISODateBytes.parse("2030-01-01")
  let p = try PatientRecords.load(path: temporaryFile(handPatients, name: "patients.csv"))
  let empty = errorMessage { _ = try CentreCalibration.run(reader: VisitRecordReader(path: v, displayName: "visits.csv", workers: 1), options: o, centre: smallCentre(), patients: p) }
  #expect(empty?.contains("no visits in the window") == true)
}

@Test func ratioEstimateOfAShareIsBinomial() {
  // Units with x = 1: se = √(n/(n−1) · Σ(y − p)²)/n = √(p(1−p)/(n−1)).
  var a = RatioEstimate.Accumulator()
  for y in [1.0, 0, 0, 1, 1, 0, 1, 1] { a.add(y: y, x: 1) }
  let e = a.estimate
  #expect(abs(e.value - 5.0 / 8) < 1e-15)
  #expect(abs(e.standardError - (5.0 / 8 * 3 / 8 / 7).squareRoot()) < 1e-12)
}

@Test func syntheticVisitsAreReproducibleAndCoverTheWindow() {
  var centre = smallCentre()
  centre.population = ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64), count: 200)])
  let g = SyntheticVisits(scenario: Scenario(centre: centre), years: 2)
  let a = g.generate(seed: 9), b = g.generate(seed: 9), c = g.generate(seed: 10)
  #expect(a.visitsCSV == b.visitsCSV && a.patientsCSV == b.patientsCSV)
  #expect(a.visitsCSV != c.visitsCSV)
  // 2 × 365.2425 = 730.485 → 730 days from 2025-01-01: the last day is 2026-12-31.
  #expect(ISODateBytes.format(g.endDay) == "2026-12-31")
  // Weekdays only (1970-01-01 was a Thursday).
  for line in a.visitsCSV.split(separator: "\n").dropFirst() {
    let day = ISODateBytes.parse(String(line.split(separator: ",")[1]))!
    #expect((Int(day) + 3) % 7 < 5)
  }
}

@Test func rollingWindowLengthsParse() {
  #expect(RollingContinuity.months("18m") == 18 && RollingContinuity.months("3M") == 3 && RollingContinuity.months("1y") == 12)
  #expect(RollingContinuity.months("0m") == nil && RollingContinuity.months("18") == nil && RollingContinuity.months("m") == nil)
}

/// `calibrate` counts as nurses the titles `continuity` knows, compared
/// alike (issue 17): the hand-worked file with its nurse rows written as
/// record systems write them gives the same 3 nurse contacts per 6 doctor
/// visits (0.5) as with "nurse". Before, "Leg. sjuksköterska" and
/// "Specialistsjuksköterska" were other professions (other 4/6).
@Test func nurseTitlesAreContinuitysNurseTitles() throws {
  var lines = handVisits.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let titles = ["Leg. sjuksköterska", "Specialistsjuksköterska", "DSK"]
  var k = 0
  for i in lines.indices where lines[i].contains(",nurse,") {
    lines[i] = lines[i].replacingOccurrences(of: ",nurse,", with: "," + titles[k % titles.count] + ",")
    k += 1
  }
  #expect(k == 3)
  let v = temporaryFile(lines.joined(separator: "\n"))
  let p = try PatientRecords.load(path: temporaryFile(handPatients, name: "patients.csv"))
  var o = VisitContinuityOptions()
  o.fromDay = ISODateBytes.parse("2025-01-01")
  o.toDay = ISODateBytes.parse("2025-12-31")
  let c = try CentreCalibration.run(reader: VisitRecordReader(path: v, workers: 1), options: o, centre: smallCentre(), patients: p)
  #expect(abs(c.estimate("demand.nurseContactsPerDoctorContact")!.value - 0.5) < 1e-12)
  #expect(abs(c.estimate("demand.otherContactsPerDoctorContact")!.value - 1.0 / 6) < 1e-12)
  // One list: every nurse title continuity knows is a calibrate default.
  #expect(Set(CentreCalibration.defaultNurseValues.map(ProfessionTitles.normalise)) == ProfessionTitles.nurseTitles)
}
