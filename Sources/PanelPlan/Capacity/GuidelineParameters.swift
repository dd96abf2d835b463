/// Parameters of the guideline view of capacity: how many listed patients of
/// average need a full-time clinician can be fixed doctor for.
///
/// Source: Socialstyrelsen (2022), 1,100 residents per specialist in general
/// medicine and 550 per GP trainee once half of the training is done. The
/// guideline is "neither a floor nor a ceiling"; every figure here is a
/// parameter.
public struct GuidelineParameters: Sendable, Hashable {
  /// Patients per full-time GP specialist. Default 1,100 (Socialstyrelsen 2022).
  public var specialistPanel: Double
  /// Patients per full-time trainee past mid-training. Default 550
  /// (Socialstyrelsen 2022; one region's 2024 count used 500).
  public var traineeAfterMidTrainingPanel: Double
  /// Patients per full-time trainee before mid-training. Not published;
  /// default 275, half the post-mid figure, as an illustrative assumption.
  public var traineeBeforeMidTrainingPanel: Double
  /// Patients per full-time licensed doctor without a specialty. Not
  /// published; default 550, the same as a trainee past mid-training, since
  /// such doctors typically have comparable experience.
  public var licensedDoctorPanel: Double
  /// Patients per full-time locum. Default 0: locums add visits but rarely
  /// hold a fixed-doctor panel (DOMAIN.md).
  public var locumPanel: Double
  /// Optional multiplier by years of experience. Default: none (1.0 for all).
  public var experienceAdjustment: ExperienceAdjustment?

  public init(
    specialistPanel: Double = 1_100,
    traineeAfterMidTrainingPanel: Double = 550,
    traineeBeforeMidTrainingPanel: Double = 275,
    licensedDoctorPanel: Double = 550,
    locumPanel: Double = 0,
    experienceAdjustment: ExperienceAdjustment? = nil
  ) {
    self.specialistPanel = specialistPanel
    self.traineeAfterMidTrainingPanel = traineeAfterMidTrainingPanel
    self.traineeBeforeMidTrainingPanel = traineeBeforeMidTrainingPanel
    self.licensedDoctorPanel = licensedDoctorPanel
    self.locumPanel = locumPanel
    self.experienceAdjustment = experienceAdjustment
  }

  /// Socialstyrelsen's 2022 figures with the documented defaults.
  public static let socialstyrelsen2022 = GuidelineParameters()
}

/// A step function from years of experience to a capacity multiplier, for
/// units that expect new doctors to carry smaller panels.
public struct ExperienceAdjustment: Sendable, Hashable {
  /// Step thresholds in years, ascending; the last step whose threshold is
  /// at most the clinician's experience applies, 1.0 below the first step.
  public let minYears: [Double]
  /// The multiplier of each step.
  public let factors: [Double]

  /// - Parameter steps: (minimum years, multiplier) pairs, in any order.
  public init(steps: [(minYears: Double, factor: Double)]) {
    let sorted = steps.sorted { $0.minYears < $1.minYears }
    minYears = sorted.map(\.minYears)
    factors = sorted.map(\.factor)
  }

  /// The multiplier for a clinician with `years` of experience; 1.0 when the
  /// experience is unknown.
  public func factor(forYears years: Double?) -> Double {
    guard let years else { return 1 }
    var result = 1.0
    for (m, f) in zip(minYears, factors) where years >= m { result = f }
    return result
  }
}
