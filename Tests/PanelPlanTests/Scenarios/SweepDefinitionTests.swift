import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

func sweep(_ text: String) throws -> SweepDefinition {
  try SweepDefinition.decode(Data(text.utf8), file: "s.json", directory: FileManager.default.currentDirectoryPath)
}

@Test func readsTheExampleSweepFileWithItsCentre() throws {
  let d = try SweepDefinition.load(examplePath("sweep.json"))
  #expect(d.model == "capacity")
  #expect(d.replications == 20 && d.seed == 7 && d.design == .grid)
  #expect(d.parameters.map(\.name) == ["specialists", "trainees", "evaFTE"])
  #expect(d.parameters[2].levels == [.number(0.6), .number(0.8), .number(1)])
  #expect(d.pointCount == 36)
  // "$file" was replaced by the centre file's contents.
  #expect(d.base["centre"]?["id"] == .string("vc-exempel"))
}

@Test func rangesIncludeBothEnds() {
  func levels(_ from: Double, _ to: Double, _ step: Double) -> [JSONValue]? {
    SweepParameter(path: try! JSONPath(parsing: "x"), source: .range(from: from, to: to, step: step)).levels
  }
  #expect(levels(0.1, 0.3, 0.1) == [.number(0.1), .number(0.2), .number(0.3)])
  #expect(levels(4, 8, 2) == [.number(4), .number(6), .number(8)])
  #expect(levels(0, 1, 0.3) == [.number(0), .number(0.3), .number(0.6), .number(0.9)])
}

@Test func structuralMistakesNameTheField() {
  let base = #""base": {"centre": {"id": "c", "clinicians": []}}"#
  #expect(errorText { _ = try sweep("{\(base), \"paramters\": []}") }.contains("s.json:1:66: paramters: unknown field"))
  #expect(errorText { _ = try sweep(#"{"parameters": []}"#) }.contains("base: missing required field"))
  #expect(errorText { _ = try sweep("{\(base), \"parameters\": [{\"path\": \"a\"}]}") }
    .contains("parameters[0]: no values; expected one of 'values'"))
  #expect(errorText { _ = try sweep("{\(base), \"parameters\": [{\"path\": \"a\", \"values\": [1], \"range\": {\"from\": 1, \"to\": 2, \"step\": 1}}]}") }
    .contains("expected exactly one of"))
  #expect(errorText { _ = try sweep("{\(base), \"parameters\": [{\"path\": \"a[\", \"values\": [1]}]}") }
    .contains("parameters[0].path: path 'a['"))
  #expect(errorText { _ = try sweep("{\(base), \"design\": \"random\"}") }.contains("design: found 'random', expected one of: grid, latinHypercube"))
  #expect(errorText { _ = try sweep("{\(base), \"parameters\": [{\"path\": \"a\", \"distribution\": {\"type\": \"normal\", \"mean\": 1}}]}") }
    .contains("parameters[0].distribution.sd: missing required field"))
}

@Test func semanticMistakesAreAllReportedAtOnce() {
  let text = """
    {"base": {"centre": {}}, "model": "sim", "replications": 0, "design": "grid",
     "parameters": [
       {"name": "a", "path": "x", "range": {"from": 2, "to": 1, "step": 0}},
       {"name": "a", "path": "y", "distribution": {"type": "uniform", "min": 0, "max": 1}},
       {"name": "c", "path": "z", "values": []}]}
    """
  let e = errorText { _ = try sweep(text) }
  for expected in [
    "s.json: model: found 'sim', expected one of: capacity",
    "s.json: replications: found 0, expected a whole number from 1",
    "s.json: parameters[0].range.step: found 0.0, expected a positive step",
    "s.json: parameters[0].range.to: found 1.0, expected a value of at least from (2.0)",
    "s.json: parameters[1].name: duplicate name 'a'",
    "s.json: parameters[1].distribution: a grid needs a finite list of values",
    "s.json: parameters[2].values: found an empty list",
  ] {
    #expect(e.contains(expected), "\(expected)\n in \(e)")
  }
  #expect(errorText { _ = try sweep(#"{"base": {}, "design": "latinHypercube"}"#) }.contains("points: missing"))
  #expect(errorText { _ = try sweep(#"{"base": 3}"#) }.contains("base: found a number, expected a scenario object"))
  #expect(errorText { _ = try sweep(#"{"base": "no-such-file.json"}"#) }.hasSuffix("no-such-file.json: base: no such file"))
}
