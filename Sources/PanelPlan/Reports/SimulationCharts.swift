/// Charts and the HTML report for the visit-level simulation.
public enum SimulationCharts {
  /// Share with a fixed doctor per priority group (mean over replications)
  /// against the agreement's 55% and 80% targets.
  public static func fixedDoctorByGroup(_ s: ReplicationSummary, language l: ReportLanguage = .en) -> String {
    let n = Double(max(1, s.results.count))
    var categories = [l("Everyone")]
    var values = [s.results.reduce(0) { $0 + $1.tallies.coverage.share } / n]
    for g in PriorityGroup.allCases {
      let shares = s.results.compactMap { $0.tallies.coverage.share(of: g) }
      guard !shares.isEmpty else { continue }
      categories.append(l(g.label))
      values.append(shares.reduce(0, +) / Double(shares.count))
    }
    return Charts.bars(
      title: l("Share with a fixed doctor by priority group"), categories: categories,
      series: [ChartSeries(l("Share with a fixed doctor"), values: values)], yLabel: l("Share with a fixed doctor"),
      references: [ReferenceLine(l("Target 55%"), value: FixedDoctorTargets.population), ReferenceLine(l("Target 80% (nursing homes)"), value: FixedDoctorTargets.nursingHome)],
      format: { NumberFormat.percent($0, decimals: 0) })
  }

  /// Waiting days of booked doctor contacts, over all replications.
  public static func waitingDays(_ s: ReplicationSummary, language l: ReportLanguage = .en) -> String {
    var counts = [Int](repeating: 0, count: SimulationTallies.waitBins)
    for r in s.results { for (i, c) in r.tallies.waitHistogram.enumerated() where i < counts.count { counts[i] += c } }
    // Group into weeks of open days so the chart stays readable: 0, 1–5, 6–10, ...
    var labels: [String] = ["0"]
    var values: [Double] = [Double(counts.first ?? 0)]
    var i = 1
    while i < counts.count {
      let last = min(counts.count - 1, i + 4)
      labels.append(last == counts.count - 1 ? "\(i)+" : "\(i)–\(last)")
      values.append(Double(counts[i...last].reduce(0, +)))
      i = last + 1
    }
    let total = max(1, values.reduce(0, +))
    return Charts.bars(
      title: l("Waiting days"), categories: labels,
      series: [ChartSeries(l("Share of booked doctor contacts"), values: values.map { $0 / total })],
      yLabel: l("Share of booked doctor contacts"), format: { NumberFormat.percent($0, decimals: 0) })
  }

  /// The main results with their 5–95% bands, as bars of the means.
  public static func continuity(_ s: ReplicationSummary, language l: ReportLanguage = .en) -> String {
    let labels = ["COC", "UPC", "SECON", l("Visits with the fixed doctor")]
    func means(_ scope: ContinuityScope) -> [Double] {
      [s[.coc(scope)].mean, s[.upc(scope)].mean, s[.secon(scope)].mean, s[.fixedDoctorShare(scope)].mean]
    }
    let doctor = means(.doctor), all = means(.all)
    return Charts.bars(
      title: l("Continuity"), categories: labels,
      series: [ChartSeries(l("doctor contacts"), values: doctor), ChartSeries(l("all contacts"), values: all)],
      yLabel: l("Share or index (0-1)"), format: { NumberFormat.fixed($0, decimals: 2) })
  }

  /// Patients by COC (doctors only and all contacts), over all replications.
  public static func cocDistribution(_ s: ReplicationSummary, language l: ReportLanguage = .en) -> String {
    distribution(s, \.cocHistogram, title: l("Continuity index (COC)"), xLabel: "COC", language: l)
  }

  /// Patients with a fixed doctor by their share of visits with that doctor.
  public static func fixedShareDistribution(_ s: ReplicationSummary, language l: ReportLanguage = .en) -> String {
    distribution(s, \.fixedShareHistogram, title: l("Visits with the fixed doctor"), xLabel: l("Share of doctor visits with the fixed doctor"), language: l)
  }

  static func distribution(
    _ s: ReplicationSummary, _ histogram: KeyPath<SimulationTallies, [[Int]]>, title: String, xLabel: String, language l: ReportLanguage
  ) -> String {
    let bins = SimulationTallies.indexBins
    func shares(_ scope: ContinuityScope) -> [Double] {
      var counts = [Double](repeating: 0, count: bins)
      for r in s.results { for i in 0..<bins { counts[i] += Double(r.tallies[keyPath: histogram][scope.tallyIndex][i]) } }
      let total = max(1, counts.reduce(0, +))
      return counts.map { $0 / total }
    }
    return Charts.bars(
      title: title, categories: (0..<bins).map { NumberFormat.fixed(Double($0) / Double(bins), decimals: 2) },
      series: [ChartSeries(l("doctor contacts"), values: shares(.doctor)), ChartSeries(l("all contacts"), values: shares(.all))],
      yLabel: l("Share of patients"), format: { NumberFormat.percent($0, decimals: 0) })
  }

  /// The most doctors drawn as a bar each; more (a region's centres
  /// together) are drawn as a histogram of doctors by utilisation, since a
  /// bar and a label per doctor is unreadable past about 40.
  public static let mostDoctorBars = 40

  /// Each doctor's slots used per slot offered, averaged over replications.
  public static func doctorUtilisation(_ s: ReplicationSummary, language l: ReportLanguage = .en) -> String {
    let ids = s.results.first?.tallies.doctorIds ?? []
    let values = ids.indices.map { j in
      let u = s.results.compactMap { r -> Double? in
        let offered = r.tallies.doctorSlotsOffered[j]
        return offered > 0 ? Double(r.tallies.doctorSlotsUsed[j]) / Double(offered) : nil
      }
      return u.isEmpty ? 0 : u.reduce(0, +) / Double(u.count)
    }
    if ids.count > mostDoctorBars {
      // Doctors offered no slots (away all year) have no utilisation; they
      // are not counted as idle.
      let offered = ids.indices.filter { j in s.results.contains { $0.tallies.doctorSlotsOffered[j] > 0 } }
      return Charts.histogram(
        title: l("Doctor utilisation") + ": " + NumberFormat.grouped(Double(offered.count)) + " " + l("doctors, by share of slots used"),
        values: offered.map { min(1, max(0, values[$0])) }, bins: 10, lower: 0, upper: 1, xLabel: l("Slots used per slot offered"),
        yLabel: l("Doctors"), format: { NumberFormat.percent($0, decimals: 0) })
    }
    return Charts.bars(
      title: l("Doctor utilisation"), categories: ids, series: [ChartSeries(l("Doctor utilisation"), values: values)],
      yLabel: l("Slots used per slot offered"), references: [ReferenceLine(l("Full"), value: 1)],
      format: { NumberFormat.percent($0, decimals: 0) })
  }

  /// The simulation report: the answers first, then charts and every metric.
  public static func report(_ s: ReplicationSummary, context c: SimulationReport.Context, language l: ReportLanguage = .en) -> String {
    typealias F = NumberFormat
    var h = HTMLReport(title: l("Simulation") + ": \(c.scenarioName)", language: l)
    func band(_ metric: SimulationMetric, percent: Bool) -> (String, String?) {
      let b = s[metric]
      let f: (Double) -> String = percent ? { F.percent($0) } : { F.fixed($0, decimals: 2) }
      return (f(b.mean), "5–95%: \(f(b.p05))–\(f(b.p95))")
    }
    let coc = band(.coc(.doctor), percent: false), fixed = band(.shareWithFixedDoctor, percent: true)
    let access = band(.assessedWithinGuarantee, percent: true), utilisation = band(.doctorUtilisation, percent: true)
    // The results that matter most to a patient first: seeing a doctor in
    // time, and care that went elsewhere, beside the assessment the
    // guarantee promises (issue 17).
    let seen = band(.acuteSeenByDoctorWithinGuarantee, percent: true), elsewhere = band(.wentElsewhereShare, percent: true)
    h.paragraph(ReportLanguage.$current.withValue(l) { Verdicts.simulation(s) }.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "`", with: "\""))
    h.keyNumbers([
      (l("With a fixed doctor"), fixed.0, fixed.1), (l("Continuity index (COC)") + ", " + l("doctor contacts"), coc.0, coc.1),
      (l("Acute contacts needing a doctor, seen within the guarantee"), seen.0, seen.1),
      (l("Doctor contacts that went elsewhere"), elsewhere.0, elsewhere.1),
      (l("Assessed within the care guarantee"), access.0, access.1), (l("Doctor utilisation"), utilisation.0, utilisation.1),
    ])
    h.paragraph(l("Waiting times are over doctor contacts seen; those that ran out of patience went elsewhere. Continuity counts the visits made at this centre: doctor contacts that went elsewhere are in no index. The guarantee is a medical assessment within 3 open days, by a nurse or a doctor; seeing a doctor in that time is the stricter measure."))
    h.inputs([
      (l("Care centre"), "\(c.centreName) (\(c.centreId))"), (l("Listed people"), F.grouped(Double(c.listed))),
      (l("Years"), "\(c.years)"), (l("Replications"), "\(c.replications)"), (l("Seed (the same seed gives the same results)"), "\(c.seed)"),
    ])
    h.heading(l("Fixed doctor"))
    h.figure(fixedDoctorByGroup(s, language: l), caption: l("Targets of the 2021 agreement: 55% of everyone, 80% of nursing-home residents."))
    h.heading(l("Continuity"))
    h.figure(continuity(s, language: l), caption: l("Means over patients with at least the minimum visits, averaged over replications."))
    h.figure(cocDistribution(s, language: l), caption: l("Distribution over patients with at least the minimum visits, all replications."))
    h.figure(fixedShareDistribution(s, language: l), caption: l("Patients who have a fixed doctor."))
    h.heading(l("Access"))
    h.figure(waitingDays(s, language: l), caption: l("Waiting time in open days from the contact to the doctor's visit, over all replications."))
    h.figure(doctorUtilisation(s, language: l), caption: l("Slots follow the working-time view; trainees' slots reflect their longer visits and rotations."))
    h.table(
      headers: [l("Result"), l("Mean"), "5%", "95%"],
      // The terminal's rows, order and formats (shares as percentages);
      // "–" where a result is undefined (a group nobody is in).
      rows: SimulationReport.rows.map { m in
        let b = s[m]
        return [Terms.label(m.column, l), SimulationReport.cell(b.mean, m.kind), SimulationReport.cell(b.p05, m.kind), SimulationReport.cell(b.p95, m.kind)]
      })
    return h.render()
  }
}
