/// The professional role of a clinician at a care centre.
///
/// Raw values are the words used in input files (`"role": "specialist"`).
public enum ClinicianRole: String, Sendable, Hashable, CaseIterable, Codable, JSONEnumeration {
  /// Specialist in general medicine (specialist i allmänmedicin).
  case gpSpecialist = "specialist"
  /// Doctor in specialist training in general medicine (ST-läkare), about 5 years.
  case gpTrainee = "trainee"
  /// Licensed doctor without a specialty (legitimerad läkare). Since 2010 any
  /// doctor may be a fixed doctor.
  case licensedDoctor = "doctor"
  /// Agency doctor (hyrläkare): adds visits, rarely holds a fixed-doctor panel.
  case locum = "locum"
  /// District or specialist nurse.
  case nurse = "nurse"
  /// Any other profession in the team (physiotherapist, counsellor, ...).
  case otherProfession = "other"

  /// Whether contacts with this role count as doctor contacts in the
  /// doctors-only continuity index.
  public var isDoctor: Bool {
    switch self {
    case .gpSpecialist, .gpTrainee, .licensedDoctor, .locum: return true
    case .nurse, .otherProfession: return false
    }
  }

  /// A label for tables.
  public var label: String {
    switch self {
    case .gpSpecialist: return "GP specialist"
    case .gpTrainee: return "GP trainee"
    case .licensedDoctor: return "Licensed doctor"
    case .locum: return "Locum"
    case .nurse: return "Nurse"
    case .otherProfession: return "Other"
    }
  }
}
