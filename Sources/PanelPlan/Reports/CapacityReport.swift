import Foundation

/// Renders a `CentreCapacity` as a table, CSV or JSON.
public enum CapacityReport {
  private typealias F = NumberFormat

  /// A readable report: per doctor, then the unit in both views.
  ///
  /// - Parameters:
  ///   - showHours: also show where each doctor's hours go, and how the
  ///     working-time panel moves with each default (`WorkingTimeSensitivity`).
  ///   - workingTime: the parameters `c` was computed with (for the
  ///     sensitivity table).
  public static func table(_ c: CentreCapacity, showHours: Bool = false, workingTime: WorkingTimeParameters = .standard) -> String {
    let sv = ReportLanguage.current == .sv
    var out = Verdicts.capacity(c) + "\n"
    out += (sv ? "Vårdcentral" : "Care centre") + ": \(c.centreName) (\(c.centreId))\n"
    out += sv
      ? "Listade: \(F.grouped(Double(c.listedCount))) personer, \(F.grouped(c.weightedListed)) vårdtyngdsviktade\n"
      : "Listed: \(F.grouped(Double(c.listedCount))) people, \(F.grouped(c.weightedListed)) need-weighted\n"
    out += sv
      ? "Listningstak i vårdtyngdsviktade patienter: enligt riktvärdet (1 100 per heltidsspecialist, justerat) och enligt arbetstiden.\n\n"
      : "Panels are in need-weighted patients: by the guideline (1,100 per full-time specialist, adjusted) and by working time.\n\n"

    var t = TextTable(headers: [
      "Doctor", "Role", "FTE", "Duties", "Guideline base", "Panel, guideline", "Patient hours/yr", "Panel, working time", "Visit slots/yr", "Assigned",
    ])
    t.alignments[1] = .left
    for d in c.doctors {
      var role = d.clinician.role.label
      if d.clinician.role == .gpTrainee { role += d.clinician.isTraineePastMidTraining ? " (past mid)" : " (before mid)" }
      t.append([
        d.clinician.id, role, F.fixed(d.clinician.fte, decimals: 2), F.percent(d.clinician.duties.total, decimals: 0),
        F.grouped(d.guidelineBasePanel), F.grouped(d.guidelinePanel), F.grouped(d.workingTime.patientHours),
        F.grouped(d.workingTime.panel), F.grouped(d.visitSlotsPerYear), F.grouped(Double(d.assignedPatients)),
      ])
    }
    t.append([
      "Total", "", F.fixed(c.doctors.reduce(0) { $0 + $1.clinician.fte }, decimals: 2), "", "",
      F.grouped(c.guidelineCapacity), F.grouped(c.doctors.reduce(0) { $0 + $1.workingTime.patientHours }),
      F.grouped(c.workingTimeCapacity), F.grouped(c.visitSlotsPerYear),
      F.grouped(Double(c.doctors.reduce(0) { $0 + $1.assignedPatients })),
    ])
    out += t.render()
    out += "Visit slots/yr: after the indirect work of all \(F.grouped(c.weightedListed)) need-weighted listed, shared by patient hours"
    out += " (DoctorSlots; the simulation and sweeps use the same slots).\n\n"

    if showHours {
      out += (sv ? "Vart timmarna går (timmar per år)" : "Where the hours go (hours per year)") + "\n"
      let labels = c.doctors.first?.workingTime.items.map(\.label) ?? []
      var h = TextTable(headers: ["Doctor", "Contracted"] + labels)
      for d in c.doctors {
        h.append([d.clinician.id, F.grouped(d.workingTime.contractedHours)] + d.workingTime.items.map { F.grouped($0.hours) })
      }
      out += h.render() + "\n"
      out += sensitivity(workingTime)
    }

    var u = TextTable(headers: ["Unit", "Guideline view", "Working-time view"])
    u.append(["Capacity (need-weighted patients)", F.grouped(c.guidelineCapacity), F.grouped(c.workingTimeCapacity)])
    u.append(["Guideline ratio (weighted listed / capacity)", F.fixed(c.guidelineRatio, decimals: 2), F.fixed(c.workingTimeRatio, decimals: 2)])
    u.append(["GP specialist FTE missing", F.fixed(c.specialistFTEGap, decimals: 1), F.fixed(c.specialistFTEGapWorkingTime, decimals: 1)])
    u.append(["Share that can be offered a fixed doctor", F.percent(c.shareOfferableGuideline), F.percent(c.shareOfferableWorkingTime)])
    u.append(["Full-time specialist panel (reference)", F.grouped(c.fullTimeSpecialistGuidelinePanel), F.grouped(c.fullTimeSpecialistWorkingTimePanel)])
    out += u.render() + "\n"
    let values = [c.guidelineRatio, c.workingTimeRatio, c.specialistFTEGap, c.specialistFTEGapWorkingTime, c.listedPerSpecialistFTE]
    if values.contains(where: { !$0.isFinite }) {
      out += "–: not defined, because a capacity or the specialist FTE is zero (no doctor time in that view).\n"
    }
    // Issue 13, finding 7: the national figure is per head, this one per FTE.
    if sv {
      out += "Listade per heltidsspecialist: \(F.grouped(c.listedPerSpecialistFTE)) (riktvärde \(F.grouped(1100)) per heltidsspecialist;"
      out += " Sverige 2023: \(F.grouped(2039)) invånare per specialist räknat per person, inte per heltid, så ett tal per heltid blir högre)\n"
      out += "Listade per anställd heltidsläkare: \(F.grouped(c.listedPerDoctorFTE)); hyrläkare \(F.fixed(c.locumFTE, decimals: 2)) heltid; sjuksköterskor och övriga i teamet \(F.fixed(c.teamFTE, decimals: 2)) heltid\n"
    } else {
      out += "Listed per GP specialist FTE: \(F.grouped(c.listedPerSpecialistFTE)) (guideline 1,100 per full-time specialist;"
      out += " Sweden 2023: 2,039 residents per specialist counted per head, not per FTE, so a per-FTE figure is higher)\n"
      out += "Listed per employed doctor FTE: \(F.grouped(c.listedPerDoctorFTE)); locum FTE \(F.fixed(c.locumFTE, decimals: 2)); nurse and team FTE \(F.fixed(c.teamFTE, decimals: 2))\n"
    }
    return out
  }

  /// How the panel of a full-time specialist without duties moves with
  /// each working-time default, with the default's source.
  public static func sensitivity(_ w: WorkingTimeParameters) -> String {
    let rows = WorkingTimeSensitivity.rows(parameters: w)
    guard let base = rows.first?.panel, base > 0 else { return "" }
    var out = "How the working-time panel of a full-time specialist without duties (\(F.grouped(base))) depends on each default\n"
    var t = TextTable(headers: ["workingTime.", "Value", "Source", "−20%", "+20%", "At 0"])
    t.alignments[0] = .left
    t.alignments[2] = .left
    func change(_ x: Double?) -> String {
      guard let x, x.isFinite else { return "–" }
      let d = x / base - 1
      return (d >= 0 ? "+" : "") + F.percent(d, decimals: 1)
    }
    for r in rows {
      t.append([r.name, F.fixed(r.value, decimals: r.value.rounded() == r.value ? 0 : 1) + " " + r.unit, ParameterCatalog.source("workingTime." + r.name),
                change(r.panelMinus20Percent), change(r.panelPlus20Percent), change(r.panelAtZero)])
    }
    out += t.render()
    let reference = Clinician(id: "", role: .gpSpecialist, fte: 1)
    let open = SimulationCalendar.openDaysPerYear(publicHolidayDaysPerYear: w.publicHolidayDaysPerYear)
    let slots = DoctorSlots(clinicians: [reference], panels: [base], weightedListed: base, workingTime: w, openDaysPerYear: open)
    let overflow = OverflowFrequency.doctor(
      panel: base, visitsPerPatientYear: w.visitsPerPatientYear, openDaysPerYear: Double(open),
      slotsPerPresentDay: slots.slotsPerPresentDay[0])
    out += "At this panel supply equals demand (Murray 2007): the doctor's slots are 100% of the visits the panel makes"
    out += " on average, and demand exceeds slots on \(F.percent(overflow)) of working days"
    out += " (Green, Savin and Murray 2007, exact Poisson tail).\n\n"
    return out
  }

  /// Column names of the CSV, in order.
  public static let csvColumns = [
    "scope", "id", "role", "fte", "duties_share", "guideline_base_panel", "guideline_panel",
    "contracted_hours_per_year", "patient_hours_per_year", "minutes_per_patient_year", "time_panel",
    "visit_capacity_per_year", "assigned_patients",
    "listed", "weighted_listed", "guideline_ratio", "time_ratio", "specialist_fte_gap",
    "specialist_fte_gap_time", "share_offerable_guideline", "share_offerable_time", "listed_per_specialist_fte",
  ]

  /// One row per doctor and a last row for the unit (`scope` = `unit`);
  /// unit-only columns are empty on doctor rows.
  public static func csv(_ c: CentreCapacity) -> String {
    let m = NumberFormat.machine
    var w = CSVWriter()
    w.append(csvColumns)
    for d in c.doctors {
      let wt = d.workingTime
      w.append([
        "doctor", d.clinician.id, d.clinician.role.rawValue, m(d.clinician.fte), m(d.clinician.duties.total),
        m(d.guidelineBasePanel), m(d.guidelinePanel), m(wt.contractedHours), m(wt.patientHours),
        m(wt.minutesPerPatientYear), m(wt.panel), m(wt.visitCapacityPerYear), String(d.assignedPatients),
      ] + Array(repeating: "", count: 9))
    }
    let sum = { (f: (ClinicianCapacity) -> Double) in m(c.doctors.reduce(0) { $0 + f($1) }) }
    w.append([
      "unit", c.centreId, "", sum { $0.clinician.fte }, "", "", m(c.guidelineCapacity),
      sum { $0.workingTime.contractedHours }, sum { $0.workingTime.patientHours }, "", m(c.workingTimeCapacity),
      sum { $0.workingTime.visitCapacityPerYear }, String(c.doctors.reduce(0) { $0 + $1.assignedPatients }),
      String(c.listedCount), m(c.weightedListed), m(c.guidelineRatio), m(c.workingTimeRatio), m(c.specialistFTEGap),
      m(c.specialistFTEGapWorkingTime), m(c.shareOfferableGuideline), m(c.shareOfferableWorkingTime),
      m(c.listedPerSpecialistFTE),
    ])
    return w.text
  }

  struct DoctorJSON: Encodable {
    var id: String, role: String, fte: Double, dutiesShare: Double
    var guidelineBasePanel: Double, guidelinePanel: Double
    var hoursPerYear: [String: Double]
    var contractedHoursPerYear: Double, minutesPerPatientYear: Double, timePanel: Double, visitCapacityPerYear: Double
    var assignedPatients: Int
  }

  struct UnitJSON: Encodable {
    var id: String, name: String, listed: Int, weightedListed: Double
    var specialistFTE: Double, employedDoctorFTE: Double, locumFTE: Double, teamFTE: Double
    var guidelineCapacity: Double, timeCapacity: Double
    var guidelineRatio: Double?, timeRatio: Double?
    var specialistFTEGap: Double?, specialistFTEGapTime: Double?
    var shareOfferableGuideline: Double, shareOfferableTime: Double
    var listedPerSpecialistFTE: Double?, listedPerDoctorFTE: Double?
  }

  /// `{"doctors": [...], "unit": {...}}`; non-finite ratios are null.
  public static func json(_ c: CentreCapacity) throws -> String {
    let finite = { (x: Double) -> Double? in x.isFinite ? x : nil }
    let doctors = c.doctors.map { d in
      DoctorJSON(
        id: d.clinician.id, role: d.clinician.role.rawValue, fte: d.clinician.fte, dutiesShare: d.clinician.duties.total,
        guidelineBasePanel: d.guidelineBasePanel, guidelinePanel: d.guidelinePanel,
        hoursPerYear: Dictionary(uniqueKeysWithValues: d.workingTime.items.map { ($0.label, $0.hours) }),
        contractedHoursPerYear: d.workingTime.contractedHours, minutesPerPatientYear: d.workingTime.minutesPerPatientYear,
        timePanel: d.workingTime.panel, visitCapacityPerYear: d.workingTime.visitCapacityPerYear,
        assignedPatients: d.assignedPatients)
    }
    let unit = UnitJSON(
      id: c.centreId, name: c.centreName, listed: c.listedCount, weightedListed: c.weightedListed,
      specialistFTE: c.specialistFTE, employedDoctorFTE: c.employedDoctorFTE, locumFTE: c.locumFTE, teamFTE: c.teamFTE,
      guidelineCapacity: c.guidelineCapacity, timeCapacity: c.workingTimeCapacity,
      guidelineRatio: finite(c.guidelineRatio), timeRatio: finite(c.workingTimeRatio),
      specialistFTEGap: finite(c.specialistFTEGap), specialistFTEGapTime: finite(c.specialistFTEGapWorkingTime),
      shareOfferableGuideline: c.shareOfferableGuideline, shareOfferableTime: c.shareOfferableWorkingTime,
      listedPerSpecialistFTE: finite(c.listedPerSpecialistFTE), listedPerDoctorFTE: finite(c.listedPerDoctorFTE))
    struct Root: Encodable { var doctors: [DoctorJSON]; var unit: UnitJSON }
    return String(decoding: try JSONInput.encode(Root(doctors: doctors, unit: unit)), as: UTF8.self)
  }
}
