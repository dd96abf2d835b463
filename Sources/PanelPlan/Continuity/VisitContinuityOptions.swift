/// What counts in a continuity analysis of visit records.
public struct VisitContinuityOptions: Sendable {
  /// First day counted (days since 1970-01-01), inclusive; nil: no limit.
  public var fromDay: Int32?
  /// Last day counted, inclusive; nil: no limit.
  public var toDay: Int32?
  /// Patients with fewer visits (in a scope) are left out of that scope's
  /// aggregates. Default 2, the least COC needs and what UK reports use.
  public var minVisits = 2
  /// Profession values that mean a doctor, compared after
  /// `ProfessionTitles.normalise` (case, punctuation and spaces ignored).
  /// Default: the Swedish doctor titles (ST-läkare, AT-läkare,
  /// distriktsläkare, specialistläkare, leg. läkare ...) and English words.
  public var doctorValues: Set<String> = ProfessionTitles.doctorTitles
  /// Contact types that count (lower-cased); nil: every type counts.
  public var contactTypes: Set<String>?
  /// SKR's definition: only visits at the patient's listing unit count.
  public var listingUnitOnly = false

  public init() {}

  /// SKR Primärvårdskvalitet's definition: at least 3 visits in the 18 months
  /// ending at `endDay`, only visits at the listing unit.
  public mutating func applySKRPreset(endDay: Int32) {
    toDay = endDay
    fromDay = ISODateBytes.monthsBefore(endDay + 1, months: Self.skrMonths)
    minVisits = Self.skrMinVisits
    listingUnitOnly = true
  }

  /// SKR's window in months.
  public static let skrMonths = 18
  /// SKR's minimum number of visits.
  public static let skrMinVisits = 3

  static func normalise(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces).lowercased() }
}

/// Each patient's listing unit, looked up by the bytes of ids as rows stream
/// past (read-only, shared by all workers).
public struct ListingUnits: Sendable {
  public var patients = ByteInterner()
  /// Index into `centres` per patient, -1 when unknown.
  public var unitOfPatient: [Int32] = []
  public var centres = ByteInterner()

  public init() {}

  /// Whether the visit is at the patient's listing unit.
  @inline(__always)
  func accepts(patient: UnsafeRawBufferPointer, centre: UnsafeRawBufferPointer) -> Bool {
    let p = patients.find(patient)
    guard p >= 0 else { return false }
    let u = unitOfPatient[Int(p)]
    return u >= 0 && centres.find(centre) == u
  }
}

/// The row filter and profession mapping, one copy per worker (it caches the
/// few distinct profession and contact-type values it has seen).
struct VisitFilter {
  let fromDay: Int32
  let toDay: Int32
  let doctorValues: Set<String>
  let contactTypes: Set<String>?
  let listing: ListingUnits?
  var professions = ByteInterner(capacity: 16)
  var professionIsDoctor: [Bool] = []
  /// Rows per distinct profession value (in the window), for the table of
  /// values seen.
  var professionRows: [Int] = []
  var contacts = ByteInterner(capacity: 16)
  var contactCounts: [Bool] = []

  init(_ o: VisitContinuityOptions, listing: ListingUnits?) {
    fromDay = o.fromDay ?? Int32.min
    toDay = o.toDay ?? Int32.max
    doctorValues = Set(o.doctorValues.map(ProfessionTitles.normalise))
    contactTypes = o.contactTypes.map { Set($0.map(VisitContinuityOptions.normalise)) }
    self.listing = o.listingUnitOnly ? listing : nil
  }

  /// 0: not counted; 1: counted, not a doctor; 2: counted, a doctor.
  @inline(__always)
  mutating func classify(_ row: VisitRow) -> UInt8 {
    let d = row.day
    if d < fromDay || d > toDay { return 0 }
    if let contactTypes {
      var isNew = false
      let k = contacts.intern(row.contactType, isNew: &isNew)
      if isNew {
        contactCounts.append(contactTypes.contains(VisitContinuityOptions.normalise(String(decoding: row.contactType, as: UTF8.self))))
      }
      if !contactCounts[Int(k)] { return 0 }
    }
    if let listing, !listing.accepts(patient: row.patient, centre: row.centre) { return 0 }
    var isNew = false
    let k = professions.intern(row.profession, isNew: &isNew)
    if isNew {
      professionIsDoctor.append(doctorValues.contains(ProfessionTitles.normalise(String(decoding: row.profession, as: UTF8.self))))
      professionRows.append(0)
    }
    professionRows[Int(k)] &+= 1
    return professionIsDoctor[Int(k)] ? 2 : 1
  }
}
