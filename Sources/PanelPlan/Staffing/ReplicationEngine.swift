/// One run of a projection: the year loop over all centres.
struct ReplicationEngine: Sendable {
  let p: WorkforceProjection
  let s: ProjectionSettings
  let w: WorkforceParameters
  let plan: RecruitmentPlan
  let rep: Int
  let parallel: Bool
  let stochastic: Bool
  let seed: UInt64
  /// Guideline panel of a full-time specialist without duties: the unit of gaps.
  let specialistPanel: Double
  let specialistTimePanel: Double
  let locumVisitsPerFTE: Double
  let locumBudget: Double

  var members: [[StaffMember]]
  var counts: [[Double]]
  /// Events of the current year per centre.
  var events: [Events]
  /// Hires starting in each year index (gap-filling decisions included).
  var arrivals: [Int]
  /// Leave out the fixed-doctor assignment and the outcome model when
  /// measuring (a feasibility check of a guideline-ratio target needs only
  /// capacity and demand, `finalTotal`).
  var capacityOnly = false

  struct Events: Sendable {
    var retirements = 0.0, leavers = 0.0, completions = 0.0, hires = 0.0, intake = 0.0, movesIn = 0.0
    /// Trainees of the plan's intake no supervisor had room for (recorded
    /// on the first centre: it is a property of the whole input).
    var intakeDeclined = 0.0
    var movers: [StaffMember] = []
    /// Expected-value moves: pooled weight, Σ weight × FTE, Σ weight × birth year.
    var movedWeight = 0.0, movedFTEWeight = 0.0, movedBirthWeight = 0.0, movedUnknownBirth = false
  }

  init(projection: WorkforceProjection, settings: ProjectionSettings, replication: Int, parallel: Bool) {
    p = projection
    s = settings
    w = settings.workforce
    plan = settings.plan
    rep = replication
    self.parallel = parallel
    stochastic = settings.isStochastic
    seed = settings.seed
    let reference = Clinician(id: "", role: .gpSpecialist, fte: 1)
    specialistPanel = GuidelineCapacity.panel(for: reference, parameters: settings.capacity.guideline)
    let breakdown = WorkingTimeCapacity.breakdown(for: reference, parameters: settings.capacity.workingTime)
    specialistTimePanel = breakdown.panel
    locumVisitsPerFTE = breakdown.visitCapacityPerYear
    locumBudget = settings.workforce.locumBudgetFTE ?? projection.centres.reduce(0) { $0 + $1.inputLocumFTE }
    members = projection.centres.enumerated().map { ci, c in
      c.doctors.enumerated().map { di, d in
        var m = d
        m.rng = Xoshiro256(seed: settings.seed, stream: [UInt64(replication), 0, UInt64(ci), UInt64(di)])
        return m
      }
    }
    counts = projection.centres.map(\.counts)
    events = Array(repeating: Events(), count: projection.centres.count)
    arrivals = Array(repeating: 0, count: settings.years + 1)
    if let byYear = plan.hiresByYear {
      // Decided in year d, starting `startDelayYears` later (the lead time).
      for (j, n) in byYear.enumerated() where j + 1 + plan.startDelayYears <= settings.years {
        arrivals[j + 1 + plan.startDelayYears] += max(0, n)
      }
    } else if case .perYear(let n) = plan.specialistHiring {
      for t in 1...max(1, settings.years) where t - plan.startDelayYears >= 1 && t <= settings.years { arrivals[t] = max(0, n) }
    }
  }

  /// Per centre, per year index.
  mutating func run() -> [[StaffingTotals]] {
    let n = p.centres.count
    var out = [[StaffingTotals]](repeating: [], count: n)
    for i in 0..<n { out[i].reserveCapacity(s.years + 1) }
    let first = measure(t: 0)
    for i in 0..<n { out[i].append(first[i]) }
    guard s.years > 0 else { return out }
    for t in 1...s.years {
      step(t: t)
      let totals = measure(t: t)
      for i in 0..<n { out[i].append(totals[i]) }
    }
    return out
  }

  /// A new specialist or trainee of year index `t`: the `k`-th of its kind
  /// that year, with its own random stream.
  func newMember(role: ClinicianRole, fte: Double, age: Int, year: Int, kind: UInt64, t: Int, k: Int) -> StaffMember {
    StaffMember(
      role: role, fte: fte, birthYear: year - age, trainingYearsDone: 0, otherDuties: .none, weight: 1,
      rng: Xoshiro256(seed: seed, stream: [UInt64(rep), kind, UInt64(t), UInt64(k)]))
  }
}
