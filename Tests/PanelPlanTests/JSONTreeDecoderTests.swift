import Foundation
import Testing
@testable import PanelPlan

// Sweep points are decoded from the tree (`JSONTreeDecoder`) while files
// go through Foundation's `JSONDecoder`: the same JSON must give the same
// value and, when it is wrong, the same message word for word.

/// The message of decoding `text` through JSON text and through the tree.
private func both<T: Decodable>(_ type: T.Type, _ text: String) -> (viaText: String, viaTree: String) {
  func run(_ body: () throws -> T) -> String {
    do { _ = try body(); return "ok" } catch { return "\(error)" }
  }
  let data = Data(text.utf8)
  return (
    run { try JSONInput.decode(type, from: data, file: nil) },
    run { try JSONInput.decode(type, from: try JSONValue.parse(data)) })
}

@Test(arguments: [
  // Wrong kinds, nulls, missing fields, bad enum values, nested paths.
  #"{"centre": {"id": "c", "clinicians": [{"id": "a", "role": "gp_specialist", "fte": "x"}]}}"#,
  #"{"centre": {"id": "c", "clinicians": [{"id": "a", "role": "gp_specialist", "fte": null}]}}"#,
  #"{"centre": {"id": "c", "clinicians": [{"id": "a", "role": "nurses", "fte": 1}]}}"#,
  #"{"centre": {"id": "c", "clinicians": [{"id": "a", "fte": 1}]}}"#,
  #"{"centre": {"id": "c", "clinicians": [{"id": "a", "role": "gp_specialist", "fte": 1, "birthYear": 1970.5}]}}"#,
  #"{"centre": {"id": "c", "clinicians": {}}}"#,
  #"{"centre": {"id": "c", "clinicians": null}}"#,
  #"{"centre": null}"#,
  #"{"centre": 3}"#,
  #"{"centre": {"id": "c", "clinicians": [], "population": {"groups": [{"ageBand": "90+", "count": 2}]}}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "years": "2"}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "demand": {"doctorVisitsPerYear": {"0-5": true}}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "demand": {"doctorVisitsPerYear": {"0-4": 1}}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "assignment": {"wantShare": {"nobody": 1}}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "assignment": {"capacityView": "both"}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "guideline": {"experienceSteps": [{"minYears": -1, "factor": 1}]}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "booking": {"preferPreviousDoctor": 1}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "continuity": {"windowMonths": null}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "triage": {"triagedShare": [0.5]}}"#,
  #"{"centre": {"id": "c", "clinicians": []}, "fet": 1}"#,
  #"[1, 2]"#,
  #"{"centre": {"id": "c", "clinicians": [{"id": "a", "role": "gp_specialist", "fte": 0.5, "duties": {"research": 0.1}}]}, "years": 3, "workingTime": {"minutesPerVisit": 25}}"#,
])
func treeDecodingSaysWhatTextDecodingSays(_ text: String) {
  let (viaText, viaTree) = both(Scenario.self, text)
  #expect(viaText == viaTree)
}

@Test func treeDecodingGivesTheSameScenario() throws {
  let data = try JSONInput.encode(Scenario(centre: ExampleCentre.make()))
  let viaText = try JSONInput.decode(Scenario.self, from: data, file: nil)
  let viaTree = try JSONInput.decode(Scenario.self, from: try JSONValue.parse(data))
  #expect(viaText == viaTree)
  #expect(try JSONInput.encode(viaTree) == data)
}

@Test func treeDecodingReadsRegionsAndNations() throws {
  let nation = SyntheticRegion().sweden(seed: 2)
  let data = try JSONInput.encode(nation)
  #expect(try JSONInput.decode(Nation.self, from: try JSONValue.parse(data)) == JSONInput.decode(Nation.self, from: data, file: nil))
}

/// A fraction or a huge number where a whole number goes: Foundation's
/// `JSONDecoder` loses the field's path for these, so a sweep point (JSON
/// made in memory, no file to locate it in) read "not valid JSON". From the
/// tree the message names the field: a documented fix of issue 12.
@Test(arguments: [
  (#"{"centre": {"id": "c", "clinicians": [], "population": {"groups": [{"ageBand": "80+", "count": 2.5}]}}}"#, "centre.population.groups[0].count"),
  (#"{"centre": {"id": "c", "clinicians": []}, "years": 1e30}"#, "years"),
])
func treeDecodingNamesTheFieldOfANumberThatIsNotWhole(_ text: String, _ field: String) {
  let (viaText, viaTree) = both(Scenario.self, text)
  #expect(viaText == "not valid JSON")
  #expect(viaTree == field + ": found a number, expected a whole number that fits (0 or more where counts are meant)")
}
