import Foundation

/// A sweep file: a base scenario, the parameters to vary, the design that
/// picks the points, replications per point and a seed.
///
/// ```json
/// {
///   "model": "capacity",
///   "base": {"centre": {"$file": "centre.json"}},
///   "design": "grid",
///   "replications": 20,
///   "seed": 7,
///   "parameters": [
///     {"name": "specialists", "path": "centre.clinicians[role=specialist].count", "values": [4, 5, 6]},
///     {"name": "fteFarid", "path": "centre.clinicians[id=gp-farid].fte", "range": {"from": 0.6, "to": 1.0, "step": 0.2}}
///   ]
/// }
/// ```
///
/// - `base`: the scenario object, or a file name (relative to the sweep
///   file) holding it. Anywhere inside it, `{"$file": "x.json"}` stands for
///   the contents of that file (relative to the file it appears in).
/// - `design`: `grid` (every combination; the first parameter varies
///   slowest) or `latinHypercube` (`points` random points, each parameter's
///   range cut into `points` equally likely strata, each used once).
/// - A parameter gives exactly one of `values` (a list), `range` (`from`,
///   `to`, `step`, both ends included) or `distribution` (latin hypercube
///   only: `{"type": "uniform", "min", "max"}`, `{"type": "normal", "mean",
///   "sd", "min"?, "max"?}`, `{"type": "triangular", "min", "mode", "max"}`).
///   `"whole": true` rounds drawn values to whole numbers (for counts).
///
/// Unknown fields are errors; every problem names its field path.
public struct SweepDefinition: Sendable {
  /// Name of the model that evaluates each scenario (`SweepModels`).
  public var model: String
  /// The scenario every point starts from.
  public var base: JSONValue
  public var design: SweepDesignKind
  /// Number of points of a random design.
  public var points: Int?
  /// Replications per point (independent random streams).
  public var replications: Int
  /// Seed of every random stream of the sweep.
  public var seed: UInt64
  public var parameters: [SweepParameter]

  public init(
    model: String = SweepModels.defaultName, base: JSONValue, design: SweepDesignKind = .grid, points: Int? = nil,
    replications: Int = 10, seed: UInt64 = 1, parameters: [SweepParameter]
  ) {
    self.model = model
    self.base = base
    self.design = design
    self.points = points
    self.replications = replications
    self.seed = seed
    self.parameters = parameters
  }
}

/// How a sweep picks its points.
public enum SweepDesignKind: String, Sendable, Hashable, Codable, JSONEnumeration, CaseIterable {
  /// Full factorial: every combination of the parameters' values.
  case grid
  /// Latin hypercube sampling (McKay, Beckman and Conover 1979).
  case latinHypercube
}

/// One varied parameter.
public struct SweepParameter: Sendable, Hashable {
  /// Column name in results; defaults to the path.
  public var name: String
  /// Where in the scenario the value goes.
  public var path: JSONPath
  /// Where its values come from.
  public var source: Source
  /// Round every value to a whole number.
  public var whole: Bool

  public enum Source: Sendable, Hashable {
    case values([JSONValue])
    case range(from: Double, to: Double, step: Double)
    case distribution(SweepDistribution)
  }

  public init(name: String? = nil, path: JSONPath, source: Source, whole: Bool = false) {
    self.name = name ?? path.text
    self.path = path
    self.source = source
    self.whole = whole
  }

  /// The finite list of values of a `values` or `range` source, in order;
  /// nil for a distribution.
  ///
  /// A range gives from, from + step, ... up to `to` (included when it is
  /// within 10⁻⁹ steps), each rounded to 12 decimals so that 0.1 + 0.2
  /// reads 0.3 in results.
  public var levels: [JSONValue]? {
    switch source {
    case .values(let v): return whole ? v.map(Self.roundWhole) : v
    case .range(let from, let to, let step):
      let n = Self.rangeCount(from: from, to: to, step: step)
      return (0..<n).map { k in
        let x = ((from + Double(k) * step) * 1e12).rounded() / 1e12
        return .number(whole ? x.rounded() : x)
      }
    case .distribution: return nil
    }
  }

  static func rangeCount(from: Double, to: Double, step: Double) -> Int {
    guard step > 0, to >= from else { return 0 }
    let n = ((to - from) / step + 1e-9).rounded(.down) + 1
    return n < 1e7 ? Int(n) : 10_000_000
  }

  static func roundWhole(_ v: JSONValue) -> JSONValue {
    if case .number(let x) = v { return .number(x.rounded()) }
    return v
  }
}

// MARK: - Reading

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

  /// The number of points the design gives (the product of the levels for
  /// a grid, saturating at `Int.max`).
  public var pointCount: Int {
    switch design {
    case .latinHypercube: return points ?? 0
    case .grid:
      var n = 1
      for p in parameters {
        let (m, overflow) = n.multipliedReportingOverflow(by: p.levels?.count ?? 1)
        n = overflow ? .max : m
      }
      return n
    }
  }

  /// The largest number of points a sweep may have.
  public static let maximumPoints = 10_000_000

  /// Every problem that does not depend on the model, with field paths.
  public func problems() -> [InputError] {
    var out: [InputError] = []
    func bad(_ field: String, _ problem: String) { out.append(InputError(field: field, problem: problem)) }
    if !SweepModels.names.contains(model) {
      bad("model", "found '\(model)', expected one of: \(SweepModels.names.joined(separator: ", "))")
    }
    if !(1...1_000_000).contains(replications) { bad("replications", "found \(replications), expected a whole number from 1 to 1000000") }
    switch design {
    case .grid:
      if points != nil { bad("points", "a grid has one point per combination of values; expected no 'points' (it is for design latinHypercube)") }
      if pointCount > Self.maximumPoints {
        bad("parameters", "the grid has \(pointCount == .max ? "too many" : String(pointCount)) points, expected at most \(Self.maximumPoints)")
      }
    case .latinHypercube:
      if let n = points {
        if !(1...Self.maximumPoints).contains(n) { bad("points", "found \(n), expected a whole number from 1 to \(Self.maximumPoints)") }
      } else {
        bad("points", "missing; a latinHypercube design needs the number of points")
      }
    }
    var seen: [String: Int] = [:]
    for (i, p) in parameters.enumerated() {
      let at = "parameters[\(i)]"
      if let j = seen[p.name] { bad(at + ".name", "duplicate name '\(p.name)', already used by parameters[\(j)]") } else { seen[p.name] = i }
      switch p.source {
      case .values(let vs):
        if vs.isEmpty { bad(at + ".values", "found an empty list, expected at least one value") }
        for (k, v) in vs.enumerated() {
          switch v {
          case .number, .string, .bool: break
          default: bad(at + ".values[\(k)]", "found \(v.kindDescription), expected a number, string or true/false")
          }
        }
      case .range(let from, let to, let step):
        if !(step > 0) { bad(at + ".range.step", "found \(step), expected a positive step") }
        if !(to >= from) { bad(at + ".range.to", "found \(to), expected a value of at least from (\(from))") }
        if step > 0, (to - from) / step >= Double(Self.maximumPoints) {
          bad(at + ".range.step", "gives more than \(Self.maximumPoints) values; expected a larger step")
        }
      case .distribution(let dist):
        if design == .grid {
          bad(at + ".distribution", "a grid needs a finite list of values; expected 'values' or 'range', or design latinHypercube")
        }
        switch dist {
        case .uniform(let a, let b):
          if !(b >= a) { bad(at + ".distribution.max", "found \(b), expected at least min (\(a))") }
        case .normal(_, let s, let lo, let hi):
          if !(s > 0) { bad(at + ".distribution.sd", "found \(s), expected a positive standard deviation") }
          if let lo, let hi, !(hi > lo) { bad(at + ".distribution.max", "found \(hi), expected more than min (\(lo))") }
        case .triangular(let a, let c, let b):
          if !(a <= c && c <= b && a < b) {
            bad(at + ".distribution", "found min \(a), mode \(c), max \(b); expected min ≤ mode ≤ max and min < max")
          }
        }
      }
    }
    return out
  }
}

extension SweepParameter: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case name, path, values, range, distribution, whole }
  enum RangeKeys: String, CodingKey, CaseIterable { case from, to, step }
  enum DistributionKeys: String, CodingKey, CaseIterable { case type, min, max, mean, sd, mode }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let text = try c.decode(String.self, forKey: .path)
    let path: JSONPath
    do {
      path = try JSONPath(parsing: text)
    } catch let e as InputError {
      throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.path], debugDescription: e.problem))
    }
    let given = [CodingKeys.values, .range, .distribution].filter { c.contains($0) }
    guard given.count == 1 else {
      throw DecodingError.dataCorrupted(.init(
        codingPath: c.codingPath,
        debugDescription: given.isEmpty
          ? "no values; expected one of 'values' (a list), 'range' (from, to, step) or 'distribution'"
          : "found \(given.map(\.stringValue).joined(separator: " and ")), expected exactly one of 'values', 'range' or 'distribution'"))
    }
    let source: Source
    switch given[0] {
    case .values:
      source = .values(try c.decode([JSONValue].self, forKey: .values))
    case .range:
      let r = try c.superDecoder(forKey: .range)
      try r.rejectUnknownKeys(RangeKeys.self)
      let k = try r.container(keyedBy: RangeKeys.self)
      source = .range(
        from: try k.decode(Double.self, forKey: .from), to: try k.decode(Double.self, forKey: .to),
        step: try k.decode(Double.self, forKey: .step))
    default:
      let dd = try c.superDecoder(forKey: .distribution)
      try dd.rejectUnknownKeys(DistributionKeys.self)
      let k = try dd.container(keyedBy: DistributionKeys.self)
      let type = try k.decode(String.self, forKey: .type)
      func need(_ key: DistributionKeys) throws -> Double { try k.decode(Double.self, forKey: key) }
      func unexpected(_ keys: [DistributionKeys]) throws {
        for key in keys where k.contains(key) {
          throw DecodingError.dataCorrupted(.init(
            codingPath: k.codingPath + [key], debugDescription: "a \(type) distribution has no '\(key.stringValue)'"))
        }
      }
      switch type {
      case "uniform":
        try unexpected([.mean, .sd, .mode])
        source = .distribution(.uniform(min: try need(.min), max: try need(.max)))
      case "normal":
        try unexpected([.mode])
        source = .distribution(.normal(
          mean: try need(.mean), sd: try need(.sd),
          min: try k.decodeIfPresent(Double.self, forKey: .min), max: try k.decodeIfPresent(Double.self, forKey: .max)))
      case "triangular":
        try unexpected([.mean, .sd])
        source = .distribution(.triangular(min: try need(.min), mode: try need(.mode), max: try need(.max)))
      default:
        throw DecodingError.dataCorrupted(.init(
          codingPath: k.codingPath + [DistributionKeys.type],
          debugDescription: "found '\(type)', expected one of: uniform, normal, triangular"))
      }
    }
    self.init(
      name: try c.decodeIfPresent(String.self, forKey: .name), path: path, source: source,
      whole: try c.decodeIfPresent(Bool.self, forKey: .whole) ?? false)
  }
}
