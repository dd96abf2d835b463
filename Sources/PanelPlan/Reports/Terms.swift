import Foundation
import Synchronization

/// The one table of terms: every label a table, verdict or report shows,
/// with its Swedish form. `ReportLanguage.swedish` holds the report labels
/// written first; `Terms.swedish` adds the terminal tables', verdicts' and
/// ids' (`coc_doctor` ...). Words follow DOMAIN.md's glossary.
///
/// A test runs every command and report in Swedish under `Terms.$audit` and
/// expects no label without a translation.
public enum Terms {
  /// Collects labels that had no translation (tests), from any thread.
  public final class Audit: Sendable {
    private let labels = Mutex<Set<String>>([])
    public init() {}
    public var missing: Set<String> { labels.withLock { $0 } }
    func record(_ s: String) { _ = labels.withLock { $0.insert(s) } }
  }

  /// The audit in force, nil outside tests.
  @TaskLocal public static var audit: Audit?

  /// `text` in `language`. A label without a translation is shown as it is;
  /// with `audited`, it is recorded (labels must all be translated; cells of
  /// tables may be ids or names, which stay as they are).
  public static func translate(_ text: String, _ language: ReportLanguage, audited: Bool) -> String {
    guard language == .sv else { return text }
    if let t = all[text] { return t }
    if audited, let audit, needsTranslation(text) { audit.record(text) }
    return text
  }

  /// The whole table: report labels, terminal tables, verdicts and ids,
  /// parameters and their sources (`parameterSwedish`), option help
  /// (`optionSwedish`) and messages (`swedishMessages`).
  static let all: [String: String] = {
    var m = ReportLanguage.swedish
    for part in [swedish, parameterSwedish, optionSwedish, swedishMessages, regionSwedish] { m.merge(part) { a, _ in a } }
    return m
  }()

  /// Whether a label has words to translate: not a number, a formula
  /// symbol or an index's international abbreviation.
  static func needsTranslation(_ s: String) -> Bool {
    let t = s.trimmingCharacters(in: .whitespaces)
    if t.isEmpty || untranslatable.contains(t) { return false }
    return t.contains { $0.isLetter }
  }

  /// A result or parameter id (`coc_doctor`, `guidelineRatio`,
  /// `fixed_doctor`) as a label in `language`; an id with no label (a
  /// sweep parameter the user named) is shown as it is.
  public static func label(_ id: String, _ language: ReportLanguage) -> String {
    // Sweep columns may carry a quantile suffix (`coc_doctor.p95`).
    if let dot = id.lastIndex(of: "."), !id.hasSuffix(".") {
      let base = String(id[..<dot]), suffix = String(id[id.index(after: dot)...])
      if englishLabels[base] != nil { return label(base, language) + " (" + suffix + ")" }
    }
    guard let english = englishLabels[id] else { return id }
    let trimmed = english.trimmingCharacters(in: .whitespaces)
    return String(english.prefix { $0 == " " }) + translate(trimmed, language, audited: true)
  }

  /// English labels of ids: the simulation's results (`SimulationReport`),
  /// the capacity sweep's, groupings.
  static let englishLabels: [String: String] = {
    var m: [String: String] = [:]
    for metric in SimulationMetric.allCases { m[metric.column] = metric.label }
    let more: [String: String] = [
      "guidelineRatio": "Guideline ratio", "workingTimeRatio": "Working-time ratio",
      "specialistFTEGap": "GP specialist FTE missing", "shareOfferable": "Share that can be offered a fixed doctor",
      "listedPerSpecialistFTE": "Listed per GP specialist FTE", "doctorFTE": "Doctor FTE",
      "demandPerDay": "Doctor contacts demanded per day", "slotsPerDay": "Doctor slots per day",
      "overflowFrequency": "Share of days with more demand than slots",
      "coc": "COC", "upc": "UPC", "secon": "SECON", "herfindahl": "Herfindahl", "mmci": "MMCI",
      "fixed_doctor_share": "Fixed-doctor share",
      "fixed_doctor": "Fixed doctor", "priority_group": "Priority group", "age_band": "Age band", "unit": "Unit", "all": "Everyone",
    ]
    m.merge(more) { a, _ in a }
    return m
  }()

  /// Abbreviations used as they are in Swedish reports too.
  static let untranslatable: Set<String> = ["workingTime.", "COC", "UPC", "SECON", "MMCI", "FTE", "ST", "SKR", "p5", "p50", "p95", "n", "N", "Q1", "Q3"]

  /// Swedish for the terminal tables, verdicts and ids.
  public static let swedish: [String: String] = [
    // Ids of results and parameters as they appear in files.
    "coc_doctor": "COC läkarkontakter", "coc_all": "COC alla kontakter",
    "upc_doctor": "UPC läkarkontakter", "upc_all": "UPC alla kontakter",
    "secon_doctor": "SECON läkarkontakter", "secon_all": "SECON alla kontakter",
    "unservedShare": "Andel som inte fick tid", "Seed": "Slumpfrö", "seed": "Slumpfrö", "Seed (the same seed gives the same results)": "Slumpfrö (samma frö ger samma resultat)",
    "doctor": "läkare", "all": "alla",
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
    // Where the hours go.
    "vacation": "semester", "holidays": "helgdagar", "training": "fortbildning", "sick leave": "sjukfrånvaro",
    "rotation": "randning", "study": "studier", "supervision": "handledning", "research": "forskning",
    "side assignments": "sidouppdrag", "management": "ledning", "meetings": "möten", "administration": "administration",
    "patient work": "patientarbete",
    // assign.
    "55% of everyone": "55 % av alla", "80% of nursing-home residents": "80 % av boende på särskilt boende",
    "Capacity view": "Kapacitetsberäkning", "Fill": "Fyllnadsgrad", "Fill limit": "Högsta fyllnadsgrad", "Listed": "Listade",
    "Moved / ended": "Flyttade / avslutade", "Need-weighted": "Vårdtyngdsviktat", "Need-weighted panel": "Vårdtyngdsviktad lista",
    "Need-weighted patients": "Vårdtyngdsviktade patienter",
    "Need-weighted patients on each doctor's list and the doctor's capacity (capacity view × fill limit).":
      "Vårdtyngdsviktade patienter på varje läkares lista och läkarens kapacitet (kapacitetsberäkning × högsta fyllnadsgrad).",
    "Nursing-home residents with one": "Boende på särskilt boende med fast läkarkontakt", "Panels": "Listor",
    "Panels on the proposed list against capacity": "Listor enligt förslaget mot kapaciteten",
    "Priority group": "Prioriteringsgrupp", "Proposed fixed-doctor list": "Förslag till fast läkarkontakt",
    "Relations kept": "Behållna relationer",
    "Rule: existing relations are kept while the doctor has room, priority groups first and highest need weight first within a group; then those who want a fixed doctor are offered the doctor they saw most in the window (then most recently) among doctors with room, else the doctor with the most room left.":
      "Regel: befintliga relationer behålls så länge läkaren har plats, prioriteringsgrupper först och högst vårdtyngd först inom gruppen; sedan erbjuds de som vill ha fast läkarkontakt den läkare de träffat mest under perioden (därefter senast) bland läkare med plats, annars läkaren med mest plats kvar.",
    "Share": "Andel",
    "Share of each priority group with a fixed doctor on the list; the lines are the 2021 agreement's targets.":
      "Andel av varje prioriteringsgrupp med fast läkarkontakt enligt förslaget; linjerna är målen i 2021 års överenskommelse.",
    "Visit window": "Besöksperiod", "Who has a fixed doctor": "Vem som har fast läkarkontakt",
    "With fixed doctor": "Med fast läkarkontakt", "of": "av",
    // Continuity comparison.
    "Change from the baseline": "Förändring från utgångsläget", "Baseline": "Utgångsläge", "Current": "Nu",
    "Means over patients; the change is relative. The 2021 agreement's target is a 20% rise in the continuity index.":
      "Medelvärden över patienter; förändringen är relativ. Målet i 2021 års överenskommelse är att kontinuitetsindex ska öka med 20 %.",
    "baseline and current": "utgångsläge och nu", "Mean over patients with at least the minimum visits.": "Medelvärde över patienter med minst det lägsta antalet besök.",
    "Scope": "Omfång", "Index": "Index", "Change": "Förändring", "index": "index", "baseline": "utgångsläge", "current": "nu", "change": "förändring",
    "By": "Per", "Age band": "Åldersgrupp", "Fixed-doctor share": "Andel hos fast läkare",
    // Assumptions.
    "Assumptions": "Antaganden", "Parameter": "Parameter", "Where it comes from": "Källa",
    "Every parameter of the run: the value used and where it comes from, the source of a default or where a changed value was set. Names in brackets are as scenario files write them.":
      "Varje parameter i körningen: värdet som användes och var det kommer ifrån, källan till ett standardvärde eller var ett ändrat värde sattes. Namnen inom parentes är skrivna som i scenariofilerna.",
    "Command that made this report": "Kommandot som skapade rapporten", "built-in example": "inbyggt exempel",
    "default": "standardvärde", "given on the command line": "angivet på kommandoraden", "yes": "ja", "no": "nej", "met": "nått", "not met": "inte nått",
    "Share of replications met": "Andel replikeringar som når målet", "Met": "Nått",
    // recruit --when.
    "Year the target is first met": "År då målet först nås",
    "The plan does not meet the target within the horizon: try \"panelplan recruit\" without --when to find the hires needed.":
      "Planen når inte målet inom tidshorisonten: prova \"panelplan recruit\" utan --when för att se hur många som behöver rekryteras.",
    "The plan as given (hires, trainees, FTE changes) meets the target in this year in enough replications.":
      "Planen som den är given (rekryteringar, ST-läkare, ändrad tjänstgöringsgrad) når målet detta år i tillräckligt många replikeringar.",
    "Each year: the share of replications whose projection meets the target.": "Varje år: andelen replikeringar vars framskrivning når målet.",
    // project.
    "Completed": "Färdiga specialister", "Intake": "Nya ST-läkare", "Left": "Slutat", "Listed/spec. FTE": "Listade/specialist (heltid)",
    "Locum FTE": "Hyrläkare (heltid)", "Nursing home": "Särskilt boende", "Retired": "Pensionerade",
    "Specialist FTE": "Specialister (heltid)", "Trainees": "ST-läkare", "Weighted demand": "Vårdtyngdsviktat behov",
    // recruit.
    "At one less": "Med en mindre", "Meets (share)": "Når målet (andel)", "One less meets": "En mindre når målet",
    "Per replication (mean, 5–95%)": "Per replikering (medel, 5–95 %)", "Smallest per year": "Minsta antal per år",
    "Target metric at answer": "Målmått vid svaret",
    // sweep results (ids of SweepModel results).
    "point": "punkt", "Working-time ratio": "Kvot mot arbetstiden", "Doctor FTE": "Läkare (heltid)",
    "Doctor contacts demanded per day": "Efterfrågade läkarkontakter per dag", "Doctor slots per day": "Läkartider per dag",
    "Share of days with more demand than slots": "Andel dagar med fler kontakter än tider", "fixed doctor": "fast läkare",
    "Waiting times are over doctor contacts seen; those that ran out of patience went elsewhere. Continuity counts the visits made at this centre: doctor contacts that went elsewhere are in no index. The guarantee is a medical assessment within 3 open days, by a nurse or a doctor; seeing a doctor in that time is the stricter measure.":
      "Väntetiderna gäller genomförda läkarkontakter; de som tröttnade på att vänta sökte vård annanstans. Kontinuiteten räknar besöken på den här vårdcentralen: läkarkontakter som gick annanstans ingår inte i något index. Vårdgarantin är en medicinsk bedömning inom 3 öppetdagar, av sjuksköterska eller läkare; att träffa läkare inom samma tid är det strängare måttet.",
    "nurse (not a doctor)": "sjuksköterska (inte läkare)", "other profession (not a doctor)": "annan profession (inte läkare)",
    "not recognised (not a doctor)": "okänd (inte läkare)",
    "Guideline view": "Enligt riktvärdet", "Working-time view": "Enligt arbetstiden",
    "At 0": "Vid 0", "Sweden 2023 (per head)": "Sverige 2023 (per person)", "Source": "Källa",
    "Acute contacts assessed within the guarantee (nurse or doctor)": "Akuta kontakter med medicinsk bedömning inom vårdgarantin (sjuksköterska eller läkare)",
    "Acute contacts needing a doctor, seen within the guarantee": "Akuta kontakter som behöver läkare, läkarbesök inom vårdgarantin",
    "Doctor contacts arising per person-year (before triage)": "Uppkomna läkarkontakter per personår (före bedömning)",
    "Doctor visits needed per person-year (after triage)": "Behövda läkarbesök per personår (efter bedömning)",
    "Overflow: doctors' working days, demand > slots": "Överbelastning: läkarnas arbetsdagar med fler kontakter än tider",
    // Simulation results (SimulationReport.labels).
    "COC, doctors": "COC, läkarkontakter", "UPC, doctors": "UPC, läkarkontakter", "SECON, doctors": "SECON, läkarkontakter",
    "Visits with the fixed doctor, doctors": "Besök hos den fasta läkaren, läkarkontakter",
    "COC, all contacts": "COC, alla kontakter", "UPC, all contacts": "UPC, alla kontakter", "SECON, all contacts": "SECON, alla kontakter",
    "Contacts with the fixed doctor, all": "Kontakter med den fasta läkaren, alla",
    "Acute contacts assessed within 3 days (nurse or doctor)": "Akuta kontakter med medicinsk bedömning inom 3 dagar (sjuksköterska eller läkare)",
    "Acute contacts needing a doctor, seen within 3 days": "Akuta kontakter som behöver läkare, läkarbesök inom 3 dagar",
    "Acute contacts triaged by a nurse": "Akuta kontakter bedömda av sjuksköterska",
    "Acute contacts resolved by the nurse": "Akuta kontakter lösta av sjuksköterskan",
    "Wait for a doctor, mean (open days, contacts seen)": "Väntan på läkare, medel (öppetdagar, genomförda kontakter)",
    "Wait for a doctor, median (open days, contacts seen)": "Väntan på läkare, median (öppetdagar, genomförda kontakter)",
    "Wait for a doctor, 90th pct (open days, contacts seen)": "Väntan på läkare, 90:e percentilen (öppetdagar, genomförda kontakter)",
    "Doctor contacts seen within 7 days (of those seen)": "Läkarkontakter inom 7 dagar (av genomförda)",
    "Doctor contacts that went elsewhere": "Läkarkontakter som sökte vård annanstans", "acute": "akuta", "planned": "planerade",
    "Doctor slots used": "Använda läkartider", "Overflow days, centre": "Dagar med överbelastning, vårdcentralen",
    "Overflow days, per doctor's panel": "Dagar med överbelastning, per läkares lista",
    "Doctor contacts still waiting at the end": "Läkarkontakter som fortfarande väntar vid slutet",
    "Doctor-contact demand per person-year": "Efterfrågade läkarkontakter per personår",
    "Doctor visits made per person-year": "Genomförda läkarbesök per personår",
    "Nurse and other contacts per person-year": "Sjuksköterske- och övriga kontakter per personår",
    "With a fixed doctor (target 55%)": "Med fast läkarkontakt (mål 55 %)",
    "Replications meeting the 55% target": "Replikeringar som når målet 55 %",
    "Replications meeting the 80% target": "Replikeringar som når målet 80 %",
    "Nursing-home residents (target 80%)": "Boende på särskilt boende (mål 80 %)", "guidelineRatio": "Kvot mot riktvärdet", "workingTimeRatio": "Kvot mot arbetstiden",
    "specialistFTEGap": "Saknade heltidsspecialister", "shareOfferable": "Andel som kan erbjudas fast läkarkontakt",
    "listedPerSpecialistFTE": "Listade per heltidsspecialist", "doctorFTE": "Läkare (heltid)",
    "demandPerDay": "Behov per dag", "slotsPerDay": "Tider per dag", "overflowFrequency": "Andel dagar med överbelastning",
  ]
}
