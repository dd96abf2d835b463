/// How a region recruits GP specialists and takes in GP trainees each year.
///
/// Hires and trainees are region-wide numbers; each year they are placed
/// one at a time at the centre with the largest remaining guideline gap
/// (ties to the earlier centre), so that a plan with one more hire places
/// the same hires plus one (the placement is "house-monotone", which keeps
/// the solver's search valid).
public struct RecruitmentPlan: Sendable, Hashable, Codable {
  /// How specialist hires are decided.
  public enum SpecialistHiring: Sendable, Hashable, Codable {
    /// A fixed number of specialists hired per year.
    case perYear(Int)
    /// Hire enough full-time-equivalent specialists to close the region's
    /// guideline gap, but at most `marketLimit` a year (what the labour
    /// market supplies).
    case fillGaps(marketLimit: Int)
  }

  /// Specialist hiring.
  public var specialistHiring: SpecialistHiring
  /// Years between the decision to hire and the start (0 = starts the same
  /// year). A gap-filling policy decides on this year's gap.
  public var startDelayYears: Int
  /// FTE of a newly hired specialist. Default 0.9: many GPs work part time.
  public var hireFTE: Double
  /// Age of a new hire. Default 42 (illustrative: a few years after the
  /// specialist certificate).
  public var hireAgeYears: Int
  /// Trainees (ST) taken in per year.
  public var traineeIntakePerYear: Int
  /// Age of a new trainee. Default 33 (illustrative).
  public var traineeAgeYears: Int
  /// FTE of a trainee. Default 1.0 (ST posts are usually full time).
  public var traineeFTE: Double
  /// Extra FTE per year for specialists below `fteCeiling` (e.g. 0.02:
  /// part-timers gradually going full time). Default 0.
  public var fteIncreasePerYear: Double
  /// The FTE that drift never pushes above. Default 1.0.
  public var fteCeiling: Double
  /// Per-year amounts (issue 19), replacing the constant ones when set:
  /// entry j is projected year j + 1 (calendar `startYear + 1 + j`); years
  /// past the end of a list get 0 (the plan has ended). `hiresByYear[j]`
  /// is decided in that year and starts `startDelayYears` later.
  public var hiresByYear: [Int]?
  /// Trainees taken in, per projected year (see `hiresByYear`).
  public var traineesByYear: [Int]?
  /// FTE added to each part-time specialist, per projected year (see `hiresByYear`).
  public var fteIncreaseByYear: [Double]?

  public init(
    specialistHiring: SpecialistHiring = .perYear(0), startDelayYears: Int = 0, hireFTE: Double = 0.9,
    hireAgeYears: Int = 42, traineeIntakePerYear: Int = 0, traineeAgeYears: Int = 33, traineeFTE: Double = 1.0,
    fteIncreasePerYear: Double = 0, fteCeiling: Double = 1.0
  ) {
    self.specialistHiring = specialistHiring
    self.startDelayYears = startDelayYears
    self.hireFTE = hireFTE
    self.hireAgeYears = hireAgeYears
    self.traineeIntakePerYear = traineeIntakePerYear
    self.traineeAgeYears = traineeAgeYears
    self.traineeFTE = traineeFTE
    self.fteIncreasePerYear = fteIncreasePerYear
    self.fteCeiling = fteCeiling
  }

  /// Trainees to take in in projected year `t` (≥ 1).
  public func trainees(inYear t: Int) -> Int {
    guard let list = traineesByYear else { return traineeIntakePerYear }
    return t >= 1 && t <= list.count ? max(0, list[t - 1]) : 0
  }

  /// FTE added to each part-time specialist in projected year `t` (≥ 1).
  public func fteIncrease(inYear t: Int) -> Double {
    guard let list = fteIncreaseByYear else { return fteIncreasePerYear }
    return t >= 1 && t <= list.count ? max(0, list[t - 1]) : 0
  }

  /// Whether any per-year list is set (the plan varies by year).
  public var variesByYear: Bool { hiresByYear != nil || traineesByYear != nil || fteIncreaseByYear != nil }

  /// No recruitment at all: what happens if nothing is done.
  public static let none = RecruitmentPlan()
}
