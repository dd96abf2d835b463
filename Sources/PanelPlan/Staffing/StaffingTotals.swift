/// Additive quantities of one centre (or a sum of centres) in one projected
/// year. Regions and the nation are sums of their centres, and every ratio
/// is taken from the sums, never averaged over centres.
public struct StaffingTotals: Sendable, Hashable {
  /// Listed people.
  public var listed = 0.0
  /// Listed people weighted by care need and by the doctor-demand factor of
  /// task sharing: the demand the guideline capacity is compared with.
  public var weightedDemand = 0.0
  /// Need-weighted guideline capacity after supervision.
  public var guidelineCapacity = 0.0
  /// Capacity in the assignment policy's view (guideline or working time).
  public var assignmentCapacity = 0.0
  public var specialistFTE = 0.0
  public var specialistHeadcount = 0.0
  public var traineeFTE = 0.0
  public var traineeHeadcount = 0.0
  /// Trainees past mid-training (550 instead of 275 in the guideline).
  public var traineesPastMid = 0.0
  public var licensedDoctorFTE = 0.0
  public var locumFTE = 0.0
  /// Doctor visits per year the locums add (they hold no panels).
  public var locumVisitsPerYear = 0.0
  /// Nurses and other professions (held constant; see `WorkforceParameters`).
  public var teamFTE = 0.0
  /// Specialist FTE spent on supervising trainees.
  public var supervisionFTE = 0.0
  /// Trainee FTE beyond supervisor capacity
  /// (`WorkforceParameters.maxTraineesPerSpecialistFTE`): they hold no panel.
  public var unsupervisedTraineeFTE = 0.0
  /// Trainees the plan wanted to take in this year but no supervisor had
  /// room for.
  public var traineeIntakeDeclined = 0.0
  /// Sum over centres of the full-time specialists missing to reach the
  /// guideline at each centre.
  public var specialistFTEGap = 0.0
  /// Specialists who started this year (hires and movers are separate).
  public var specialistHires = 0.0
  public var traineeIntake = 0.0
  /// Trainees who completed ST and stayed as specialists this year.
  public var completions = 0.0
  public var retirements = 0.0
  /// Doctors who left primary care for other reasons (incl. trainees who
  /// completed ST and left).
  public var leavers = 0.0
  /// Specialists who moved in from another centre.
  public var movesIn = 0.0
  /// People in each priority group, by `PriorityGroup.rank`.
  public var population = [Double](repeating: 0, count: PriorityGroup.allCases.count)
  /// People in each priority group with a fixed doctor.
  public var assigned = [Double](repeating: 0, count: PriorityGroup.allCases.count)
  /// Listed-weighted sums of the outcome model's metrics (value × listed).
  public var outcomeWeightedSums: [Double] = []

  public init() {}

  /// Adds another centre's totals.
  public mutating func add(_ o: StaffingTotals) {
    listed += o.listed; weightedDemand += o.weightedDemand; guidelineCapacity += o.guidelineCapacity
    assignmentCapacity += o.assignmentCapacity; specialistFTE += o.specialistFTE
    specialistHeadcount += o.specialistHeadcount; traineeFTE += o.traineeFTE; traineeHeadcount += o.traineeHeadcount
    traineesPastMid += o.traineesPastMid; licensedDoctorFTE += o.licensedDoctorFTE; locumFTE += o.locumFTE
    locumVisitsPerYear += o.locumVisitsPerYear; teamFTE += o.teamFTE; supervisionFTE += o.supervisionFTE
    unsupervisedTraineeFTE += o.unsupervisedTraineeFTE; traineeIntakeDeclined += o.traineeIntakeDeclined
    specialistFTEGap += o.specialistFTEGap; specialistHires += o.specialistHires; traineeIntake += o.traineeIntake
    completions += o.completions; retirements += o.retirements; leavers += o.leavers; movesIn += o.movesIn
    for i in population.indices { population[i] += o.population[i]; assigned[i] += o.assigned[i] }
    if outcomeWeightedSums.count < o.outcomeWeightedSums.count {
      outcomeWeightedSums += Array(repeating: 0, count: o.outcomeWeightedSums.count - outcomeWeightedSums.count)
    }
    for i in o.outcomeWeightedSums.indices { outcomeWeightedSums[i] += o.outcomeWeightedSums[i] }
  }

  /// The value of a metric, computed from the sums.
  public func value(_ m: StaffingMetric) -> Double {
    func share(_ g: PriorityGroup) -> Double {
      population[g.rank] > 0 ? assigned[g.rank] / population[g.rank] : .nan
    }
    switch m {
    case .listed: return listed
    case .weightedDemand: return weightedDemand
    case .guidelineCapacity: return guidelineCapacity
    case .guidelineRatio: return guidelineCapacity > 0 ? weightedDemand / guidelineCapacity : .infinity
    case .listedPerSpecialistFTE: return specialistFTE > 0 ? listed / specialistFTE : .infinity
    case .fixedDoctorShare:
      let p = population.reduce(0, +)
      return p > 0 ? assigned.reduce(0, +) / p : .nan
    case .nursingHomeShare: return share(.nursingHome)
    case .homeHealthCareShare: return share(.homeHealthCare)
    case .severalConditionsShare: return share(.severalConditions)
    case .aged75plusShare: return share(.aged75plus)
    case .oneConditionShare: return share(.oneCondition)
    case .othersShare: return share(.others)
    case .specialistFTE: return specialistFTE
    case .specialistHeadcount: return specialistHeadcount
    case .traineeFTE: return traineeFTE
    case .traineeHeadcount: return traineeHeadcount
    case .traineesPastMid: return traineesPastMid
    case .licensedDoctorFTE: return licensedDoctorFTE
    case .locumFTE: return locumFTE
    case .locumVisitsPerYear: return locumVisitsPerYear
    case .teamFTE: return teamFTE
    case .supervisionFTE: return supervisionFTE
    case .specialistFTEGap: return specialistFTEGap
    case .specialistHires: return specialistHires
    case .traineeIntake: return traineeIntake
    case .completions: return completions
    case .retirements: return retirements
    case .leavers: return leavers
    case .movesIn: return movesIn
    }
  }

  /// The listed-weighted mean of outcome metric `i` (NaN when nobody is listed).
  public func outcome(_ i: Int) -> Double {
    i < outcomeWeightedSums.count && listed > 0 ? outcomeWeightedSums[i] / listed : .nan
  }
}

/// The metrics a staffing projection reports per year and scope. Raw values
/// are the CSV column names.
public enum StaffingMetric: String, Sendable, Hashable, CaseIterable, Codable {
  case listed
  case weightedDemand = "weighted_demand"
  case guidelineCapacity = "guideline_capacity"
  /// Weighted listed (after task sharing) per guideline capacity; ≤ 1.0 meets the guideline.
  case guidelineRatio = "guideline_ratio"
  /// Listed per GP specialist FTE. (Sweden 2023: 2,039 residents per
  /// specialist, counted per head, not per FTE: not directly comparable.)
  case listedPerSpecialistFTE = "listed_per_specialist_fte"
  /// Share of listed *people* with a fixed doctor (target 55%). Named
  /// `share_with_fixed_doctor` in output, as `simulate`'s
  /// `shareWithFixedDoctor`; `fixed_doctor_share` is the continuity index
  /// (a share of *visits*), issue 13, finding 7.
  case fixedDoctorShare = "share_with_fixed_doctor"
  /// Share of nursing-home residents with a fixed doctor (target 80%).
  case nursingHomeShare = "nursing_home_share"
  case homeHealthCareShare = "home_health_care_share"
  case severalConditionsShare = "several_conditions_share"
  case aged75plusShare = "aged_75plus_share"
  case oneConditionShare = "one_condition_share"
  case othersShare = "others_share"
  case specialistFTE = "specialist_fte"
  case specialistHeadcount = "specialist_headcount"
  case traineeFTE = "trainee_fte"
  case traineeHeadcount = "trainee_headcount"
  case traineesPastMid = "trainees_past_mid"
  case licensedDoctorFTE = "licensed_doctor_fte"
  case locumFTE = "locum_fte"
  case locumVisitsPerYear = "locum_visits_per_year"
  case teamFTE = "team_fte"
  case supervisionFTE = "supervision_fte"
  case specialistFTEGap = "specialist_fte_gap"
  case specialistHires = "specialist_hires"
  case traineeIntake = "trainee_intake"
  case completions
  case retirements
  case leavers
  case movesIn = "moves_in"
}
