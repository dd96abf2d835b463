import Foundation

/// Messages on standard error (warnings and notes) in the run's `--lang`,
/// from English templates in the table of terms.
extension Terms {
  /// The language of messages on standard error: `--lang` whatever the
  /// output format (a CSV run with `--lang sv --report` still has a Swedish
  /// reader at the terminal).
  @TaskLocal public static var messageLanguage: ReportLanguage = .en

  /// `template` in `messageLanguage` with `{1}`, `{2}` ... replaced by
  /// `arguments` (file names, values, numbers formatted by `number`).
  /// A template without a translation is recorded by the audit.
  public static func message(_ template: String, _ arguments: String...) -> String {
    var text = translate(template, messageLanguage, audited: true)
    for (i, a) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(i + 1)}", with: a) }
    return text
  }

  /// A message from a layer below, in `messageLanguage`: its template
  /// translated, then its values put in.
  public static func render(_ m: Message) -> String {
    var text = translate(m.template, messageLanguage, audited: true)
    for (i, a) in m.arguments.enumerated() {
      let value: String
      switch a {
      case .text(let t): value = t
      case .number(let x, let decimals): value = number(x, decimals: decimals)
      }
      text = text.replacingOccurrences(of: "{\(i + 1)}", with: value)
    }
    return text
  }

  /// A number for a message, in `messageLanguage`'s format.
  public static func number(_ x: Double, decimals: Int = 0) -> String {
    ReportLanguage.$current.withValue(messageLanguage) { NumberFormat.grouped(x, decimals: decimals) }
  }

  /// Swedish of the message templates.
  static let swedishMessages: [String: String] = [
    "Warning: {1}: profession value '{2}' (1 row) is not a known title; counted as not a doctor. List it with --doctor-values if it is a doctor.":
      "Varning: {1}: yrkesvärdet '{2}' (1 rad) är ingen känd titel; räknas som inte läkare. Ange det med --doctor-values om det är en läkare.",
    "Warning: {1}: profession value '{2}' ({3} rows) is not a known title; counted as not a doctor. List it with --doctor-values if it is a doctor.":
      "Varning: {1}: yrkesvärdet '{2}' ({3} rader) är ingen känd titel; räknas som inte läkare. Ange det med --doctor-values om det är en läkare.",
    "Warning: --fill-gaps {1} replaces --hires; --hires {2} is ignored":
      "Varning: --fill-gaps {1} ersätter --hires; --hires {2} används inte",
    "{1}: {2} of the {3} trainees the plan takes in were not taken in: no GP specialist had supervisor room (at most {4} trainee FTE per specialist FTE)":
      "{1}: {2} av de {3} ST-läkare som planen tar in kunde inte tas in: ingen specialist hade plats som handledare (högst {4} ST-läkare (heltid) per specialist (heltid))",
    "{1}: {2} trainee FTE beyond supervisor capacity hold no panel; most at {3}: {4} trainee FTE on {5} specialist FTE (at most {6} per specialist FTE)":
      "{1}: {2} ST-läkare (heltid) utöver handledarkapaciteten har ingen lista; flest på {3}: {4} ST-läkare (heltid) på {5} specialister (heltid) (högst {6} per specialist (heltid))",
    "Warning: {1}": "Varning: {1}",
    "Skipped: {1}": "Överhoppad: {1}",
    "Skipped {1} bad row(s) in {2}.": "Hoppade över {1} felaktiga rader i {2}.",
    "Warning: previous fixed doctors not in {1}, their relations are treated as ended or moved: {2}":
      "Varning: tidigare fasta läkare som inte finns i {1}; deras relationer räknas som avslutade eller flyttade: {2}",
    "Warning: {1} patient(s) without birth_year or age_band counted as under 75.":
      "Varning: {1} patienter utan födelseår eller åldersgrupp räknas som under 75 år.",
    "Note: {1} visit row(s) in the window name patients not in {2}; not counted.":
      "Obs: {1} besöksrader i perioden gäller patienter som inte finns i {2}; de räknas inte.",
    "No window of {1} months fits between the first and last dates in {2}.":
      "Inget fönster på {1} månader ryms mellan första och sista datumet i {2}.",
    "Note: {1} is set but --whole-sweep runs every point in this task.":
      "Obs: {1} är satt, men --whole-sweep kör alla punkter i den här uppgiften.",
    "Wrote {1} to {2}/": "Skrev {1} till {2}/",
    "{1} points × {2} replications in {3} s ({4} points/s, {5} threads)":
      "{1} punkter × {2} replikeringar på {3} s ({4} punkter/s, {5} trådar)",
  ]
}
