import Foundation

/// The day loop: each open day, contacts out of patience leave, the backlog
/// and the triage line are served, the day's arrivals are drawn and
/// booked, reserved slots left over are released, and overflow is counted.
extension CentreRun {
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
      checkInvariants(endOf: d)
    }
    t.unservedDoctorContacts = plannedQueue.live + acuteQueue.live + triage.waitingCount
  }
}
