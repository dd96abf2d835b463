/// A clinician at a care centre: a doctor of any kind, a nurse or another
/// profession.
public struct Clinician: Sendable, Hashable {
  /// Unique identifier within the centre (and within a region).
  public var id: String
  /// Professional role.
  public var role: ClinicianRole
  /// Employment rate (tjänstgöringsgrad): 1.0 is full time.
  public var fte: Double
  /// Time taken away from patient work.
  public var duties: DutyShares
  /// Years of experience in the role; used only when an experience
  /// adjustment is configured.
  public var yearsOfExperience: Double?
  /// Year of birth; drives retirement in staffing projections.
  public var birthYear: Int?
  /// For trainees: the share of the specialist training completed, 0...1
  /// (0.5 = mid-training, where the guideline's 550 starts to apply).
  public var trainingProgress: Double?
  /// For trainees: the calendar year the training started.
  public var trainingStartYear: Int?

  public init(
    id: String, role: ClinicianRole, fte: Double, duties: DutyShares = .none,
    yearsOfExperience: Double? = nil, birthYear: Int? = nil,
    trainingProgress: Double? = nil, trainingStartYear: Int? = nil
  ) {
    self.id = id
    self.role = role
    self.fte = fte
    self.duties = duties
    self.yearsOfExperience = yearsOfExperience
    self.birthYear = birthYear
    self.trainingProgress = trainingProgress
    self.trainingStartYear = trainingStartYear
  }

  /// Whether this clinician is a trainee who has done at least half of the
  /// specialist training.
  public var isTraineePastMidTraining: Bool {
    role == .gpTrainee && (trainingProgress ?? 0) >= 0.5
  }
}
