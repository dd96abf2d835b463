import Foundation
import Testing
@testable import PanelPlan

@Test func capacityModelMetricsFollowTheCapacityFormulas() throws {
  // One full-time specialist without duties, 1,100 average-need patients:
  // guideline ratio 1; λ = 1,100 × 1.1 / 249.
  let centre = CareCentre(
    id: "c", name: "c", clinicians: [Clinician(id: "d", role: .gpSpecialist, fte: 1)],
    population: ListedPopulation(groups: [PatientGroup(profile: PatientProfile(ageBand: .age45to64, needWeight: 1), count: 1100)]))
  let json = try JSONValue.parse(try JSONInput.encode(centre))
  let model = CapacitySweepModel()
  let s = try model.prepare(scenarioJSON: JSONValue.object([JSONMember("centre", json)]).serialized())
  var none: Void = ()
  let m = try model.evaluate(s, stream: SweepStream(seed: 1, point: 0, replication: 0), workspace: &none)
  let named = Dictionary(uniqueKeysWithValues: zip(model.metricNames, m))
  #expect(abs(named["guidelineRatio"]! - 1) < 1e-12)
  #expect(named["specialistFTEGap"] == 0)
  #expect(named["shareOfferable"] == 1)
  #expect(abs(named["demandPerDay"]! - 1100 * 1.1 / 249) < 1e-12)
  // Slots after all indirect work (issue 13, finding 3): (1,366.8 h × 60 −
  // 1,100 × 25 min) / 45 min = 1,211.29 visits a year; / 249 open days =
  // 4.8646 a day. Not 1,822.4 / 249 = 7.3, which left out the per-patient
  // indirect work.
  #expect(abs(named["slotsPerDay"]! - (1_366.8 * 60 - 1_100 * 25) / 45 / 249) < 1e-9)
  // Green–Savin–Murray on the doctor's working days: slots per present day
  // 1,211.29 / 201 = 6.0263 (frac 0.0263 of days have 7); demand per
  // working day λ = 4.8594. Tail by direct summation of e^−λ λ^j / j!:
  // 0.9737 · P(X > 6) + 0.0263 · P(X > 7) = 0.21497 (checked in Python).
  let lambda = 1100 * 1.1 / 249, spd = (1_366.8 * 60 - 1_100 * 25) / 45 / 201
  func tail(_ k: Int) -> Double {
    var cdf = 0.0
    for j in 0...k { cdf += exp(-lambda + Double(j) * log(lambda) - lgamma(Double(j + 1))) }
    return 1 - cdf
  }
  let f = spd - 6
  let expected = (1 - f) * tail(6) + f * tail(7)
  #expect(abs(expected - 0.214975) < 1e-6)
  #expect(abs(named["overflowFrequency"]! - expected) < 1e-12)
}

@Test func capacityModelRejectsUnknownFieldsAndBadValuesWithPaths() {
  let model = CapacitySweepModel()
  let e1 = errorText { _ = try model.prepare(scenarioJSON: Data(#"{"centre": {"id": "c", "clinicians": []}, "demand": 1}"#.utf8)) }
  #expect(e1.contains("demand: unknown field; expected one of: centre, visitsPerPatientYear, openDaysPerYear"))
  let e2 = errorText {
    _ = try model.prepare(scenarioJSON: Data(#"{"centre": {"id": "c", "clinicians": [{"id": "a", "role": "specialist", "fte": 3}]}}"#.utf8))
  }
  #expect(e2.contains("centre.clinicians[0].fte: found 3.0, expected a number from 0 to 1.5"))
}
