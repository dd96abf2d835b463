import Foundation

/// The estimates of a calibration in the order they are reported: those
/// that set scenario fields, then descriptive ones.
struct CalibrationEstimates {
  var all: [CentreCalibration.Estimate] = []

  mutating func add(_ name: String, _ e: RatioEstimate, countOf: String) {
    all.append(.init(name: name, value: e.value, standardError: e.standardError, count: Int(e.numerator), countOf: countOf, units: e.units))
  }

  /// Doctor visit rates by band, the acute share and the team's contacts
  /// per doctor visit; a default kept where the records say nothing.
  mutating func demand(
    _ r: CalibrationCounts.Rates, base: DemandParameters, acuteValues: Set<String>, plannedValues: Set<String>,
    defaults: inout [String], notes: inout [String]
  ) -> DemandParameters {
    var demand = base
    for b in AgeBand.allCases {
      let e = r.rate[b.index].estimate
      if e.denominator > 0 {
        add("demand.doctorVisitsPerYear.\(b.rawValue)", e, countOf: "doctor visits")
        demand.doctorVisitsPerYear[b.index] = e.value
      } else {
        defaults.append("demand.doctorVisitsPerYear.\(b.rawValue): no listed patients in the band")
      }
    }
    let acuteE = r.acute.estimate
    if acuteE.denominator > 0 {
      add("demand.acuteShare", acuteE, countOf: "acute doctor visits")
      demand.acuteShare = acuteE.value
    } else {
      defaults.append("demand.acuteShare: no contact type mapped to acute or planned")
      notes.append("The acute share keeps its default (\(NumberFormat.machine(base.acuteShare))): no contact_type value says acute (\(acuteValues.sorted().joined(separator: ", "))) or planned (\(plannedValues.sorted().joined(separator: ", "))).")
    }
    let nurseE = r.nurse.estimate, otherE = r.other.estimate
    if nurseE.denominator > 0 {
      add("demand.nurseContactsPerDoctorContact", nurseE, countOf: "nurse contacts")
      demand.nurseContactsPerDoctorContact = nurseE.value
      add("demand.otherContactsPerDoctorContact", otherE, countOf: "other-profession contacts")
      demand.otherContactsPerDoctorContact = otherE.value
    } else {
      defaults.append("demand.nurseContactsPerDoctorContact, demand.otherContactsPerDoctorContact: no doctor visits of listed patients")
    }
    return demand
  }

  /// The doctors' pace and the working time that reproduces it.
  struct Pace {
    /// Doctor visits per doctor-FTE present day.
    var estimate: RatioEstimate
    var workingTime: WorkingTimeParameters
    /// Doctor visits a year by the centre file's doctors.
    var visitsPerYear: Double
  }

  /// Pace over the centre's doctors: visits per doctor-FTE present day (a
  /// present day: at least one visit by the doctor that day); the time per
  /// unit of work is then scaled so the model's slots equal the visits made.
  mutating func pace(
    rows: CalibrationRows, listing: CalibrationListing, centre c: CareCentre, base: SimulationParameters,
    fromDay: Int32, windowYears: Double, defaults: inout [String], notes: inout [String]
  ) -> Pace {
    var paceAcc = RatioEstimate.Accumulator()
    var fteOfClinician = [Double](repeating: -1, count: rows.clinicians.count)
    for k in 0..<rows.clinicians.count {
      if let d = listing.doctorIndex[rows.clinicians.string(Int32(k))] { fteOfClinician[k] = c.clinicians[d].fte }
    }
    var perDoctorDay: [Int64: Int32] = [:]
    var unknownDoctorVisits = 0
    for v in rows.patient.indices where rows.profession[v] == CalibrationRows.doctor {
      let k = rows.clinician[v]
      guard fteOfClinician[Int(k)] >= 0 else { unknownDoctorVisits += 1; continue }
      perDoctorDay[Int64(k) << 32 | Int64(CalibrationRows.day(rows.minute[v]) - fromDay), default: 0] += 1
    }
    // In key order: a dictionary's order changes from run to run, and so would the sums' last bits.
    for key in perDoctorDay.keys.sorted() { paceAcc.add(y: Double(perDoctorDay[key]!), x: fteOfClinician[Int(key >> 32)]) }
    if unknownDoctorVisits > 0 {
      notes.append("\(unknownDoctorVisits) doctor visit(s) were made by clinicians who are not doctors in the centre file; left out of the pace.")
    }
    var workingTime = base.workingTime
    let paceE = paceAcc.estimate
    let doctorDays = perDoctorDay.count
    let visitsPerYear = paceE.numerator / windowYears
    if visitsPerYear > 0, let k = CentreCalibration.solveTimeScale(slotsPerYear: visitsPerYear, centre: c, base: base) {
      workingTime = CentreCalibration.scaled(base.workingTime, by: k)
      // The pace's relative error carries over to the scale (slots ∝ 1 / k
      // when indirect work is small against patient time).
      let se = paceE.value > 0 ? k * paceE.standardError / paceE.value : .nan
      add("workingTime.timeScale", RatioEstimate(value: k, standardError: se, units: doctorDays, numerator: paceE.numerator, denominator: 0),
          countOf: "doctor visits by the centre's doctors")
      for (name, v) in [("minutesPerVisit", workingTime.minutesPerVisit), ("indirectMinutesPerVisit", workingTime.indirectMinutesPerVisit),
                        ("indirectMinutesPerPatientYear", workingTime.indirectMinutesPerPatientYear)] {
        add("workingTime.\(name)", RatioEstimate(value: v, standardError: v / k * se, units: doctorDays, numerator: paceE.numerator, denominator: 0),
            countOf: "doctor visits by the centre's doctors")
      }
      var p = base
      p.workingTime = workingTime
      let modelDays = CentreCalibration.modelDoctorFTEPresentDaysPerYear(centre: c, parameters: p)
      notes.append("Pace: \(NumberFormat.machine((paceE.value * 100).rounded() / 100)) doctor visits per doctor-FTE present day on \(NumberFormat.machine((paceE.denominator / windowYears).rounded())) FTE-days a year in the records; the model's doctors are present \(NumberFormat.machine(modelDays.rounded())) FTE-days a year (absence defaults). The time per visit and per patient (minutes, indirect minutes per visit and per patient-year) is scaled by \(NumberFormat.machine((k * 1000).rounded() / 1000)) so that the year's slots equal the year's \(NumberFormat.machine(visitsPerYear.rounded())) visits (full days, no idle time).")
      if k < 0.5 || k > 2 {
        notes.append("That scale is far from 1: the records' pace is \(NumberFormat.machine((100 / k).rounded() / 100))× what the working-time defaults give these doctors. Check the centre file's FTE and duties, or set working time in a scenario given as --centre.")
      }
    } else {
      defaults.append("workingTime: no visits by the centre file's doctors to set the pace from")
    }
    return Pace(estimate: paceE, workingTime: workingTime, visitsPerYear: visitsPerYear)
  }
}
