import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Test func patientsFileReadsProfilesAndRejectsBadCells() throws {
  let r = try PatientRecords.load(path: examplePath("patients.csv"))
  #expect(r.ids.count == 4 && r.hasUnit)
  #expect(r.ageBand(0, atYear: 2024) == .age80plus && r.priorityGroup(0, atYear: 2024) == .nursingHome)
  #expect(r.unit[0] == "VC Norr, Umeå" && r.fixedDoctor[2] == nil)
  let bad = temporaryFile("patient;birth_year;nursing_home\np1;1950;1\np2;19x0;0\n", name: "patients.csv")
  #expect(errorMessage { _ = try PatientRecords.load(path: bad, displayName: "patients.csv") }
    == "patients.csv:3:2: birth_year: found '19x0', expected a year of birth such as 1948")
  let twice = temporaryFile("patient,sex\np1,female\np1,male\n", name: "patients.csv")
  #expect(errorMessage { _ = try PatientRecords.load(path: twice, displayName: "patients.csv") }?.hasPrefix("patients.csv:3:1: patient:") == true)
}
