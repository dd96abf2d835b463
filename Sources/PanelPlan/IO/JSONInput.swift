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
    guard let c = try? container(keyedBy: AnyCodingKey.self) else { return }
    let known = Keys.allCases.map(\.stringValue)
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

  /// Turns a decoding error into a planner-readable input error.
  public static func inputError(from error: any Error, file: String?) -> InputError {
    guard let e = error as? DecodingError else {
      if let e = error as? InputError { return file.map { e.inFile($0) } ?? e }
      return InputError(file: file, problem: "not valid JSON (\(error.localizedDescription))")
    }
    switch e {
    case .typeMismatch(let type, let ctx):
      return InputError(file: file, field: path(ctx.codingPath), problem: "expected \(typeName(type)), found something else")
    case .valueNotFound(let type, let ctx):
      return InputError(file: file, field: path(ctx.codingPath), problem: "found null, expected \(typeName(type))")
    case .keyNotFound(let key, let ctx):
      return InputError(file: file, field: path(ctx.codingPath + [key]), problem: "missing required field")
    case .dataCorrupted(let ctx):
      if ctx.codingPath.isEmpty {
        let underlying = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return InputError(file: file, problem: "not valid JSON" + (underlying.map { " (\($0))" } ?? ""))
      }
      return InputError(file: file, field: path(ctx.codingPath), problem: ctx.debugDescription)
    @unknown default:
      return InputError(file: file, problem: "\(e)")
    }
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
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw InputError(file: file, problem: "cannot read the file (\((error as NSError).localizedDescription))")
    }
    return try decode(type, from: data, file: file)
  }

  /// Decodes a value from JSON bytes, naming `file` in errors.
  public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String?) throws -> T {
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch {
      throw inputError(from: error, file: file)
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
