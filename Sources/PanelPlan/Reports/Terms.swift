import Foundation

/// The one table of terms: every label a table, verdict or report shows,
/// with its Swedish form. `ReportLanguage.swedish` holds the report labels
/// written first; `Terms.swedish` adds the terminal tables', verdicts' and
/// ids' (`coc_doctor` ...). Words follow DOMAIN.md's glossary.
///
/// A test runs every command and report in Swedish under `Terms.$audit` and
/// expects no label without a translation.
public enum Terms {
  /// Collects labels that had no translation (tests).
  public final class Audit: @unchecked Sendable {
    private let lock = NSLock()
    private var _missing: Set<String> = []
    public init() {}
    public var missing: Set<String> { lock.lock(); defer { lock.unlock() }; return _missing }
    func record(_ s: String) { lock.lock(); _missing.insert(s); lock.unlock() }
  }

  /// The audit in force, nil outside tests.
  @TaskLocal public static var audit: Audit?

  /// `text` in `language`. A label without a translation is shown as it is;
  /// with `audited`, it is recorded (labels must all be translated; cells of
  /// tables may be ids or names, which stay as they are).
  public static func translate(_ text: String, _ language: ReportLanguage, audited: Bool) -> String {
    guard language == .sv else { return text }
    if let t = ReportLanguage.swedish[text] ?? swedish[text] { return t }
    if audited, let audit, needsTranslation(text) { audit.record(text) }
    return text
  }

  /// Whether a label has words to translate: not a number, a formula
  /// symbol or an index's international abbreviation.
  static func needsTranslation(_ s: String) -> Bool {
    let t = s.trimmingCharacters(in: .whitespaces)
    if t.isEmpty || untranslatable.contains(t) { return false }
    return t.contains { $0.isLetter }
  }

  /// Abbreviations used as they are in Swedish reports too.
  static let untranslatable: Set<String> = ["COC", "UPC", "SECON", "MMCI", "FTE", "ST", "SKR", "p5", "p50", "p95", "n", "N", "Q1", "Q3"]

  /// Swedish for the terminal tables, verdicts and ids.
  public static let swedish: [String: String] = [
    // Ids of results and parameters as they appear in files.
    "coc_doctor": "COC läkarkontakter", "coc_all": "COC alla kontakter",
    "upc_doctor": "UPC läkarkontakter", "upc_all": "UPC alla kontakter",
    "secon_doctor": "SECON läkarkontakter", "secon_all": "SECON alla kontakter",
    "unservedShare": "Andel som inte fick tid", "Seed": "Slumpfrö", "seed": "Slumpfrö",
    "doctor": "läkarkontakter", "all": "alla kontakter",
    // Capacity table.
    "Role": "Yrkesroll", "Duties": "Uppdrag", "Guideline base": "Riktvärde (bas)",
    "Panel, guideline": "Listningstak, riktvärde", "Patient hours/yr": "Patienttimmar/år",
    "Panel, working time": "Listningstak, arbetstid", "Visit slots/yr": "Besökstider/år", "Assigned": "Med fast läkarkontakt",
    "Contracted": "Avtalad tid",
    "Total": "Totalt", "Unit": "Enhet", "Working time": "Arbetstid",
    "Guideline ratio (weighted listed / capacity)": "Kvot mot riktvärdet (viktade listade / kapacitet)",
    "Full-time specialist panel (reference)": "Listningstak för en heltidsspecialist (referens)",
    "GP trainee (past mid)": "ST-läkare (efter halva)", "GP trainee (before mid)": "ST-läkare (före halva)",
    "Profession value in the file": "Yrkesvärde i filen", "Rows": "Rader", "Counted as": "Räknas som",
    "Group": "Grupp", "group": "grupp", "scope": "omfång", "patients": "patienter", "visits": "besök",
    "Herfindahl": "Herfindahl", "FD share": "Andel hos fast läkare",
    "Doctor": "Läkare", "Year": "År",
  ]
}
