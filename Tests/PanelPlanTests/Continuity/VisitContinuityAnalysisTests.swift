import Testing
@testable import PanelPlan
import PanelPlanTestSupport

// Examples/visits.csv worked by hand (rows are unsorted in the file; the
// order below is by date). d1, d2 doctors ("läkare"/"Läkare"), n1 a nurse.
//   p1: d1 d1 n1 d2 d1, fixed doctor d1
//     doctor: d1 d1 d2 d1  N=4, n=(3,1), Σn²=10 → COC (10−4)/12 = 0.5, UPC 0.75,
//       SECON 1/3 (only d1→d1), HHI 10/16 = 0.625, MMCI (1−2/4.1)/(1−1/4.1) = 2.1/3.1, FD 3/4
//     all: N=5, n=(3,1,1), Σn²=11 → COC 6/20 = 0.3, UPC 0.6, SECON 1/4, HHI 0.44,
//       MMCI (1−3/5.1)/(1−1/5.1) = 2.1/4.1, FD 3/5
//   p2: d2 d2, fixed d2: every index 1 in both scopes.
//   p3: d1 n1 d2, no fixed doctor
//     doctor: d1 d2 → COC 0, UPC 0.5, SECON 0, HHI 0.5, MMCI 0.1/1.1, FD undefined
//     all: three providers → COC 0, UPC 1/3, SECON 0, HHI 1/3, MMCI 0.1/2.1
//   p4: one nurse visit → left out of both scopes with --min-visits 2.
// Doctor scope, all patients: 3 patients, 4+2+2 = 8 visits; COC mean (0.5+1+0)/3 = 0.5,
//   median 0.5; SECON mean (1/3+1+0)/3 = 4/9, median 1/3; FD share mean (0.75+1)/2 = 0.875.
// All scope: 3 patients, 5+2+3 = 10 visits; COC mean 1.3/3, median 0.3; UPC mean
//   (0.6+1+1/3)/3, median 0.6; MMCI mean (2.1/4.1 + 1 + 0.1/2.1)/3.
// Unit (most of each patient's rows): p1, p2 at "VC Norr, Umeå", p3 at "VC Söder";
//   doctor COC mean at Norr (0.5+1)/2 = 0.75.

private let tolerance = 1e-12

private func example(_ options: VisitContinuityOptions = VisitContinuityOptions(), workers: Int = 1, patients: Bool = false,
                     skr: Bool = false, skrEnd: Int32? = nil) throws -> VisitContinuityAnalysis {
  let records = patients ? try PatientRecords.load(path: examplePath("patients.csv")) : nil
  return try VisitContinuityAnalysis.run(
    reader: VisitRecordReader(path: examplePath("visits.csv"), workers: workers), options: options,
    patientRecords: records, skr: skr, skrEndDay: skrEnd)
}

@Test func exampleAggregatesMatchTheHandWorkedValues() throws {
  let a = try example()
  let all = a.summary(grouping: "all")[0]
  #expect(all.doctor.patients == 3 && all.doctor.visits == 8 && all.all.patients == 3 && all.all.visits == 10)
  #expect(abs(all.doctor.coc!.mean - 0.5) < tolerance && abs(all.doctor.coc!.median - 0.5) < tolerance)
  #expect(abs(all.doctor.secon!.mean - 4.0 / 9.0) < tolerance && abs(all.doctor.secon!.median - 1.0 / 3.0) < tolerance)
  #expect(abs(all.doctor.herfindahl!.mean - (0.625 + 1 + 0.5) / 3) < tolerance)
  #expect(abs(all.doctor.mmci!.median - 2.1 / 3.1) < tolerance)
  #expect(all.doctor.fixedDoctorShare!.count == 2 && abs(all.doctor.fixedDoctorShare!.mean - 0.875) < tolerance)
  #expect(abs(all.all.coc!.mean - 1.3 / 3) < tolerance && abs(all.all.coc!.median - 0.3) < tolerance)
  #expect(abs(all.all.upc!.mean - (0.6 + 1 + 1.0 / 3) / 3) < tolerance && abs(all.all.upc!.median - 0.6) < tolerance)
  #expect(abs(all.all.mmci!.mean - (2.1 / 4.1 + 1 + 0.1 / 2.1) / 3) < tolerance)
  #expect(abs(all.all.fixedDoctorShare!.mean - (0.6 + 1) / 2) < tolerance)
  let units = a.summary(grouping: "unit")
  #expect(units.map(\.group) == ["VC Norr, Umeå", "VC Söder"])
  #expect(abs(units[0].doctor.coc!.mean - 0.75) < tolerance && units[1].doctor.coc!.mean == 0)
  // The file is unsorted: p1 and p3 came out of order and went through the second pass.
  #expect(a.unorderedPatients == 2)
}

@Test func patientsFileGivesAgeBandsAndPriorityGroups() throws {
  let a = try example(patients: true)
  // Reference year 2024: p1 born 1940 → 80+, nursing home; p2 1975 → 45-64, two
  // conditions; p3 2000 → 16-29, others. p4 (65-74) has no doctor visit and one
  // visit in all: in neither scope.
  #expect(a.summary(grouping: "age_band").map(\.group) == ["16-29", "45-64", "65-74", "80+"])
  let pg = a.summary(grouping: "priority_group")
  #expect(pg.map(\.group) == ["nursing-home", "several-conditions", "others"])
  #expect(abs(pg[0].doctor.coc!.mean - 0.5) < tolerance && pg[2].all.patients == 1)
}

@Test func skrPresetKeepsListingUnitVisitsInTheWindow() throws {
  // Window ends at the last date, 2024-06-01: 18 months back from 2024-06-02.
  // Only visits at the listing unit: p1 loses its nurse visit at VC Söder
  // (d1 d1 d2 d1: 4 visits ≥ 3); p2 has 2 < 3; p3 keeps 3 (all at Söder).
  let a = try example(skr: true)
  #expect(a.toDay == ISODateBytes.dayNumber(year: 2024, month: 6, day: 1))
  #expect(a.fromDay == ISODateBytes.dayNumber(year: 2022, month: 12, day: 2))
  let all = a.summary(grouping: "all")[0].all
  #expect(all.patients == 2 && all.visits == 7)
  #expect(abs(all.coc!.mean - (0.5 + 0) / 2) < tolerance)
}

@Test func windowContactTypesAndDoctorValuesFilterRows() throws {
  var o = VisitContinuityOptions()
  o.fromDay = ISODateBytes.dayNumber(year: 2024, month: 2, day: 1)
  o.contactTypes = ["physical"]
  o.minVisits = 1
  // From Feb, physical only: p1 d1(02-05) d1(05-20); p2 d2(03-15); p3 d1 n1 d2.
  let a = try example(o)
  #expect(a.countedVisits == 6)
  o.doctorValues = ["sjuksköterska"]
  #expect(try example(o).summary(grouping: "all")[0].doctor.visits == 1)
}

@Test func unsortedInputGivesTheSameResultAsSorted() throws {
  for seed in 0..<3 {
    var rng = Xoshiro256(seed: UInt64(seed))
    var rows: [(String, Int, String)] = []
    for p in 0..<300 {
      // Distinct days per patient so the date order is unambiguous.
      var days = Set<Int>()
      for _ in 0..<(1 + rng.nextIndex(8)) { days.insert(rng.nextIndex(300)) }
      for d in days { rows.append(("p\(p)", d, "c\(rng.nextIndex(6))")) }
    }
    func text(_ rs: [(String, Int, String)]) -> String {
      "patient,date,clinician,profession\n" + rs.map { r in
        "\(r.0),\(ISODateBytes.format(ISODateBytes.dayNumber(year: 2024, month: 1, day: 1) + Int32(r.1))),\(r.2),\(r.2 < "c3" ? "läkare" : "nurse")\n"
      }.joined()
    }
    let sorted = rows.sorted { ($0.1, $0.0) < ($1.1, $0.0) }
    var shuffled = rows
    for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, rng.nextIndex(i + 1)) }
    func perPatient(_ t: String, workers: Int) throws -> [String: [ContinuityStatistics]] {
      var r = VisitRecordReader(path: temporaryFile(t), workers: workers)
      r.parallelThresholdBytes = 1
      let a = try VisitContinuityAnalysis.run(reader: r, options: VisitContinuityOptions())
      var out: [String: [ContinuityStatistics]] = [:]
      for i in 0..<a.patients.count { out[a.patients.string(Int32(i))] = [a.doctorStatistics[i], a.allStatistics[i]] }
      return out
    }
    let reference = try perPatient(text(sorted), workers: 1)
    #expect(try perPatient(text(shuffled), workers: 1) == reference)
    #expect(try perPatient(text(shuffled), workers: 3) == reference)
    // SECON checked against a direct count on the sorted sequence.
    for p in ["p0", "p1", "p2"] {
      let seq = sorted.filter { $0.0 == p }.map(\.2)
      let pairs = zip(seq, seq.dropFirst()).filter { $0 == $1 }.count
      #expect(reference[p]?[1].sameProviderPairs == Int32(pairs))
    }
  }
}
