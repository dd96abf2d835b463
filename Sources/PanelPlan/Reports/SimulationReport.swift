import Foundation

/// Renders replication results of a simulation as a table, CSV or JSON.
public enum SimulationReport {
  private typealias F = NumberFormat

  /// What the run was, for headers.
  public struct Context: Sendable {
    public var scenarioName: String
    public var centreName: String
    public var centreId: String
    public var listed: Int
    public var years: Int
    public var replications: Int
    public var seed: UInt64
    /// Warm-up years not counted (`SimulationParameters.warmUpYears`).
    public var warmUpYears: Int = 0
    /// The guarantee's open days (`BookingParameters.acuteAssessmentDays`).
    public var guaranteeDays: Int = 3

    public init(scenarioName: String, centreName: String, centreId: String, listed: Int, years: Int, replications: Int, seed: UInt64) {
      self.scenarioName = scenarioName
      self.centreName = centreName
      self.centreId = centreId
      self.listed = listed
      self.years = years
      self.replications = replications
      self.seed = seed
    }
  }

  /// The results table's rows, in report order (labels and kinds are the
  /// one table, `SimulationMetric.descriptor`).
  static let rows: [SimulationMetric] =
    ContinuityScope.allCases.flatMap { [SimulationMetric.coc($0), .upc($0), .secon($0), .fixedDoctorShare($0)] }
    + [
      .assessedWithinGuarantee, .acuteSeenByDoctorWithinGuarantee, .acuteTriagedShare, .acuteResolvedByNurseShare,
      .waitDaysMean, .waitDaysP50, .waitDaysP90, .seenWithin7Days, .wentElsewhereShare, .wentElsewhereAcuteShare,
      .wentElsewherePlannedShare, .doctorUtilisation, .overflowDayShare, .unservedShare, .doctorVisitsPerPersonYear,
      .doctorVisitsNeededPerPersonYear, .doctorVisitsSeenPerPersonYear, .teamContactsPerPersonYear, .shareWithFixedDoctor,
    ]
    + PriorityGroup.allCases.map { .shareWithFixedDoctorInGroup($0) }
    + [.meetsPopulationTarget, .meetsNursingHomeTarget]

  static func cell(_ x: Double, _ k: SimulationMetric.Kind) -> String {
    guard x.isFinite else { return "–" }
    switch k {
    case .index: return F.fixed(x, decimals: 3)
    case .share: return F.percent(x)
    case .perPersonYear, .days: return F.fixed(x, decimals: 2)
    }
  }

  /// A readable summary: one row per result with the mean and the 5–95%
  /// band over replications.
  public static func table(_ s: ReplicationSummary, context c: Context) -> String {
    var out = Verdicts.simulation(s)
    if ReportLanguage.current == .sv {
      let elsewhere = s[.wentElsewhereShare].mean
      out += "Scenario: \(c.scenarioName)\n"
      out += "Vårdcentral: \(c.centreName) (\(c.centreId)), \(F.grouped(Double(c.listed))) listade\n"
      out += "\(c.years) år, \(c.replications) replikering\(c.replications == 1 ? "" : "ar"), slumpfrö \(c.seed); väntetider i öppetdagar\n"
      out += "Väntetiderna gäller genomförda läkarkontakter; de som tröttnade på att vänta sökte vård annanstans.\n"
      out += "Kontinuiteten räknar besöken på den här vårdcentralen: läkarkontakter som gick annanstans"
      out += elsewhere.isFinite ? " (\(F.percent(elsewhere)))" : ""
      out += " ingår inte i något index.\n"
      if c.warmUpYears > 0 { out += "Mätt efter en uppvärmning på \(c.warmUpYears) år vars kontakter inte räknas.\n" }
      out += "Vårdgarantin: medicinsk bedömning inom \(c.guaranteeDays) öppetdagar.\n\n"
    } else {
      out += "Scenario: \(c.scenarioName)\n"
      out += "Care centre: \(c.centreName) (\(c.centreId)), \(F.grouped(Double(c.listed))) listed\n"
      out += "\(c.years) year\(c.years == 1 ? "" : "s"), \(c.replications) replication\(c.replications == 1 ? "" : "s"), seed \(c.seed); waiting times in open days\n"
      out += "Waiting times are over doctor contacts seen; those that ran out of patience went elsewhere.\n"
      // Issue 13, finding 7: say what the continuity indices leave out.
      let elsewhere = s[.wentElsewhereShare].mean
      out += "Continuity counts the visits made at this centre: doctor contacts that went elsewhere"
      out += elsewhere.isFinite ? " (\(F.percent(elsewhere)))" : ""
      out += " are in no index.\n"
      if c.warmUpYears > 0 {
        out += "Measured after a warm-up of \(c.warmUpYears) year\(c.warmUpYears == 1 ? "" : "s") whose contacts are not counted.\n"
      }
      out += "The guarantee: a medical assessment within \(c.guaranteeDays) open days.\n\n"
    }
    var t = TextTable(headers: ["Result", "Mean", "5%", "95%"])
    for m in rows {
      let b = s[m]
      t.append([Terms.label(m.column, ReportLanguage.current), cell(b.mean, m.kind), cell(b.p05, m.kind), cell(b.p95, m.kind)])
    }
    out += t.render()
    return out
  }

  /// A sentence relating the doctor visits made to the demand and to the
  /// centre's capacity, so an overloaded result is read as what it is.
  public static func capacityNote(_ s: ReplicationSummary, capacity c: CentreCapacity) -> String {
    let made = s[.doctorVisitsSeenPerPersonYear].mean, demand = s[.doctorVisitsNeededPerPersonYear].mean
    guard demand > 0, made.isFinite else { return "" }
    var note = "\nDoctors made \(F.fixed(made, decimals: 2)) visits per person-year of the \(F.fixed(demand, decimals: 2)) needed"
    note += " (\(F.percent(made / demand, decimals: 0)); contacts not resolved by nurse triage)."
    note += " Slots follow the working-time view, the guideline's pace;"
    note += " the centre's guideline ratio is \(F.fixed(c.guidelineRatio, decimals: 2)) (1.00 = at the guideline)"
    if made < 0.95 * demand {
      note += ", so part of the demand waits, goes elsewhere or would need overtime and shorter visits (lower workingTime.minutesPerVisit to model today's pace)"
    }
    note += ".\n"
    // Issue 13, finding 7: why `capacity` and `simulate` give different shares.
    let has = s[.shareWithFixedDoctor].mean
    if has.isFinite {
      note += "`capacity` says \(F.percent(c.shareOfferableWorkingTime)) of the need-weighted list could be offered a fixed doctor"
      note += " (working-time capacity / need-weighted listed); here \(F.percent(has)) of people have one: only those who want one"
      note += " (assignment.wantShare) are assigned, in priority order, until the doctors' panels are full.\n"
    }
    return note
  }

  /// Column names of the CSV, in order.
  public static let csvColumns = ["metric", "mean", "p05", "p95"]

  /// One row per metric under its stable name.
  public static func csv(_ s: ReplicationSummary) -> String {
    var w = CSVWriter()
    w.append(csvColumns)
    for (m, b) in s.metricSummaries { w.append([m.column, F.machine(b.mean), F.machine(b.p05), F.machine(b.p95)]) }
    return w.text
  }

  /// A summary as `simulate`'s JSON writes it: `{mean, low, high}` (the 5%
  /// and 95% quantiles), null where undefined (JSON has no NaN).
  struct Band: Encodable {
    var mean: Double?, low: Double?, high: Double?
    init(_ b: Summary) {
      func f(_ x: Double) -> Double? { x.isFinite ? x : nil }
      mean = f(b.mean)
      low = f(b.p05)
      high = f(b.p95)
    }
    enum CodingKeys: String, CodingKey { case mean, low, high }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(mean, forKey: .mean)
      try c.encode(low, forKey: .low)
      try c.encode(high, forKey: .high)
    }
  }

  struct Document: Encodable {
    var scenario: String, centre: String, centreId: String, listed: Int
    var years: Int, replications: Int, seed: UInt64
    var continuity: [String: [String: Band]]
    var access: [String: Band]
    var capacity: [String: Band]
    var demand: [String: Band]
    var fixedDoctor: FixedDoctor
    /// Share of booked doctor contacts by waiting time in open days (index
    /// = days; the last entry is that many or more), mean over replications.
    var waitDistribution: [Double]
    var metrics: [Named]
    struct FixedDoctor: Encodable {
      var share: Band
      var byGroup: [String: Band]
      var targets: [String: Double]
      var meetsTargets: [String: Band]
    }
    struct Named: Encodable {
      var name: String
      var band: Band
      enum CodingKeys: String, CodingKey { case name, mean, low, high }
      func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(band.mean, forKey: .mean)
        try c.encode(band.low, forKey: .low)
        try c.encode(band.high, forKey: .high)
      }
    }
  }

  /// Per waiting time in open days, the share of booked doctor contacts,
  /// averaged over replications (replications with no contacts left out).
  public static func waitDistribution(_ s: ReplicationSummary) -> [Double] {
    var mean = [Double](repeating: 0, count: SimulationTallies.waitBins)
    var runs = 0
    for r in s.results {
      let total = r.tallies.waitHistogram.reduce(0, +)
      guard total > 0 else { continue }
      runs += 1
      for (d, c) in r.tallies.waitHistogram.enumerated() { mean[d] += Double(c) / Double(total) }
    }
    return runs > 0 ? mean.map { $0 / Double(runs) } : mean
  }

  /// JSON with plain field names (`coc`, `assessedWithinGuarantee`), each a
  /// `{mean, low, high}` object (null where undefined), plus the flat
  /// `metrics` list under the stable names.
  public static func json(_ s: ReplicationSummary, context c: Context) throws -> String {
    func b(_ m: SimulationMetric) -> Band { Band(s[m]) }
    func scope(_ x: ContinuityScope) -> [String: Band] {
      ["coc": b(.coc(x)), "upc": b(.upc(x)), "secon": b(.secon(x)), "fixedDoctorShare": b(.fixedDoctorShare(x))]
    }
    var groups: [String: Band] = [:]
    for g in PriorityGroup.allCases { groups[g.rawValue] = b(.shareWithFixedDoctorInGroup(g)) }
    let doc = Document(
      scenario: c.scenarioName, centre: c.centreName, centreId: c.centreId, listed: c.listed,
      years: c.years, replications: c.replications, seed: c.seed,
      continuity: ["doctors": scope(.doctor), "allContacts": scope(.all)],
      access: [
        "assessedWithinGuarantee": b(.assessedWithinGuarantee), "waitDaysMean": b(.waitDaysMean),
        "waitDaysMedian": b(.waitDaysP50), "waitDaysP90": b(.waitDaysP90),
        "seenWithin7Days": b(.seenWithin7Days), "unservedShare": b(.unservedShare),
        "acuteSeenByDoctorWithinGuarantee": b(.acuteSeenByDoctorWithinGuarantee), "acuteTriagedShare": b(.acuteTriagedShare),
        "acuteResolvedByNurseShare": b(.acuteResolvedByNurseShare), "wentElsewhereShare": b(.wentElsewhereShare),
        "wentElsewhereAcuteShare": b(.wentElsewhereAcuteShare), "wentElsewherePlannedShare": b(.wentElsewherePlannedShare),
      ],
      capacity: [
        "doctorUtilisation": b(.doctorUtilisation), "overflowDayShare": b(.overflowDayShare),
      ],
      demand: [
        "doctorVisitsPerPersonYear": b(.doctorVisitsPerPersonYear), "doctorVisitsSeenPerPersonYear": b(.doctorVisitsSeenPerPersonYear),
        "doctorVisitsNeededPerPersonYear": b(.doctorVisitsNeededPerPersonYear),
        "teamContactsPerPersonYear": b(.teamContactsPerPersonYear),
      ],
      fixedDoctor: .init(
        share: b(.shareWithFixedDoctor), byGroup: groups,
        targets: ["population": FixedDoctorTargets.population, "nursingHome": FixedDoctorTargets.nursingHome],
        meetsTargets: ["population": b(.meetsPopulationTarget), "nursingHome": b(.meetsNursingHomeTarget)]),
      waitDistribution: waitDistribution(s),
      metrics: s.metricSummaries.map { .init(name: $0.column, band: Band($1)) })
    return String(decoding: try JSONInput.encode(doc), as: UTF8.self)
  }
}
