import Foundation

// Reading a sweep file: its fields, its base scenario and the files the
// base includes.
extension SweepDefinition {
  enum CodingKeys: String, CodingKey, CaseIterable { case model, base, design, points, replications, seed, parameters }

  /// The fields as decoded, before the base is resolved.
  struct Raw: Decodable {
    var model: String?
    var design: SweepDesignKind?
    var points: Int?
    var replications: Int?
    var seed: UInt64?
    var parameters: [SweepParameter]

    init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      model = try c.decodeIfPresent(String.self, forKey: .model)
      if let text = try c.decodeIfPresent(String.self, forKey: .design) {
        guard let d = SweepDesignKind(rawValue: text) else {
          throw DecodingError.dataCorrupted(.init(
            codingPath: c.codingPath + [CodingKeys.design],
            debugDescription: "found '\(text)', expected one of: \(SweepDesignKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        design = d
      }
      // A whole number, or a message naming the range (JSONDecoder's own
      // for -1 as UInt64 has no field and says "not valid JSON").
      func whole<T: FixedWidthInteger & Decodable>(_: T.Type, _ key: CodingKeys, _ range: String) throws -> T? {
        guard c.contains(key) else { return nil }
        if let v = try? c.decodeIfPresent(T.self, forKey: key) { return v }
        throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [key], debugDescription: "expected a whole number from \(range)"))
      }
      points = try whole(Int.self, .points, "1 to \(SweepDefinition.maximumPoints)")
      replications = try whole(Int.self, .replications, "1 to 1000000")
      seed = try whole(UInt64.self, .seed, "0 to \(UInt64.max)")
      parameters = try c.decodeIfPresent([SweepParameter].self, forKey: .parameters) ?? []
      if !c.contains(.base) {
        throw DecodingError.keyNotFound(CodingKeys.base, .init(codingPath: c.codingPath, debugDescription: "missing"))
      }
    }
  }

  /// Reads, resolves and validates a sweep file.
  ///
  /// - Throws: `InputError` for unreadable or malformed files (with line
  ///   and column for JSON syntax, the field path otherwise), `InputErrors`
  ///   listing every semantic problem at once.
  public static func load(_ file: String) throws -> SweepDefinition {
    let data = try JSONFileKind.load(file, accepted: [.sweep], command: "sweep").1
    let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
    return try decode(data, file: file, directory: directory)
  }

  /// Decodes a sweep from JSON bytes; `directory` resolves relative file
  /// names in `base`.
  public static func decode(_ data: Data, file: String?, directory: String) throws -> SweepDefinition {
    let tree = try JSONInput.parseChecked(data, file: file)
    let raw = try JSONInput.decode(Raw.self, from: data, file: file)
    guard let baseField = tree["base"] else { throw InputError(file: file, field: "base", problem: "missing required field") }
    let base: JSONValue
    do {
      switch baseField {
      case .string(let name):
        base = try loadIncluded(name, relativeTo: directory, depth: 0)
      case .object:
        base = try resolveIncludes(baseField, directory: directory, depth: 0)
      default:
        throw InputError(field: "base", problem: "found \(baseField.kindDescription), expected a scenario object or the name of a scenario file")
      }
    } catch let e as InputError {
      var e = e
      if e.file == nil { e.file = file }
      if e.field == nil { e.field = "base" }
      throw e
    }
    let d = SweepDefinition(
      model: raw.model ?? SweepModels.defaultName, base: base, design: raw.design ?? .grid, points: raw.points,
      replications: raw.replications ?? 10, seed: raw.seed ?? 1, parameters: raw.parameters)
    let found = d.problems()
    if !found.isEmpty { throw InputErrors(found.map { e in file.map { e.inFile($0) } ?? e }) }
    return d
  }

  static func loadIncluded(_ name: String, relativeTo directory: String, depth: Int) throws -> JSONValue {
    let path = name.hasPrefix("/") ? name : (directory as NSString).appendingPathComponent(name)
    let v = try JSONInput.parseChecked(try InputFile.read(path, what: "a scenario file"), file: path)
    guard case .object = v else { throw InputError(file: path, problem: "found \(v.kindDescription), expected a JSON object") }
    return try resolveIncludes(v, directory: URL(fileURLWithPath: path).deletingLastPathComponent().path, depth: depth + 1)
  }

  /// Replaces every `{"$file": "x.json"}` with the contents of that file.
  static func resolveIncludes(_ v: JSONValue, directory: String, depth: Int) throws -> JSONValue {
    // Files including each other would recurse forever.
    if depth > 8 { throw InputError(problem: "\"$file\" includes nested more than 8 deep; expected no cycle of files") }
    switch v {
    case .object(let members):
      if members.count == 1, members[0].key == "$file" {
        guard case .string(let name) = members[0].value else {
          throw InputError(problem: "\"$file\" found \(members[0].value.kindDescription), expected a file name")
        }
        return try loadIncluded(name, relativeTo: directory, depth: depth)
      }
      return .object(try members.map { JSONMember($0.key, try resolveIncludes($0.value, directory: directory, depth: depth)) })
    case .array(let items):
      return .array(try items.map { try resolveIncludes($0, directory: directory, depth: depth) })
    default:
      return v
    }
  }
}
