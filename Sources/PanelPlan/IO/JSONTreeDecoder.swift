import Foundation

/// A `Decoder` reading straight from a parsed `JSONValue`, so a value built
/// or edited in memory (a sweep point's scenario) is decoded without being
/// written out as JSON text and parsed again.
///
/// It throws the `DecodingError`s Foundation's `JSONDecoder` throws for the
/// same input (same case, coding path and type), so
/// `JSONInput.inputError(from:file:data:)` words every problem as it does
/// for a file. Two differences, both in this decoder's favour: an object's
/// keys are seen in file order (so of two unknown fields the first written
/// is named), and numbers are the `Double`s the tree holds (whole numbers
/// exact up to 2⁵³, which every count of the model is far below).
struct JSONTreeDecoder: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(_ value: JSONValue, codingPath: [any CodingKey] = []) {
    self.value = value
    self.codingPath = codingPath
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    switch value {
    case .object(let members): return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
    case .null:
      throw DecodingError.valueNotFound([String: Any].self, .init(
        codingPath: codingPath, debugDescription: "Cannot get keyed decoding container -- found null value instead"))
    default:
      throw DecodingError.typeMismatch([String: Any].self, .init(
        codingPath: codingPath, debugDescription: "Expected to decode Dictionary<String, Any> but found \(value.kindDescription) instead."))
    }
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    switch value {
    case .array(let items): return Unkeyed(items: items, codingPath: codingPath)
    case .null:
      throw DecodingError.valueNotFound([Any].self, .init(
        codingPath: codingPath, debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
    default:
      throw DecodingError.typeMismatch([Any].self, .init(
        codingPath: codingPath, debugDescription: "Expected to decode Array<Any> but found \(value.kindDescription) instead."))
    }
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

  /// Decodes `T` from `value` at `codingPath`: the scalars and `JSONValue`
  /// directly, anything else through its `init(from:)`.
  static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at codingPath: [any CodingKey]) throws -> T {
    switch type {
    case is Double.Type: return try double(value, codingPath) as! T
    case is Int.Type: return try integer(Int.self, value, codingPath) as! T
    case is String.Type: return try string(value, codingPath) as! T
    case is Bool.Type: return try bool(value, codingPath) as! T
    case is JSONValue.Type: return value as! T
    default: return try T(from: JSONTreeDecoder(value, codingPath: codingPath))
    }
  }

  static func mismatch<T>(_ type: T.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
    if case .null = value {
      return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) value but found null instead."))
    }
    return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(value.kindDescription) instead."))
  }

  static func double(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> Double {
    guard case .number(let x) = value else { throw mismatch(Double.self, value, codingPath) }
    return x
  }

  static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) throws -> T {
    guard case .number(let x) = value else { throw mismatch(type, value, codingPath) }
    guard let n = T(exactly: x) else {
      throw DecodingError.dataCorrupted(.init(
        codingPath: codingPath, debugDescription: "Parsed JSON number <\(JSONValue.numberText(x))> does not fit in \(type)."))
    }
    return n
  }

  static func string(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> String {
    guard case .string(let s) = value else { throw mismatch(String.self, value, codingPath) }
    return s
  }

  static func bool(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> Bool {
    guard case .bool(let b) = value else { throw mismatch(Bool.self, value, codingPath) }
    return b
  }

  struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONMember]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }
    func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

    func value(_ key: Key) throws -> JSONValue {
      guard let m = members.first(where: { $0.key == key.stringValue }) else {
        throw DecodingError.keyNotFound(key, .init(
          codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
      }
      return m.value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
      if case .null = try value(key) { return true }
      return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      try JSONTreeDecoder.decode(type, from: try value(key), at: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
      guard let m = members.first(where: { $0.key == key.stringValue }) else { return nil }
      if case .null = m.value { return nil }
      return try JSONTreeDecoder.decode(type, from: m.value, at: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
      try JSONTreeDecoder(try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      try JSONTreeDecoder(try value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
      JSONTreeDecoder(members.first { $0.key == "super" }?.value ?? .null, codingPath: codingPath + [AnyCodingKey(stringValue: "super")])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
      JSONTreeDecoder(members.first { $0.key == key.stringValue }?.value ?? .null, codingPath: codingPath + [key])
    }
  }

  struct Unkeyed: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey]) {
      self.items = items
      self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    var indexKey: any CodingKey { AnyCodingKey(intValue: currentIndex)! }

    mutating func next<T>(_ type: T.Type) throws -> JSONValue {
      guard !isAtEnd else {
        throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [indexKey], debugDescription: "Unkeyed container is at end."))
      }
      return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
      if case .null = try next(Any?.self) {
        currentIndex += 1
        return true
      }
      return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
      let v = try JSONTreeDecoder.decode(type, from: try next(type), at: codingPath + [indexKey])
      currentIndex += 1
      return v
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
      let c = try JSONTreeDecoder(try next([String: Any].self), codingPath: codingPath + [indexKey]).container(keyedBy: type)
      currentIndex += 1
      return c
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
      let c = try JSONTreeDecoder(try next([Any].self), codingPath: codingPath + [indexKey]).unkeyedContainer()
      currentIndex += 1
      return c
    }

    mutating func superDecoder() throws -> any Decoder {
      let d = JSONTreeDecoder(try next(Any.self), codingPath: codingPath + [indexKey])
      currentIndex += 1
      return d
    }
  }

  struct Single: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool {
      if case .null = value { return true }
      return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONTreeDecoder.decode(type, from: value, at: codingPath) }
    func decode(_ type: Bool.Type) throws -> Bool { try JSONTreeDecoder.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try JSONTreeDecoder.string(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try JSONTreeDecoder.double(value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try JSONTreeDecoder.integer(Int.self, value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONTreeDecoder.integer(UInt64.self, value, codingPath) }
  }
}

extension JSONInput {
  /// Decodes a value from a parsed JSON tree (a sweep point's scenario),
  /// mapping every failure to an `InputError` with its field path, worded
  /// as `decode(_:from:file:)` words it.
  public static func decode<T: Decodable>(_ type: T.Type, from tree: JSONValue, file: String? = nil) throws -> T {
    do {
      return try JSONTreeDecoder.decode(type, from: tree, at: [])
    } catch {
      throw inputError(from: error, file: file, data: nil)
    }
  }
}
