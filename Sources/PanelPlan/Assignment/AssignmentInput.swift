import Foundation

/// The patients, their previous fixed doctors and their doctor contacts, read
/// from files for `PanelAssignment` (`panelplan assign`).
///
/// Patients come from a patients CSV (`PatientRecords`, the reader
/// `panelplan continuity --patients` uses, plus its `wants_fixed_doctor`
/// column); visits from a visit CSV streamed by `VisitRecordReader`, with
/// the same file:line:column errors. The need weight is the file's
/// `need_weight`, else the age band's default (`DemandDefaults`), else 1.0;
/// the priority group follows `PriorityGroup(classifying:)` at `ageYear`,
/// with a patient of unknown age counted as under 75.
public struct AssignmentInput: Sendable {
  /// The patients file as read (ids in row order).
  public var records: PatientRecords
  /// Weights, groups, previous doctors and wishes, row by row.
  public var patients: PanelPatients
  /// Visits per patient and clinician in the window.
  public var contacts: DoctorContacts
  /// Each patient's previous fixed doctor as written in the input (nil: none).
  public var previousIds: [String?]
  /// Previous fixed-doctor ids that are not among the clinicians, with the
  /// number of patients naming each, sorted by id.
  public var unmatchedPreviousDoctors: [(id: String, patients: Int)]
  /// Patients whose age is unknown (no birth year or age band) and whose
  /// group depended on it.
  public var unknownAgeCount: Int
  /// The year ages are taken at.
  public var ageYear: Int
  /// Visit rows in the window, of them with a patient not in the patients
  /// file, and counted (known patient, one of the clinicians).
  public var visitRowsInWindow = 0, visitRowsUnknownPatient = 0, visitRowsCounted = 0
  /// What the visit reader reported (nil without a visit file).
  public var visitScan: VisitScanReport?

  /// Reads the files.
  ///
  /// - Parameters:
  ///   - patientsPath: the patients CSV.
  ///   - visits: a reader for the visit CSV, or nil.
  ///   - fromDay, toDay: the window of visits counted, inclusive.
  ///   - clinicians: the staff the list is made for (after any removal).
  ///   - previousPath: an earlier list (`panelplan assign --out`) whose
  ///     `fixed_doctor` column replaces the patients file's as the relations
  ///     before; patients missing from it had none.
  ///   - ageYear: the year ages are taken at; default the year of `toDay`,
  ///     else of the last visit in the window, else the current year.
  /// - Throws: `InputError` naming file, line, column and field.
  public static func load(
    patientsPath: String, visits: VisitRecordReader?, fromDay: Int32?, toDay: Int32?, clinicians: [Clinician],
    previousPath: String? = nil, ageYear: Int? = nil
  ) throws -> AssignmentInput {
    let records = try PatientRecords.load(path: patientsPath)
    let n = records.ids.count
    var doctorIds = ByteInterner(capacity: clinicians.count)
    var doctorIndex: [String: Int32] = [:]
    for (i, c) in clinicians.enumerated() {
      _ = doctorIds.intern(c.id)
      if doctorIndex[c.id] == nil { doctorIndex[c.id] = Int32(i) }
    }

    var contacts = DoctorContacts(patientCount: n)
    var rowsInWindow = 0, rowsUnknown = 0, rowsCounted = 0
    var lastDay: Int32?
    var scanReport: VisitScanReport?
    if let reader = visits {
      let (sinks, report) = try reader.scan { _ in
        DoctorContactCounter(patients: records.ids, clinicians: doctorIds, fromDay: fromDay, toDay: toDay)
      }
      let merged = DoctorContactCounter.merge(sinks, patientCount: n)
      contacts = merged.contacts
      rowsInWindow = merged.rowsInWindow
      rowsUnknown = merged.rowsUnknownPatient
      rowsCounted = merged.rowsCounted
      lastDay = merged.lastDay
      scanReport = report
    }
    let year = ageYear ?? (toDay ?? lastDay).map { ISODateBytes.civil($0).year }
      ?? Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!

    var previous: [String?] = records.fixedDoctor
    if let previousPath {
      let earlier = try PatientRecords.load(path: previousPath)
      var byId: [String: String] = [:]
      for j in 0..<earlier.ids.count { if let d = earlier.fixedDoctor[j] { byId[earlier.ids.string(Int32(j))] = d } }
      previous = (0..<n).map { byId[records.ids.string(Int32($0))] }
    }

    var patients = PanelPatients()
    patients.needWeight.reserveCapacity(n)
    var unmatched: [String: Int] = [:]
    var unknownAge = 0
    for i in 0..<n {
      let band = records.ageBand(i, atYear: year)
      let profile = PatientProfile(
        ageBand: band ?? .age45to64, sex: records.sex[i], needWeight: records.needWeight[i] ?? (band == nil ? 1 : nil),
        nursingHome: records.nursingHome[i], homeHealthCare: records.homeHealthCare[i],
        longTermConditions: records.longTermConditions[i])
      let group = profile.priorityGroup
      if band == nil && group >= .aged75plus { unknownAge += 1 }
      var d: Int32 = -1
      if let id = previous[i] {
        if let k = doctorIndex[id] { d = k } else { d = -2; unmatched[id, default: 0] += 1 }
      }
      patients.append(needWeight: Float(profile.needWeight), group: group, previousDoctor: d, wants: records.wantsFixedDoctor[i])
    }
    var input = AssignmentInput(
      records: records, patients: patients, contacts: contacts, previousIds: previous,
      unmatchedPreviousDoctors: unmatched.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
      unknownAgeCount: unknownAge, ageYear: year)
    input.visitRowsInWindow = rowsInWindow
    input.visitRowsUnknownPatient = rowsUnknown
    input.visitRowsCounted = rowsCounted
    input.visitScan = scanReport
    return input
  }

  /// The patients as a centre's listed population with the list's fixed
  /// doctors, to put in a scenario for `panelplan simulate` (a patient of
  /// unknown age is written as 45-64, the band that changes no group).
  public func listedPopulation(with list: PanelAssignment) -> ListedPopulation {
    var out: [Patient] = []
    out.reserveCapacity(patients.count)
    for i in 0..<patients.count {
      let band = records.ageBand(i, atYear: ageYear) ?? .age45to64
      let profile = PatientProfile(
        ageBand: band, sex: records.sex[i], needWeight: Double(patients.needWeight[i]),
        nursingHome: records.nursingHome[i], homeHealthCare: records.homeHealthCare[i],
        longTermConditions: records.longTermConditions[i])
      let d = list.doctorOf[i]
      out.append(Patient(id: records.ids.string(Int32(i)), profile: profile, fixedDoctorId: d >= 0 ? list.clinicianIds[Int(d)] : nil))
    }
    return ListedPopulation(patients: out)
  }
}
