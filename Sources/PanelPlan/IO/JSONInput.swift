import Foundation

/// A coding key for any string, used to see every key a JSON object has.
struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension Decoder {
  /// Throws when the JSON object holds a key that `Keys` does not name, so a
  /// misspelt field ("fet" for "fte") is reported instead of silently
  /// taking the default.
  func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
    try rejectUnknownKeys(Keys.allCases.map(\.stringValue))
  }

  /// Throws when the JSON object holds a key not in `known`.
  func rejectUnknownKeys(_ known: [String]) throws {
    guard let c = try? container(keyedBy: AnyCodingKey.self) else { return }
    for key in c.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(.init(
        codingPath: codingPath + [key],
        debugDescription: "unknown field; expected one of: \(known.joined(separator: ", "))"))
    }
  }
}

/// Reading JSON input files with errors that name the file and the field.
public enum JSONInput {
  /// Renders a coding path as `clinicians[2].fte`.
  public static func path(_ codingPath: [any CodingKey]) -> String {
    var s = ""
    for key in codingPath {
      if let i = key.intValue { s += "[\(i)]" } else { s += s.isEmpty ? key.stringValue : "." + key.stringValue }
    }
    return s
  }

  /// Turns a decoding error into a planner-readable input error:
  /// `file:line:column: field.path: found X, expected Y` when the JSON text
  /// is at hand to locate the field in.
  public static func inputError(from error: any Error, file: String?, data: Data? = nil) -> InputError {
    guard let e = error as? DecodingError else {
      if let e = error as? InputError { return file.map { e.file == nil ? e.inFile($0) : e } ?? e }
      return InputError(file: file, problem: "not valid JSON (\(error.localizedDescription))")
    }
    // Bytes made in memory (a sweep's edited scenario) have no lines a
    // user could look up: locate only in a named file.
    let bytes = file == nil ? nil : data.map { [UInt8]($0) }
    // Where the field is, and what is written there.
    func located(_ codingPath: [any CodingKey], field: String, _ problem: (String?) -> String) -> InputError {
      guard let bytes else { return InputError(file: file, field: field, problem: problem(nil)) }
      var locator = JSONLocator(bytes)
      let (offset, complete) = locator.offset(of: codingPath)
      let (line, column) = locator.lineColumn(offset)
      return InputError(file: file, line: line, column: column, field: field, problem: problem(complete ? locator.describe(offset) : nil))
    }
    switch e {
    case .typeMismatch(let type, let ctx):
      return located(ctx.codingPath, field: path(ctx.codingPath)) { found in
        "found \(found ?? "something else"), expected \(typeName(type))"
      }
    case .valueNotFound(let type, let ctx):
      return located(ctx.codingPath, field: path(ctx.codingPath)) { _ in "found null, expected \(typeName(type))" }
    case .keyNotFound(let key, let ctx):
      return located(ctx.codingPath, field: path(ctx.codingPath + [key])) { _ in "missing required field" }
    case .dataCorrupted(let ctx):
      let description = ctx.debugDescription
      if ctx.codingPath.isEmpty && bytes == nil {
        let underlying = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return InputError(file: file, problem: "not valid JSON" + (underlying.map { " (\($0))" } ?? ""))
      }
      return located(ctx.codingPath, field: path(ctx.codingPath)) { found in
        // A `JSONEnumeration` lists its values in its own message.
        if description.hasPrefix(JSONEnumerationMessage.prefix) {
          return "found \(found ?? "an unknown value"), \(description)"
        }
        if description.contains("not representable") || description.contains("does not fit") {
          return "found \(found ?? "a number"), expected a whole number that fits (0 or more where counts are meant)"
        }
        if let found, description.hasPrefix("expected") { return "found \(found), \(description)" }
        return description
      }
    @unknown default:
      return InputError(file: file, problem: "\(e)")
    }
  }

  /// Checks JSON bytes before decoding: not empty, UTF-8, valid syntax
  /// (with line and column); returns the parsed tree.
  public static func parseChecked(_ data: Data, file: String?) throws -> JSONValue {
    let bytes = [UInt8](data)
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw InputError(file: file, problem: "the file is empty, expected a JSON object")
    }
    if let e = InputFile.utf8Problem(bytes, file: file) { throw e }
    return try JSONValue.parse(data, file: file)
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type: return "a number"
    case is Int.Type: return "a whole number"
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    default:
      let name = "\(type)"
      if name.hasPrefix("Array") { return "a list" }
      if name.hasPrefix("Dictionary") { return "an object" }
      return "a value of type \(name)"
    }
  }

  /// Decodes a value from a file, mapping every failure to an `InputError`
  /// that names the file.
  public static func decode<T: Decodable>(_ type: T.Type, fromFile file: String) throws -> T {
    return try decode(type, from: try InputFile.read(file, what: "a JSON file"), file: file)
  }

  /// Decodes a value from JSON bytes, naming `file` in errors.
  public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String?) throws -> T {
    _ = try parseChecked(data, file: file)
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch {
      throw inputError(from: error, file: file, data: data)
    }
  }

  /// Encodes a value as pretty-printed JSON with sorted keys, so output is
  /// byte-for-byte reproducible.
  public static func encode<T: Encodable>(_ value: T) throws -> Data {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try e.encode(value)
    data.append(0x0A)
    return data
  }
}
