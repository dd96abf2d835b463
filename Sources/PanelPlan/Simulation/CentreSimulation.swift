import Foundation

/// The visit-level simulation of one care centre (issue 5).
///
/// Build once per centre and parameters, then run any number of
/// replications; a run depends only on `(seed, stream)`, never on the
/// thread that runs it.
///
/// ```swift
/// let sim = CentreSimulation(centre: ExampleCentre.make(), parameters: .init(years: 2))
/// let r = sim.run(seed: 1, stream: [0, 0, 0])
/// r.coc(scope: 0)            // mean doctor COC
/// r.assessedWithin3Days
/// ```
///
/// The model, per run:
/// - Fixed doctors by `PatientAssignment` (stream path + [0]).
/// - Each clinician's calendar by `SimulationCalendar.presence` (path +
///   [1, clinician]); doctor slots per present day = annual visit slots /
///   expected present days, where annual visit slots = (patient minutes −
///   assigned need-weighted panel × indirect minutes per patient-year) /
///   (minutes per visit × the role's time factor + indirect minutes per
///   visit), as in `WorkingTimeCapacity`. Fractions carry from day to day.
///   `acuteReservedShare` of each day's slots is held for acute contacts.
/// - Each patient's contacts are a Poisson process in open-day time with
///   rate (doctor rate) × (1 + nurse ratio + other ratio) / open days per
///   year, each contact marked doctor, nurse or other (path + [2]). Events
///   are drawn one at a time and bucketed by day: a day's work is the
///   patients in its bucket, never a loop over everyone.
/// - Doctor contacts are booked: the fixed doctor if a slot is free within
///   the tolerance (acute or planned), else a doctor seen before (if
///   `preferPreviousDoctor`), else the earliest free slot of any doctor
///   (ties broken at random) within the booking horizon, else the backlog,
///   retried first thing each open day.
/// - Nurse and other contacts go to the patient's usual team member of that
///   profession when present, else to a random one present; team members
///   have no slot limit (an approximation).
/// - After the horizon, visits are sorted by patient and day and fed to
///   `ContinuityStatistics`, one per patient and scope.
public struct CentreSimulation: Sendable {
  /// The centre simulated.
  public let centre: CareCentre
  /// The parameters.
  public let parameters: SimulationParameters
  /// The expanded population.
  public let patients: PatientTable
  /// When set, doctor slots per present day by clinician index (0 for
  /// non-doctors), replacing the working-time computation: for what-ifs and
  /// for tests that need an exact slot count.
  public var slotsPerPresentDayOverride: [Double]?
  /// When set, the assignment to use instead of drawing one.
  public var assignmentOverride: PatientAssignment?

  public init(centre: CareCentre, parameters: SimulationParameters) {
    self.centre = centre
    self.parameters = parameters
    patients = PatientTable(population: centre.population, clinicians: centre.clinicians)
  }

  /// Doctor slots per present day for each clinician (0 for nurses and
  /// other professions), given the need-weighted panel each holds.
  public func slotsPerPresentDay(load: [Double], calendar: SimulationCalendar) -> [Double] {
    if let o = slotsPerPresentDayOverride { return o }
    let w = parameters.workingTime
    return centre.clinicians.enumerated().map { i, c in
      guard c.role.isDoctor else { return 0 }
      let b = WorkingTimeCapacity.breakdown(for: c, parameters: w)
      let perVisit = w.minutesPerVisit * WorkingTimeCapacity.visitTimeFactor(for: c, parameters: w) + w.indirectMinutesPerVisit
      guard perVisit > 0 else { return 0 }
      let minutes = max(0, b.patientHours * 60 - (i < load.count ? load[i] : 0) * w.indirectMinutesPerPatientYear)
      return minutes / perVisit / calendar.expectedPresentDaysPerYear(for: c, workingTime: w, absences: parameters.absences)
    }
  }

  /// Runs one replication.
  ///
  /// - Parameters:
  ///   - seed: the seed of every random stream.
  ///   - stream: the path identifying this run, e.g. [scenario,
  ///     replication, centre].
  /// - Complexity: O(p · d + v log 1 + D · c), where p is patients, d
  ///   doctors (assignment), v contacts, D open days and c clinicians.
  public func run(seed: UInt64, stream: [UInt64]) -> SimulationResult {
    let p = parameters
    let cal = SimulationCalendar(years: p.years, publicHolidayDaysPerYear: p.workingTime.publicHolidayDaysPerYear)
    let D = cal.openDays
    let clinicians = centre.clinicians
    let C = clinicians.count
    let n = patients.count
    var t = SimulationTallies()

    // Assignment.
    var rngAssign = Xoshiro256(seed: seed, stream: stream + [0])
    let assignment = assignmentOverride ?? PatientAssignment.assign(
      patients: patients, clinicians: clinicians, policy: p.assignment, parameters: p.capacity, using: &rngAssign)
    t.coverage = assignment.coverage(of: patients)

    // Doctors in local indices 0..<nd; their slot pools per day.
    let doctorClinician = clinicians.indices.filter { clinicians[$0].role.isDoctor }
    let nd = doctorClinician.count
    var localOf = [Int32](repeating: -1, count: C)
    for (j, c) in doctorClinician.enumerated() { localOf[c] = Int32(j) }
    let perDay = slotsPerPresentDay(load: assignment.load, calendar: cal)
    var presence = [[UInt8]]()
    presence.reserveCapacity(C)
    for (i, c) in clinicians.enumerated() {
      var r = Xoshiro256(seed: seed, stream: stream + [1, UInt64(i)])
      presence.append(cal.presence(for: c, workingTime: p.workingTime, absences: p.absences, using: &r))
    }
    var acuteFree = [UInt16](repeating: 0, count: nd * D)
    var plannedFree = [UInt16](repeating: 0, count: nd * D)
    var slotsToday = [Int32](repeating: 0, count: nd * D)
    let reserved = min(1, max(0, p.booking.acuteReservedShare))
    for j in 0..<nd {
      let ci = doctorClinician[j]
      let s = max(0, perDay[ci])
      var carry = 0.5
      for d in 0..<D where presence[ci][d] != 0 {
        let total = min(Double(UInt16.max), (carry + s).rounded(.down))
        carry += s - total
        let k = Int(total)
        let a = Int((Double(k) * reserved).rounded())
        acuteFree[j * D + d] = UInt16(a)
        plannedFree[j * D + d] = UInt16(k - a)
        slotsToday[j * D + d] = Int32(k)
        t.slotsOffered += k
      }
    }
    let holdsPanel = (0..<nd).map { assignment.capacity[doctorClinician[$0]] > 0 }

    // Team members by profession, with cumulative FTE for a usual member.
    func team(_ role: ClinicianRole) -> (members: [Int], cumulative: [Double]) {
      let m = clinicians.indices.filter { clinicians[$0].role == role }
      var acc = 0.0
      let cum = m.map { acc += max(clinicians[$0].fte, 1e-6); return acc }
      return (m, cum)
    }
    let nurses = team(.nurse), others = team(.otherProfession)

    // Demand.
    let dem = p.demand
    let nurseRatio = nurses.members.isEmpty ? 0 : max(0, dem.nurseContactsPerDoctorContact)
    let otherRatio = others.members.isEmpty ? 0 : max(0, dem.otherContactsPerDoctorContact)
    let totalPerDoctor = 1 + nurseRatio + otherRatio
    let pDoctor = 1 / totalPerDoctor
    let pNurse = nurseRatio / totalPerDoctor
    let taskShare = nurses.members.isEmpty ? 0 : min(1, max(0, dem.taskSharingShare))
    let openPerYear = Double(cal.openDaysPerYear)
    var rate = [Float](repeating: 0, count: n)
    var nextTime = [Double](repeating: 0, count: n)
    var nextInBucket = [Int32](repeating: -1, count: n)
    var bucketHead = [Int32](repeating: -1, count: D)
    var rng = Xoshiro256(seed: seed, stream: stream + [2])
    for i in 0..<n {
      let band = Int(patients.ageBand[i])
      t.personYearsByBand[band] += Double(p.years)
      rate[i] = Float(dem.doctorVisitsPerYear(ageBand: band, needWeight: Double(patients.needWeight[i])) * totalPerDoctor / openPerYear)
      let r = Double(rate[i])
      guard r > 0 else { continue }
      let first = -log(1 - rng.nextUnit()) / r
      nextTime[i] = first
      if first < Double(D) {
        let d = Int(first)
        nextInBucket[i] = bucketHead[d]
        bucketHead[d] = Int32(i)
      }
    }
    var fixedLocal = [Int32](repeating: -1, count: n)
    for i in 0..<n where assignment.doctorOf[i] >= 0 {
      let l = localOf[Int(assignment.doctorOf[i])]
      if l >= 0 && holdsPanel[Int(l)] { fixedLocal[i] = l }
    }
    var seen = [UInt64](repeating: 0, count: n)

    // Booking state.
    var firstAny = [Int](repeating: 0, count: nd)
    var firstPlanned = [Int](repeating: 0, count: nd)
    var logPatient: [Int32] = []
    var logDay: [Int32] = []
    var logProvider: [Int32] = []
    let expected = Int(Double(n) * 2.5 * Double(p.years))
    logPatient.reserveCapacity(expected)
    logDay.reserveCapacity(expected)
    logProvider.reserveCapacity(expected)
    var backlogPatient: [Int32] = []
    var backlogArrival: [Int32] = []
    var backlogAcute: [Bool] = []
    var fixedArrivals = [Int32](repeating: 0, count: nd)
    let horizon = max(0, p.booking.bookingHorizonDays)
    let plannedTol = max(0, p.booking.plannedToleranceDays)
    let acuteTol = max(0, p.booking.acuteToleranceDays)
    let guarantee = p.booking.acuteAssessmentDays
    let preferPrevious = p.booking.preferPreviousDoctor

    /// Earliest day in today...last with a slot this contact may use.
    func earliest(_ j: Int, _ today: Int, _ last: Int, acute: Bool) -> Int? {
      guard last >= today else { return nil }
      let base = j * D
      if acute {
        var d = max(today, firstAny[j])
        while d <= last && acuteFree[base + d] == 0 && plannedFree[base + d] == 0 { d += 1 }
        firstAny[j] = d
        return d <= last ? d : nil
      }
      if acuteFree[base + today] != 0 || plannedFree[base + today] != 0 { return today }
      var d = max(today + 1, firstPlanned[j])
      while d <= last && plannedFree[base + d] == 0 { d += 1 }
      firstPlanned[j] = d
      return d <= last ? d : nil
    }

    /// Books a doctor contact of `patient` that arose on `arrival`; false
    /// when no slot is free within the booking horizon.
    func bookDoctor(_ patient: Int, arrival: Int, today: Int, acute: Bool) -> Bool {
      let lastAny = min(D - 1, today + horizon)
      let lastPreferred = min(lastAny, arrival + (acute ? acuteTol : plannedTol))
      var chosen = -1, day = Int.max
      let f = Int(fixedLocal[patient])
      if f >= 0, let d = earliest(f, today, lastPreferred, acute: acute) {
        chosen = f; day = d
      }
      if chosen < 0 && preferPrevious && seen[patient] != 0 && lastPreferred >= today {
        var ties = 0
        var m = seen[patient]
        while m != 0 {
          let j = m.trailingZeroBitCount
          m &= m - 1
          guard j < nd, j != f, let d = earliest(j, today, lastPreferred, acute: acute) else { continue }
          if d < day { day = d; chosen = j; ties = 1 } else if d == day {
            ties += 1
            if rng.nextIndex(ties) == 0 { chosen = j }
          }
        }
      }
      if chosen < 0 {
        var ties = 0
        for j in 0..<nd {
          guard let d = earliest(j, today, min(lastAny, day == Int.max ? lastAny : day), acute: acute) else { continue }
          if d < day { day = d; chosen = j; ties = 1 } else if d == day {
            ties += 1
            if rng.nextIndex(ties) == 0 { chosen = j }
          }
        }
      }
      guard chosen >= 0 else { return false }
      let k = chosen * D + day
      // Acute contacts use the reserved pool first; planned ones use the
      // planned pool, and the reserved pool only on the day itself.
      if acute || day == today {
        if acute ? acuteFree[k] > 0 : plannedFree[k] == 0 { acuteFree[k] -= 1 } else { plannedFree[k] -= 1 }
      } else {
        plannedFree[k] -= 1
      }
      t.slotsUsed += 1
      let wait = day - arrival
      t.waitHistogram[min(wait, SimulationTallies.waitBins - 1)] += 1
      if acute {
        t.acuteBooked += 1
        if wait <= guarantee { t.acuteWithinGuarantee += 1 }
      }
      seen[patient] |= 1 << UInt64(chosen & 63)
      logPatient.append(Int32(patient))
      logDay.append(Int32(day))
      logProvider.append(Int32(doctorClinician[chosen]))
      return true
    }

    func bookTeam(_ patient: Int, today: Int, members: [Int], cumulative: [Double]) {
      // The usual member: a fixed FTE-weighted pick from the patient's row
      // (golden-ratio sequence), so no per-patient storage is needed.
      let u = (Double(patient) * 0.618_033_988_749_894_9).truncatingRemainder(dividingBy: 1) * cumulative[cumulative.count - 1]
      var usual = 0
      while usual < members.count - 1 && cumulative[usual] <= u { usual += 1 }
      for d in today..<D {
        var who = -1
        if presence[members[usual]][d] != 0 { who = members[usual] } else {
          var ties = 0
          for m in members where presence[m][d] != 0 {
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

    // The day loop.
    for d in 0..<D {
      // Yesterday's unbooked contacts first, in arrival order.
      if !backlogPatient.isEmpty {
        var keep = 0
        for b in 0..<backlogPatient.count {
          if !bookDoctor(Int(backlogPatient[b]), arrival: Int(backlogArrival[b]), today: d, acute: backlogAcute[b]) {
            backlogPatient[keep] = backlogPatient[b]
            backlogArrival[keep] = backlogArrival[b]
            backlogAcute[keep] = backlogAcute[b]
            keep += 1
          }
        }
        backlogPatient.removeLast(backlogPatient.count - keep)
        backlogArrival.removeLast(backlogArrival.count - keep)
        backlogAcute.removeLast(backlogAcute.count - keep)
      }
      var arrivals: Int32 = 0
      var i = bucketHead[d]
      while i >= 0 {
        let pi = Int(i)
        let following = nextInBucket[pi]
        let r = Double(rate[pi])
        var time = nextTime[pi]
        repeat {
          let u = rng.nextUnit()
          if u < pDoctor {
            t.doctorDemandByBand[Int(patients.ageBand[pi])] += 1
            if taskShare > 0 && rng.nextUnit() < taskShare {
              t.nurseContacts += 1
              bookTeam(pi, today: d, members: nurses.members, cumulative: nurses.cumulative)
            } else {
              t.doctorContacts += 1
              arrivals += 1
              let f = Int(fixedLocal[pi])
              if f >= 0 { fixedArrivals[f] += 1 }
              let acute = rng.nextUnit() < dem.acuteShare
              if !bookDoctor(pi, arrival: d, today: d, acute: acute) {
                backlogPatient.append(Int32(pi))
                backlogArrival.append(Int32(d))
                backlogAcute.append(acute)
              }
            }
          } else if u < pDoctor + pNurse {
            t.nurseContacts += 1
            bookTeam(pi, today: d, members: nurses.members, cumulative: nurses.cumulative)
          } else {
            t.otherContacts += 1
            bookTeam(pi, today: d, members: others.members, cumulative: others.cumulative)
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
      // Overflow: the day's new doctor contacts against its slots.
      var slots: Int32 = 0
      for j in 0..<nd {
        let s = slotsToday[j * D + d]
        slots += s
        if holdsPanel[j] {
          t.doctorDays += 1
          if fixedArrivals[j] > s { t.doctorOverflowDays += 1 }
        }
        fixedArrivals[j] = 0
      }
      t.openDays += 1
      if arrivals > slots { t.overflowDays += 1 }
    }
    t.unservedDoctorContacts = backlogPatient.count

    continuity(
      into: &t, n: n, D: D, clinicians: clinicians, openPerYear: openPerYear,
      logPatient: logPatient, logDay: logDay, logProvider: logProvider, assignment: assignment)
    return SimulationResult(tallies: t, years: p.years)
  }

  /// Sorts the visit log by patient, then day (two stable counting sorts),
  /// and feeds each patient's visits in date order to one
  /// `ContinuityStatistics` per scope.
  private func continuity(
    into t: inout SimulationTallies, n: Int, D: Int, clinicians: [Clinician], openPerYear: Double,
    logPatient: [Int32], logDay: [Int32], logProvider: [Int32], assignment: PatientAssignment
  ) {
    let windowStart: Int32 = parameters.continuity.windowMonths.map {
      Int32(max(0, D - Int((Double($0) / 12 * openPerYear).rounded())))
    } ?? 0
    let v = logPatient.count
    // By day.
    var start = [Int32](repeating: 0, count: D + 1)
    for k in 0..<v { start[Int(logDay[k]) + 1] += 1 }
    for d in 0..<D { start[d + 1] += start[d] }
    var byDay = [Int32](repeating: 0, count: v)
    for k in 0..<v {
      let d = Int(logDay[k])
      byDay[Int(start[d])] = Int32(k)
      start[d] += 1
    }
    // Then by patient, stable, keeping only the window.
    var pStart = [Int32](repeating: 0, count: n + 1)
    for k in 0..<v where logDay[k] >= windowStart { pStart[Int(logPatient[k]) + 1] += 1 }
    for i in 0..<n { pStart[i + 1] += pStart[i] }
    var order = [Int32](repeating: 0, count: Int(pStart[n]))
    var fillAt = pStart
    for k in byDay where logDay[Int(k)] >= windowStart {
      let i = Int(logPatient[Int(k)])
      order[Int(fillAt[i])] = k
      fillAt[i] += 1
    }
    let isDoctor = clinicians.map { $0.role.isDoctor }
    var counts = [Int32](repeating: 0, count: clinicians.count)
    let minVisits = max(2, parameters.continuity.minimumVisits)
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
      for (s, stats) in [doc, all].enumerated() where Int(stats.visits) >= minVisits {
        let x = stats.indices(hasFixedDoctor: fixed >= 0)
        t.indexPatients[s] += 1
        t.cocSum[s] += x.coc ?? 0
        t.upcSum[s] += x.upc ?? 0
        t.seconSum[s] += x.secon ?? 0
        if let f = x.fixedDoctorShare {
          t.fixedSharePatients[s] += 1
          t.fixedShareSum[s] += f
        }
      }
    }
  }
}
