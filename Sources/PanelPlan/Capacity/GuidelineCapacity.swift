/// The guideline view of capacity (Socialstyrelsen's 1,100 / 550).
public enum GuidelineCapacity {
  /// The full-time panel for a clinician's role and training stage, before
  /// FTE, duties and experience.
  public static func basePanel(
    for c: Clinician, parameters p: GuidelineParameters = .socialstyrelsen2022
  ) -> Double {
    switch c.role {
    case .gpSpecialist: return p.specialistPanel
    case .gpTrainee:
      return c.isTraineePastMidTraining ? p.traineeAfterMidTrainingPanel : p.traineeBeforeMidTrainingPanel
    case .licensedDoctor: return p.licensedDoctorPanel
    case .locum: return p.locumPanel
    case .nurse, .otherProfession: return 0
    }
  }

  /// The number of average-need patients a clinician can be fixed doctor for:
  /// base panel × FTE × share of time left after duties × experience factor.
  ///
  /// A full-time specialist with no duties: 1,100. At 60% FTE with 10%
  /// supervision: 1,100 × 0.6 × 0.9 = 594.
  public static func panel(
    for c: Clinician, parameters p: GuidelineParameters = .socialstyrelsen2022
  ) -> Double {
    basePanel(for: c, parameters: p) * c.fte * c.duties.remainingShare
      * (p.experienceAdjustment?.factor(forYears: c.yearsOfExperience) ?? 1)
  }
}
