import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct ScenarioTests {
  static let minimalCentre = #"{"id": "vc", "clinicians": [{"id": "gp", "role": "specialist", "fte": 1}]}"#

  static func decode(_ json: String) throws -> Scenario {
    try JSONInput.decode(Scenario.self, from: Data(json.utf8), file: "s.json")
  }

  @Test func missingFieldsTakeTheDocumentedDefaults() throws {
    let s = try Self.decode(#"{"centre": \#(Self.minimalCentre)}"#)
    #expect(s.parameters == SimulationParameters())
    #expect(s.name == "vc")
    // DOMAIN.md's 2.6, scaled so the table averages 1.1 (issue 13).
    #expect(abs(s.parameters.demand.doctorVisitsPerYear[AgeBand.age80plus.index] - 2.6 * 1.1 / 1.075) < 1e-12)
    #expect(s.parameters.booking.acuteAssessmentDays == 3)
  }

  @Test func partialObjectsOverrideOnlyWhatTheyName() throws {
    let s = try Self.decode(#"""
      {"centre": \#(Self.minimalCentre), "years": 3,
       "demand": {"doctorVisitsPerYear": {"80+": 3.1}, "taskSharingShare": 0.2},
       "workingTime": {"minutesPerVisit": 20},
       "assignment": {"capacityView": "workingTime", "wantShare": {"others": 0.5}, "order": ["nursing-home"]},
       "continuity": {"minimumVisits": 3, "windowMonths": 18}}
      """#)
    let p = s.parameters
    #expect(p.years == 3)
    #expect(p.demand.doctorVisitsPerYear[AgeBand.age80plus.index] == 3.1)
    #expect(p.demand.doctorVisitsPerYear[AgeBand.age0to5.index] == DemandDefaults.doctorVisitsPerYear(for: .age0to5))
    #expect(p.demand.taskSharingShare == 0.2)
    #expect(p.workingTime.minutesPerVisit == 20)
    #expect(p.workingTime.indirectMinutesPerVisit == 15)
    #expect(p.assignment.capacityView == .workingTime)
    #expect(p.assignment.wantShare(of: .others) == 0.5)
    #expect(p.assignment.wantShare(of: .nursingHome) == 1)
    #expect(p.assignment.order == [.nursingHome])
    #expect(p.continuity == .skr)
  }

  @Test func encodingRoundTrips() throws {
    var s = Scenario.example()
    s.parameters.booking.plannedToleranceDays = 7
    s.parameters.continuity.windowMonths = 18
    let back = try JSONInput.decode(Scenario.self, from: try JSONInput.encode(s), file: nil)
    #expect(back == s)
  }

  @Test func unknownFieldsAreErrorsWithTheirPath() {
    for (json, field) in [
      (#"{"centre": \#(Self.minimalCentre), "booking": {"plannedTolerance": 5}}"#, "booking.plannedTolerance"),
      (#"{"centre": \#(Self.minimalCentre), "yeras": 2}"#, "yeras"),
      (#"{"centre": \#(Self.minimalCentre), "demand": {"doctorVisitsPerYear": {"90+": 3}}}"#, "demand.doctorVisitsPerYear.90+"),
      (#"{"centre": \#(Self.minimalCentre), "assignment": {"wantShare": {"everyone": 1}}}"#, "assignment.wantShare.everyone"),
    ] {
      do {
        _ = try Self.decode(json)
        Issue.record("accepted \(json)")
      } catch let e as InputError {
        #expect(e.field == field)
        #expect(e.file == "s.json")
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
  }

  @Test func validationNamesEveryBadField() throws {
    let s = try Self.decode(#"""
      {"centre": {"id": "vc", "clinicians": [{"id": "gp", "role": "specialist", "fte": 7}]},
       "years": 0, "demand": {"acuteShare": 1.5}, "booking": {"acuteReservedShare": -0.1},
       "continuity": {"minimumVisits": 1}}
      """#)
    let fields = s.problems().compactMap(\.field)
    #expect(fields == ["centre.clinicians[0].fte", "years", "demand.acuteShare", "booking.acuteReservedShare", "continuity.minimumVisits"])
    #expect(throws: InputErrors.self) { try s.check(file: "s.json") }
  }

  @Test func triageAndPatienceAreOptionalCheckedAndStrict() throws {
    let s = try Self.decode(#"""
      {"centre": \#(Self.minimalCentre), "triage": {"resolvedShare": 0.4}, "patience": {"acutePatienceDays": 3}}
      """#)
    #expect(s.parameters.triage == TriageParameters(resolvedShare: 0.4))
    #expect(s.parameters.patience == PatienceParameters(acutePatienceDays: 3))
    do {
      _ = try Self.decode(#"{"centre": \#(Self.minimalCentre), "triage": {"resolved": 0.4}}"#)
      Issue.record("unknown key accepted")
    } catch let e as InputError {
      #expect(e.field == "triage.resolved")
    }
    let bad = try Self.decode(#"""
      {"centre": \#(Self.minimalCentre), "triage": {"triagedShare": 2}, "patience": {"plannedPatienceDays": -1}}
      """#)
    #expect(bad.problems().compactMap(\.field) == ["triage.triagedShare", "patience.plannedPatienceDays"])
  }

  @Test func exampleFileLoadsAndIsValid() throws {
    let s = try Scenario.load(examplePath("scenario.json"))
    #expect(s.centre.population.count == 12_000)
    #expect(s.parameters.years == 2)
    var defaults = SimulationParameters()
    defaults.years = 2
    #expect(s.parameters == defaults)
  }
}
