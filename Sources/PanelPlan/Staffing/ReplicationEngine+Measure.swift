/// What a projection run reports each year: capacity, demand, supervision
/// and gaps per centre, and the totals of every centre (in parallel over
/// centres when allowed).
extension ReplicationEngine {
  /// Capacity, demand and supervision of a centre in year index `t`.
  ///
  /// Trainees count time-weighted: the share of the year past
  /// mid-training at the later panel (`WorkforceParameters.pastMidShare`).
  /// Trainee FTE beyond `maxTraineesPerSpecialistFTE` × specialist FTE
  /// counts no panel and takes no supervision (`unsupervised`).
  func capacity(centre i: Int, t: Int) -> (guideline: Double, assignment: Double, demand: Double, supervision: Double, unsupervised: Double) {
    let g = s.capacity.guideline
    let useTime = s.policy.capacityView == .workingTime
    var guideline = 0.0
    var time = 0.0
    var traineeGuideline = 0.0
    var traineeTime = 0.0
    var traineeFTE = 0.0
    var specFTE = 0.0
    for m in members[i] {
      if m.role == .gpTrainee {
        let f = w.pastMidShare(yearsDone: m.trainingYearsDone, fte: m.fte, yearIndex: t)
        let early = Clinician(id: "", role: .gpTrainee, fte: m.fte, duties: m.otherDuties, trainingProgress: 0)
        let late = Clinician(id: "", role: .gpTrainee, fte: m.fte, duties: m.otherDuties, trainingProgress: 1)
        traineeGuideline += m.weight * ((1 - f) * GuidelineCapacity.panel(for: early, parameters: g) + f * GuidelineCapacity.panel(for: late, parameters: g))
        if useTime {
          let wt = s.capacity.workingTime
          traineeTime += m.weight * ((1 - f) * WorkingTimeCapacity.breakdown(for: early, parameters: wt).panel
            + f * WorkingTimeCapacity.breakdown(for: late, parameters: wt).panel)
        }
        traineeFTE += m.weight * m.fte
        continue
      }
      let c = Clinician(id: "", role: m.role, fte: m.fte, duties: m.otherDuties)
      guideline += m.weight * GuidelineCapacity.panel(for: c, parameters: g)
      if useTime { time += m.weight * WorkingTimeCapacity.breakdown(for: c, parameters: s.capacity.workingTime).panel }
      if m.role == .gpSpecialist { specFTE += m.weight * m.fte }
    }
    // Supervisor capacity: only supervised trainees hold panels.
    let supervised = min(traineeFTE, max(0, w.maxTraineesPerSpecialistFTE) * specFTE)
    let supervisedShare = traineeFTE > 0 ? supervised / traineeFTE : 1
    guideline += traineeGuideline * supervisedShare
    time += traineeTime * supervisedShare
    let supervision = min(supervised * w.supervisionFTEPerTrainee, specFTE * w.maxSupervisionShare)
    guideline = max(0, guideline - supervision * specialistPanel)
    time = max(0, time - supervision * specialistTimePanel)
    let factor = 1 - w.taskShare(inYear: t)
    var demand = 0.0
    let prof = p.centres[i].profiles
    for (k, n) in counts[i].enumerated() { demand += n * prof[k].needWeight * factor }
    return (guideline, useTime ? time : guideline, demand, supervision, traineeFTE - supervised)
  }

  /// A trainee's training progress in the middle of year index `t` (the
  /// input's own at t = 0): one state for the simulated year.
  func midYearProgress(_ m: StaffMember, t: Int) -> Double {
    let half = t > 0 ? min(1, max(0, m.fte)) / 2 : 0
    return min(1, (m.trainingYearsDone + half) / max(w.trainingYears, 1e-9))
  }

  /// Full-time specialists missing at a centre (negative: capacity to spare).
  func gapFTE(centre i: Int, t: Int) -> Double {
    let c = capacity(centre: i, t: t)
    return (c.demand - c.guideline) / specialistPanel
  }

  /// Every centre's totals for year index `t`.
  func measure(t: Int) -> [StaffingTotals] {
    let n = p.centres.count
    let factor = 1 - w.taskShare(inYear: t)
    let capacities = (0..<n).map { capacity(centre: $0, t: t) }
    let gaps = capacities.map { max(0, $0.demand - $0.guideline) / specialistPanel }
    let totalGap = gaps.reduce(0, +)
    let locumScale = totalGap > 0 ? min(1, locumBudget / totalGap) : 0
    let model = s.outcomeModel

    let work: @Sendable (Int) -> StaffingTotals = { [self] i in
      var x = StaffingTotals()
      let cap = capacities[i]
      let centre = p.centres[i]
      x.guidelineCapacity = cap.guideline
      x.assignmentCapacity = cap.assignment
      x.weightedDemand = cap.demand
      x.supervisionFTE = cap.supervision
      x.unsupervisedTraineeFTE = cap.unsupervised
      x.specialistFTEGap = gaps[i]
      x.teamFTE = centre.teamFTE
      for m in members[i] {
        switch m.role {
        case .gpSpecialist: x.specialistFTE += m.weight * m.fte; x.specialistHeadcount += m.weight
        case .gpTrainee:
          x.traineeFTE += m.weight * m.fte; x.traineeHeadcount += m.weight
          x.traineesPastMid += m.weight * w.pastMidShare(yearsDone: m.trainingYearsDone, fte: m.fte, yearIndex: t)
        case .licensedDoctor: x.licensedDoctorFTE += m.weight * m.fte
        default: break
        }
      }
      x.locumFTE = gaps[i] * locumScale
      x.locumVisitsPerYear = x.locumFTE * locumVisitsPerFTE
      let e = events[i]
      x.specialistHires = t == 0 ? 0 : e.hires
      x.traineeIntake = t == 0 ? 0 : e.intake
      x.traineeIntakeDeclined = t == 0 ? 0 : e.intakeDeclined
      x.completions = t == 0 ? 0 : e.completions
      x.retirements = t == 0 ? 0 : e.retirements
      x.leavers = t == 0 ? 0 : e.leavers
      x.movesIn = t == 0 ? 0 : e.movesIn
      if capacityOnly {
        for k in centre.profiles.indices { x.listed += counts[i][k] }
        return x
      }
      var entries: [GroupAssignment.Entry] = []
      entries.reserveCapacity(centre.profiles.count)
      for k in centre.profiles.indices {
        entries.append(.init(profile: centre.profiles[k], count: counts[i][k], hasFixedDoctor: centre.hasFixedDoctor[k]))
        x.listed += counts[i][k]
      }
      let a = GroupAssignment(entries: entries, capacity: cap.assignment, policy: s.policy, weightFactor: factor)
      x.population = a.population
      x.assigned = a.assigned
      if let model {
        var clinicians: [Clinician] = members[i].enumerated().map { k, m in
          Clinician(
            id: "\(centre.id)-d\(k)", role: m.role, fte: m.fte * m.weight, duties: m.otherDuties, birthYear: m.birthYear,
            trainingProgress: m.role == .gpTrainee ? midYearProgress(m, t: t) : nil)
        }
        if x.locumFTE > 0 { clinicians.append(Clinician(id: "\(centre.id)-locum", role: .locum, fte: x.locumFTE)) }
        let state = CentreYearState(
          year: s.startYear + t, yearIndex: t, replication: rep, seed: seed, regionName: p.regionNames[centre.regionIndex],
          centreId: centre.id, centreIndex: i, clinicians: clinicians, population: entries,
          guidelineCapacity: cap.guideline, doctorDemandFactor: factor, assignment: a, locumFTE: x.locumFTE)
        var values = model.evaluate(state)
        if values.count != model.metricNames.count {
          values = Array(repeating: .nan, count: model.metricNames.count)
        }
        x.outcomeWeightedSums = values.map { $0 * x.listed }
      }
      return x
    }
    return Parallel.map(count: n, threads: parallel ? Parallel.defaultThreads : 1, work)
  }
}
