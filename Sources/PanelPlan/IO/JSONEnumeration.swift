import Foundation

/// An enum that files name by its raw value. Decoding a value it does not
/// know fails with a message that lists the values it does know, so a
/// planner's typo reads "found 'nurses', expected one of gp_specialist,
/// gp_trainee, ...". Each enum states the conformance next to its cases, so
/// this bottom layer needs no list of the types above it.
public protocol JSONEnumeration: CaseIterable, RawRepresentable, Decodable where RawValue == String {}

enum JSONEnumerationMessage {
  static let prefix = "expected one of "
}

extension JSONEnumeration {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = Self(rawValue: text) else {
      let values = Self.allCases.map(\.rawValue).joined(separator: ", ")
      throw DecodingError.dataCorruptedError(in: container, debugDescription: JSONEnumerationMessage.prefix + values)
    }
    self = value
  }
}
