import Foundation

/// Writing CSV (RFC 4180): a header row, fields quoted only when needed.
public struct CSVWriter: Sendable {
  /// Field separator: `,` by default; `;` for Swedish Excel.
  public var separator: Character
  public private(set) var text = ""

  public init(separator: Character = ",") { self.separator = separator }

  /// Appends one record.
  public mutating func append(_ fields: [String]) {
    text += fields.map(quote).joined(separator: String(separator)) + "\n"
  }

  func quote(_ field: String) -> String {
    let needs = field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
    return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
  }
}
