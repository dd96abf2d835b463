import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Swedish profession titles in visit records.
@Suite struct ProfessionTitlesTests {
  /// The titles the issue lists, written as record systems write them.
  @Test(arguments: ["ST-läkare", "st läkare", "AT-läkare", "Distriktsläkare", "SPECIALISTLÄKARE", "allmänläkare",
                    "Leg. läkare", "leg läkare", "Specialist i allmänmedicin", "läkare", "Lakare", "BT-läkare", "hyrläkare"])
  func doctorTitlesAreDoctors(title: String) {
    #expect(ProfessionTitles.classify(title) == .doctor)
  }

  @Test(arguments: ["sjuksköterska", "Distriktssköterska", "DSK", "Leg. sjuksköterska", "specialistsjuksköterska"])
  func nurseTitlesAreNurses(title: String) {
    #expect(ProfessionTitles.classify(title) == .nurse)
  }

  @Test func othersAndUnknown() {
    #expect(ProfessionTitles.classify("Fysioterapeut") == .other)
    #expect(ProfessionTitles.classify("Kurator") == .other)
    #expect(ProfessionTitles.classify("xyz") == .unknown)
    // A user's own list replaces the doctor titles: a doctor title left out
    // is still known, and not a doctor.
    #expect(ProfessionTitles.classify("ST-läkare", doctorValues: ["lakare"]) == .other)
    #expect(ProfessionTitles.classify("Läkare", doctorValues: ["lakare"]) == .doctor)
  }

  /// Doctor COC over a file where the doctors are written as ST-läkare:
  /// one patient sees the same ST-läkare twice and a nurse once, another
  /// sees two different distriktsläkare. Doctor COC by hand: patient 1 has
  /// N = 2 doctor visits with one doctor, COC = (4 − 2)/(2·1) = 1; patient 2
  /// has N = 2 with two doctors, COC = (1 + 1 − 2)/2 = 0. Mean 0.5. Were the
  /// titles not doctors, there would be no doctor visits at all.
  @Test func titlesCountInTheDoctorIndexAndAreTallied() throws {
    let path = temporaryFile("""
      patient,date,clinician,profession
      p1,2024-01-01,d1,ST-läkare
      p1,2024-02-01,d1,ST-läkare
      p1,2024-03-01,n1,Sjuksköterska
      p2,2024-01-01,d2,Distriktsläkare
      p2,2024-02-01,d3,distriktsläkare
      p2,2024-03-01,x,Trollkarl

      """)
    let a = try VisitContinuityAnalysis.run(reader: VisitRecordReader(path: path, workers: 1), options: VisitContinuityOptions())
    let means = (0..<a.patients.count).compactMap { a.counts($0, .doctor) ? a.indices($0, .doctor).coc : nil }
    #expect(means.count == 2)
    #expect(abs(means.reduce(0, +) / 2 - 0.5) < 1e-12)
    let t = a.professions
    #expect(t.entries.first { $0.value == "ST-läkare" }?.rows == 2)
    #expect(t.entries.first { $0.value == "ST-läkare" }?.kind == .doctor)
    #expect(t.entries.first { $0.value == "Sjuksköterska" }?.kind == .nurse)
    #expect(t.unknown.map(\.value) == ["Trollkarl"])
    #expect(t.entries.reduce(0) { $0 + $1.rows } == 6)
  }

  @Test func centreFileRoles() {
    #expect(ProfessionTitles.role(of: "ST-läkare") == .gpTrainee)
    #expect(ProfessionTitles.role(of: "Specialist i allmänmedicin") == .gpSpecialist)
    #expect(ProfessionTitles.role(of: "Hyrläkare") == .locum)
    #expect(ProfessionTitles.role(of: "Distriktssköterska") == .nurse)
    #expect(ProfessionTitles.role(of: "Kurator") == .otherProfession)
    #expect(ProfessionTitles.role(of: "rymdkapten") == nil)
  }
}
