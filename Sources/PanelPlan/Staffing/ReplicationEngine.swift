import Dispatch

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

  // MARK: - One year

  mutating func step(t: Int) {
    let year = s.startYear + t
    let n = p.centres.count
    events = Array(repeating: Events(), count: n)
    forEachCentre { e, i in e.advance(centre: i, year: year, t: t) }
    placeMovers(t: t)

    // Gap-filling decisions see this year's gap before this year's starts.
    var gaps = (0..<n).map { gapFTE(centre: $0, t: t) }
    if case .fillGaps(let limit) = plan.specialistHiring {
      let needed = Int((gaps.reduce(0) { $0 + max(0, $1) } / max(plan.hireFTE, 1e-9)).rounded(.up))
      let pipeline = (t..<min(arrivals.count, t + plan.startDelayYears)).reduce(0) { $0 + arrivals[$1] }
      let decided = min(max(0, limit), max(0, needed - pipeline))
      if t + plan.startDelayYears < arrivals.count { arrivals[t + plan.startDelayYears] += decided }
    }
    guard n > 0 else { return }
    var byGap = PlacementHeap(keys: gaps)
    for k in 0..<arrivals[t] {
      let c = byGap.top
      byGap.lowerTop(by: plan.hireFTE)
      gaps[c] -= plan.hireFTE
      var m = newMember(role: .gpSpecialist, fte: plan.hireFTE, age: plan.hireAgeYears, year: year, kind: 1, t: t, k: k)
      m.trainingYearsDone = 0
      members[c].append(m)
      events[c].hires += 1
    }
    let intake = plan.trainees(inYear: t)
    if intake > 0 {
      var traineeFTE = members.map { $0.reduce(0) { $0 + ($1.role == .gpTrainee ? $1.weight * $1.fte : 0) } }
      let specFTE = members.map { $0.reduce(0) { $0 + ($1.role == .gpSpecialist ? $1.weight * $1.fte : 0) } }
      // Fewest trainees per specialist FTE first: a max-heap on the negated key.
      let traineeFTEPerPost = plan.traineeFTE
      let key = { (c: Int, fte: Double) in -(fte + traineeFTEPerPost) / max(specFTE[c], 1e-6) }
      var bySupervisors = PlacementHeap(keys: (0..<n).map { key($0, traineeFTE[$0]) })
      let limit = w.maxTraineesPerSpecialistFTE
      for k in 0..<intake {
        let best = bySupervisors.top
        // The top has the fewest trainees per specialist FTE after one
        // more; if it has no room, no centre has.
        if traineeFTE[best] + plan.traineeFTE > limit * specFTE[best] + 1e-9 {
          events[0].intakeDeclined += Double(intake - k)
          break
        }
        traineeFTE[best] += plan.traineeFTE
        bySupervisors.setTop(key(best, traineeFTE[best]))
        members[best].append(newMember(role: .gpTrainee, fte: plan.traineeFTE, age: plan.traineeAgeYears, year: year, kind: 2, t: t, k: k))
        events[best].intake += 1
      }
    }
  }

  func newMember(role: ClinicianRole, fte: Double, age: Int, year: Int, kind: UInt64, t: Int, k: Int) -> StaffMember {
    StaffMember(
      role: role, fte: fte, birthYear: year - age, trainingYearsDone: 0, otherDuties: .none, weight: 1,
      rng: Xoshiro256(seed: seed, stream: [UInt64(rep), kind, UInt64(t), UInt64(k)]))
  }

  /// Runs `body` on every centre's slice of state, in parallel when allowed.
  /// Each centre touches only its own members, counts and events.
  mutating func forEachCentre(_ body: @Sendable (inout CentreSlice, Int) -> Void) {
    let n = p.centres.count
    var slices = (0..<n).map { i in
      CentreSlice(members: members[i], counts: counts[i], events: events[i], centre: p.centres[i], w: w, plan: plan, stochastic: stochastic)
    }
    if parallel && n > 1 {
      slices.withUnsafeMutableBufferPointer { buf in
        let base = buf.baseAddress!
        nonisolated(unsafe) let ptr = base
        let chunk = max(1, n / 64)
        DispatchQueue.concurrentPerform(iterations: (n + chunk - 1) / chunk) { b in
          for i in (b * chunk)..<min(n, (b + 1) * chunk) { body(&ptr[i], i) }
        }
      }
    } else {
      for i in 0..<n { body(&slices[i], i) }
    }
    for i in 0..<n {
      members[i] = slices[i].members
      counts[i] = slices[i].counts
      events[i] = slices[i].events
    }
  }

  /// Movers go to another centre of their own region.
  mutating func placeMovers(t: Int) {
    guard w.moveShare > 0 else { return }
    let n = p.centres.count
    let gaps = (0..<n).map { max(0, gapFTE(centre: $0, t: t)) }
    for ri in p.regionNames.indices {
      let inRegion = (0..<n).filter { p.centres[$0].regionIndex == ri }
      guard inRegion.count > 1 else {
        // A single centre: movers stay.
        for c in inRegion {
          if stochastic { members[c] += events[c].movers } else if events[c].movedWeight > 0 { members[c].append(pooled(events[c])) }
        }
        continue
      }
      if stochastic {
        var rng = Xoshiro256(seed: seed, stream: [UInt64(rep), 3, UInt64(ri), UInt64(t)])
        for origin in inRegion {
          for m in events[origin].movers {
            let others = inRegion.filter { $0 != origin }
            let total = others.reduce(0) { $0 + gaps[$1] }
            var dest = others[rng.nextIndex(others.count)]
            if total > 0 {
              var u = rng.nextUnit() * total
              for c in others {
                u -= gaps[c]
                if u < 0 { dest = c; break }
              }
            }
            members[dest].append(m)
            events[dest].movesIn += 1
          }
        }
      } else {
        var pool = Events()
        for c in inRegion {
          pool.movedWeight += events[c].movedWeight
          pool.movedFTEWeight += events[c].movedFTEWeight
          pool.movedBirthWeight += events[c].movedBirthWeight
          pool.movedUnknownBirth = pool.movedUnknownBirth || events[c].movedUnknownBirth
        }
        guard pool.movedWeight > 0 else { continue }
        let totalGap = inRegion.reduce(0) { $0 + gaps[$1] }
        let spec = inRegion.map { c in members[c].reduce(0) { $0 + ($1.role == .gpSpecialist ? $1.weight * $1.fte : 0) } }
        let totalSpec = spec.reduce(0, +)
        for (j, c) in inRegion.enumerated() {
          let share = totalGap > 0 ? gaps[c] / totalGap : (totalSpec > 0 ? spec[j] / totalSpec : 1 / Double(inRegion.count))
          guard share > 0 else { continue }
          var m = pooled(pool)
          m.weight *= share
          members[c].append(m)
          events[c].movesIn += m.weight
        }
      }
    }
  }

  /// One aggregate specialist standing for the expected movers of a pool.
  func pooled(_ e: Events) -> StaffMember {
    StaffMember(
      role: .gpSpecialist, fte: e.movedFTEWeight / e.movedWeight,
      birthYear: e.movedUnknownBirth ? nil : Int((e.movedBirthWeight / e.movedWeight).rounded()),
      trainingYearsDone: 0, otherDuties: .none, weight: e.movedWeight, rng: Xoshiro256(seed: 0))
  }

  // MARK: - Measuring

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
    var totals = [StaffingTotals](repeating: StaffingTotals(), count: n)
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
    if parallel && n > 1 {
      totals.withUnsafeMutableBufferPointer { buf in
        nonisolated(unsafe) let ptr = buf.baseAddress!
        let chunk = max(1, n / 64)
        DispatchQueue.concurrentPerform(iterations: (n + chunk - 1) / chunk) { b in
          for i in (b * chunk)..<min(n, (b + 1) * chunk) { ptr[i] = work(i) }
        }
      }
    } else {
      for i in 0..<n { totals[i] = work(i) }
    }
    return totals
  }
}

/// A binary max-heap of centre indices by key, ties to the lower index:
/// places hires one at a time in O(log C) instead of scanning all centres.
struct PlacementHeap {
  var keys: [Double]
  var heap: [Int]

  init(keys: [Double]) {
    self.keys = keys
    heap = Array(keys.indices)
    for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
  }

  func better(_ a: Int, _ b: Int) -> Bool { keys[a] > keys[b] || (keys[a] == keys[b] && a < b) }

  /// The index with the largest key.
  var top: Int { heap[0] }

  mutating func setTop(_ key: Double) {
    keys[heap[0]] = key
    siftDown(0)
  }

  mutating func lowerTop(by x: Double) { setTop(keys[heap[0]] - x) }

  mutating func siftDown(_ start: Int) {
    var i = start
    let n = heap.count
    while true {
      let l = 2 * i + 1, r = l + 1
      var best = i
      if l < n && better(heap[l], heap[best]) { best = l }
      if r < n && better(heap[r], heap[best]) { best = r }
      if best == i { return }
      heap.swapAt(i, best)
      i = best
    }
  }
}

/// The part of the state one centre's yearly step reads and writes.
struct CentreSlice: Sendable {
  var members: [StaffMember]
  var counts: [Double]
  var events: ReplicationEngine.Events
  let centre: PreparedCentre
  let w: WorkforceParameters
  let plan: RecruitmentPlan
  let stochastic: Bool

  /// Steps 1–4 of a projected year (see `WorkforceProjection`).
  mutating func advance(centre i: Int, year: Int, t: Int) {
    let fteIncrease = plan.fteIncrease(inYear: t)
    for k in counts.indices { counts[k] *= w.populationGrowth.factor(for: centre.profiles[k].ageBand) }
    let qSpecialist = w.attrition(of: .gpSpecialist), qTrainee = w.attrition(of: .gpTrainee)
    var kept: [StaffMember] = []
    kept.reserveCapacity(members.count)
    for var m in members {
      // Always four draws, whatever happens, so each doctor's stream stays
      // aligned across plans.
      let u0 = m.rng.nextUnit(), u1 = m.rng.nextUnit(), u2 = m.rng.nextUnit(), u3 = m.rng.nextUnit()
      if m.role == .gpTrainee {
        m.trainingYearsDone += min(1, m.fte)
        if m.trainingYearsDone >= w.trainingYears - 1e-9 {
          let stay = w.completionStayProbability
          if stochastic {
            if u0 < stay { m.role = .gpSpecialist; events.completions += 1 } else { events.leavers += 1; continue }
          } else {
            events.completions += m.weight * stay
            events.leavers += m.weight * (1 - stay)
            m.weight *= stay
            m.role = .gpSpecialist
          }
        }
      }
      let h = m.birthYear.map { w.retirement.hazard(atAge: year - $0) } ?? 0
      let q = m.role == .gpSpecialist ? qSpecialist : (m.role == .gpTrainee ? qTrainee : w.attrition(of: m.role))
      if stochastic {
        if u1 < h { events.retirements += 1; continue }
        if u2 < q { events.leavers += 1; continue }
      } else {
        events.retirements += m.weight * h
        events.leavers += m.weight * (1 - h) * q
        m.weight *= (1 - h) * (1 - q)
      }
      if m.role == .gpSpecialist && fteIncrease > 0 && m.fte < plan.fteCeiling {
        m.fte = min(plan.fteCeiling, m.fte + fteIncrease)
      }
      if m.role == .gpSpecialist && w.moveShare > 0 {
        if stochastic {
          if u3 < w.moveShare { events.movers.append(m); continue }
        } else {
          let moved = m.weight * w.moveShare
          events.movedWeight += moved
          events.movedFTEWeight += moved * m.fte
          if let b = m.birthYear { events.movedBirthWeight += moved * Double(b) } else { events.movedUnknownBirth = true }
          m.weight -= moved
        }
      }
      if m.weight > 1e-9 { kept.append(m) }
    }
    members = kept
  }
}
