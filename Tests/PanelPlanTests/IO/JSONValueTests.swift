import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Test func parseKeepsKeyOrderAndRoundTrips() throws {
  let text = #"{"z":1,"a":[true,false,null],"m":{"s":"x\"y\n","n":-2.5e-3}}"#
  let v = try JSONValue.parse(Data(text.utf8))
  guard case .object(let members) = v else { Issue.record("not an object"); return }
  #expect(members.map(\.key) == ["z", "a", "m"])
  #expect(v.jsonText == text.replacingOccurrences(of: "-2.5e-3", with: "-0.0025"))
  // What we write, Foundation reads back as the same document.
  let back = try JSONSerialization.jsonObject(with: v.serialized()) as? [String: Any]
  #expect((back?["m"] as? [String: Any])?["s"] as? String == "x\"y\n")
}

@Test func wholeNumbersAreWrittenWithoutFraction() {
  #expect(JSONValue.number(5).jsonText == "5")
  #expect(JSONValue.number(-3).jsonText == "-3")
  #expect(JSONValue.number(0.1).jsonText == "0.1")
  #expect(JSONValue.number(.nan).jsonText == "null")
}

@Test func syntaxErrorsGiveLineAndColumn() {
  let text = "{\n  \"a\": 1,\n  \"b\": tru\n}"
  #expect {
    try JSONValue.parse(Data(text.utf8), file: "s.json")
  } throws: { e in
    let d = "\(e)"
    return d.hasPrefix("s.json:3:8:") && d.contains("expected true")
  }
  #expect(throws: InputError.self) { try JSONValue.parse(Data(#"{"a":1,"a":2}"#.utf8)) }
  #expect(throws: InputError.self) { try JSONValue.parse(Data("[1,]".utf8)) }
  #expect(throws: InputError.self) { try JSONValue.parse(Data("[1] x".utf8)) }
}
