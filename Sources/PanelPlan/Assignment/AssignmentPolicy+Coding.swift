extension AssignmentPolicy: Codable {
  /// `order` (group names), `wantShare` (object keyed by group; groups not
  /// named keep their default), `capacityView` (`guideline` or
  /// `workingTime`), `fillLimit`; the rest as `AssignmentPolicy()`.
  static var jsonFields: JSONFields<AssignmentPolicy> {
    JSONFields([
      .field("order", \.order),
      .keyed("wantShare", by: PriorityGroup.self, what: "priority group", nullIsAbsent: false, set: { p, g, x in p.wantShare[g] = x }, get: { p, g in p.wantShare(of: g) }),
      .field("capacityView", \.capacityView), .field("fillLimit", \.fillLimit),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(AssignmentPolicy(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
