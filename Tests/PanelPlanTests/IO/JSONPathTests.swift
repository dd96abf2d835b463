import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

private func doc(_ s: String) throws -> JSONValue { try JSONValue.parse(Data(s.utf8)) }

private let centre = #"""
{"centre":{"clinicians":[
  {"id":"gp-a","role":"specialist","fte":1},
  {"id":"st-b","role":"trainee","fte":1},
  {"id":"gp-c","role":"specialist","fte":0.5},
  {"id":"gp-c-2","role":"nurse","fte":1}]},
 "demand":{"acuteShare":0.3}}
"""#

private func ids(_ v: JSONValue) -> [String] {
  guard case .array(let items)? = v["centre"]?["clinicians"] else { return [] }
  return items.compactMap { if case .string(let s)? = $0["id"] { return s } else { return nil } }
}

@Test func parsesStepsOfAPath() throws {
  #expect(try JSONPath(parsing: "demand.acuteShare").steps == [.field("demand"), .field("acuteShare")])
  #expect(try JSONPath(parsing: "centre.clinicians[2].fte").steps == [.field("centre"), .field("clinicians"), .index(2), .field("fte")])
  #expect(try JSONPath(parsing: "c[role=specialist].count").steps
    == [.field("c"), .filter([.init(field: "role", value: "specialist")]), .matchCount])
  #expect(try JSONPath(parsing: "g[ageBand=80+,nursingHome=true].'count'").steps
    == [.field("g"), .filter([.init(field: "ageBand", value: "80+"), .init(field: "nursingHome", value: "true")]), .field("count")])
  for bad in ["", "a..b", "a.", "a[", "a[x]", "a[role=x].count.fte", "[0]"] {
    #expect(throws: InputError.self, "\(bad)") { try JSONPath(parsing: bad) }
  }
}

@Test func setsFieldsIndicesAndFilters() throws {
  var v = try doc(centre)
  try v.set(JSONPath(parsing: "demand.acuteShare"), to: .number(0.2))
  try v.set(JSONPath(parsing: "centre.clinicians[id=gp-c].fte"), to: .number(0.8))
  try v.set(JSONPath(parsing: "centre.clinicians[1].fte"), to: .number(0.6))
  try v.set(JSONPath(parsing: "demand.newField"), to: .string("x"))
  #expect(v["demand"]?["acuteShare"] == .number(0.2))
  #expect(v["demand"]?["newField"] == .string("x"))
  guard case .array(let items)? = v["centre"]?["clinicians"] else { Issue.record("no list"); return }
  #expect(items.map { $0["fte"] } == [.number(1), .number(0.6), .number(0.8), .number(1)])
  // A filter sets every match.
  try v.set(JSONPath(parsing: "centre.clinicians[role=specialist].fte"), to: .number(0.9))
  guard case .array(let after)? = v["centre"]?["clinicians"] else { return }
  #expect(after.map { $0["fte"] } == [.number(0.9), .number(0.6), .number(0.9), .number(1)])
}

@Test func countClonesTheLastMatchWithFreshIdsOrRemovesTrailingMatches() throws {
  var v = try doc(centre)
  try v.set(JSONPath(parsing: "centre.clinicians[role=specialist].count"), to: .number(4))
  // Copies follow the last specialist; "gp-c-2" is taken, so the copies
  // are -3 and -4.
  #expect(ids(v) == ["gp-a", "st-b", "gp-c", "gp-c-3", "gp-c-4", "gp-c-2"])
  if case .array(let list)? = v["centre"]?["clinicians"] {
    #expect(list[3]["fte"] == .number(0.5))
  }
  try v.set(JSONPath(parsing: "centre.clinicians[role=specialist].count"), to: .number(1))
  #expect(ids(v) == ["gp-a", "st-b", "gp-c-2"])
  try v.set(JSONPath(parsing: "centre.clinicians[role=specialist].count"), to: .number(0))
  #expect(ids(v) == ["st-b", "gp-c-2"])
}

@Test func badPathsSayWhereAndWhatWasExpected() throws {
  let base = try doc(centre)
  func problem(_ path: String, _ value: JSONValue) -> String {
    var v = base
    do { try v.set(JSONPath(parsing: path), to: value); return "" } catch { return "\(error)" }
  }
  #expect(problem("centre.clinicans[0].fte", .number(1)).contains("found no field 'clinicans', expected one of: clinicians"))
  #expect(problem("centre.clinicians[9].fte", .number(1)).contains("expected an index below 4"))
  #expect(problem("centre.clinicians[role=surgeon].fte", .number(1)).contains("no element matches [role=surgeon]"))
  #expect(problem("centre.clinicians[role=surgeon].count", .number(2)).contains("none to copy"))
  #expect(problem("centre.clinicians[role=nurse].count", .number(1.5)).contains("expected a whole number of 0 or more"))
  #expect(problem("centre.clinicians[id=gp-a].fte", .string("full")).contains("expected a number like the base scenario's 1"))
  #expect(problem("demand.acuteShare.x", .number(1)).contains("at 'demand.acuteShare': found a number, expected an object"))
}

@Test func aPathOfFieldsBuildsTheObjectsItNeeds() throws {
  var v = JSONValue.object([JSONMember("name", .string("Sweden"))])
  try v.set(try JSONPath(parsing: "settings.plan.hires"), to: .number(400))
  #expect(v == .object([
    JSONMember("name", .string("Sweden")),
    JSONMember("settings", .object([JSONMember("plan", .object([JSONMember("hires", .number(400))]))])),
  ]))
  // A list or filter on the way is not invented.
  var w = JSONValue.object([])
  #expect(throws: InputError.self) { try w.set(try JSONPath(parsing: "centres[0].fte"), to: .number(1)) }
}
