/// CSV dialects for output: the standard one (`,` and a decimal point) and
/// Swedish Excel's (`;` and a decimal comma), which opens with numbers as
/// numbers in a Swedish-locale spreadsheet.
public enum CSVDialect: String, Sendable, CaseIterable {
  case standard
  case excelSv = "excel-sv"

  /// Rewrites CSV text written in the standard dialect (RFC 4180, `,`,
  /// decimal point) into this dialect: separators become `;`, and in fields
  /// that are plain numbers the decimal point becomes a comma. Quoting is
  /// preserved and added where a field now holds the separator.
  ///
  /// - Complexity: O(n) in the length of the text.
  public func convert(_ text: String) -> String {
    guard self == .excelSv else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    var writer = CSVWriter(separator: ";")
    var fields: [String] = []
    var field = ""
    var quoted = false, inQuotes = false
    var chars = Array(text)
    if chars.last != "\n" && !chars.isEmpty { chars.append("\n") }
    var i = 0
    func endField() {
      fields.append(quoted ? field : Self.decimalComma(field))
      field = ""
      quoted = false
    }
    while i < chars.count {
      let ch = chars[i]
      if inQuotes {
        if ch == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
        } else {
          field.append(ch)
        }
      } else if ch == "\"" {
        inQuotes = true
        quoted = true
      } else if ch == "," {
        endField()
      } else if ch == "\n" || ch == "\r\n" {
        endField()
        writer.append(fields)
        fields = []
      } else if ch != "\r" {
        field.append(ch)
      }
      i += 1
    }
    out += writer.text
    return out
  }

  /// `3.25` → `3,25` for a field that is a plain decimal number; anything
  /// else unchanged.
  static func decimalComma(_ f: String) -> String {
    guard f.contains("."), Double(f) != nil, f.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" }) else { return f }
    return f.replacingOccurrences(of: ".", with: ",")
  }
}

import Foundation
