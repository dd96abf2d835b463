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
  /// With `rounding` (the default), Excel's numbers are also rounded to
  /// `excelSignificantDigits` significant digits, never dropping whole-number
  /// digits, so floating-point noise such as `0.30000000000000004` reads
  /// `0,3` (trailing zeros dropped). Files meant to be read back (a centre
  /// folder) pass `rounding: false`.
  ///
  /// - Complexity: O(n) in the length of the text.
  public func convert(_ text: String, rounding: Bool = true) -> String {
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
      fields.append(quoted ? field : Self.decimalComma(rounding ? Self.rounded(field) : field))
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

  /// Significant digits kept in Swedish Excel CSV: 4 tell a COC of 0.3312
  /// or an FTE of 0.85 exactly and hide floating-point noise; whole numbers
  /// (patients, hours) keep every digit.
  public static let excelSignificantDigits = 4

  /// A plain decimal number rounded as `convert` describes; anything else
  /// unchanged.
  static func rounded(_ f: String) -> String {
    guard f.contains("."), !f.contains("e"), !f.contains("E"), let x = Double(f), x.isFinite, x != 0 else { return f }
    let magnitude = Int((log10(abs(x))).rounded(.down)) + 1
    let decimals = min(12, max(0, excelSignificantDigits - magnitude))
    var s = String(format: "%.\(decimals)f", x)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    if s == "-0" { s = "0" }
    return s
  }

  /// `3.25` → `3,25` for a field that is a plain decimal number; anything
  /// else unchanged.
  static func decimalComma(_ f: String) -> String {
    guard f.contains("."), Double(f) != nil, f.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" }) else { return f }
    return f.replacingOccurrences(of: ".", with: ",")
  }
}

import Foundation
