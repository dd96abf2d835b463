import Foundation

/// The state of one replication of `CentreSimulation`: struct-of-arrays,
/// mutated through `mutating` methods so that every access is statically
/// exclusive (nested closures over local arrays cost a dynamic exclusivity
/// check per access, which measured at a quarter of the run time).
struct CentreRun {
  let p: SimulationParameters
  let patients: PatientTable
  let assignment: PatientAssignment
  /// Open days (warm-up included), clinicians, doctors, patients.
  let D: Int, C: Int, nd: Int, n: Int
  /// The first measured open day: contacts that arose before it (the
  /// warm-up) are not counted, nor are days, slots and overflow before it.
  let measureFrom: Int
  let openPerYear: Double
  let isDoctor: [Bool]
  /// Clinician index of each doctor (local index 0..<nd).
  let doctorClinician: [Int]
  let holdsPanel: [Bool]
  /// Present (1) or away (0), clinician-major: `presence[c * D + d]`.
  var presence: [UInt8]
  /// Free doctor slots per doctor and day, doctor-major, in two pools.
  var acuteFree: [UInt16]
  var plannedFree: [UInt16]
  var slotsOnDay: [Int32]
  /// Per doctor: every day before it (from today) has no free slot of any
  /// kind / no free planned slot. Slots are only ever taken, so these only
  /// move forward.
  var firstAny: [Int]
  var firstPlanned: [Int]
  /// Team members of each profession with cumulative FTE.
  let nurses: [Int], nurseCumulative: [Double]
  let others: [Int], otherCumulative: [Double]

  // Demand.
  let pDoctor: Double, pNurse: Double, taskShare: Double
  /// Share of arising doctor contacts that are acute (before triage).
  let acuteShareArising: Double
  var rate: [Float]
  var nextTime: [Double]
  var nextInBucket: [Int32]
  var bucketHead: [Int32]
  var fixedLocal: [Int32]
  /// Doctors each patient has seen, one bit per local doctor index (mod 64).
  var seen: [UInt64]
  var rng: Xoshiro256

  // Booking.
  let horizon: Int, plannedTol: Int, acuteTol: Int, guarantee: Int, preferPrevious: Bool
  /// Open days after arising by which a planned / acute contact must be
  /// booked (tolerance + patience); a day later it has gone elsewhere.
  let plannedLimit: Int, acuteLimit: Int
  /// Today's failed searches: on `failAcuteDay` no acute search with a last
  /// day up to `failAcuteThrough` can succeed (slots are only ever taken,
  /// and an acute contact may use every slot a planned one may); the same
  /// for planned searches.
  var failAcuteDay = -1, failAcuteThrough = -1
  var failPlannedDay = -1, failPlannedThrough = -1
  /// True in the end-of-day pass, when planned contacts may take the
  /// reserved acute slots left unused today.
  var releasing = false
  /// Waiting doctor contacts: acute ones are retried before planned ones.
  var plannedQueue = DoctorBacklog()
  var acuteQueue = DoctorBacklog()

  // Nurse triage of acute contacts.
  var triage: NurseTriage
  let triageOn: Bool
  let triagedShare: Double, resolvedShare: Double
  var fixedArrivals: [Int32]

  // The visit log, in booking order.
  var logPatient: [Int32] = []
  var logDay: [Int32] = []
  var logProvider: [Int32] = []

  var t = SimulationTallies()

  init(simulation sim: CentreSimulation, seed: UInt64, stream: [UInt64]) {
    p = sim.parameters
    patients = sim.patients
    let warmUp = max(0, p.warmUpYears)
    let cal = SimulationCalendar(years: warmUp + p.years, publicHolidayDaysPerYear: p.workingTime.publicHolidayDaysPerYear)
    D = cal.openDays
    measureFrom = warmUp * cal.openDaysPerYear
    let clinicians = sim.centre.clinicians
    C = clinicians.count
    n = patients.count
    openPerYear = Double(cal.openDaysPerYear)
    isDoctor = clinicians.map { $0.role.isDoctor }

    var rngAssign = Xoshiro256(seed: seed, stream: stream + [0])
    assignment = sim.assignmentOverride ?? PatientAssignment.assign(
      patients: patients, clinicians: clinicians, policy: p.assignment, parameters: sim.capacityParameters, using: &rngAssign)
    t.coverage = assignment.coverage(of: patients)

    doctorClinician = clinicians.indices.filter { clinicians[$0].role.isDoctor }
    nd = doctorClinician.count
    var localOf = [Int32](repeating: -1, count: C)
    for (j, c) in doctorClinician.enumerated() { localOf[c] = Int32(j) }
    precondition(assignment.doctorOf.count == n && assignment.capacity.count == C,
                 "assignmentOverride must cover this centre's patients and clinicians")
    let perDay = sim.slotsPerPresentDay(load: assignment.load, calendar: cal)
    precondition(perDay.count == C, "slotsPerPresentDayOverride needs one value per clinician")
    presence = []
    presence.reserveCapacity(C * D)
    for (i, c) in clinicians.enumerated() {
      var r = Xoshiro256(seed: seed, stream: stream + [1, UInt64(i)])
      presence += cal.presence(for: c, workingTime: p.workingTime, absences: p.absences, using: &r)
    }

    acuteFree = [UInt16](repeating: 0, count: nd * D)
    plannedFree = [UInt16](repeating: 0, count: nd * D)
    slotsOnDay = [Int32](repeating: 0, count: nd * D)
    let reserved = min(1, max(0, p.booking.acuteReservedShare))
    let doctorIndices = doctorClinician
    t.doctorIds = doctorIndices.map { clinicians[$0].id }
    t.doctorSlotsOffered = [Int](repeating: 0, count: nd)
    t.doctorSlotsUsed = [Int](repeating: 0, count: nd)
    for j in 0..<nd {
      let ci = doctorClinician[j]
      let s = perDay[ci].isFinite ? max(0, perDay[ci]) : 0
      var carry = 0.5
      for d in 0..<D where presence[ci * D + d] != 0 {
        let total = min(Double(UInt16.max), (carry + s).rounded(.down))
        carry = min(1, carry + s - total)
        let k = Int(total)
        let a = Int((Double(k) * reserved).rounded())
        acuteFree[j * D + d] = UInt16(a)
        plannedFree[j * D + d] = UInt16(k - a)
        slotsOnDay[j * D + d] = Int32(k)
        if d >= measureFrom {
          t.slotsOffered += k
          t.doctorSlotsOffered[j] += k
        }
      }
    }
    let capacity = assignment.capacity
    let doctorsList = doctorClinician
    holdsPanel = (0..<nd).map { capacity[doctorsList[$0]] > 0 }
    firstAny = [Int](repeating: 0, count: nd)
    firstPlanned = [Int](repeating: 0, count: nd)

    func team(_ role: ClinicianRole) -> ([Int], [Double]) {
      let m = clinicians.indices.filter { clinicians[$0].role == role }
      var acc = 0.0
      return (m, m.map { acc += max(clinicians[$0].fte, 1e-6); return acc })
    }
    (nurses, nurseCumulative) = team(.nurse)
    (others, otherCumulative) = team(.otherProfession)

    let tp = p.triage
    let perFTE = tp.assessmentsPerNurseFTEPerDay.isFinite ? max(0, tp.assessmentsPerNurseFTEPerDay) : 0
    triageOn = !nurses.isEmpty && perFTE > 0 && tp.triagedShare > 0
    triagedShare = min(1, max(0, tp.triagedShare))
    resolvedShare = min(1, max(0, tp.resolvedShare))
    var nurseFTEPresent = [Double](repeating: 0, count: triageOn ? D : 0)
    if triageOn {
      for m in nurses {
        let f = max(0, clinicians[m].fte)
        for d in 0..<D where presence[m * D + d] != 0 { nurseFTEPresent[d] += f }
      }
    }
    triage = NurseTriage(capacityPerDay: NurseTriage.capacity(presentFTE: nurseFTEPresent, perFTE: perFTE))

    let dem = p.demand
    let nurseRatio = nurses.isEmpty ? 0 : max(0, dem.nurseContactsPerDoctorContact)
    let otherRatio = others.isEmpty ? 0 : max(0, dem.otherContactsPerDoctorContact)
    // The configured rates are doctor visits *made* (issue 13, finding 2):
    // with triage, a share a'·t·r of the arising doctor contacts are
    // resolved by a nurse, so contacts arise at rate / (1 − a'·t·r), with
    // a' the acute share before triage such that the acute share of the
    // visits made is the configured one: a' = a / (1 − t·r + a·t·r).
    let a = min(1, max(0, dem.acuteShare))
    let resolved = triageOn ? triagedShare * resolvedShare : 0
    let aArising = resolved < 1 ? a / (1 - resolved + a * resolved) : a
    acuteShareArising = aArising
    let doctorFactor = aArising * resolved < 1 ? 1 / (1 - aArising * resolved) : 1
    let perDoctor = doctorFactor + nurseRatio + otherRatio
    pDoctor = doctorFactor / perDoctor
    pNurse = nurseRatio / perDoctor
    taskShare = sim.effectiveTaskSharingShare

    rate = [Float](repeating: 0, count: n)
    nextTime = [Double](repeating: 0, count: n)
    nextInBucket = [Int32](repeating: -1, count: n)
    bucketHead = [Int32](repeating: -1, count: D)
    rng = Xoshiro256(seed: seed, stream: stream + [2])
    // Per band: contacts per open day of a patient with the band's default
    // weight, and that weight (need scaling is relative to it).
    let perOpenDay = perDoctor / Double(cal.openDaysPerYear)
    let bandRate = AgeBand.allCases.map { dem.doctorVisitsPerYear(ageBand: $0.index, needWeight: DemandDefaults.defaultNeedWeight(for: $0)) * perOpenDay }
    let bandWeight = AgeBand.allCases.map { DemandDefaults.defaultNeedWeight(for: $0) }
    let scale = dem.scaleByNeedWeight
    var personYears = [Int](repeating: 0, count: bandRate.count)
    for i in 0..<n {
      let band = Int(patients.ageBand[i])
      personYears[band] += 1
      let w = Double(patients.needWeight[i])
      rate[i] = Float(scale && bandWeight[band] > 0 ? bandRate[band] * w / bandWeight[band] : bandRate[band])
      let r = Double(rate[i])
      guard r > 0 && r.isFinite else { continue }
      let first = -log(1 - rng.nextUnit()) / r
      nextTime[i] = first
      if first < Double(D) {
        let d = Int(first)
        nextInBucket[i] = bucketHead[d]
        bucketHead[d] = Int32(i)
      }
    }
    for b in personYears.indices { t.personYearsByBand[b] = Double(personYears[b] * p.years) }
    fixedLocal = [Int32](repeating: -1, count: n)
    for i in 0..<n where assignment.doctorOf[i] >= 0 {
      let l = localOf[Int(assignment.doctorOf[i])]
      if l >= 0 && holdsPanel[Int(l)] { fixedLocal[i] = l }
    }
    seen = [UInt64](repeating: 0, count: n)
    fixedArrivals = [Int32](repeating: 0, count: nd)

    horizon = max(0, p.booking.bookingHorizonDays)
    plannedTol = max(0, p.booking.plannedToleranceDays)
    acuteTol = max(0, p.booking.acuteToleranceDays)
    guarantee = p.booking.acuteAssessmentDays
    preferPrevious = p.booking.preferPreviousDoctor
    plannedLimit = plannedTol + max(0, p.patience.plannedPatienceDays)
    acuteLimit = acuteTol + max(0, p.patience.acutePatienceDays)
    let expected = Int(Double(n) * 2.5 * Double(p.years))
    logPatient.reserveCapacity(expected)
    logDay.reserveCapacity(expected)
    logProvider.reserveCapacity(expected)
  }

  /// Earliest day in today...last with a slot this contact may use: acute
  /// contacts any slot; planned ones planned slots, and today's reserved
  /// acute slots too in the end-of-day release.
  @inline(__always)
  mutating func earliest(_ j: Int, _ today: Int, _ last: Int, acute: Bool) -> Int? {
    guard last >= today else { return nil }
    let base = j * D
    if acute {
      var d = max(today, firstAny[j])
      while d <= last && acuteFree[base + d] == 0 && plannedFree[base + d] == 0 { d += 1 }
      firstAny[j] = d
      return d <= last ? d : nil
    }
    if plannedFree[base + today] != 0 || (releasing && acuteFree[base + today] != 0) { return today }
    var d = max(today + 1, firstPlanned[j])
    while d <= last && plannedFree[base + d] == 0 { d += 1 }
    firstPlanned[j] = d
    return d <= last ? d : nil
  }

  /// Books a doctor contact of `patient` that arose on `arrival`: the fixed
  /// doctor within tolerance, else a doctor seen before within tolerance,
  /// else the earliest slot of any doctor within the booking horizon and
  /// the contact's patience (ties at random). False when nothing is free:
  /// the contact goes to the backlog. `triaged`: the contact was already
  /// assessed by a nurse, so this visit is not its first assessment.
  mutating func bookDoctor(_ patient: Int, arrival: Int, today: Int, acute: Bool, triaged: Bool) -> Bool {
    let lastAny = min(D - 1, today + horizon, arrival + (acute ? acuteLimit : plannedLimit))
    guard lastAny >= today else { return false }
    // A search that failed earlier today over a range at least as long
    // fails again: slots are only ever taken.
    if failAcuteDay == today && lastAny <= failAcuteThrough { return false }
    if !acute && failPlannedDay == today && lastAny <= failPlannedThrough { return false }
    let lastPreferred = min(lastAny, arrival + (acute ? acuteTol : plannedTol))
    var chosen = -1, day = Int.max
    let f = Int(fixedLocal[patient])
    if f >= 0, let d = earliest(f, today, lastPreferred, acute: acute) {
      chosen = f
      day = d
    }
    if chosen < 0 && preferPrevious && seen[patient] != 0 && lastPreferred >= today {
      var ties = 0
      var m = seen[patient]
      while m != 0 {
        let j = m.trailingZeroBitCount
        m &= m - 1
        guard j < nd, j != f, let d = earliest(j, today, lastPreferred, acute: acute) else { continue }
        if d < day {
          day = d
          chosen = j
          ties = 1
        } else if d == day {
          ties += 1
          if rng.nextIndex(ties) == 0 { chosen = j }
        }
      }
    }
    if chosen < 0 {
      var ties = 0
      for j in 0..<nd {
        guard let d = earliest(j, today, min(lastAny, day), acute: acute) else { continue }
        if d < day {
          day = d
          chosen = j
          ties = 1
        } else if d == day {
          ties += 1
          if rng.nextIndex(ties) == 0 { chosen = j }
        }
      }
    }
    guard chosen >= 0 else {
      if acute {
        failAcuteThrough = failAcuteDay == today ? max(failAcuteThrough, lastAny) : lastAny
        failAcuteDay = today
      } else {
        failPlannedThrough = failPlannedDay == today ? max(failPlannedThrough, lastAny) : lastAny
        failPlannedDay = today
      }
      return false
    }
    let k = chosen * D + day
    // Acute contacts use the reserved pool first; planned ones the planned
    // pool, and the reserved pool only in the end-of-day release.
    if acute {
      if acuteFree[k] > 0 { acuteFree[k] -= 1 } else { plannedFree[k] -= 1 }
    } else if plannedFree[k] > 0 {
      plannedFree[k] -= 1
    } else {
      acuteFree[k] -= 1
    }
    if day >= measureFrom {
      t.slotsUsed += 1
      t.doctorSlotsUsed[chosen] += 1
    }
    let wait = day - arrival
    if arrival >= measureFrom {
      t.waitHistogram[min(wait, SimulationTallies.waitBins - 1)] += 1
    }
    if acute && arrival >= measureFrom {
      t.acuteBooked += 1
      if wait <= guarantee { t.acuteWithinGuarantee += 1 }
      if !triaged {
        t.acuteAssessed += 1
        if wait <= guarantee { t.acuteAssessedWithinGuarantee += 1 }
      }
    }
    seen[patient] |= 1 &<< UInt64(chosen & 63)
    logPatient.append(Int32(patient))
    logDay.append(Int32(day))
    logProvider.append(Int32(doctorClinician[chosen]))
    return true
  }

  /// Books a nurse (or other) contact with the patient's usual member of
  /// the profession if present, else a random one present, on the first
  /// day someone is. No slot limit.
  mutating func bookTeam(_ patient: Int, today: Int, nurse: Bool) {
    let members = nurse ? nurses : others
    let cumulative = nurse ? nurseCumulative : otherCumulative
    // The usual member: an FTE-weighted pick fixed by the patient's row
    // (a multiplicative hash), so it needs no per-patient storage.
    let h = Double(UInt32(truncatingIfNeeded: UInt64(patient) &* 0x9E37_79B1)) * 0x1p-32
    let u = h * cumulative[cumulative.count - 1]
    var usual = 0
    while usual < members.count - 1 && cumulative[usual] <= u { usual += 1 }
    for d in today..<D {
      var who = -1
      if presence[members[usual] * D + d] != 0 {
        who = members[usual]
      } else {
        var ties = 0
        for m in members where presence[m * D + d] != 0 {
          ties += 1
          if rng.nextIndex(ties) == 0 { who = m }
        }
      }
      if who >= 0 {
        logPatient.append(Int32(patient))
        logDay.append(Int32(d))
        logProvider.append(Int32(who))
        return
      }
    }
  }

  /// Puts a doctor contact in its queue.
  mutating func enqueueDoctor(_ patient: Int, arrival: Int, kind: UInt8) {
    if kind == 0 {
      plannedQueue.append(patient: patient, arrival: arrival, kind: 0)
    } else {
      acuteQueue.append(patient: patient, arrival: arrival, kind: kind)
    }
  }

  /// Waiting contacts whose last acceptable day was yesterday go elsewhere,
  /// having waited exactly their tolerance + patience. Planned contacts are
  /// sorted by arrival, so those leaving are at the front.
  mutating func leaveBacklog(today d: Int) {
    let lastPlanned = Int32(d - 1 - plannedLimit)
    var b = plannedQueue.head
    while b < plannedQueue.patient.count && plannedQueue.arrival[b] <= lastPlanned {
      if plannedQueue.patient[b] >= 0 {
        plannedQueue.remove(b)
        if Int(plannedQueue.arrival[b]) >= measureFrom {
          t.wentElsewherePlanned += 1
          t.wentElsewhereWaitDays += plannedLimit
        }
      }
      b += 1
    }
    plannedQueue.head = b
    plannedQueue.trim()
    let lastAcute = Int32(d - 1 - acuteLimit)
    for b in acuteQueue.head..<acuteQueue.patient.count where acuteQueue.patient[b] >= 0 && acuteQueue.arrival[b] <= lastAcute {
      acuteQueue.remove(b)
      guard Int(acuteQueue.arrival[b]) >= measureFrom else { continue }
      t.wentElsewhereAcute += 1
      t.wentElsewhereAcuteAwaitingDoctor += 1
      t.wentElsewhereWaitDays += acuteLimit
      if acuteQueue.kind[b] == 1 { t.acuteLeftUnassessed += 1 }
    }
    acuteQueue.trim()
  }

  /// The latest day on which today's failed searches rule out a slot for a
  /// contact of this kind (−1 if none failed today).
  @inline(__always)
  func failedThrough(today d: Int, acute: Bool) -> Int {
    let a = failAcuteDay == d ? failAcuteThrough : -1
    guard !acute else { return a }
    return max(a, failPlannedDay == d ? failPlannedThrough : -1)
  }

  /// Retries the waiting contacts, acute ones first, each queue in order.
  /// Booked entries are marked −1. In the planned queue (sorted by
  /// arrival, so by last acceptable day) a run of entries that today's
  /// failed searches already rule out is skipped at once.
  mutating func retryBacklog(today d: Int) {
    let lastDay = min(D - 1, d + horizon)
    if !releasing {
      var b = acuteQueue.head
      while b < acuteQueue.patient.count && failedThrough(today: d, acute: true) < lastDay {
        let who = acuteQueue.patient[b]
        if who >= 0 {
          let k = acuteQueue.kind[b]
          if bookDoctor(Int(who), arrival: Int(acuteQueue.arrival[b]), today: d, acute: true, triaged: k == 2) {
            acuteQueue.remove(b)
          }
        }
        b += 1
      }
      acuteQueue.trim()
    }
    var b = plannedQueue.head
    while b < plannedQueue.patient.count {
      let through = failedThrough(today: d, acute: false)
      if through >= lastDay { break }
      let arrival = Int(plannedQueue.arrival[b])
      if arrival + plannedLimit <= through {
        b = plannedQueue.firstArriving(after: Int32(through - plannedLimit), from: b)
        continue
      }
      let who = plannedQueue.patient[b]
      if who >= 0 && bookDoctor(Int(who), arrival: arrival, today: d, acute: false, triaged: false) {
        plannedQueue.remove(b)
      }
      b += 1
    }
    plannedQueue.trim()
  }

  /// An acute contact assessed by nurse triage today: resolved by the
  /// nurse (a nurse contact) or passed on to a doctor.
  mutating func assessTriaged(_ patient: Int, arrival: Int, today d: Int) {
    let counted = arrival >= measureFrom
    if counted {
      t.acuteTriaged += 1
      t.acuteAssessed += 1
      if d - arrival <= guarantee { t.acuteAssessedWithinGuarantee += 1 }
    }
    if rng.nextUnit() < resolvedShare {
      if counted {
        t.acuteResolvedByNurse += 1
        t.nurseContacts += 1
      }
      bookTeam(patient, today: d, nurse: true)
    } else {
      // Passed on: from today this is demand for the patient's fixed doctor.
      let f = Int(fixedLocal[patient])
      if f >= 0 { fixedArrivals[f] += 1 }
      if !bookDoctor(patient, arrival: arrival, today: d, acute: true, triaged: true) {
        enqueueDoctor(patient, arrival: arrival, kind: 2)
      }
    }
  }

  /// The day loop: backlog first, then the day's bucket of patients, then
  /// the end-of-day release of reserved slots, then the overflow count.
  mutating func simulateDays() {
    let acuteShare = acuteShareArising
    for d in 0..<D {
      let counting = d >= measureFrom
      // Contacts out of patience go elsewhere; then yesterday's unbooked
      // contacts first, in arrival order; then those waiting for triage.
      leaveBacklog(today: d)
      while let x = triage.dropWaiting(arrivedOnOrBefore: Int32(d - 1 - acuteLimit)) {
        guard Int(x.arrival) >= measureFrom else { continue }
        t.wentElsewhereAcute += 1
        t.acuteLeftUnassessed += 1
        t.wentElsewhereWaitDays += d - 1 - Int(x.arrival)
      }
      retryBacklog(today: d)
      triage.open(day: d)
      while let x = triage.nextWaiting() { assessTriaged(Int(x.patient), arrival: Int(x.arrival), today: d) }
      var i = bucketHead[d]
      while i >= 0 {
        let pi = Int(i)
        let following = nextInBucket[pi]
        let r = Double(rate[pi])
        var time = nextTime[pi]
        repeat {
          let u = rng.nextUnit()
          if u < pDoctor {
            if counting { t.doctorDemandByBand[Int(patients.ageBand[pi])] += 1 }
            if taskShare > 0 && rng.nextUnit() < taskShare {
              if counting { t.nurseContacts += 1 }
              bookTeam(pi, today: d, nurse: true)
            } else {
              if counting { t.doctorContacts += 1 }
              let acute = rng.nextUnit() < acuteShare
              if acute && counting { t.acuteContacts += 1 }
              if acute && triageOn && rng.nextUnit() < triagedShare {
                if triage.arrive(patient: Int32(pi), day: Int32(d)) { assessTriaged(pi, arrival: d, today: d) }
              } else {
                // Demand for the fixed doctor (Green, Savin and Murray):
                // contacts needing a doctor, triaged ones when passed on.
                let f = Int(fixedLocal[pi])
                if f >= 0 { fixedArrivals[f] += 1 }
                if !bookDoctor(pi, arrival: d, today: d, acute: acute, triaged: false) {
                  enqueueDoctor(pi, arrival: d, kind: acute ? 1 : 0)
                }
              }
            }
          } else if u < pDoctor + pNurse {
            if counting { t.nurseContacts += 1 }
            bookTeam(pi, today: d, nurse: true)
          } else {
            if counting { t.otherContacts += 1 }
            bookTeam(pi, today: d, nurse: false)
          }
          time += -log(1 - rng.nextUnit()) / r
        } while time < Double(d + 1)
        nextTime[pi] = time
        if time < Double(D) {
          let bucket = Int(time)
          nextInBucket[pi] = bucketHead[bucket]
          bucketHead[bucket] = i
        }
        i = following
      }

      // End of the day: reserved acute slots nobody needed go to planned
      // contacts still waiting (unless even acute searches found nothing).
      if !(failAcuteDay == d && failAcuteThrough >= d) && plannedQueue.live > 0 {
        releasing = true
        failPlannedDay = -1
        retryBacklog(today: d)
        releasing = false
      }

      // Overflow (Green, Savin and Murray 2007), the one definition
      // (`OverflowFrequency`): a panel-holding doctor's working day on
      // which the day's demand for that doctor exceeds the doctor's slots.
      // Days away are not working days and do not count.
      if counting {
        for j in 0..<nd where holdsPanel[j] && presence[doctorClinician[j] * D + d] != 0 {
          t.doctorDays += 1
          if fixedArrivals[j] > slotsOnDay[j * D + d] { t.doctorOverflowDays += 1 }
        }
        t.openDays += 1
      }
      for j in 0..<nd { fixedArrivals[j] = 0 }
    }
    t.unservedDoctorContacts = plannedQueue.live + acuteQueue.live + triage.waitingCount
  }

  /// Sorts the visit log by patient, then day (two stable counting sorts),
  /// and feeds each patient's visits in date order to one
  /// `ContinuityStatistics` per scope.
  mutating func computeContinuity() {
    let windowStart: Int32 = Int32(max(measureFrom, p.continuity.windowMonths.map {
      max(0, D - Int((Double($0) / 12 * openPerYear).rounded()))
    } ?? 0))
    // Counting sort by patient (stable: booking order within a patient),
    // then a per-patient insertion sort by day, which is nearly free: a
    // patient has a handful of visits, mostly booked in date order.
    let v = logPatient.count
    var pStart = [Int32](repeating: 0, count: n + 1)
    for k in 0..<v where logDay[k] >= windowStart { pStart[Int(logPatient[k]) + 1] += 1 }
    for i in 0..<n { pStart[i + 1] += pStart[i] }
    var order = [Int32](repeating: 0, count: Int(pStart[n]))
    var fillAt = pStart
    for k in 0..<v where logDay[k] >= windowStart {
      let i = Int(logPatient[k])
      order[Int(fillAt[i])] = Int32(k)
      fillAt[i] += 1
    }
    for i in 0..<n {
      let a = Int(pStart[i]), b = Int(pStart[i + 1])
      guard b - a >= 2 else { continue }
      for x in (a + 1)..<b {
        let key = order[x]
        let day = logDay[Int(key)]
        var y = x
        while y > a && logDay[Int(order[y - 1])] > day {
          order[y] = order[y - 1]
          y -= 1
        }
        order[y] = key
      }
    }
    var counts = [Int32](repeating: 0, count: C)
    let minVisits = max(2, p.continuity.minimumVisits)
    for i in 0..<n {
      let a = Int(pStart[i]), b = Int(pStart[i + 1])
      guard b - a >= minVisits else { continue }
      let fixed = Int(assignment.doctorOf[i])
      var doc = ContinuityStatistics(), all = ContinuityStatistics()
      var lastDoc = -1, lastAll = -1
      for o in a..<b {
        let c = Int(logProvider[Int(order[o])])
        let before = counts[c]
        all.record(countBefore: before, sameAsPrevious: c == lastAll, withFixedDoctor: c == fixed)
        lastAll = c
        if isDoctor[c] {
          // A doctor's count is the same in both scopes: only doctor visits reach it.
          doc.record(countBefore: before, sameAsPrevious: c == lastDoc, withFixedDoctor: c == fixed)
          lastDoc = c
        }
        counts[c] = before + 1
      }
      for o in a..<b { counts[Int(logProvider[Int(order[o])])] = 0 }
      if Int(doc.visits) >= minVisits { CentreSimulation.add(doc, scope: 0, hasFixedDoctor: fixed >= 0, to: &t) }
      if Int(all.visits) >= minVisits { CentreSimulation.add(all, scope: 1, hasFixedDoctor: fixed >= 0, to: &t) }
    }
  }
}
