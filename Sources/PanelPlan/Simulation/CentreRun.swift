import Foundation

/// The state of one replication of `CentreSimulation`: struct-of-arrays,
/// mutated through `mutating` methods so that every access is statically
/// exclusive (nested closures over local arrays cost a dynamic exclusivity
/// check per access, which measured at a quarter of the run time).
///
/// Laid out as swift-collections lays out its big types: the stored state
/// and its set-up here, the behaviour in one extension per concern:
/// `+Booking` (finding a slot), `+Backlog` (waiting contacts, patience),
/// `+DayLoop` (arrivals, triage, the end of day, overflow), `+VisitLog`
/// (the log and continuity from it) and `+Invariants` (checks compiled
/// only with `-D PANELPLAN_INTERNAL_CHECKS`).
///
/// It knows nothing of `CentreSimulation`: the simulation hands it the
/// inputs it derives (calendar, assignment, slots, task sharing), so the
/// dependency points one way.
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

  /// - Parameters:
  ///   - calendar: the run's open days, warm-up included.
  ///   - assignment: fixed doctors (drawn on stream path + [0] by the caller).
  ///   - slotsPerPresentDay: doctor slots per present day by clinician.
  ///   - taskSharingShare: the centre's effective task-sharing share.
  ///   - stream: the run's path; presence uses path + [1, clinician],
  ///     demand and booking path + [2].
  init(
    parameters: SimulationParameters, clinicians: [Clinician], patients: PatientTable, calendar cal: SimulationCalendar,
    assignment: PatientAssignment, slotsPerPresentDay perDay: [Double], taskSharingShare: Double,
    seed: UInt64, stream: [UInt64]
  ) {
    p = parameters
    self.patients = patients
    let warmUp = max(0, p.warmUpYears)
    D = cal.openDays
    measureFrom = warmUp * cal.openDaysPerYear
    C = clinicians.count
    n = patients.count
    openPerYear = Double(cal.openDaysPerYear)
    isDoctor = clinicians.map { $0.role.isDoctor }

    self.assignment = assignment
    t.coverage = assignment.coverage(of: patients)

    doctorClinician = clinicians.indices.filter { clinicians[$0].role.isDoctor }
    nd = doctorClinician.count
    var localOf = [Int32](repeating: -1, count: C)
    for (j, c) in doctorClinician.enumerated() { localOf[c] = Int32(j) }
    precondition(assignment.doctorOf.count == n && assignment.capacity.count == C,
                 "assignmentOverride must cover this centre's patients and clinicians")
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
    taskShare = taskSharingShare

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
}
