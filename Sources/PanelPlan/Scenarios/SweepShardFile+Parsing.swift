import Foundation

// Reading a shard file's bytes back: its records, its CSV or JSON header,
// and its rows as values.
extension SweepShardFile {
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
