import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

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
  // 0.9737 · P(X > 6) + 0.0263 · P(X > 7) = 0.214974790104094, worked out
  // outside Swift in 50-digit decimal arithmetic (Python `decimal`:
  // λ = 1100 · 1.1 / 249, s = (1366.8 · 60 − 1100 · 25) / 45 / 201,
  // f = s − 6, tail(k) = 1 − Σ_{j≤k} e^−λ λ^j / j!). The model's value is
  // compared with that figure, so the check fails if the model's tail,
  // slots or demand drift (before, the test compared its own Double
  // recomputation with the figure, which the model could not fail).
  #expect(abs(named["overflowFrequency"]! - 0.214_974_790_104_094) < 1e-12)
  // A property the tail must have: one slot a day more can only lower it.
  var roomier = centre
  roomier.clinicians[0].fte = 1.1
  let s2 = try model.prepare(scenarioJSON: JSONValue.object([JSONMember("centre", try JSONValue.parse(try JSONInput.encode(roomier)))]).serialized())
  let m2 = try model.evaluate(s2, stream: SweepStream(seed: 1, point: 0, replication: 0), workspace: &none)
  let named2 = Dictionary(uniqueKeysWithValues: zip(model.metricNames, m2))
  #expect(named2["overflowFrequency"]! < named["overflowFrequency"]!)
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
