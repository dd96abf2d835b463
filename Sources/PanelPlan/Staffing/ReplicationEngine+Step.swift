/// The yearly step of a projection run: each centre's people age, train,
/// retire, leave and move (`CentreSlice.advance`, in parallel over
/// centres), then hires and trainees are placed where the gaps and the
/// supervisors are.
extension ReplicationEngine {
  /// Year index `t`: every centre's own changes, then movers, then this
  /// year's hires (gap-filling decisions first) and trainee intake.
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
    var byGap = IndexedMaxHeap(keys: gaps)
    for k in 0..<arrivals[t] {
      let c = byGap.top!
      byGap.lower(c, to: byGap.keys[c] - plan.hireFTE)
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
      var bySupervisors = IndexedMaxHeap(keys: (0..<n).map { key($0, traineeFTE[$0]) })
      let limit = w.maxTraineesPerSpecialistFTE
      for k in 0..<intake {
        let best = bySupervisors.top!
        // The top has the fewest trainees per specialist FTE after one
        // more; if it has no room, no centre has.
        if traineeFTE[best] + plan.traineeFTE > limit * specFTE[best] + 1e-9 {
          events[0].intakeDeclined += Double(intake - k)
          break
        }
        traineeFTE[best] += plan.traineeFTE
        bySupervisors.lower(best, to: key(best, traineeFTE[best]))
        members[best].append(newMember(role: .gpTrainee, fte: plan.traineeFTE, age: plan.traineeAgeYears, year: year, kind: 2, t: t, k: k))
        events[best].intake += 1
      }
    }
  }

  /// Runs `body` on every centre's slice of state, on all cores when the
  /// run is allowed to (`Parallel.update`). Each centre touches only its
  /// own members, counts and events, so the order does not matter.
  mutating func forEachCentre(_ body: @Sendable (inout CentreSlice, Int) -> Void) {
    let n = p.centres.count
    var slices = (0..<n).map { i in
      CentreSlice(members: members[i], counts: counts[i], events: events[i], centre: p.centres[i], w: w, plan: plan, stochastic: stochastic)
    }
    Parallel.update(&slices, threads: parallel ? Parallel.defaultThreads : 1, body)
    for i in 0..<n {
      members[i] = slices[i].members
      counts[i] = slices[i].counts
      events[i] = slices[i].events
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
