import Foundation

/// Reading a region's staff roster: a CSV with one clinician per line.
///
/// Columns (header required, any order, names case-insensitive):
/// `clinician_id, centre, role, fte, birth_year, training_start`.
/// `birth_year` and `training_start` may be empty; `training_start` (the
/// calendar year ST began) is required for trainees and turned into
/// `trainingProgress` = (start year of the projection − training_start) /
/// training years, at most 1. Fields may be quoted ("..." with "" for a
/// quote); a separator of `,` or `;` is taken from the header line.
public enum RosterFile {
  /// One roster line.
  public struct Row: Sendable, Hashable {
    public var line: Int
    public var centreId: String
    public var clinician: Clinician
  }

  /// The column names, in the documented order.
  public static let columns = ["clinician_id", "centre", "role", "fte", "birth_year", "training_start"]

  /// Reads and checks a roster file; every problem is reported with its
  /// line and column name.
  public static func load(_ path: String, startYear: Int, trainingYears: Double = 5) throws -> [Row] {
    let data = try InputFile.read(path, what: "a roster CSV file")
    if let e = InputFile.utf8Problem([UInt8](data), file: path) { throw e }
    let text = String(decoding: data, as: UTF8.self)
    return try parse(text, file: path, startYear: startYear, trainingYears: trainingYears)
  }

  /// Splits one CSV line into fields (RFC 4180 quoting within the line).
  static func fields(_ line: Substring, separator: Character) -> [String]? {
    var out: [String] = []
    var field = ""
    var quoted = false
    var i = line.startIndex
    while i < line.endIndex {
      let ch = line[i]
      if quoted {
        if ch == "\"" {
          let next = line.index(after: i)
          if next < line.endIndex && line[next] == "\"" { field.append("\""); i = next } else { quoted = false }
        } else { field.append(ch) }
      } else if ch == "\"" && field.isEmpty {
        quoted = true
      } else if ch == separator {
        out.append(field); field = ""
      } else { field.append(ch) }
      i = line.index(after: i)
    }
    if quoted { return nil }
    out.append(field)
    return out
  }

  /// Parses roster text; `file` names it in errors.
  public static func parse(_ text: String, file: String?, startYear: Int, trainingYears: Double = 5) throws -> [Row] {
    // "\r\n" is a single Character in Swift, so split on each line-break form.
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
    guard let header = lines.first, !header.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw InputError(file: file, line: 1, problem: "empty roster; expected a header line: \(columns.joined(separator: ","))")
    }
    let separator: Character = header.contains(";") && !header.contains(",") ? ";" : ","
    let names = (fields(header, separator: separator) ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var index: [String: Int] = [:]
    for (i, n) in names.enumerated() {
      guard columns.contains(n) else {
        throw InputError(file: file, line: 1, column: i + 1, field: n, problem: "unknown column; expected \(columns.joined(separator: ", "))")
      }
      if index[n] != nil { throw InputError(file: file, line: 1, column: i + 1, field: n, problem: "column given twice") }
      index[n] = i
    }
    for required in ["clinician_id", "centre", "role", "fte"] where index[required] == nil {
      throw InputError(file: file, line: 1, field: required, problem: "missing column; expected \(columns.joined(separator: ", "))")
    }
    var rows: [Row] = []
    var errors: [InputError] = []
    var seen: [String: Int] = [:]
    for (k, raw) in lines.enumerated().dropFirst() {
      let lineNo = k + 1
      if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      guard let f = fields(raw, separator: separator) else {
        errors.append(InputError(file: file, line: lineNo, problem: "unclosed quote")); continue
      }
      guard f.count == names.count else {
        errors.append(InputError(file: file, line: lineNo, problem: "found \(f.count) fields, expected \(names.count) as in the header"))
        continue
      }
      func cell(_ name: String) -> String? {
        index[name].map { f[$0].trimmingCharacters(in: .whitespaces) }
      }
      func bad(_ name: String, _ problem: String) {
        errors.append(InputError(file: file, line: lineNo, column: index[name].map { $0 + 1 }, field: name, problem: problem))
      }
      let id = cell("clinician_id") ?? ""
      let centre = cell("centre") ?? ""
      if id.isEmpty { bad("clinician_id", "empty; expected an identifier") }
      if centre.isEmpty { bad("centre", "empty; expected the id of a care centre") }
      if let previous = seen[id], !id.isEmpty { bad("clinician_id", "duplicate id '\(id)', already on line \(previous)") }
      seen[id] = lineNo
      let roleText = (cell("role") ?? "").lowercased()
      guard let role = ClinicianRole(rawValue: roleText) else {
        bad("role", "found '\(roleText)', expected one of \(ClinicianRole.allCases.map(\.rawValue).joined(separator: ", "))")
        continue
      }
      let fteText = cell("fte") ?? ""
      guard let fte = Double(fteText.replacingOccurrences(of: ",", with: ".")), fte.isFinite, fte >= 0, fte <= Validation.maximumFTE else {
        bad("fte", "found '\(fteText)', expected a number from 0 to \(Validation.maximumFTE)")
        continue
      }
      var birth: Int?
      if let b = cell("birth_year"), !b.isEmpty {
        guard let y = Int(b), (1900...startYear).contains(y) else {
          bad("birth_year", "found '\(b)', expected a year from 1900 to \(startYear)"); continue
        }
        birth = y
      }
      var start: Int?
      if let s = cell("training_start"), !s.isEmpty {
        guard let y = Int(s), (1950...startYear).contains(y) else {
          bad("training_start", "found '\(s)', expected a year from 1950 to \(startYear)"); continue
        }
        start = y
      }
      var progress: Double?
      if role == .gpTrainee {
        guard let start else {
          bad("training_start", "missing for a trainee; expected the year specialist training began"); continue
        }
        progress = min(1, max(0, Double(startYear - start) / trainingYears))
      }
      rows.append(Row(line: lineNo, centreId: centre, clinician: Clinician(
        id: id, role: role, fte: fte, birthYear: birth, trainingProgress: progress, trainingStartYear: start)))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return rows
  }
}
