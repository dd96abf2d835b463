extension DutyShares: Codable {
  /// Every share optional, 0 when absent (`DutyShares()`).
  static var jsonFields: JSONFields<DutyShares> {
    JSONFields([.field("supervision", \.supervision), .field("research", \.research), .field("sideAssignments", \.sideAssignments), .field("management", \.management)])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(DutyShares(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
