/// Where absences fall. The amounts (vacation, training and sick days,
/// trainee rotation share) are `WorkingTimeParameters`, so the simulated
/// calendar and the working-time capacity view agree.
public struct AbsenceParameters: Sendable, Hashable {
  /// Share of vacation days taken as one summer block. Default 0.67
  /// (Swedish law entitles 4 consecutive weeks in June–August: 20 of 30).
  public var summerVacationShare: Double
  /// First and last week (1–52) a summer block may cover. Default 24–34.
  public var summerFirstWeek: Int
  public var summerLastWeek: Int
  /// Mean length of a sick spell in open days. Default 3 (illustrative;
  /// most spells are short).
  public var sickSpellDays: Double
  /// Whether trainees leave for rotations outside primary care (one block a
  /// year of `traineeRotationShare` of their present days). Default true.
  public var traineeRotations: Bool

  public init(
    summerVacationShare: Double = 0.67, summerFirstWeek: Int = 24, summerLastWeek: Int = 34,
    sickSpellDays: Double = 3, traineeRotations: Bool = true
  ) {
    self.summerVacationShare = summerVacationShare
    self.summerFirstWeek = summerFirstWeek
    self.summerLastWeek = summerLastWeek
    self.sickSpellDays = sickSpellDays
    self.traineeRotations = traineeRotations
  }
}
