import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Every bad-input case of the foundation issue gives a message naming the
/// file, the field path, what was found and what was expected.
struct ValidationTests {
  func load(_ json: String) -> String? {
    do {
      let centre = try JSONInput.decode(CareCentre.self, from: Data(json.utf8), file: "centre.json")
      try Validation.check(centre, file: "centre.json")
      return nil
    } catch {
      return "\(error)"
    }
  }

  func centre(clinicians: String, patients: String = "[]") -> String {
    #"{"id": "c", "clinicians": [\#(clinicians)], "population": {"patients": \#(patients)}}"#
  }

  let gp = #"{"id": "d1", "role": "specialist", "fte": 1}"#

  @Test func validCentreLoads() {
    #expect(load(centre(clinicians: gp, patients: #"[{"id": "p1", "ageBand": "80+", "fixedDoctor": "d1"}]"#)) == nil)
  }

  @Test func unknownField() {
    let e = load(centre(clinicians: #"{"id": "d1", "role": "specialist", "fet": 1}"#))
    // Line 1, column 70: the value of "fet" (27 characters before the
    // clinician object, 42 inside it before the value), counted by hand.
    #expect(e?.hasPrefix("centre.json:1:70: clinicians[0].fet: unknown field; expected one of: id, role, fte") == true)
  }

  @Test func negativeFTE() {
    let e = load(centre(clinicians: #"{"id": "d1", "role": "specialist", "fte": -0.5}"#))
    #expect(e == "centre.json: clinicians[0].fte: found -0.5, expected a number from 0 to 1.5")
  }

  @Test func fteAbove1point5() {
    let e = load(centre(clinicians: #"{"id": "d1", "role": "specialist", "fte": 100}"#))
    #expect(e == "centre.json: clinicians[0].fte: found 100.0, expected a number from 0 to 1.5")
  }

  @Test func sharesSummingAboveOne() {
    let e = load(centre(clinicians: #"{"id": "d1", "role": "specialist", "fte": 1, "duties": {"supervision": 0.6, "research": 0.5}}"#))
    #expect(e == "centre.json: clinicians[0].duties: shares of time sum to 1.1, expected at most 1")
  }

  @Test func missingAndEmptyIds() {
    let missing = load(centre(clinicians: #"{"role": "specialist", "fte": 1}"#))
    // Column 28: the clinician object that lacks the field.
    #expect(missing == "centre.json:1:28: clinicians[0].id: missing required field")
    let empty = load(centre(clinicians: #"{"id": " ", "role": "specialist", "fte": 1}"#))
    #expect(empty == "centre.json: clinicians[0].id: found an empty id, expected a non-empty identifier")
  }

  @Test func duplicateIds() {
    let e = load(centre(clinicians: gp + "," + gp))
    #expect(e == "centre.json: clinicians[1].id: duplicate id 'd1', already used by clinicians[0]")
    let p = load(centre(clinicians: gp, patients: #"[{"id": "p", "ageBand": "0-5"}, {"id": "p", "ageBand": "0-5"}]"#))
    #expect(p == "centre.json: population.patients[1].id: duplicate id 'p', already used by population.patients[0]")
  }

  @Test func fixedDoctorThatDoesNotExist() {
    let e = load(centre(clinicians: gp, patients: #"[{"id": "p1", "ageBand": "80+", "fixedDoctor": "d9"}]"#))
    #expect(e == "centre.json: population.patients[0].fixedDoctor: found 'd9', expected the id of a doctor at the centre")
  }

  @Test func fixedDoctorWhoIsANurse() {
    let e = load(centre(clinicians: gp + #", {"id": "n1", "role": "nurse", "fte": 1}"#, patients: #"[{"id": "p1", "ageBand": "80+", "fixedDoctor": "n1"}]"#))
    #expect(e == "centre.json: population.patients[0].fixedDoctor: 'n1' is a nurse, expected the id of a doctor")
  }

  @Test func wrongTypesAndValues() {
    let type = load(centre(clinicians: #"{"id": "d1", "role": "specialist", "fte": "full"}"#))
    #expect(type == "centre.json:1:70: clinicians[0].fte: found \"full\", expected a number")
    let role = load(centre(clinicians: #"{"id": "d1", "role": "surgeon", "fte": 1}"#))
    let roles = ClinicianRole.allCases.map(\.rawValue).joined(separator: ", ")
    #expect(role == "centre.json:1:49: clinicians[0].role: found \"surgeon\", expected one of \(roles)")
    let json = load("{")
    #expect(json == "centre.json:1:2: not valid JSON: found the end of the file, expected a field name in quotes")
  }

  @Test func traineeNeedsTrainingProgress() {
    let e = load(centre(clinicians: #"{"id": "t1", "role": "trainee", "fte": 1}"#))
    #expect(e?.hasPrefix("centre.json: clinicians[0].trainingProgress: missing for a trainee") == true)
  }

  @Test func allProblemsAreReportedAtOnce() {
    let e = load(centre(clinicians: #"{"id": "d1", "role": "specialist", "fte": 2}, {"id": "d1", "role": "specialist", "fte": -1}"#))
    #expect(e?.split(separator: "\n").count == 3)
  }

  @Test func modelRoundTripsThroughJSON() throws {
    let centre = ExampleCentre.make()
    let data = try JSONInput.encode(centre)
    let back = try JSONInput.decode(CareCentre.self, from: data, file: nil)
    #expect(back == centre)
  }
}

