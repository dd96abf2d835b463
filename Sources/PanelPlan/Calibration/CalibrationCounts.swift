import Foundation

/// Per row patient: doctor, nurse and other contacts, acute and mapped
/// doctor visits, visits with the fixed doctor and with a doctor seen before.
struct CalibrationCounts {
  var doctor: [Int32]
  var nurse: [Int32], other: [Int32]
  var acute: [Int32], mapped: [Int32]
  var withFixed: [Int32], seenBefore: [Int32]

  init(rows: CalibrationRows, listing: CalibrationListing, notes: inout [String]) {
    let n = rows.patients.count
    doctor = [Int32](repeating: 0, count: n)
    (nurse, other, acute, mapped, withFixed, seenBefore) = (doctor, doctor, doctor, doctor, doctor, doctor)
    var unlistedRows = 0
    var doctorRows: [Int32] = []
    for v in rows.patient.indices {
      let p = Int(rows.patient[v])
      if listing.listedOf[p] < 0 { unlistedRows += 1; continue }
      switch rows.profession[v] {
      case CalibrationRows.doctor:
        doctor[p] += 1
        doctorRows.append(Int32(v))
        if rows.type[v] != CalibrationRows.unknownType {
          mapped[p] += 1
          if rows.type[v] == CalibrationRows.acute { acute[p] += 1 }
        }
        let f = listing.fixedRowClinician[p]
        if f >= 0 && rows.clinician[v] == f { withFixed[p] += 1 }
      case CalibrationRows.nurse: nurse[p] += 1
      default: other[p] += 1
      }
    }
    if unlistedRows > 0 {
      notes.append("\(unlistedRows) counted row(s) belong to patients not on the list; left out of every estimate but the doctors' pace and continuity.")
    }
    // Seen before: in time order per patient (file order breaks ties).
    doctorRows.sort { a, b in
      let pa = rows.patient[Int(a)], pb = rows.patient[Int(b)]
      if pa != pb { return pa < pb }
      let ma = rows.minute[Int(a)], mb = rows.minute[Int(b)]
      return ma != mb ? ma < mb : a < b
    }
    var seen: [Int32] = []
    var current: Int32 = -1
    for v in doctorRows {
      let p = rows.patient[Int(v)], c = rows.clinician[Int(v)]
      if p != current { seen.removeAll(keepingCapacity: true); current = p }
      if seen.contains(c) { seenBefore[Int(p)] += 1 } else { seen.append(c) }
    }
  }

  /// The ratio accumulators over listed patients.
  struct Rates {
    /// Doctor visits per need-scaled person-year by band (the estimate),
    /// and plain by band and over all ages (what the validation compares).
    var rate: [RatioEstimate.Accumulator]
    var plain: [RatioEstimate.Accumulator]
    var plainAll = RatioEstimate.Accumulator()
    var acute = RatioEstimate.Accumulator(), nurse = RatioEstimate.Accumulator(), other = RatioEstimate.Accumulator()
    var fixed = RatioEstimate.Accumulator(), seenBefore = RatioEstimate.Accumulator(), hasFixed = RatioEstimate.Accumulator()
  }

  func accumulate(listing: CalibrationListing, windowYears: Double, scaleByNeedWeight scale: Bool) -> Rates {
    let bands = AgeBand.allCases.count
    var r = Rates(rate: .init(repeating: .init(), count: bands), plain: .init(repeating: .init(), count: bands))
    for (i, l) in listing.listed.enumerated() {
      let p = Int(listing.rowOf[i])
      let y = p >= 0 ? Double(doctor[p]) : 0
      r.hasFixed.add(y: l.fixed != nil ? 1 : 0, x: 1)
      guard l.bandKnown else { continue }
      let b = l.profile.ageBand.index
      let reference = DemandDefaults.defaultNeedWeight(for: l.profile.ageBand)
      let w = scale && reference > 0 ? l.profile.needWeight / reference : 1
      // A patient with weight 0 has no exposure and (by the model) no visits.
      r.rate[b].add(y: y, x: windowYears * w)
      r.plain[b].add(y: y, x: windowYears)
      r.plainAll.add(y: y, x: windowYears)
      guard p >= 0 else { continue }
      r.acute.add(y: Double(acute[p]), x: Double(mapped[p]))
      r.nurse.add(y: Double(nurse[p]), x: Double(doctor[p]))
      r.other.add(y: Double(other[p]), x: Double(doctor[p]))
      if l.fixed != nil { r.fixed.add(y: Double(withFixed[p]), x: Double(doctor[p])) }
      r.seenBefore.add(y: Double(seenBefore[p]), x: Double(doctor[p]))
    }
    return r
  }
}
