import Foundation

/// What a shard file says about itself: which sweep (fingerprint), which
/// shard, and how its rows are written.
///
/// A CSV shard starts with one comment line, then the CSV a single run
/// writes, restricted to the shard's rows:
///
/// ```
/// # panelplan-shard version=1 fingerprint=9f3a… index=1 count=4 points=36 parameters=3 format=csv dialect=standard
/// point,specialists,trainees,evaFTE,guidelineRatio_mean,…
/// 2,5,1,0.8,…
/// ```
///
/// A JSON shard is one object, the header then the rows, one per line,
/// each exactly as a single run writes it:
///
/// ```
/// {"panelplanShard": {"version": 1, "fingerprint": "9f3a…", "index": 1, …},
/// "rows": [
///   {"point":2,"parameters":{…},"metrics":{…}},
///   …
/// ]}
/// ```
///
/// Rows are kept in the standard CSV dialect; `dialect` records the one
/// asked for, which `merge` applies to the merged file. So the merged bytes
/// are those of a single run whatever the dialect.
public struct SweepShardHeader: Sendable, Hashable {
  /// `SweepPlan.fingerprint(metricNames:)` of the sweep.
  public var fingerprint: String
  public var shard: SweepShard
  /// Points in the whole sweep (all shards).
  public var pointCount: Int
  /// `csv` or `json`.
  public var format: SweepResultFormat.Kind
  /// The CSV dialect the merged file is written in.
  public var dialect: CSVDialect
  public var parameterNames: [String]
  public var metricNames: [String]

  public init(
    fingerprint: String, shard: SweepShard, pointCount: Int, format: SweepResultFormat.Kind, dialect: CSVDialect = .standard,
    parameterNames: [String], metricNames: [String]
  ) {
    precondition(format != .table, "a shard is written as csv or json")
    self.fingerprint = fingerprint
    self.shard = shard
    self.pointCount = pointCount
    self.format = format
    self.dialect = dialect
    self.parameterNames = parameterNames
    self.metricNames = metricNames
  }

  /// Rows this shard must hold.
  public var rowCount: Int { shard.pointCount(of: pointCount) }

  /// The version of the layout; a reader refuses others.
  public static let version = 1

  /// Fields both formats carry, in order.
  var fields: [(String, String)] {
    [
      ("version", String(Self.version)), ("fingerprint", fingerprint), ("index", String(shard.index)),
      ("count", String(shard.count)), ("points", String(pointCount)), ("parameters", String(parameterNames.count)),
      ("format", format.rawValue), ("dialect", dialect.rawValue),
    ]
  }
}

/// Writes a shard: the text before the rows, the rows (as
/// `SweepResultFormat` writes them, in the standard dialect) and the text
/// after them. Pieces can be streamed to a file as points finish.
public struct SweepShardWriter: Sendable {
  public var header: SweepShardHeader
  public var format: SweepResultFormat

  public init(header: SweepShardHeader) {
    self.header = header
    self.format = SweepResultFormat(kind: header.format, parameterNames: header.parameterNames, metricNames: header.metricNames)
  }

  /// Everything before the first row.
  public var prefix: String {
    switch header.format {
    case .json:
      var members = header.fields.map { k, v -> JSONMember in
        switch k {
        case "fingerprint", "format", "dialect": return JSONMember(k, .string(v))
        default: return JSONMember(k, .number(Double(v)!))
        }
      }
      members.append(JSONMember("parameterNames", .array(header.parameterNames.map(JSONValue.string))))
      members.append(JSONMember("metricNames", .array(header.metricNames.map(JSONValue.string))))
      return "{\"panelplanShard\": " + JSONValue.object(members).jsonText + ",\n\"rows\": [\n"
    default:
      return "# panelplan-shard " + header.fields.map { "\($0)=\($1)" }.joined(separator: " ") + "\n" + format.header
    }
  }

  /// Consecutive rows; `first` says whether they are the shard's first.
  public func rows(_ rows: [SweepRow], first: Bool) -> String { format.rows(rows, first: first) }

  /// Everything after the last of `rowCount` rows.
  public func suffix(rowCount: Int) -> String {
    header.format == .json ? (rowCount > 0 ? "\n]}\n" : "]}\n") : ""
  }
}

/// A shard file read back: its header and each row's text, exactly as it
/// will go into the merged file.
public struct SweepShardFile: Sendable {
  public var path: String
  public var header: SweepShardHeader
  /// CSV: the column line (with its newline); JSON: empty.
  public var columns: String
  /// One entry per row, in file order. CSV: the record with its newline;
  /// JSON: the row's line without the separating comma or newline.
  public var rowTexts: [String]
  /// The 1-based point number each row states.
  public var rowPoints: [Int]
  /// Line of each row in the file, for messages.
  public var rowLines: [Int]

  /// Reads a shard file written by `panelplan sweep --shard-…`.
  ///
  /// - Throws: `InputError` with the file, line and what was expected when
  ///   the file is not a shard or is damaged.
  public static func read(_ path: String) throws -> SweepShardFile {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(file: path, problem: "cannot read the shard file (\((error as NSError).localizedDescription))")
    }
    return try parse(Array(data), path: path)
  }

  /// Parses shard bytes; `path` names the file in errors.
  public static func parse(_ bytes: [UInt8], path: String) throws -> SweepShardFile {
    if bytes.starts(with: Array("# panelplan-shard ".utf8)) { return try parseCSV(bytes, path: path) }
    if bytes.starts(with: Array("{\"panelplanShard\": ".utf8)) { return try parseJSON(bytes, path: path) }
    throw InputError(
      file: path, line: 1,
      problem: "not a sweep shard; expected a file written by 'panelplan sweep --shard-index K --shard-count N' (starting '# panelplan-shard' or '{\"panelplanShard\"')")
  }

  /// Splits bytes into lines (CSV: records, so a quoted field may span
  /// lines), each with its terminating newline and its first line number.
  static func records(_ bytes: [UInt8], from start: Int, csv: Bool) -> [(text: String, line: Int)] {
    var out: [(String, Int)] = []
    var i = start, begin = start, line = 1 + bytes[..<start].lazy.filter { $0 == 0x0A }.count, first = line
    var inQuotes = false
    while i < bytes.count {
      let b = bytes[i]
      if csv && b == 0x22 { inQuotes.toggle() }
      if b == 0x0A {
        line += 1
        if !inQuotes {
          out.append((String(decoding: bytes[begin...i], as: UTF8.self), first))
          begin = i + 1
          first = line
        }
      }
      i += 1
    }
    if begin < bytes.count { out.append((String(decoding: bytes[begin...], as: UTF8.self), first)) }
    return out
  }

  static func parseCSV(_ bytes: [UInt8], path: String) throws -> SweepShardFile {
    let lines = records(bytes, from: 0, csv: true)
    var fields: [String: String] = [:]
    for word in lines[0].text.dropFirst("# panelplan-shard ".count).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      guard let eq = word.firstIndex(of: "=") else { continue }
      fields[String(word[..<eq])] = String(word[word.index(after: eq)...])
    }
    guard lines.count >= 2 else { throw InputError(file: path, line: 2, problem: "missing the CSV column line after the shard header") }
    let columns = lines[1].text
    let names = CSVRecord.fields(columns)
    let header = try makeHeader(fields, path: path) { p in
      let metricColumns = names.count - 1 - p
      guard p >= 0, metricColumns >= 0, metricColumns % 4 == 0, names.first == "point" else {
        throw InputError(file: path, line: 2, problem: "found \(names.count) columns, expected point, \(p) parameters and four per metric")
      }
      let metrics = stride(from: 1 + p, to: names.count, by: 4).map { String(names[$0].dropLast("_mean".count)) }
      return (Array(names[1..<(1 + p)]), metrics)
    }
    var texts: [String] = [], points: [Int] = [], at: [Int] = []
    for (text, line) in lines.dropFirst(2) {
      guard text.hasSuffix("\n") else {
        throw InputError(file: path, line: line, problem: "the last row has no line end; the shard was cut short (interrupted or still being written?)")
      }
      let first = text.prefix { $0 != "," && $0 != "\n" }
      guard let p = Int(first), p >= 1 else { throw InputError(file: path, line: line, column: 1, field: "point", problem: "found '\(first)', expected a point number") }
      texts.append(text)
      points.append(p)
      at.append(line)
    }
    return SweepShardFile(path: path, header: header, columns: columns, rowTexts: texts, rowPoints: points, rowLines: at)
  }

  static func parseJSON(_ bytes: [UInt8], path: String) throws -> SweepShardFile {
    // The whole file must be valid JSON; this catches truncation.
    let tree = try JSONValue.parse(Data(bytes), file: path)
    guard case .object(let h)? = tree["panelplanShard"], case .array? = tree["rows"] else {
      throw InputError(file: path, problem: "expected an object with 'panelplanShard' and 'rows'")
    }
    var fields: [String: String] = [:]
    for m in h {
      switch m.value {
      case .string(let s): fields[m.key] = s
      case .number(let x): fields[m.key] = NumberFormat.machine(x)
      default: break
      }
    }
    func names(_ key: String) throws -> [String] {
      guard case .array(let items)? = tree["panelplanShard"]?[key] else {
        throw InputError(file: path, line: 1, field: "panelplanShard.\(key)", problem: "missing; expected a list of names")
      }
      return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
    let header = try makeHeader(fields, path: path) { _ in (try names("parameterNames"), try names("metricNames")) }
    let lines = records(bytes, from: 0, csv: false)
    var texts: [String] = [], points: [Int] = [], at: [Int] = []
    // Line 1 is the header, line 2 `"rows": [`; then rows until `]}`.
    for (text, line) in lines.dropFirst(2) {
      var row = Substring(text)
      if row.hasSuffix("\n") { row = row.dropLast() }
      if row.hasPrefix("]") { break }
      if row.hasSuffix(",") { row = row.dropLast() }
      let value = try JSONValue.parse(Data(row.utf8), file: path)
      guard case .number(let x)? = value["point"], let p = Int(exactly: x), p >= 1 else {
        throw InputError(file: path, line: line, field: "point", problem: "missing or not a point number")
      }
      texts.append(String(row))
      points.append(p)
      at.append(line)
    }
    return SweepShardFile(path: path, header: header, columns: "", rowTexts: texts, rowPoints: points, rowLines: at)
  }

  static func makeHeader(
    _ f: [String: String], path: String, names: (Int) throws -> ([String], [String])
  ) throws -> SweepShardHeader {
    func need(_ key: String) throws -> String {
      guard let v = f[key] else { throw InputError(file: path, line: 1, field: key, problem: "missing from the shard header") }
      return v
    }
    func int(_ key: String, min: Int) throws -> Int {
      let text = try need(key)
      guard let v = Int(text), v >= min else { throw InputError(file: path, line: 1, field: key, problem: "found '\(text)', expected a whole number of at least \(min)") }
      return v
    }
    let version = try int("version", min: 1)
    guard version == SweepShardHeader.version else {
      throw InputError(file: path, line: 1, field: "version", problem: "found \(version), expected \(SweepShardHeader.version) (written by another panelplan version)")
    }
    let fingerprint = try need("fingerprint")
    let count = try int("count", min: 1)
    let index = try int("index", min: 0)
    guard index < count else { throw InputError(file: path, line: 1, field: "index", problem: "found \(index), expected below count \(count)") }
    let points = try int("points", min: 0)
    let formatText = try need("format")
    guard let format = SweepResultFormat.Kind(rawValue: formatText), format != .table else {
      throw InputError(file: path, line: 1, field: "format", problem: "found '\(formatText)', expected csv or json")
    }
    let dialectText = try need("dialect")
    guard let dialect = CSVDialect(rawValue: dialectText) else {
      throw InputError(file: path, line: 1, field: "dialect", problem: "found '\(dialectText)', expected standard or excel-sv")
    }
    let (p, m) = try names(try int("parameters", min: 0))
    return SweepShardHeader(
      fingerprint: fingerprint, shard: SweepShard(index: index, count: count), pointCount: points, format: format, dialect: dialect,
      parameterNames: p, metricNames: m)
  }

  /// The rows as values, for ranking and the Pareto front after a merge.
  ///
  /// - Throws: `InputError` at the row's line when a field is not what the
  ///   header says.
  public func rows() throws -> [SweepRow] {
    let p = header.parameterNames.count, m = header.metricNames.count
    var out: [SweepRow] = []
    out.reserveCapacity(rowTexts.count)
    for (k, text) in rowTexts.enumerated() {
      var parameters: [JSONValue] = []
      var metrics: [Summary] = []
      switch header.format {
      case .json:
        let v = try JSONValue.parse(Data(text.utf8), file: path)
        parameters = header.parameterNames.map { v["parameters"]?[$0] ?? .null }
        metrics = header.metricNames.map { name in
          func x(_ s: String) -> Double { v["metrics"]?[name]?[s]?.number ?? .nan }
          return Summary(mean: x("mean"), p05: x("p5"), p50: x("p50"), p95: x("p95"))
        }
      default:
        let f = CSVRecord.fields(text)
        guard f.count == 1 + p + 4 * m else {
          throw InputError(file: path, line: rowLines[k], problem: "found \(f.count) fields, expected \(1 + p + 4 * m)")
        }
        parameters = f[1..<(1 + p)].map(CSVRecord.value)
        // The CSV writer leaves undefined (NaN) values empty.
        let numbers = f[(1 + p)...].map { Double($0) ?? .nan }
        metrics = (0..<m).map { Summary(mean: numbers[4 * $0], p05: numbers[4 * $0 + 1], p50: numbers[4 * $0 + 2], p95: numbers[4 * $0 + 3]) }
      }
      out.append(SweepRow(point: rowPoints[k] - 1, parameters: parameters, metrics: metrics))
    }
    return out
  }
}

/// Fields of one standard-dialect CSV record.
enum CSVRecord {
  static func fields(_ record: String) -> [String] {
    var out: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(record)
    if chars.last == "\n" { chars.removeLast() }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if inQuotes {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        inQuotes = true
      } else if c == "," {
        out.append(field)
        field = ""
      } else {
        field.append(c)
      }
      i += 1
    }
    out.append(field)
    return out
  }

  /// A parameter field as the value it was written from (`SweepResultFormat.csvText`).
  static func value(_ f: String) -> JSONValue {
    if let x = Double(f) { return .number(x) }
    if f == "true" { return .bool(true) }
    if f == "false" { return .bool(false) }
    return .string(f)
  }
}

/// Puts shards back together into the file a single run writes.
public enum SweepShardMerge {
  /// The merged text and the sweep's header (shard index 0 of 1).
  public struct Merged: Sendable {
    public var text: String
    public var header: SweepShardHeader
    /// The shards in index order.
    public var shards: [SweepShardFile]
  }

  /// Checks that the shards are every shard of one sweep, each once, and
  /// interleaves their rows in point order.
  ///
  /// The sweep is the fingerprint most of the files carry (the first
  /// file's on a tie); a file with another fingerprint is foreign. Every
  /// problem is reported at once, each naming its file.
  ///
  /// - Returns: the bytes `panelplan sweep` writes in one process with the
  ///   same format and dialect.
  /// - Throws: `InputErrors`: foreign shards, shards cut differently,
  ///   doubled or missing shards, shards with missing or unexpected rows.
  public static func merge(_ files: [SweepShardFile]) throws -> Merged {
    guard let firstFile = files.first else { throw InputErrors([InputError(problem: "no shard files given")]) }
    var votes: [String: Int] = [:]
    for f in files { votes[f.header.fingerprint, default: 0] += 1 }
    let best = votes.values.max()!
    let fingerprint = files.first { votes[$0.header.fingerprint] == best }?.header.fingerprint ?? firstFile.header.fingerprint
    let reference = files.first { $0.header.fingerprint == fingerprint }!
    let ref = reference.header
    var errors: [InputError] = []
    var byIndex: [Int: [SweepShardFile]] = [:]
    for f in files {
      let h = f.header
      if h.fingerprint != fingerprint {
        errors.append(InputError(
          file: f.path, field: "fingerprint",
          problem: "foreign shard: it belongs to another sweep (fingerprint \(h.fingerprint.prefix(12))…, the others \(fingerprint.prefix(12))…: a different definition, seed or replications)"))
        continue
      }
      if h.shard.count != ref.shard.count {
        errors.append(InputError(file: f.path, field: "count", problem: "found \(h.shard.count) shards, expected \(ref.shard.count) as in \(reference.path)"))
        continue
      }
      if h.format != ref.format || h.dialect != ref.dialect || f.columns != reference.columns || h.pointCount != ref.pointCount {
        errors.append(InputError(
          file: f.path, field: "format",
          problem: "found \(h.format.rawValue) (\(h.dialect.rawValue)), expected \(ref.format.rawValue) (\(ref.dialect.rawValue)) with the same columns as \(reference.path)"))
        continue
      }
      byIndex[h.shard.index, default: []].append(f)
    }
    let count = ref.shard.count
    for k in 0..<count {
      let s = SweepShard(index: k, count: count)
      guard let given = byIndex[k] else {
        errors.append(InputError(problem: "\(s) is missing (fingerprint \(fingerprint.prefix(12))…)"))
        continue
      }
      if given.count > 1 {
        errors.append(InputError(problem: "\(s) is given \(given.count) times: \(given.map(\.path).joined(separator: ", "))"))
      }
      let f = given[0]
      let expected = s.points(of: ref.pointCount)
      if f.rowPoints.count != expected.count {
        errors.append(InputError(
          file: f.path,
          problem: "holds \(f.rowPoints.count) rows, expected \(expected.count) for \(s) of \(ref.pointCount) points (an interrupted run?)"))
        continue
      }
      if let j = expected.indices.first(where: { f.rowPoints[$0] != expected[$0] + 1 }) {
        errors.append(InputError(file: f.path, line: f.rowLines[j], field: "point", problem: "found point \(f.rowPoints[j]), expected \(expected[j] + 1)"))
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }

    let shards = (0..<count).map { byIndex[$0]![0] }
    var text = ""
    switch ref.format {
    case .json:
      text = "[\n"
      for i in 0..<ref.pointCount {
        if i > 0 { text += ",\n" }
        text += shards[i % count].rowTexts[i / count]
      }
      text += ref.pointCount > 0 ? "\n]\n" : "]\n"
    default:
      text = reference.columns
      for i in 0..<ref.pointCount { text += shards[i % count].rowTexts[i / count] }
      text = ref.dialect.convert(text)
    }
    var header = ref
    header.shard = .whole
    return Merged(text: text, header: header, shards: shards)
  }

  /// Every row of merged shards as values, in point order.
  public static func rows(_ merged: Merged) throws -> [SweepRow] {
    let perShard = try merged.shards.map { try $0.rows() }
    let n = merged.shards.count
    return (0..<merged.header.pointCount).map { perShard[$0 % n][$0 / n] }
  }
}
