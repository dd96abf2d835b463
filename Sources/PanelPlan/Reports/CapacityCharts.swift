/// Charts and the HTML report for the capacity views.
public enum CapacityCharts {
  /// Per doctor: guideline panel, working-time panel and assigned patients,
  /// with the guideline's 1,100 (the full-time specialist panel) marked.
  public static func panels(_ c: CentreCapacity, language l: ReportLanguage = .en) -> String {
    var series = [
      ChartSeries(l("Guideline panel"), values: c.doctors.map(\.guidelinePanel)),
      ChartSeries(l("Time panel"), values: c.doctors.map(\.workingTime.panel)),
    ]
    if c.doctors.contains(where: { $0.assignedPatients > 0 }) {
      series.append(ChartSeries(l("Assigned patients"), values: c.doctors.map { Double($0.assignedPatients) }))
    }
    return Charts.bars(
      title: l("Capacity per doctor against the guideline"), categories: c.doctors.map(\.clinician.id), series: series,
      yLabel: l("Patients per doctor"),
      references: [ReferenceLine(l("Guideline"), value: c.fullTimeSpecialistGuidelinePanel)])
  }

  /// Per doctor, where the contracted hours go, in five stacked parts so
  /// each keeps a distinct colour: absence, rotation and study, duties,
  /// meetings and administration, patient work.
  public static func hours(_ c: CentreCapacity, language l: ReportLanguage = .en) -> String {
    let parts: [(String, (WorkingTimeBreakdown) -> Double)] = [
      ("Patient work", { $0.patientHours }),
      ("Meetings and administration", { $0.meetingHours + $0.administrationHours }),
      ("Duties", { $0.supervisionHours + $0.researchHours + $0.sideAssignmentHours + $0.managementHours }),
      ("Rotation and study", { $0.rotationHours + $0.studyHours }),
      ("Absence", { $0.vacationHours + $0.publicHolidayHours + $0.trainingHours + $0.sickHours }),
    ]
    let segments = parts.map { name, value in ChartSeries(l(name), values: c.doctors.map { value($0.workingTime) }) }
    return Charts.stackedBars(
      title: l("Where each doctor's hours go"), categories: c.doctors.map(\.clinician.id), segments: segments,
      yLabel: l("Hours per year"))
  }

  /// The capacity report: key numbers, both charts, the doctor table.
  public static func report(_ c: CentreCapacity, language l: ReportLanguage = .en) -> String {
    typealias F = NumberFormat
    var r = HTMLReport(title: "\(l("Capacity")): \(c.centreName)", language: l)
    r.keyNumbers([
      (l("Guideline ratio"), F.fixed(c.guidelineRatio, decimals: 2), l("Guideline ratio (need-weighted listed per capacity)")),
      (l("GP specialist FTE missing"), F.fixed(c.specialistFTEGap, decimals: 1), nil),
      (l("Share that can be offered a fixed doctor"), F.percent(c.shareOfferableGuideline), nil),
      (l("Listed per GP specialist FTE"), F.grouped(c.listedPerSpecialistFTE), l("Guideline") + " " + F.grouped(1100) + " / " + l("Sweden 2023 (per head)") + ": " + F.grouped(2039)),
    ])
    r.inputs([
      (l("Care centre"), "\(c.centreName) (\(c.centreId))"),
      (l("Listed people"), F.grouped(Double(c.listedCount))),
      (l("Need-weighted listed"), F.grouped(c.weightedListed)),
      (l("Doctors"), "\(c.doctors.count)"),
      (l("FTE") + " (" + l("GP specialist") + ")", F.fixed(c.specialistFTE, decimals: 2)),
    ])
    r.heading(l("Capacity"))
    r.figure(panels(c, language: l), caption: l("Panels in need-weighted patients; the dashed line is a full-time specialist's guideline panel."))
    r.figure(hours(c, language: l), caption: l("Contracted hours per year: absence (vacation, holidays, training, sickness), trainees' rotation and study, duties (supervision, research, side assignments, management), meetings and administration, and patient work."))
    r.table(
      headers: [l("Doctor"), l("Role"), l("FTE"), l("Duties"), l("Guideline panel"), l("Time panel"), l("Assigned patients")],
      rows: c.doctors.map { d in
        [d.clinician.id, l(d.clinician.role.label), F.fixed(d.clinician.fte, decimals: 2), F.percent(d.clinician.duties.total, decimals: 0),
         F.grouped(d.guidelinePanel), F.grouped(d.workingTime.panel), "\(d.assignedPatients)"]
      })
    r.table(
      headers: ["", l("Guideline"), l("Working time")],
      rows: [
        [l("Capacity (need-weighted patients)"), F.grouped(c.guidelineCapacity), F.grouped(c.workingTimeCapacity)],
        [l("Guideline ratio"), F.fixed(c.guidelineRatio, decimals: 2), F.fixed(c.workingTimeRatio, decimals: 2)],
        [l("GP specialist FTE missing"), F.fixed(c.specialistFTEGap, decimals: 1), F.fixed(c.specialistFTEGapWorkingTime, decimals: 1)],
        [l("Share that can be offered a fixed doctor"), F.percent(c.shareOfferableGuideline), F.percent(c.shareOfferableWorkingTime)],
      ])
    return r.render()
  }
}
