/// Charts and the HTML report for a proposed fixed-doctor list.
public enum AssignmentCharts {
  /// Per doctor: need-weighted panel on the list against capacity.
  public static func panels(_ list: PanelAssignment, clinicians: [Clinician], language l: ReportLanguage = .en) -> String {
    let doctors = clinicians.indices.filter { clinicians[$0].role.isDoctor }
    return Charts.bars(
      title: l("Panels on the proposed list against capacity"), categories: doctors.map { clinicians[$0].id },
      series: [
        ChartSeries(l("Capacity"), values: doctors.map { list.capacity[$0] }),
        ChartSeries(l("Need-weighted panel"), values: doctors.map { list.load[$0] }),
      ],
      yLabel: l("Need-weighted patients"))
  }

  /// Per priority group: the share with a fixed doctor, with the 55% and
  /// 80% targets of the 2021 agreement marked.
  public static func coverage(_ c: FixedDoctorCoverage, language l: ReportLanguage = .en) -> String {
    let groups = PriorityGroup.allCases
    return Charts.bars(
      title: l("Share with a fixed doctor by priority group"), categories: groups.map { l($0.label) } + [l("Everyone")],
      series: [ChartSeries(l("Share with a fixed doctor"), values: groups.map { (c.share(of: $0) ?? 0) * 100 } + [c.share * 100])],
      yLabel: "%",
      references: [
        ReferenceLine(l("55% of everyone"), value: FixedDoctorTargets.population * 100),
        ReferenceLine(l("80% of nursing-home residents"), value: FixedDoctorTargets.nursingHome * 100),
      ],
      format: { NumberFormat.fixed($0, decimals: 0) })
  }

  /// The report: key numbers, both charts, the doctor and group tables.
  public static func report(
    _ list: PanelAssignment, input: AssignmentInput, clinicians: [Clinician], context: AssignmentReport.Context,
    language l: ReportLanguage = .en
  ) -> String {
    typealias F = NumberFormat
    let cov = list.coverage(of: input.patients)
    let ch = list.changes
    var r = HTMLReport(title: "\(l("Proposed fixed-doctor list")): \(context.centreName)", language: l)
    r.keyNumbers([
      (l("Share with a fixed doctor"), F.percent(cov.share), l("Target") + ": 55%"),
      (l("Nursing-home residents with one"), cov.share(of: .nursingHome).map { F.percent($0) } ?? "–", l("Target") + ": 80%"),
      (l("Relations kept"), F.grouped(Double(ch.kept)), "\(l("of")) \(F.grouped(Double(ch.before)))"),
      (l("Moved / ended"), "\(F.grouped(Double(ch.moved))) / \(F.grouped(Double(ch.ended)))", nil),
    ])
    var inputs: [(String, String)] = [
      (l("Care centre"), "\(context.centreName) (\(context.centreId))"),
      (l("Listed people"), F.grouped(Double(input.patients.count))),
      (l("Capacity view"), context.capacityView == .guideline ? l("Guideline") : l("Working time")),
      (l("Fill limit"), F.fixed(context.fillLimit, decimals: 2)),
      (l("Seed"), "\(context.seed)"),
    ]
    if let w = context.window { inputs.append((l("Visit window"), w)) }
    if !context.removed.isEmpty { inputs.append((l("Without"), context.removed.joined(separator: ", "))) }
    r.inputs(inputs)
    r.heading(l("Panels"))
    r.figure(panels(list, clinicians: clinicians, language: l), caption: l("Need-weighted patients on each doctor's list and the doctor's capacity (capacity view × fill limit)."))
    let dt = AssignmentReport.doctorTable(list, clinicians: clinicians)
    r.table(headers: dt.headers.map { l($0) }, rows: dt.rows)
    r.heading(l("Who has a fixed doctor"))
    r.figure(coverage(cov, language: l), caption: l("Share of each priority group with a fixed doctor on the list; the lines are the 2021 agreement's targets."))
    let gt = AssignmentReport.groupTable(cov)
    r.table(headers: gt.headers.map { l($0) }, rows: gt.rows)
    r.paragraph(l("Rule: existing relations are kept while the doctor has room, priority groups first and highest need weight first within a group; then those who want a fixed doctor are offered the doctor they saw most in the window (then most recently) among doctors with room, else the doctor with the most room left."))
    return r.render()
  }
}
