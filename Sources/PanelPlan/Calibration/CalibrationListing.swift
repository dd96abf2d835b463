import Foundation

/// The listed population of a calibration, matched to the rows' patients
/// and carrying each patient's fixed doctor.
struct CalibrationListing {
  struct Listed {
    var id: String
    var profile: PatientProfile
    var fixed: String?
    var bandKnown: Bool
  }

  var listed: [Listed] = []
  /// Listed index → row patient (-1: no visits), and back.
  var rowOf: [Int32]
  var listedOf: [Int32]
  /// The centre file's doctors by id, as clinician indices.
  var doctorIndex: [String: Int] = [:]
  /// Fixed doctor per row patient, as a row clinician index (-1: none).
  var fixedRowClinician: [Int32]

  /// The list from the patients file, else the centre file's individual
  /// patients; fixed doctors from the patients file, else the visits'
  /// column, else the centre file.
  init(
    rows: CalibrationRows, centre: CareCentre, records: PatientRecords?, referenceYear: Int, file: String,
    notes: inout [String]
  ) throws {
    var unknownAge = 0
    if let r = records {
      listed.reserveCapacity(r.ids.count)
      for i in 0..<r.ids.count {
        let band = r.ageBand(i, atYear: referenceYear)
        if band == nil { unknownAge += 1 }
        let profile = PatientProfile(
          ageBand: band ?? .age45to64, sex: r.sex[i], needWeight: r.needWeight[i],
          nursingHome: r.nursingHome[i], homeHealthCare: r.homeHealthCare[i], longTermConditions: r.longTermConditions[i])
        listed.append(Listed(id: r.ids.string(Int32(i)), profile: profile, fixed: r.fixedDoctor[i], bandKnown: band != nil))
      }
    } else {
      for p in centre.population.patients { listed.append(Listed(id: p.id, profile: p.profile, fixed: p.fixedDoctorId, bandKnown: true)) }
      if !centre.population.groups.isEmpty {
        notes.append("The centre file's \(centre.population.groups.count) patient group(s) have no ids to match visits and are left out; give --patients for the whole list.")
      }
    }
    guard !listed.isEmpty else {
      throw InputError(file: file, problem: "no listed patients: give --patients PATIENTS.csv, or a centre file with individual patients")
    }
    if unknownAge > 0 { notes.append("\(unknownAge) listed patient(s) of unknown age are left out of the rates by age band (written as 45-64 in the scenario).") }

    let n = rows.patients.count
    listedOf = [Int32](repeating: -1, count: n)
    rowOf = [Int32](repeating: -1, count: listed.count)
    for (i, l) in listed.enumerated() {
      let p = rows.patients.find(l.id)
      rowOf[i] = p
      if p >= 0 { listedOf[Int(p)] = Int32(i) }
    }
    for (k, c) in centre.clinicians.enumerated() where c.role.isDoctor { doctorIndex[c.id] = k }
    var unknownFixed = 0
    for i in listed.indices {
      // As `continuity` does: the patients file's doctor when it names one.
      if rowOf[i] >= 0, rows.fixedDoctorOnRow[Int(rowOf[i])] >= 0, listed[i].fixed == nil {
        listed[i].fixed = rows.clinicians.string(rows.fixedDoctorOnRow[Int(rowOf[i])])
      }
      if let f = listed[i].fixed, doctorIndex[f] == nil { unknownFixed += 1; listed[i].fixed = nil }
    }
    if unknownFixed > 0 { notes.append("\(unknownFixed) fixed-doctor relation(s) name a clinician who is not a doctor in the centre file; dropped.") }
    fixedRowClinician = [Int32](repeating: -1, count: n)
    for i in listed.indices where rowOf[i] >= 0 {
      if let f = listed[i].fixed { fixedRowClinician[Int(rowOf[i])] = rows.clinicians.find(f) }
    }
  }
}
