/// A doctor in a projection. `weight` is the expected presence: 1 at the
/// start and in stochastic runs (a doctor who leaves is removed), a
/// probability in expected-value runs.
struct StaffMember: Sendable {
  var role: ClinicianRole
  var fte: Double
  var birthYear: Int?
  /// Trainees: years of training done (full-time equivalent).
  var trainingYearsDone: Double
  /// Duties other than supervision (supervision is modelled from trainees).
  var otherDuties: DutyShares
  var weight: Double
  /// This doctor's own random stream.
  var rng: Xoshiro256
}

/// A centre as prepared once for many runs.
struct PreparedCentre: Sendable {
  var id: String
  var regionIndex: Int
  var profiles: [PatientProfile]
  var counts: [Double]
  var hasFixedDoctor: [Bool]
  var doctors: [StaffMember]
  var teamFTE: Double
  var inputLocumFTE: Double
}

/// Staffing scenarios over years for one region or many: the workforce
/// changes (retirement, attrition, moves, ST training, part-time drift,
/// hires, locums), the population grows and ages, and each year every
/// centre's guideline capacity and fixed-doctor assignment are computed.
///
/// One projected year, for every centre, in this order:
/// 1. the population grows by age band;
/// 2. each trainee adds a year of training (× FTE, at most 1); a trainee
///    reaching `trainingYears` becomes a specialist with probability
///    `completionStayProbability`, else leaves;
/// 3. each doctor retires with the retirement hazard of their age, else
///    leaves with the role's attrition share; specialists may move;
/// 4. specialists below the ceiling gain `fteIncreasePerYear` FTE;
/// then for the whole input: movers are placed in their region, hires
/// start (placed one by one at the largest guideline gap), trainees are
/// taken in (placed one by one at the centre with the fewest trainees per
/// specialist FTE), locums are bought up to the budget in proportion to the
/// remaining gaps; and every centre reports its `StaffingTotals`.
///
/// Year index 0 reports the input as given (supervision and locums already
/// follow the model's rules).
///
/// Capacity: Σ doctors' guideline panels (1,100 / 550 / 275 × FTE × share
/// left after other duties, GuidelineParameters) − supervision FTE × the
/// full-time specialist panel, where supervision FTE = min(trainee FTE ×
/// `supervisionFTEPerTrainee`, specialist FTE × `maxSupervisionShare`).
/// Demand: Σ listed × need weight × (1 − task-sharing share).
public struct WorkforceProjection: Sendable {
  let regionNames: [String]
  let totalName: String
  let centres: [PreparedCentre]

  /// Prepares regions for any number of runs.
  ///
  /// - Parameters:
  ///   - regions: the regions; centres are numbered across all of them in order.
  ///   - totalName: name of the whole (e.g. "Sweden"); for a single region
  ///     its own name is used.
  ///   - trainingYears: length of ST, to turn trainees' `trainingProgress`
  ///     into years done; use the same value as `WorkforceParameters`.
  public init(regions: [Region], totalName: String? = nil, trainingYears: Double = 5) {
    regionNames = regions.map(\.name)
    self.totalName = totalName ?? (regions.count == 1 ? regions[0].name : "Total")
    var prepared: [PreparedCentre] = []
    for (ri, region) in regions.enumerated() {
      for c in region.centres {
        var profiles: [PatientProfile] = []
        var counts: [Double] = []
        var fixed: [Bool] = []
        var index: [PatientProfile: Int] = [:]
        for g in c.population.groups {
          profiles.append(g.profile); counts.append(Double(g.count)); fixed.append(false)
        }
        // Individual patients collapse into groups of equal profile and
        // fixed-doctor status: the projection works on counts.
        var fixedIndex: [PatientProfile: Int] = [:]
        for p in c.population.patients {
          let has = p.fixedDoctorId != nil
          if let i = has ? fixedIndex[p.profile] : index[p.profile] {
            counts[i] += 1
          } else {
            profiles.append(p.profile); counts.append(1); fixed.append(has)
            if has { fixedIndex[p.profile] = profiles.count - 1 } else { index[p.profile] = profiles.count - 1 }
          }
        }
        var doctors: [StaffMember] = []
        for cl in c.clinicians where cl.role == .gpSpecialist || cl.role == .gpTrainee || cl.role == .licensedDoctor {
          var duties = cl.duties
          duties.supervision = 0
          doctors.append(StaffMember(
            role: cl.role, fte: cl.fte, birthYear: cl.birthYear,
            trainingYearsDone: (cl.trainingProgress ?? 0) * trainingYears, otherDuties: duties, weight: 1,
            rng: Xoshiro256(seed: 0)))
        }
        prepared.append(PreparedCentre(
          id: c.id, regionIndex: ri, profiles: profiles, counts: counts, hasFixedDoctor: fixed,
          doctors: doctors, teamFTE: c.fte(of: .nurse) + c.fte(of: .otherProfession),
          inputLocumFTE: c.fte(of: .locum)))
      }
    }
    centres = prepared
  }

  /// Number of centres over all regions.
  public var centreCount: Int { centres.count }

  /// Runs the projection.
  ///
  /// Replications run in parallel (`Parallel.map`), or,
  /// with a single run, the centres within each year; every random stream
  /// is fixed by the seed and the replication, centre and doctor, so the
  /// result does not depend on the number of threads.
  ///
  /// - Complexity: O(R × Y × (D + G + H × C)), where R is replications, Y
  ///   years, D doctors, G population groups, H hires per year and C centres.
  /// - Parameter progress: counts replications as they finish (a progress
  ///   line); it never changes the result.
  public func run(_ s: ProjectionSettings, progress: ProgressCounter? = nil) -> ProjectionResult {
    let reps = s.replications
    let perRep = Parallel.map(count: reps) { r in
      defer { progress?.advance() }
      return runReplication(r, s, parallelCentres: reps == 1)
    }
    return summarise(perRep, s)
  }

  /// Per centre, per year index: the totals of one replication.
  func runReplication(_ rep: Int, _ s: ProjectionSettings, parallelCentres: Bool) -> [[StaffingTotals]] {
    var engine = ReplicationEngine(projection: self, settings: s, replication: rep, parallel: parallelCentres)
    return engine.run()
  }

  /// The whole input's totals in year index `s.years` of replication
  /// `rep`, measuring only that year; `capacityOnly` leaves out the
  /// fixed-doctor assignment (enough for a guideline-ratio target).
  func finalTotal(_ rep: Int, _ s: ProjectionSettings, parallelCentres: Bool, capacityOnly: Bool) -> StaffingTotals {
    var engine = ReplicationEngine(projection: self, settings: s, replication: rep, parallel: parallelCentres)
    engine.capacityOnly = capacityOnly
    return engine.runFinal()
  }

  func summarise(_ perRep: [[[StaffingTotals]]], _ s: ProjectionSettings) -> ProjectionResult {
    let yearsCount = s.years + 1
    let metrics = StaffingMetric.allCases
    let outcomeNames = s.outcomeModel?.metricNames ?? []
    // Scopes: centres (optional), regions, total.
    var scopes: [(level: ProjectionResult.Level, id: String, name: String, region: String?, members: [Int])] = []
    if s.keepCentreDetail {
      for (i, c) in centres.enumerated() {
        scopes.append((.centre, c.id, c.id, regionNames[c.regionIndex], [i]))
      }
    }
    for (ri, name) in regionNames.enumerated() where regionNames.count > 1 {
      scopes.append((.region, name, name, nil, centres.indices.filter { centres[$0].regionIndex == ri }))
    }
    scopes.append((regionNames.count == 1 ? .region : .total, totalName, totalName, nil, Array(centres.indices)))

    func sum(_ r: Int, _ members: [Int], _ y: Int) -> StaffingTotals {
      var t = StaffingTotals()
      for i in members { t.add(perRep[r][i][y]) }
      return t
    }
    var series: [ProjectionResult.Series] = []
    var totalPerRep: [[StaffingTotals]] = []
    for (k, scope) in scopes.enumerated() {
      var bands: [[Band]] = []
      var repTotals = [[StaffingTotals]](repeating: [], count: perRep.count)
      for y in 0..<yearsCount {
        let totals = (0..<perRep.count).map { sum($0, scope.members, y) }
        for r in totals.indices { repTotals[r].append(totals[r]) }
        var row = metrics.map { m in Band(values: totals.map { $0.value(m) }) }
        row += outcomeNames.indices.map { i in Band(values: totals.map { $0.outcome(i) }) }
        bands.append(row)
      }
      if k == scopes.count - 1 { totalPerRep = repTotals }
      series.append(.init(level: scope.level, id: scope.id, name: scope.name, region: scope.region, centreCount: scope.members.count, bands: bands))
    }
    var result = ProjectionResult(
      years: (0..<yearsCount).map { s.startYear + $0 }, replications: perRep.count,
      expectedValue: !s.isStochastic, outcomeNames: outcomeNames, series: series,
      totalPerReplication: totalPerRep)
    result.warnings = supervisionWarnings(perRep, s)
    return result
  }
}
