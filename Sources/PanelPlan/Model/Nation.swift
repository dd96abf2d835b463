/// A country's regions, such as Sweden's 21: the input of national projections.
public struct Nation: Sendable, Hashable {
  /// Name, e.g. "Sweden".
  public var name: String
  public var regions: [Region]

  public init(name: String, regions: [Region]) {
    self.name = name
    self.regions = regions
  }

  /// Care centres over all regions.
  public var centreCount: Int { regions.reduce(0) { $0 + $1.centres.count } }
}

extension Nation: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable { case name, regions }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(name: try c.decode(String.self, forKey: .name), regions: try c.decode([Region].self, forKey: .regions))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(regions, forKey: .regions)
  }
}
