/// The JSON form of a type as one table: each field's key, the property it
/// fills (a writable key path) and how it is written. Every type a file
/// holds codes itself through its table (`Type+Coding.swift` next to the
/// type), so there is one way to read a field, take its default and name it
/// in an error.
///
/// - Defaults come only from the type's initialiser: decoding starts from a
///   value the caller makes with it (`WorkingTimeParameters()`) and sets
///   the fields the JSON has.
/// - A key the table does not name is refused, listing the table's keys in
///   order ("unknown field; expected one of: ..."), so a misspelling is
///   never silent.
/// - Problems come out as `DecodingError`s with the field's coding path,
///   which `JSONInput` turns into `InputError`s (`file:line:column:
///   field.path: found X, expected Y`). Ranges are checked after decoding,
///   where every problem can be reported at once (`Scenario.problems()`,
///   `Validation`).
struct JSONFields<Root> {
  /// One key of the table.
  struct Field {
    let key: String
    let decode: (inout Root, KeyedDecodingContainer<AnyCodingKey>) throws -> Void
    let encode: (Root, inout KeyedEncodingContainer<AnyCodingKey>) throws -> Void
  }

  let fields: [Field]

  init(_ fields: [Field]) { self.fields = fields }

  /// The keys, in table order.
  var keys: [String] { fields.map(\.key) }

  /// `start` with every field the JSON object of `decoder` holds set.
  func decode(_ start: Root, from decoder: any Decoder) throws -> Root {
    try decoder.rejectUnknownKeys(keys)
    let c = try decoder.container(keyedBy: AnyCodingKey.self)
    var value = start
    for f in fields { try f.decode(&value, c) }
    return value
  }

  /// Writes the fields of `value` into the object of `encoder`.
  func encode(_ value: Root, to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: AnyCodingKey.self)
    for f in fields { try f.encode(value, &c) }
  }

  /// These fields as fields of a type holding a `Root` at `path` (a patient's
  /// profile keys sit in the patient's own object).
  func lifted<Outer>(_ path: WritableKeyPath<Outer, Root>) -> [JSONFields<Outer>.Field] {
    fields.map { f in
      JSONFields<Outer>.Field(
        key: f.key,
        decode: { outer, c in try f.decode(&outer[keyPath: path], c) },
        encode: { outer, c in try f.encode(outer[keyPath: path], &c) })
    }
  }
}

extension JSONFields.Field {
  /// Optional in the file: absent or null keeps the start value; always written.
  static func field<V: Codable>(_ key: String, _ path: WritableKeyPath<Root, V>) -> Self {
    let k = AnyCodingKey(stringValue: key)
    return Self(
      key: key,
      decode: { v, c in if let x = try c.decodeIfPresent(V.self, forKey: k) { v[keyPath: path] = x } },
      encode: { v, c in try c.encode(v[keyPath: path], forKey: k) })
  }

  /// Optional in the file and written only when it differs from `omitted`
  /// (`"sex"` only when known, `"duties"` only when there are any).
  static func field<V: Codable & Equatable>(_ key: String, _ path: WritableKeyPath<Root, V>, omittedWhen omitted: V) -> Self {
    let k = AnyCodingKey(stringValue: key)
    return Self(
      key: key,
      decode: { v, c in if let x = try c.decodeIfPresent(V.self, forKey: k) { v[keyPath: path] = x } },
      encode: { v, c in if v[keyPath: path] != omitted { try c.encode(v[keyPath: path], forKey: k) } })
  }

  /// Required: a file without it is refused ("missing required field").
  static func required<V: Codable>(_ key: String, _ path: WritableKeyPath<Root, V>) -> Self {
    let k = AnyCodingKey(stringValue: key)
    return Self(
      key: key,
      decode: { v, c in v[keyPath: path] = try c.decode(V.self, forKey: k) },
      encode: { v, c in try c.encode(v[keyPath: path], forKey: k) })
  }

  /// An optional property: absent or null is nil, and nil is not written.
  static func optional<V: Codable>(_ key: String, _ path: WritableKeyPath<Root, V?>) -> Self {
    let k = AnyCodingKey(stringValue: key)
    return Self(
      key: key,
      decode: { v, c in if let x = try c.decodeIfPresent(V.self, forKey: k) { v[keyPath: path] = x } },
      encode: { v, c in try c.encodeIfPresent(v[keyPath: path], forKey: k) })
  }

  /// Accepted and ignored (written by another tool, e.g. a scenario's
  /// `calibration` sources); never written.
  static func ignored(_ key: String) -> Self {
    Self(key: key, decode: { _, _ in }, encode: { _, _ in })
  }

  /// An object keyed by the raw values of `E` (`{"0-5": 1.3}`), each value
  /// a number handed to `set`; a key `E` does not know is refused, naming
  /// `what` and listing `E`'s values. Written with every case of `E`.
  static func keyed<E: CaseIterable & RawRepresentable>(
    _ key: String, by _: E.Type, what: String, nullIsAbsent: Bool = true,
    set: @escaping (inout Root, E, Double) -> Void, get: @escaping (Root, E) -> Double
  ) -> Self where E.RawValue == String {
    custom(
      key, nullIsAbsent: nullIsAbsent,
      decode: { v, d in
        let c = try d.container(keyedBy: AnyCodingKey.self)
        for k in c.allKeys {
          guard let e = E(rawValue: k.stringValue) else {
            throw DecodingError.dataCorrupted(.init(
              codingPath: c.codingPath + [k],
              debugDescription: "unknown \(what); expected one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))"))
          }
          set(&v, e, try c.decode(Double.self, forKey: k))
        }
      },
      encode: { v, c, k in
        var o = c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: k)
        for e in E.allCases { try o.encode(get(v, e), forKey: AnyCodingKey(stringValue: e.rawValue)) }
      })
  }

  /// A field with a form of its own (rates keyed by age band, shares keyed
  /// by priority group): `decode` gets the value when the key is present
  /// (and, when `nullIsAbsent`, not null).
  static func custom(
    _ key: String, nullIsAbsent: Bool = true, decode: @escaping (inout Root, any Decoder) throws -> Void,
    encode: @escaping (Root, inout KeyedEncodingContainer<AnyCodingKey>, AnyCodingKey) throws -> Void
  ) -> Self {
    let k = AnyCodingKey(stringValue: key)
    return Self(
      key: key,
      decode: { v, c in if c.contains(k), try !(nullIsAbsent && c.decodeNil(forKey: k)) { try decode(&v, try c.superDecoder(forKey: k)) } },
      encode: { v, c in try encode(v, &c, k) })
  }
}
