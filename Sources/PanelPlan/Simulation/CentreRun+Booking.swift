/// Booking: finding a slot for a doctor contact (fixed doctor, a doctor
/// seen before, any doctor) and a team member for a nurse or other contact.
extension CentreRun {
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
    var best = EarliestOffer()
    let f = Int(fixedLocal[patient])
    if f >= 0, let d = earliest(f, today, lastPreferred, acute: acute) {
      best.chosen = f
      best.day = d
    }
    if best.chosen < 0 && preferPrevious && seen[patient] != 0 && lastPreferred >= today {
      var m = seen[patient]
      while m != 0 {
        let j = m.trailingZeroBitCount
        m &= m - 1
        guard j < nd, j != f, let d = earliest(j, today, lastPreferred, acute: acute) else { continue }
        best.offer(j, day: d, rng: &rng)
      }
    }
    if best.chosen < 0 {
      best.ties = 0
      for j in 0..<nd {
        guard let d = earliest(j, today, min(lastAny, best.day), acute: acute) else { continue }
        best.offer(j, day: d, rng: &rng)
      }
    }
    let chosen = best.chosen, day = best.day
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
    logVisit(patient: patient, day: day, provider: doctorClinician[chosen])
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
        logVisit(patient: patient, day: d, provider: who)
        return
      }
    }
  }
}

/// The earliest day offered so far and the doctor who offered it. Doctors
/// offering the same day are chosen among uniformly at random: the k-th tie
/// replaces the choice with probability 1/k (reservoir sampling), so no
/// doctor is favoured by its index.
struct EarliestOffer {
  var day = Int.max
  var chosen = -1
  var ties = 0

  @inline(__always)
  mutating func offer(_ j: Int, day d: Int, rng: inout Xoshiro256) {
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
