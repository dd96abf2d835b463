import Foundation

/// The rows a calibration needs, kept compactly (about 14 bytes a row):
/// patient and clinician as interned ids, the day, the profession class and
/// the contact type's acute/planned class. Read on one thread so the ids
/// are numbered in file order; a year of a large centre (150,000 rows) is a
/// few megabytes.
struct CalibrationRows: VisitSink {
  /// Profession classes.
  static let doctor: UInt8 = 0, nurse: UInt8 = 1, other: UInt8 = 2
  /// Contact-type classes.
  static let unknownType: UInt8 = 0, acute: UInt8 = 1, planned: UInt8 = 2

  /// The day (since 1970-01-01) of a minute, rounding down before 1970 too.
  static func day(_ minute: Int32) -> Int32 {
    let d = ISODateBytes.minutesPerDay
    return minute >= 0 ? minute / d : (minute - d + 1) / d
  }

  var filter: VisitFilter
  let nurseValues: Set<String>
  let acuteValues: Set<String>
  let plannedValues: Set<String>
  var patients = ByteInterner()
  var clinicians = ByteInterner(capacity: 256)
  var patient: [Int32] = []
  var clinician: [Int32] = []
  var minute: [Int32] = []
  var profession: [UInt8] = []
  var type: [UInt8] = []
  /// Fixed doctor as recorded on the visit (clinician index, -1 none), last row wins.
  var fixedDoctorOnRow: [Int32] = []
  var typeCache = ByteInterner(capacity: 16)
  var typeClass: [UInt8] = []
  var professionCache = ByteInterner(capacity: 16)
  var professionClass: [UInt8] = []

  init(options: VisitContinuityOptions, nurseValues: Set<String>, acuteValues: Set<String>, plannedValues: Set<String>) {
    filter = VisitFilter(options, listing: nil)
    // Nurse titles compare as the doctor titles do (`VisitFilter`): case,
    // punctuation and spaces ignored, so "Leg. sjuksköterska" is a nurse.
    self.nurseValues = Set(nurseValues.map(ProfessionTitles.normalise))
    self.acuteValues = Set(acuteValues.map(VisitContinuityOptions.normalise))
    self.plannedValues = Set(plannedValues.map(VisitContinuityOptions.normalise))
  }

  mutating func accept(_ row: VisitRow) {
    let c = filter.classify(row)
    guard c > 0 else { return }
    var isNew = false
    let p = patients.intern(row.patient, isNew: &isNew)
    if isNew { fixedDoctorOnRow.append(-1) }
    patient.append(p)
    clinician.append(clinicians.intern(row.clinician))
    minute.append(row.minute)
    if c == 2 {
      profession.append(Self.doctor)
    } else {
      let k = professionCache.intern(row.profession, isNew: &isNew)
      if isNew {
        let s = ProfessionTitles.normalise(String(decoding: row.profession, as: UTF8.self))
        professionClass.append(nurseValues.contains(s) ? Self.nurse : Self.other)
      }
      profession.append(professionClass[Int(k)])
    }
    let t = typeCache.intern(row.contactType, isNew: &isNew)
    if isNew {
      let s = VisitContinuityOptions.normalise(String(decoding: row.contactType, as: UTF8.self))
      typeClass.append(acuteValues.contains(s) ? Self.acute : plannedValues.contains(s) ? Self.planned : Self.unknownType)
    }
    type.append(typeClass[Int(t)])
    if !row.fixedDoctor.isEmpty { fixedDoctorOnRow[Int(p)] = clinicians.intern(row.fixedDoctor) }
  }
}
