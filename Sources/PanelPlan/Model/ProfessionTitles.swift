import Foundation

/// Profession values as Swedish record systems write them (`ST-läkare`,
/// `Leg. läkare`, `Distriktssköterska` ...), and what each means.
///
/// Values are compared after `normalise`: case, punctuation, spaces and the
/// Swedish letters' dots and rings are ignored, so `ST-läkare`, `st läkare`
/// and `STLAKARE` are one value. The titles follow Socialstyrelsen's
/// protected professional titles (legitimationsyrken) and the doctor grades
/// in Swedish primary care (AT, BT, ST, specialist); DOMAIN.md's glossary.
public enum ProfessionTitles {
  /// How a profession value was classified.
  public enum Kind: String, Sendable, CaseIterable {
    /// A doctor of any kind: counts in the doctors-only index.
    case doctor
    /// A nurse.
    case nurse
    /// Another known profession (physiotherapist, counsellor ...).
    case other
    /// Not recognised: counted as not a doctor, and warned about.
    case unknown
  }

  /// Lower-cased, letters and digits only, å/ä → a, ö → o, é → e.
  public static func normalise(_ s: String) -> String {
    var out = ""
    for ch in s.lowercased() {
      switch ch {
      case "å", "ä", "á", "à": out.append("a")
      case "ö", "ø", "ó": out.append("o")
      case "é", "è", "ê": out.append("e")
      case "ü": out.append("u")
      default: if ch.isLetter || ch.isNumber { out.append(ch) }
      }
    }
    return out
  }

  /// Titles that mean a doctor, with the role each maps to in a centre file.
  static let doctorRoles: [String: ClinicianRole] = {
    var m: [String: ClinicianRole] = [:]
    for t in ["specialistläkare", "specialist i allmänmedicin", "distriktsläkare", "allmänläkare", "familjeläkare",
              "husläkare", "överläkare", "specialist", "GP specialist", "general practitioner"] { m[normalise(t)] = .gpSpecialist }
    for t in ["ST-läkare", "ST läkare i allmänmedicin", "GP trainee", "trainee", "registrar"] { m[normalise(t)] = .gpTrainee }
    for t in ["läkare", "läk", "leg. läkare", "legitimerad läkare", "AT-läkare", "BT-läkare", "underläkare",
              "doctor", "physician", "GP", "dr", "licensed doctor"] { m[normalise(t)] = .licensedDoctor }
    for t in ["hyrläkare", "stafettläkare", "bemanningsläkare", "locum"] { m[normalise(t)] = .locum }
    return m
  }()

  /// Titles that mean a nurse, as record systems write them: the one list
  /// `continuity` and `calibrate --nurse-values` both default to.
  public static let nurseTitleNames: [String] = [
    "sjuksköterska", "ssk", "leg. sjuksköterska", "legitimerad sjuksköterska", "distriktssköterska", "dsk",
    "specialistsjuksköterska", "astma/KOL-sjuksköterska", "diabetessjuksköterska", "nurse", "RN", "district nurse",
    "registered nurse",
  ]

  /// `nurseTitleNames`, normalised.
  public static let nurseTitles: Set<String> = Set(nurseTitleNames.map(normalise))

  /// Other professions of a care centre's team.
  static let otherTitles: Set<String> = Set([
    "undersköterska", "usk", "fysioterapeut", "sjukgymnast", "arbetsterapeut", "kurator", "psykolog",
    "psykoterapeut", "dietist", "barnmorska", "biomedicinsk analytiker", "medicinsk sekreterare", "other",
    "physiotherapist", "counsellor", "psychologist", "occupational therapist", "dietitian", "midwife",
  ].map(normalise))

  /// Every title that counts as a doctor by default, normalised.
  public static var doctorTitles: Set<String> { Set(doctorRoles.keys) }

  /// The classification of a value; `doctorValues` (normalised) decides
  /// what is a doctor, the built-in lists the rest.
  public static func classify(_ value: String, doctorValues: Set<String> = doctorTitles) -> Kind {
    let n = normalise(value)
    if doctorValues.contains(n) { return .doctor }
    if nurseTitles.contains(n) { return .nurse }
    if otherTitles.contains(n) || doctorRoles[n] != nil { return .other }
    return .unknown
  }

  /// The clinician role a title stands for in a centre file, nil when it
  /// is not a known title.
  public static func role(of title: String) -> ClinicianRole? {
    let n = normalise(title)
    if let r = doctorRoles[n] { return r }
    if nurseTitles.contains(n) { return .nurse }
    if otherTitles.contains(n) { return .otherProfession }
    return nil
  }
}
