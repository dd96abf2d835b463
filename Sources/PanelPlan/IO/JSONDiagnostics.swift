import Foundation

/// Reading an input file's bytes with plain-sentence errors: a missing
/// file, a folder, an unreadable file (never "NSCocoaErrorDomain error 256").
public enum InputFile {
  /// The bytes of `path`.
  ///
  /// - Parameter what: What the file should be, for messages ("a JSON file").
  public static func read(_ path: String, what: String = "a file") throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(file: path, problem: "no such file")
    }
    if isDirectory.boolValue { throw InputError(file: path, problem: "is a folder, expected \(what)") }
    guard let h = FileHandle(forReadingAtPath: path) else {
      throw InputError(file: path, problem: "cannot read the file (\(String(cString: strerror(EACCES))))")
    }
    defer { try? h.close() }
    do { return try h.readToEnd() ?? Data() } catch {
      throw InputError(file: path, problem: "cannot read the file (\((error as NSError).localizedDescription))")
    }
  }

  /// The first byte that is not UTF-8 in `bytes`, as an error with its line
  /// and column, or nil when all of it is UTF-8.
  public static func utf8Problem(_ bytes: [UInt8], file: String?) -> InputError? {
    var i = 0
    var line = 1, column = 1
    while i < bytes.count {
      let b = bytes[i]
      var n = 0
      if b < 0x80 { n = 1 } else if b & 0xE0 == 0xC0 && b >= 0xC2 { n = 2 } else if b & 0xF0 == 0xE0 { n = 3 } else if b & 0xF8 == 0xF0 && b <= 0xF4 { n = 4 }
      var ok = n > 0 && i + n <= bytes.count
      if ok && n > 1 {
        for k in 1..<n where bytes[i + k] & 0xC0 != 0x80 { ok = false }
        // Overlong forms, surrogates and values above U+10FFFF.
        if ok && n == 3 {
          let c1 = bytes[i + 1]
          if (b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 >= 0xA0) { ok = false }
        }
        if ok && n == 4 {
          let c1 = bytes[i + 1]
          if (b == 0xF0 && c1 < 0x90) || (b == 0xF4 && c1 >= 0x90) { ok = false }
        }
      }
      if !ok {
        let hex = String(b, radix: 16, uppercase: true)
        return InputError(
          file: file, line: line, column: column,
          problem: "not UTF-8 text (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8")
      }
      if b == 0x0A { line += 1; column = 1 } else { column += 1 }
      i += n
    }
    return nil
  }
}

/// The kinds of JSON input file, told apart by their top-level fields, so a
/// command given the wrong kind says so instead of guessing.
public enum JSONFileKind: String, Sendable, CaseIterable {
  case centre, scenario, region, nation, sweep

  /// "a care-centre file", for messages.
  public var label: String {
    switch self {
    case .centre: return "a care-centre file"
    case .scenario: return "a scenario file"
    case .region: return "a region file"
    case .nation: return "a nation file"
    case .sweep: return "a sweep file"
    }
  }

  /// The kind a top-level object's keys show, or nil when they fit none.
  /// The defining field decides first (`centre`, `regions`, `centres`,
  /// `base`, `clinicians`), then fields only one kind has.
  public static func detect(keys: [String]) -> JSONFileKind? {
    let k = Set(keys)
    if k.contains("centre") { return .scenario }
    if k.contains("regions") { return .nation }
    if k.contains("centres") { return .region }
    if k.contains("base") { return .sweep }
    if k.contains("clinicians") || k.contains("population") { return .centre }
    let scenarioOnly: Set = ["years", "demand", "booking", "absences", "workingTime", "guideline", "assignment", "continuity", "triage", "patience"]
    if !k.isDisjoint(with: scenarioOnly) { return .scenario }
    let sweepOnly: Set = ["model", "design", "points", "replications", "seed", "parameters"]
    if !k.isDisjoint(with: sweepOnly) { return .sweep }
    return nil
  }

  /// Reads `path` as JSON, checks it is one of `accepted` and returns its
  /// kind and bytes.
  ///
  /// - Parameter command: The command, for the message
  ///   ("this is a region file; `capacity` takes a care-centre file or a scenario file").
  /// - Throws: `InputError` for an unreadable, empty, non-UTF-8 or invalid
  ///   file, a top level that is not an object, or a kind not accepted.
  public static func load(_ path: String, accepted: [JSONFileKind], command: String) throws -> (JSONFileKind, Data) {
    let data = try InputFile.read(path, what: "a JSON file")
    let tree = try JSONInput.parseChecked(data, file: path)
    guard case .object(let members) = tree else {
      throw InputError(file: path, problem: "found \(tree.kindDescription), expected a JSON object")
    }
    let takes = accepted.map(\.label).joined(separator: " or ")
    guard let kind = detect(keys: members.map(\.key)) else {
      let fields = accepted.map { k -> String in
        switch k {
        case .centre: return "clinicians (care centre)"
        case .scenario: return "centre (scenario)"
        case .region: return "centres (region)"
        case .nation: return "regions (nation)"
        case .sweep: return "base (sweep)"
        }
      }
      throw InputError(file: path, problem: "not a file `\(command)` reads: expected a top-level field \(fields.joined(separator: ", ")); found \(members.isEmpty ? "no fields" : "only " + members.map(\.key).joined(separator: ", "))")
    }
    guard accepted.contains(kind) else {
      throw InputError(file: path, problem: "this is \(kind.label); `\(command)` takes \(takes)")
    }
    return (kind, data)
  }
}

/// Finds where a value sits in JSON text, to give a decoding error its line
/// and column and the text found there.
struct JSONLocator {
  let bytes: [UInt8]
  var i = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The byte offset of the value at `path` (as deep as the path can be
  /// followed), and whether the whole path was found.
  mutating func offset(of path: [any CodingKey]) -> (offset: Int, complete: Bool) {
    i = 0
    skipSpace()
    for key in path {
      guard i < bytes.count else { return (i, false) }
      let start = i
      if bytes[i] == UInt8(ascii: "["), let index = key.intValue {
        i += 1
        var n = 0
        skipSpace()
        while i < bytes.count && bytes[i] != UInt8(ascii: "]") {
          if n == index { break }
          skipValue()
          skipSpace()
          if i < bytes.count && bytes[i] == UInt8(ascii: ",") { i += 1 }
          skipSpace()
          n += 1
        }
        if n != index || i >= bytes.count || bytes[i] == UInt8(ascii: "]") { i = start; return (start, false) }
      } else if bytes[i] == UInt8(ascii: "{") {
        i += 1
        var found = false
        skipSpace()
        while i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
          let k = readString()
          skipSpace()
          if i < bytes.count && bytes[i] == UInt8(ascii: ":") { i += 1 }
          skipSpace()
          if k == key.stringValue { found = true; break }
          skipValue()
          skipSpace()
          if i < bytes.count && bytes[i] == UInt8(ascii: ",") { i += 1 }
          skipSpace()
        }
        if !found { i = start; return (start, false) }
      } else {
        return (start, false)
      }
    }
    return (i, true)
  }

  /// 1-based line and column of a byte offset (columns count characters).
  func lineColumn(_ offset: Int) -> (line: Int, column: Int) {
    var line = 1, column = 1
    for b in bytes[..<min(offset, bytes.count)] {
      if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }
    return (line, column)
  }

  /// The value at `offset` for a message: a string or number as written
  /// (shortened), else its kind.
  func describe(_ offset: Int) -> String {
    guard offset < bytes.count else { return "nothing" }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return "an object"
    case UInt8(ascii: "["): return "a list"
    case UInt8(ascii: "n"): return "null"
    default:
      var copy = self
      copy.i = offset
      copy.skipValue()
      var text = String(decoding: bytes[offset..<copy.i], as: UTF8.self)
      // Show a string as the user reads it, not with its JSON escapes.
      if bytes[offset] == UInt8(ascii: "\""), text.contains("\\"),
        let s = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String
      {
        text = "\"" + s + "\""
      }
      if text.count > 40 { text = String(text.prefix(37)) + "..." }
      return text
    }
  }

  mutating func skipSpace() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
  }

  mutating func readString() -> String {
    let start = i + 1
    skipValue()
    let end = max(start, i - 1)
    let raw = Array(bytes[min(start, end)..<end])
    // Keys with escapes are rare; decode them properly when present.
    if raw.contains(UInt8(ascii: "\\")), let s = try? JSONSerialization.jsonObject(with: Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")]), options: .fragmentsAllowed) as? String {
      return s
    }
    return String(decoding: raw, as: UTF8.self)
  }

  /// Moves past one value (the text is known to be valid JSON).
  mutating func skipValue() {
    guard i < bytes.count else { return }
    switch bytes[i] {
    case UInt8(ascii: "\""):
      i += 1
      while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
        i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
      }
      i = min(i + 1, bytes.count)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      while i < bytes.count {
        let b = bytes[i]
        if b == UInt8(ascii: "\"") { skipValue(); continue }
        if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
        if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
          depth -= 1
          if depth == 0 { i += 1; return }
        }
        i += 1
      }
    default:
      while i < bytes.count {
        let b = bytes[i]
        if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { return }
        i += 1
      }
    }
  }
}

extension JSONInput {
  /// The coding path of a field path such as `population.groups[0].count`.
  static func codingPath(_ field: String) -> [any CodingKey] {
    var keys: [any CodingKey] = []
    for part in field.split(separator: ".") {
      var name = Substring(part)
      var indices: [Int] = []
      while let open = name.lastIndex(of: "["), name.last == "]", let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
        indices.insert(i, at: 0)
        name = name[..<open]
      }
      if !name.isEmpty { keys.append(AnyCodingKey(stringValue: String(name))) }
      for i in indices { keys.append(AnyCodingKey(intValue: i)!) }
    }
    return keys
  }

  /// Gives an error with a field but no line its line and column in `data`
  /// (checks made after decoding know only the field).
  public static func locate(_ e: InputError, in data: Data) -> InputError {
    guard e.line == nil, let field = e.field, !field.isEmpty else { return e }
    var locator = JSONLocator([UInt8](data))
    let (offset, _) = locator.offset(of: codingPath(field))
    var out = e
    (out.line, out.column) = locator.lineColumn(offset)
    return out
  }

  /// Runs `body`, giving the input errors it throws their line and column
  /// in `data`.
  public static func locating<T>(_ data: Data, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as InputErrors {
      throw InputErrors(e.errors.map { locate($0, in: data) })
    } catch let e as InputError {
      throw locate(e, in: data)
    }
  }
}
