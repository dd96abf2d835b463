// A varied parameter as a sweep file writes it.
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
