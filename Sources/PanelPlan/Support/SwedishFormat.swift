import Foundation

/// The language of report labels: English, or Swedish with the terms of
/// DOMAIN.md's glossary (fast läkarkontakt, riktvärde, ST-läkare ...).
/// The labels themselves are in Reports (`ReportLanguage.swift`, `Terms`).
public enum ReportLanguage: String, Sendable, CaseIterable {
  case en, sv

  /// The language of what is being written now: tables, verdicts and
  /// reports read it through `NumberFormat` and `TextTable`, so one switch
  /// (`--lang sv`) gives Swedish words and Swedish numbers everywhere.
  /// Machine output (`NumberFormat.machine`, CSV, JSON) never reads it.
  @TaskLocal public static var current: ReportLanguage = .en
}

/// Swedish number formats (Språkrådet's and the Swedish standard's
/// conventions, as Swedish Excel shows them): thousands grouped by a space,
/// a decimal comma, a space before the percent sign, dates as ISO 8601
/// (`2024-06-01`). The space is U+00A0 (no-break) so a number never wraps.
public enum SwedishFormat {
  /// The no-break space between groups of digits and before `%`.
  public static let space: Character = "\u{00A0}"

  /// `12,345.6` (English human form) → `12 345,6`.
  public static func localise(_ english: String) -> String {
    var out = ""
    for ch in english {
      switch ch {
      case ",": out.append(space)
      case ".": out.append(",")
      default: out.append(ch)
      }
    }
    return out
  }
}
