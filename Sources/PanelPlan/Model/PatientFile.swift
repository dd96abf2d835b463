import Foundation

/// The optional patients CSV that groups continuity results: one row per
/// patient, columns chosen by header name (case ignored):
///
/// | column | meaning |
/// | --- | --- |
/// | `patient` (or `id`) | the id used in the visit file (required) |
/// | `birth_year` | year of birth; the age band is taken at the window's last year |
/// | `age_band` | `0-5` … `80+` (used when there is no birth year) |
/// | `sex` | `female`, `male`, `unknown` |
/// | `need_weight` | care-need weight (1.0 = average) |
/// | `nursing_home`, `home_health_care` | `1`/`0`, `true`/`false`, `yes`/`no`, `ja`/`nej` |
/// | `long_term_conditions` | a whole number |
/// | `fixed_doctor` | the fixed doctor's clinician id (empty: none) |
/// | `unit` (or `centre`) | the care centre the patient is listed at |
/// | `wants_fixed_doctor` | `1`/`0` etc. as above; empty: unknown (`panelplan assign` then uses the want share) |
///
/// Any column but the id may be missing; an empty cell means unknown.
public struct PatientRecords: Sendable {
  public var ids = ByteInterner()
  public var birthYear: [Int] = []
  public var ageBand: [AgeBand?] = []
  public var sex: [Sex] = []
  public var needWeight: [Double?] = []
  public var nursingHome: [Bool] = []
  public var homeHealthCare: [Bool] = []
  public var longTermConditions: [Int] = []
  public var fixedDoctor: [String?] = []
  public var unit: [String?] = []
  /// Whether the patient wants a fixed doctor; nil when unknown or no column.
  public var wantsFixedDoctor: [Bool?] = []
  /// Whether the file has a unit column.
  public var hasUnit = false

  public init() {}

  /// The age band of record `i` at `year`, nil when unknown.
  public func ageBand(_ i: Int, atYear year: Int) -> AgeBand? {
    birthYear[i] > 0 ? AgeBand(ageYears: max(0, year - birthYear[i])) : ageBand[i]
  }

  /// The priority group of record `i`, nil when it depends on an unknown age.
  public func priorityGroup(_ i: Int, atYear year: Int) -> PriorityGroup? {
    let band = ageBand(i, atYear: year)
    let p = PatientProfile(
      ageBand: band ?? .age45to64, sex: sex[i], needWeight: needWeight[i], nursingHome: nursingHome[i],
      homeHealthCare: homeHealthCare[i], longTermConditions: longTermConditions[i])
    let g = p.priorityGroup
    // Age decides only between aged-75+ and the groups after it.
    if band == nil && g >= .aged75plus { return nil }
    return g
  }

  /// Reads a patients file (`,` or `;`, RFC 4180 quotes, UTF-8).
  public static func load(path: String, displayName: String? = nil) throws -> PatientRecords {
    let name = displayName ?? path
    let data: Data
    do { data = try InputFile.read(path, what: "a patients CSV file") } catch var e as InputError {
      e.file = name
      throw e
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return try bytes.withUnsafeMutableBufferPointer { buf -> PatientRecords in
      guard let base = UnsafePointer(buf.baseAddress), buf.count > 0 else {
        throw InputError(file: name, line: 1, problem: "the file is empty; expected a header row naming the columns")
      }
      let end = buf.count
      let delimiter = CSVByteReader.detectDelimiter(base, start: 0, end: end)
      var fields = [CSVByteReader.Field](repeating: .init(), count: 256)
      var records = PatientRecords()
      var pos = 0
      var line = 1
      var header: [String] = []
      var col: [String: Int] = [:]
      // Lines are counted incrementally: offsets asked for only move forward.
      var countedTo = 0, linesBefore = 1
      func lineOf(_ offset: Int) -> Int {
        if offset < countedTo { countedTo = 0; linesBefore = 1 }
        for k in countedTo..<offset where base[k] == CSVByteReader.newline { linesBefore += 1 }
        countedTo = offset
        return linesBefore
      }
      func text(_ f: CSVByteReader.Field) -> String {
        // Fast path (Foundation's trimming dominated the load of a large
        // file): ASCII spaces and tabs trimmed on the bytes; when a non-ASCII
        // byte is left at either end it may be Unicode space, so Foundation
        // trims as before.
        var s = f.start, e = f.end
        if !f.escaped {
          while s < e && (base[s] == 32 || base[s] == 9) { s += 1 }
          while e > s && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
          if s == e { return "" }
          if base[s] < 0x80 && base[e - 1] < 0x80 {
            return String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)
          }
        }
        var out: [UInt8] = []
        _ = CSVByteReader.unescape(base, f, into: &out)
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespaces)
      }
      while pos < end {
        let start = pos
        let scan = fields.withUnsafeMutableBufferPointer {
          CSVByteReader.parseRecord(base, start: pos, end: end, atEnd: true, delimiter: delimiter, fields: $0.baseAddress!, capacity: 256)
        }
        line = lineOf(start)
        switch scan.status {
        case .unterminatedQuote:
          throw InputError(file: name, line: lineOf(scan.problemOffset), column: scan.problemField + 1, problem: "a quote opened here is never closed")
        case .textAfterQuote:
          throw InputError(file: name, line: lineOf(scan.problemOffset), column: scan.problemField + 1, problem: "text after a closing quote; expected a delimiter or the end of the line")
        case .needMore, .record: break
        }
        pos = scan.next
        let isBlank = fields.withUnsafeMutableBufferPointer { CSVByteReader.isBlank(scan, $0.baseAddress!) }
        if isBlank { continue }
        if scan.nonASCII, let bad = CSVByteReader.firstInvalidUTF8(base, start: start, end: scan.next) {
          throw InputError(file: name, line: lineOf(bad), problem: String(format: "found byte 0x%02X, which is not UTF-8; save the file as UTF-8", base[bad]))
        }
        if header.isEmpty {
          header = (0..<min(scan.fieldCount, 256)).map { text(fields[$0]) }
          for (k, h) in header.enumerated() where col[h.lowercased()] == nil { col[h.lowercased()] = k }
          if col["patient"] == nil, let k = col["id"] { col["patient"] = k }
          if col["unit"] == nil, let k = col["centre"] { col["unit"] = k }
          guard col["patient"] != nil else {
            throw InputError(file: name, line: 1, field: "patient", problem: "missing column 'patient' (or 'id'); the header has: \(header.joined(separator: ", "))")
          }
          records.hasUnit = col["unit"] != nil
          continue
        }
        guard scan.fieldCount == header.count else {
          throw InputError(file: name, line: line, column: min(scan.fieldCount, header.count) + 1,
                           problem: "found \(scan.fieldCount) fields, expected \(header.count) as in the header")
        }
        func cell(_ key: String) -> (String, Int)? {
          guard let k = col[key] else { return nil }
          let s = text(fields[k])
          return s.isEmpty ? nil : (s, k)
        }
        func bad(_ k: Int, _ found: String, _ expected: String) -> InputError {
          InputError(file: name, line: line, column: k + 1, field: header[k], problem: "found '\(found)', expected \(expected)")
        }
        func flag(_ key: String) throws -> Bool {
          guard let (s, k) = cell(key) else { return false }
          switch s.lowercased() {
          case "1", "true", "yes", "ja", "y", "j": return true
          case "0", "false", "no", "nej", "n": return false
          default: throw bad(k, s, "1/0, true/false, yes/no or ja/nej")
          }
        }
        guard let (id, idColumn) = cell("patient") else {
          throw InputError(file: name, line: line, column: col["patient"]! + 1, field: header[col["patient"]!], problem: "empty patient id; expected an id")
        }
        var isNew = false
        var idCopy = id
        _ = idCopy.withUTF8 { records.ids.intern(UnsafeRawBufferPointer($0), isNew: &isNew) }
        guard isNew else { throw bad(idColumn, id, "each patient once (this id is on an earlier row)") }
        var by = 0
        if let (s, k) = cell("birth_year") {
          guard let y = Int(s), (1880...2199).contains(y) else { throw bad(k, s, "a year of birth such as 1948") }
          by = y
        }
        var band: AgeBand?
        if let (s, k) = cell("age_band") {
          guard let b = AgeBand(rawValue: s) else { throw bad(k, s, "an age band: " + AgeBand.allCases.map(\.rawValue).joined(separator: ", ")) }
          band = b
        }
        var sex = Sex.unknown
        if let (s, k) = cell("sex") {
          guard let x = Sex(rawValue: s.lowercased()) else { throw bad(k, s, "female, male or unknown") }
          sex = x
        }
        var weight: Double?
        if let (s, k) = cell("need_weight") {
          guard let w = Double(s), w.isFinite, w >= 0 else { throw bad(k, s, "a care-need weight ≥ 0 such as 1.3") }
          weight = w
        }
        var conditions = 0
        if let (s, k) = cell("long_term_conditions") {
          guard let c = Int(s), c >= 0 else { throw bad(k, s, "a whole number ≥ 0") }
          conditions = c
        }
        records.birthYear.append(by)
        records.ageBand.append(band)
        records.sex.append(sex)
        records.needWeight.append(weight)
        records.nursingHome.append(try flag("nursing_home"))
        records.homeHealthCare.append(try flag("home_health_care"))
        records.longTermConditions.append(conditions)
        records.fixedDoctor.append(cell("fixed_doctor")?.0)
        records.unit.append(cell("unit")?.0)
        records.wantsFixedDoctor.append(cell("wants_fixed_doctor") == nil ? nil : try flag("wants_fixed_doctor"))
      }
      if header.isEmpty { throw InputError(file: name, line: 1, problem: "the file is empty; expected a header row naming the columns") }
      return records
    }
  }
}
