import Foundation

/// A JSON document as a plain value tree, so a sweep can edit any scenario
/// (a care centre today, a simulation scenario tomorrow) without knowing
/// its type.
///
/// Objects keep their keys in file order (`[(key, value)]`), so a scenario
/// written back out has its fields where the user put them and output is the
/// same on every run (a `Dictionary` would iterate in a per-process order).
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// The value of `key` when this is an object holding it.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// What kind of value this is, for messages: "a number", "an object".
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "true or false"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "a list"
    case .object: return "an object"
    }
  }

  /// The number, when this is one.
  public var number: Double? {
    if case .number(let x) = self { return x }
    return nil
  }
}

/// One key and value of a JSON object.
public struct JSONMember: Sendable, Hashable {
  public var key: String
  public var value: JSONValue
  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}

extension JSONValue: Decodable {
  /// Decodes any JSON value. Numbers become `Double`, which holds every
  /// whole number a scenario needs (up to 2⁵³) exactly.
  public init(from decoder: any Decoder) throws {
    if var a = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !a.isAtEnd { items.append(try a.decode(JSONValue.self)) }
      self = .array(items)
      return
    }
    if let o = try? decoder.container(keyedBy: AnyCodingKey.self) {
      // JSONDecoder does not expose key order; sorting makes it at least
      // stable. `JSONValue.parse` keeps file order and is what sweeps use.
      let keys = o.allKeys.sorted { $0.stringValue < $1.stringValue }
      self = .object(try keys.map { JSONMember($0.stringValue, try o.decode(JSONValue.self, forKey: $0)) })
      return
    }
    let c = try decoder.singleValueContainer()
    if c.decodeNil() { self = .null }
    else if let b = try? c.decode(Bool.self) { self = .bool(b) }
    else if let x = try? c.decode(Double.self) { self = .number(x) }
    else { self = .string(try c.decode(String.self)) }
  }
}

extension JSONValue {
  /// Parses JSON text, keeping object keys in file order.
  ///
  /// - Throws: `InputError` naming `file`, the line and column of the first
  ///   problem, what was found and what was expected.
  public static func parse(_ data: Data, file: String? = nil) throws -> JSONValue {
    var p = JSONParser(bytes: [UInt8](data), file: file)
    return try p.parseDocument()
  }

  /// Compact JSON text, keys in stored order. Whole numbers below 2⁵³ are
  /// written without a fraction (so `"count": 5` decodes as an `Int`),
  /// others in Swift's shortest round-trip form.
  public func serialized() -> Data {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(into: &out)
    return Data(out)
  }

  /// Compact JSON text as a string.
  public var jsonText: String { String(decoding: serialized(), as: UTF8.self) }

  func write(into out: inout [UInt8]) {
    switch self {
    case .null: out += Array("null".utf8)
    case .bool(let b): out += Array((b ? "true" : "false").utf8)
    case .number(let x): out += Array(JSONValue.numberText(x).utf8)
    case .string(let s): JSONValue.writeString(s, into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, v) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        v.write(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (i, m) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSONValue.writeString(m.key, into: &out)
        out.append(UInt8(ascii: ":"))
        m.value.write(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// A number as JSON text; non-finite numbers (which JSON cannot hold)
  /// become `null`.
  public static func numberText(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
    return "\(x)"
  }

  static func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): out += [0x5C, 0x22]
      case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0..<0x20:
        out += Array(String(format: "\\u%04x", Int(b)).utf8)
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}

/// A small recursive-descent JSON parser (RFC 8259) that keeps key order
/// and reports line and column.
struct JSONParser {
  let bytes: [UInt8]
  let file: String?
  var i = 0
  var depth = 0

  init(bytes: [UInt8], file: String?) {
    self.bytes = bytes
    self.file = file
  }

  mutating func parseDocument() throws -> JSONValue {
    skipSpace()
    let v = try parseValue()
    skipSpace()
    if i < bytes.count { throw error("found text after the end of the JSON value, expected nothing more") }
    return v
  }

  func error(_ problem: String) -> InputError {
    var line = 1, column = 1
    for b in bytes[..<min(i, bytes.count)] {
      if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }
    return InputError(file: file, line: line, column: column, problem: "not valid JSON: " + problem)
  }

  func found() -> String {
    guard i < bytes.count else { return "the end of the file" }
    let end = min(bytes.count, i + 12)
    return "'" + String(decoding: bytes[i..<end], as: UTF8.self).prefix(while: { $0 != "\n" }) + "'"
  }

  mutating func skipSpace() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
  }

  mutating func parseValue() throws -> JSONValue {
    guard i < bytes.count else { throw error("found the end of the file, expected a value") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw error("found \(found()), expected a value (object, list, string, number, true, false or null)")
    }
  }

  mutating func literal(_ word: String) throws {
    let w = Array(word.utf8)
    guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
      throw error("found \(found()), expected \(word)")
    }
    i += w.count
  }

  mutating func nest() throws {
    depth += 1
    // Deep nesting is never a scenario; refusing it keeps recursion bounded.
    if depth > 256 { throw error("nested more than 256 levels deep") }
  }

  mutating func parseObject() throws -> JSONValue {
    try nest()
    defer { depth -= 1 }
    i += 1
    var members: [JSONMember] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("found \(found()), expected a field name in quotes") }
      let key = try parseString()
      if members.contains(where: { $0.key == key }) { throw error("duplicate field '\(key)'") }
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("found \(found()), expected ':' after the field name") }
      i += 1
      skipSpace()
      members.append(JSONMember(key, try parseValue()))
      skipSpace()
      guard i < bytes.count else { throw error("found the end of the file, expected ',' or '}'") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      throw error("found \(found()), expected ',' or '}'")
    }
  }

  mutating func parseArray() throws -> JSONValue {
    try nest()
    defer { depth -= 1 }
    i += 1
    var items: [JSONValue] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
    while true {
      skipSpace()
      items.append(try parseValue())
      skipSpace()
      guard i < bytes.count else { throw error("found the end of the file, expected ',' or ']'") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
      throw error("found \(found()), expected ',' or ']'")
    }
  }

  mutating func parseString() throws -> String {
    i += 1
    var out: [UInt8] = []
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
      if b < 0x20 { i -= 1; throw error("found a control character in a string, expected it escaped") }
      if b != UInt8(ascii: "\\") { out.append(b); continue }
      guard i < bytes.count else { break }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
          i += 2
          let low = try hex4()
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
        }
        out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
      default:
        i -= 1
        throw error("found an unknown escape '\\\(Character(Unicode.Scalar(e)))' in a string")
      }
    }
    throw error("found the end of the file inside a string, expected a closing '\"'")
  }

  mutating func hex4() throws -> UInt32 {
    guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
      throw error("found \(found()), expected four hex digits after \\u")
    }
    i += 4
    return v
  }

  mutating func parseNumber() throws -> Double {
    let start = i
    func digits() -> Int {
      let s = i
      while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
      return i - s
    }
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    if digits() == 0 { throw error("found \(found()), expected a digit") }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      if digits() == 0 { throw error("found \(found()), expected a digit after the decimal point") }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      if digits() == 0 { throw error("found \(found()), expected a digit in the exponent") }
    }
    guard let x = Double(String(decoding: bytes[start..<i], as: UTF8.self)), x.isFinite else {
      i = start
      throw error("found \(found()), expected a number within the range of a double")
    }
    return x
  }
}

/// A JSON string literal (quotes, backslashes and control characters escaped).
public func jsonQuote(_ s: String) -> String {
  var out = "\""
  for u in s.unicodeScalars {
    switch u {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if u.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16) }
      else { out.unicodeScalars.append(u) }
    }
  }
  return out + "\""
}
