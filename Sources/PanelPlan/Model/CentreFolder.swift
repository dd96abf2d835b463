import Foundation

/// A care centre given as a folder of CSV files, for managers who keep their
/// staff and population in a spreadsheet rather than in JSON:
///
/// | file | columns (header names, case ignored) |
/// | --- | --- |
/// | `clinicians.csv` (required) | `id`, `role`, `fte`, `supervision`, `research`, `side_assignments`, `management`, `years_of_experience`, `birth_year`, `training_progress`, `training_start_year` |
/// | `population.csv` (required unless `patients.csv` is given) | `age_band`, `sex`, `count`, `need_weight`, `nursing_home`, `home_health_care`, `long_term_conditions` |
/// | `patients.csv` (optional) | `id`, `age_band`, `sex`, `need_weight`, `nursing_home`, `home_health_care`, `long_term_conditions`, `fixed_doctor` |
/// | `centre.csv` (optional) | `id`, `name`, `region`: one row; default: the folder's name |
///
/// Only `id`, `role` and `fte` (clinicians), `age_band` and `count`
/// (population) and `id` and `age_band` (patients) are required; an empty
/// cell takes the same default as a missing JSON field. Either CSV dialect
/// is read: `,` with decimal points, or Swedish Excel's `;` with decimal
/// commas (the delimiter is taken from the header row); a UTF-8 byte-order
/// mark is skipped. Roles are the JSON words (`specialist`, `trainee`,
/// `doctor`, `locum`, `nurse`, `other`) or a Swedish title that
/// `ProfessionTitles` knows (`ST-läkare`, `distriktssköterska` ...).
///
/// The folder decodes to the same `CareCentre` as the JSON file with the
/// same content, so every result is the same (tested).
public enum CentreFolder {
  /// The file names of a centre folder.
  public static let cliniciansFile = "clinicians.csv"
  public static let populationFile = "population.csv"
  public static let patientsFile = "patients.csv"
  public static let centreFile = "centre.csv"

  /// Whether `path` is a folder holding a `clinicians.csv`.
  public static func isCentreFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
    return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(cliniciansFile))
  }

  /// Reads a centre folder; not validated (`CentreFile.load` validates).
  ///
  /// - Throws: `InputError` naming file, line, column and field.
  public static func read(_ dir: String) throws -> CareCentre {
    func file(_ n: String) -> String { (dir as NSString).appendingPathComponent(n) }
    let fm = FileManager.default
    guard fm.fileExists(atPath: file(cliniciansFile)) else {
      throw InputError(file: dir, problem: "no \(cliniciansFile) in the folder; expected a care-centre folder with \(cliniciansFile) and \(populationFile) (see 'panelplan example --print-centre --format csv --out DIR')")
    }
    let hasPopulation = fm.fileExists(atPath: file(populationFile))
    let hasPatients = fm.fileExists(atPath: file(patientsFile))
    guard hasPopulation || hasPatients else {
      throw InputError(file: dir, problem: "no \(populationFile) (or \(patientsFile)) in the folder; expected the listed population")
    }
    let folderName = URL(fileURLWithPath: dir).standardizedFileURL.lastPathComponent
    var id = folderName, name = folderName
    var region: String?
    if fm.fileExists(atPath: file(centreFile)) {
      let t = try CSVTable.load(file(centreFile), required: ["id"])
      guard let row = t.rows.first else {
        throw InputError(file: t.file, line: 2, problem: "no row; expected one row with the centre's id, name and region")
      }
      id = try t.text(row, "id") ?? id
      name = try t.text(row, "name") ?? id
      region = try t.text(row, "region")
    }
    let clinicians = try readClinicians(file(cliniciansFile))
    let groups = hasPopulation ? try readGroups(file(populationFile)) : []
    let patients = hasPatients ? try readPatients(file(patientsFile)) : []
    return CareCentre(id: id, name: name, region: region, clinicians: clinicians,
                      population: ListedPopulation(groups: groups, patients: patients))
  }

  static func readClinicians(_ path: String) throws -> [Clinician] {
    let t = try CSVTable.load(path, required: ["id", "role", "fte"])
    return try t.rows.map { r in
      let roleText = try t.required(r, "role", t.text)
      guard let role = ClinicianRole(rawValue: roleText.lowercased()) ?? ProfessionTitles.role(of: roleText) else {
        throw t.error(r, "role", "found '\(roleText)', expected one of \(ClinicianRole.allCases.map(\.rawValue).joined(separator: ", ")) or a Swedish title such as ST-läkare")
      }
      return Clinician(
        id: try t.required(r, "id", t.text), role: role, fte: try t.required(r, "fte", t.double),
        duties: DutyShares(
          supervision: try t.double(r, "supervision") ?? 0, research: try t.double(r, "research") ?? 0,
          sideAssignments: try t.double(r, "side_assignments") ?? 0, management: try t.double(r, "management") ?? 0),
        yearsOfExperience: try t.double(r, "years_of_experience"), birthYear: try t.int(r, "birth_year"),
        trainingProgress: try t.double(r, "training_progress"), trainingStartYear: try t.int(r, "training_start_year"))
    }
  }

  static func profile(_ t: CSVTable, _ r: CSVTable.Row) throws -> PatientProfile {
    let bandText = try t.required(r, "age_band", t.text)
    guard let band = AgeBand(rawValue: bandText) else {
      throw t.error(r, "age_band", "found '\(bandText)', expected one of \(AgeBand.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    var sex = Sex.unknown
    if let s = try t.text(r, "sex") {
      guard let v = Sex(rawValue: s.lowercased()) else { throw t.error(r, "sex", "found '\(s)', expected female, male or unknown") }
      sex = v
    }
    return PatientProfile(
      ageBand: band, sex: sex, needWeight: try t.double(r, "need_weight"),
      nursingHome: try t.flag(r, "nursing_home"), homeHealthCare: try t.flag(r, "home_health_care"),
      longTermConditions: try t.int(r, "long_term_conditions") ?? 0)
  }

  static func readGroups(_ path: String) throws -> [PatientGroup] {
    let t = try CSVTable.load(path, required: ["age_band", "count"])
    return try t.rows.map { r in PatientGroup(profile: try profile(t, r), count: try t.required(r, "count", t.int)) }
  }

  static func readPatients(_ path: String) throws -> [Patient] {
    let t = try CSVTable.load(path, required: ["id", "age_band"])
    return try t.rows.map { r in
      Patient(id: try t.required(r, "id", t.text), profile: try profile(t, r), fixedDoctorId: try t.text(r, "fixed_doctor"))
    }
  }

  // MARK: - Writing

  /// The folder's files as (name, CSV text in the standard dialect).
  public static func files(_ centre: CareCentre) -> [(String, String)] {
    func n(_ x: Double?) -> String { x.map(NumberFormat.machine) ?? "" }
    func i(_ x: Int?) -> String { x.map(String.init) ?? "" }
    func b(_ x: Bool) -> String { x ? "1" : "0" }
    var meta = CSVWriter()
    meta.append(["id", "name", "region"])
    meta.append([centre.id, centre.name, centre.region ?? ""])
    var staff = CSVWriter()
    staff.append(["id", "role", "fte", "supervision", "research", "side_assignments", "management",
                  "years_of_experience", "birth_year", "training_progress", "training_start_year"])
    for c in centre.clinicians {
      staff.append([c.id, c.role.rawValue, n(c.fte), n(c.duties.supervision), n(c.duties.research), n(c.duties.sideAssignments),
                    n(c.duties.management), n(c.yearsOfExperience), i(c.birthYear), n(c.trainingProgress), i(c.trainingStartYear)])
    }
    let profileHeader = ["age_band", "sex", "need_weight", "nursing_home", "home_health_care", "long_term_conditions"]
    func cells(_ p: PatientProfile) -> [String] {
      [p.ageBand.rawValue, p.sex.rawValue, n(p.needWeight), b(p.nursingHome), b(p.homeHealthCare), String(p.longTermConditions)]
    }
    var out = [(centreFile, meta.text), (cliniciansFile, staff.text)]
    if !centre.population.groups.isEmpty || centre.population.patients.isEmpty {
      var pop = CSVWriter()
      pop.append(profileHeader + ["count"])
      for g in centre.population.groups { pop.append(cells(g.profile) + [String(g.count)]) }
      out.append((populationFile, pop.text))
    }
    if !centre.population.patients.isEmpty {
      var pts = CSVWriter()
      pts.append(["id"] + profileHeader + ["fixed_doctor"])
      for p in centre.population.patients { pts.append([p.id] + cells(p.profile) + [p.fixedDoctorId ?? ""]) }
      out.append((patientsFile, pts.text))
    }
    return out
  }

  /// Writes `centre` as a folder at `dir` (created when missing), each file
  /// whole or not at all. Numbers are written in full (never rounded), so
  /// reading the folder back gives the same centre.
  public static func write(_ centre: CareCentre, to dir: String, dialect: CSVDialect = .standard) throws {
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
      throw InputError(file: dir, problem: "cannot create the folder (\((error as NSError).localizedDescription))")
    }
    for (name, text) in files(centre) {
      let body = dialect == .standard ? text : "\u{FEFF}" + dialect.convert(text, rounding: false)
      try AtomicFile.write(body, to: (dir as NSString).appendingPathComponent(name))
    }
  }
}

/// A small CSV file read whole (centre folders are a few hundred rows):
/// RFC 4180 quotes, `,` or `;` taken from the header, decimal commas accepted
/// in numbers, errors located by line, column and field.
struct CSVTable {
  struct Row { var line: Int; var cells: [String] }
  var file: String
  var header: [String]
  var column: [String: Int]
  var rows: [Row]
  var delimiter: Character

  static func load(_ path: String, required: [String]) throws -> CSVTable {
    guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: path, problem: "cannot read the file") }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw InputError(file: path, problem: "the file is not UTF-8; save it as UTF-8 (Excel: 'CSV UTF-8')")
    }
    return try parse(text, file: path, required: required)
  }

  static func parse(_ text: String, file: String, required: [String]) throws -> CSVTable {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
    let delimiter: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    var records: [Row] = []
    var fields: [String] = [], field = ""
    var inQuotes = false, afterQuote = false
    var line = 1, recordLine = 1, quoteLine = 1
    var chars = Array(text)
    if chars.last != "\n" && chars.last != "\r\n" { chars.append("\n") }
    var k = 0
    while k < chars.count {
      let ch = chars[k]
      k += 1
      if inQuotes {
        if ch == "\"" {
          if k < chars.count && chars[k] == "\"" { field.append("\""); k += 1 } else { inQuotes = false; afterQuote = true }
        } else {
          if ch == "\n" || ch == "\r\n" { line += 1 }
          field.append(ch)
        }
        continue
      }
      if ch == delimiter { fields.append(field); field = ""; afterQuote = false; continue }
      if ch == "\n" || ch == "\r\n" {
        fields.append(field)
        if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
          records.append(Row(line: recordLine, cells: fields.map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        fields = []; field = ""; afterQuote = false
        line += 1
        recordLine = line
        continue
      }
      if ch == "\r" { continue }
      if afterQuote {
        if ch == " " || ch == "\t" { continue }
        throw InputError(file: file, line: line, column: fields.count + 1, problem: "text after a closing quote; expected a delimiter or the end of the line")
      }
      if ch == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
        inQuotes = true; quoteLine = line; field = ""
        continue
      }
      field.append(ch)
    }
    if inQuotes {
      throw InputError(file: file, line: quoteLine, column: fields.count + 1, problem: "a quote opened here is never closed")
    }
    guard let head = records.first else {
      throw InputError(file: file, line: 1, problem: "the file is empty; expected a header row naming the columns")
    }
    var column: [String: Int] = [:]
    for (i, h) in head.cells.enumerated() where column[h.lowercased()] == nil { column[h.lowercased()] = i }
    for r in required where column[r] == nil {
      throw InputError(file: file, line: 1, field: r, problem: "missing column '\(r)'; the header has: \(head.cells.joined(separator: ", "))")
    }
    let body = Array(records.dropFirst())
    for r in body where r.cells.count != head.cells.count {
      throw InputError(file: file, line: r.line, column: min(r.cells.count, head.cells.count) + 1,
                       problem: "found \(r.cells.count) fields, expected \(head.cells.count) as in the header")
    }
    return CSVTable(file: file, header: head.cells, column: column, rows: body, delimiter: delimiter)
  }

  func error(_ r: Row, _ name: String, _ problem: String) -> InputError {
    let k = column[name]
    return InputError(file: file, line: r.line, column: k.map { $0 + 1 }, field: k.map { header[$0] } ?? name, problem: problem)
  }

  /// The cell's text, nil when the column is missing or the cell empty;
  /// an empty cell in a required column is an error.
  func text(_ r: Row, _ name: String) throws -> String? {
    guard let k = column[name] else { return nil }
    let s = r.cells[k]
    return s.isEmpty ? nil : s
  }

  /// A required cell: empty is an error naming what was expected.
  func required<T>(_ r: Row, _ name: String, _ read: (Row, String) throws -> T?) throws -> T {
    guard let v = try read(r, name) else { throw error(r, name, "empty; expected a value (the column is required)") }
    return v
  }

  func double(_ r: Row, _ name: String) throws -> Double? {
    guard let s = try text(r, name) else { return nil }
    // A decimal comma is Swedish Excel's; accepted in either dialect
    // because a ',' file quotes such a cell.
    guard let v = Double(s.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")), v.isFinite else {
      throw error(r, name, "found '\(s)', expected a number")
    }
    return v
  }

  func int(_ r: Row, _ name: String) throws -> Int? {
    guard let s = try text(r, name) else { return nil }
    guard let v = Int(s.replacingOccurrences(of: " ", with: "")) else { throw error(r, name, "found '\(s)', expected a whole number") }
    return v
  }

  func flag(_ r: Row, _ name: String) throws -> Bool {
    guard let s = try text(r, name) else { return false }
    switch s.lowercased() {
    case "1", "true", "yes", "ja", "y", "j": return true
    case "0", "false", "no", "nej", "n": return false
    default: throw error(r, name, "found '\(s)', expected 1/0, true/false, yes/no or ja/nej")
    }
  }
}
