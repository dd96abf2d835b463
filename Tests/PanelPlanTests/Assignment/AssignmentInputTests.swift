import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Reading the patients and visits for `panelplan assign`.
@Suite struct AssignmentInputTests {
  static let staff = [
    Clinician(id: "gp-1", role: .gpSpecialist, fte: 1), Clinician(id: "gp-2", role: .gpSpecialist, fte: 1),
    Clinician(id: "rn-1", role: .nurse, fte: 1),
  ]

  static func write(_ text: String, _ name: String) -> String { temporaryFile(text, name: name) }

  /// Groups, weights, previous doctors and wishes from the file; visits
  /// counted per patient and clinician inside the window only.
  @Test func readsPatientsAndCountsContactsInTheWindow() throws {
    let patients = Self.write("""
      patient;birth_year;need_weight;nursing_home;long_term_conditions;fixed_doctor;wants_fixed_doctor
      a;1940;2.5;1;0;gp-2;
      b;1990;;0;1;gp-9;nej
      c;;;0;0;;ja

      """, "patients.csv")
    let visits = Self.write("""
      patient,date,clinician
      a,2023-12-31,gp-1
      a,2024-01-02,gp-1
      a,2024-03-01,gp-1
      a,2024-02-01,gp-2
      c,2024-05-05,rn-1
      x,2024-05-05,gp-1

      """, "visits.csv")
    let reader = VisitRecordReader(path: visits, columns: { var c = VisitColumns(); c.profession.required = false; return c }(), workers: 1)
    let input = try AssignmentInput.load(
      patientsPath: patients, visits: reader, fromDay: ISODateBytes.parse("2024-01-01"), toDay: nil, clinicians: Self.staff)
    #expect(input.ageYear == 2024)  // the last visit in the window
    #expect(input.patients.priorityGroup == [0, 4, 5].map(UInt8.init))  // nursing home, one condition, others
    #expect(input.patients.needWeight[0] == 2.5)
    // b is 34 in 2024: the 30-44 band's default weight, 0.8 visits / the average.
    #expect(input.patients.needWeight[1] == Float(DemandDefaults.defaultNeedWeight(for: .age30to44)))
    #expect(input.patients.needWeight[2] == 1)  // unknown age: 1.0
    #expect(input.patients.previousDoctor == [1, -2, -1])
    #expect(input.patients.wants == [-1, 0, 1])
    #expect(input.unmatchedPreviousDoctors.map(\.id) == ["gp-9"])
    #expect(input.unknownAgeCount == 1)
    #expect(input.visitRowsInWindow == 5 && input.visitRowsUnknownPatient == 1 && input.visitRowsCounted == 4)
    // a: gp-1 twice in the window (the 2023 visit is outside), gp-2 once.
    #expect(input.contacts.visits(of: 0, with: 0) == 2 && input.contacts.visits(of: 0, with: 1) == 1)
    #expect(input.contacts.doctor[input.contacts.range(of: 0)] == [0, 1])
    #expect(input.contacts.visits(of: 2, with: 2) == 1)
  }

  /// A bad cell in the patients file names file, line, column and field.
  @Test func badPatientCellsNameTheirPlace() {
    let bad = Self.write("patient,wants_fixed_doctor\np1,yes\np2,maybe\n", "patients.csv")
    let message = errorMessage { _ = try AssignmentInput.load(patientsPath: bad, visits: nil, fromDay: nil, toDay: nil, clinicians: Self.staff) }
    #expect(message == "\(bad):3:2: wants_fixed_doctor: found 'maybe', expected 1/0, true/false, yes/no or ja/nej")
    let twice = Self.write("patient,need_weight\np1,1\np1,2\n", "patients.csv")
    let m2 = errorMessage { _ = try AssignmentInput.load(patientsPath: twice, visits: nil, fromDay: nil, toDay: nil, clinicians: Self.staff) }
    #expect(m2 == "\(twice):3:1: patient: found 'p1', expected each patient once (this id is on an earlier row)")
  }

  /// A bad visit row names file, line, column and field.
  @Test func badVisitRowsNameTheirPlace() {
    let patients = Self.write("patient\np1\n", "patients.csv")
    let visits = Self.write("patient,date,clinician\np1,2024-01-01,gp-1\np1,2024-13-01,gp-1\n", "visits.csv")
    let reader = VisitRecordReader(path: visits, displayName: "visits.csv", columns: { var c = VisitColumns(); c.profession.required = false; return c }(), workers: 1)
    let message = errorMessage { _ = try AssignmentInput.load(patientsPath: patients, visits: reader, fromDay: nil, toDay: nil, clinicians: Self.staff) }
    #expect(message?.hasPrefix("visits.csv:3:2: date: found '2024-13-01', expected a date YYYY-MM-DD") == true)
  }

  /// Cells are trimmed of spaces and tabs, and of Unicode spaces (a
  /// no-break space from a spreadsheet) as before the byte-level fast path.
  @Test func cellsAreTrimmed() throws {
    let patients = Self.write("patient,fixed_doctor\n p1\t,\u{00A0}gp-2\u{00A0}\n\"p2 \", gp-1 \n", "patients.csv")
    let input = try AssignmentInput.load(patientsPath: patients, visits: nil, fromDay: nil, toDay: nil, clinicians: Self.staff, ageYear: 2024)
    #expect(input.records.ids.string(0) == "p1" && input.records.ids.string(1) == "p2")
    #expect(input.previousIds == ["gp-2", "gp-1"])
    #expect(input.patients.previousDoctor == [1, 0])
  }

  /// An earlier list's fixed_doctor column replaces the patients file's.
  @Test func previousListGivesTheRelationsBefore() throws {
    let patients = Self.write("patient,fixed_doctor\np1,gp-1\np2,\np3,gp-2\n", "patients.csv")
    let earlier = Self.write("patient,fixed_doctor,kept\np2,gp-2,false\np3,,false\n", "assignments.csv")
    let input = try AssignmentInput.load(
      patientsPath: patients, visits: nil, fromDay: nil, toDay: nil, clinicians: Self.staff, previousPath: earlier, ageYear: 2024)
    #expect(input.patients.previousDoctor == [-1, 1, -1])
    #expect(input.previousIds == [nil, "gp-2", nil])
  }

  /// The list written as CSV has the columns, one row per patient,
  /// and the scenario population carries the list's doctors.
  @Test func listCSVAndScenarioPopulation() throws {
    let patients = Self.write("patient,birth_year,need_weight,fixed_doctor,wants_fixed_doctor\n\"p,1\",1940,1.5,gp-1,\np2,1980,1,,no\n", "patients.csv")
    let input = try AssignmentInput.load(patientsPath: patients, visits: nil, fromDay: nil, toDay: nil, clinicians: Self.staff, ageYear: 2024)
    let list = PanelAssignment.propose(patients: input.patients, contacts: input.contacts, clinicians: Self.staff, seed: 1)
    let csv = AssignmentReport.csv(list, input: input)
    #expect(csv == """
      patient,fixed_doctor,need_weight,priority_group,previous_fixed_doctor,kept,visits_with_fixed_doctor,reason
      "p,1",gp-1,1.5,aged-75+,gp-1,true,0,kept
      p2,,1,others,,false,0,does not want

      """)
    let pop = input.listedPopulation(with: list)
    #expect(pop.patients.map(\.fixedDoctorId) == ["gp-1", nil])
    #expect(pop.patients[0].profile.ageBand == .age80plus && pop.patients[0].profile.needWeight == 1.5)
  }
}
