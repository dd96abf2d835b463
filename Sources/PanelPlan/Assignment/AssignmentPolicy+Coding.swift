extension AssignmentPolicy: Codable {
  /// `order` (group names), `wantShare` (object keyed by group; groups not
  /// named keep their default), `capacityView` (`guideline` or
  /// `workingTime`), `fillLimit`; the rest as `AssignmentPolicy()`.
  static var jsonFields: JSONFields<AssignmentPolicy> {
    JSONFields([
      .field("order", \.order),
      .custom(
        "wantShare", nullIsAbsent: false,
        decode: { p, d in
          let w = try d.container(keyedBy: AnyCodingKey.self)
          for key in w.allKeys {
            guard let g = PriorityGroup(rawValue: key.stringValue) else {
              throw DecodingError.dataCorrupted(.init(
                codingPath: w.codingPath + [key],
                debugDescription: "unknown priority group; expected one of: \(PriorityGroup.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            p.wantShare[g] = try w.decode(Double.self, forKey: key)
          }
        },
        encode: { p, c, k in
          var w = c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: k)
          for g in PriorityGroup.allCases { try w.encode(p.wantShare(of: g), forKey: AnyCodingKey(stringValue: g.rawValue)) }
        }),
      .field("capacityView", \.capacityView), .field("fillLimit", \.fillLimit),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(AssignmentPolicy(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
