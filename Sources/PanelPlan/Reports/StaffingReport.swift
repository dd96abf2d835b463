import Foundation

/// Renders staffing projections and recruitment answers as tables, CSV and JSON.
public enum StaffingReport {
  private typealias F = NumberFormat

  /// The columns of the yearly table, with how each is formatted.
  static let tableColumns: [(String, StaffingMetric, @Sendable (Double) -> String)] = [
    ("Listed", .listed, { F.grouped($0) }),
    ("Weighted demand", .weightedDemand, { F.grouped($0) }),
    ("Specialist FTE", .specialistFTE, { F.fixed($0, decimals: 1) }),
    ("Trainees", .traineeHeadcount, { F.fixed($0, decimals: 1) }),
    ("Listed/spec. FTE", .listedPerSpecialistFTE, { F.grouped($0) }),
    ("Guideline ratio", .guidelineRatio, { F.fixed($0, decimals: 2) }),
    ("With a fixed doctor", .fixedDoctorShare, { F.percent($0) }),
    ("Nursing home", .nursingHomeShare, { F.percent($0) }),
    ("Hires", .specialistHires, { F.fixed($0, decimals: 1) }),
    ("Intake", .traineeIntake, { F.fixed($0, decimals: 1) }),
    ("Completed", .completions, { F.fixed($0, decimals: 1) }),
    ("Retired", .retirements, { F.fixed($0, decimals: 1) }),
    ("Left", .leavers, { F.fixed($0, decimals: 1) }),
    ("Locum FTE", .locumFTE, { F.fixed($0, decimals: 1) }),
  ]

  /// Metrics shown with their 5–95% band in stochastic tables.
  static let banded: Set<StaffingMetric> = [.specialistFTE, .guidelineRatio, .fixedDoctorShare, .nursingHomeShare]

  /// A table by year for one series.
  public static func table(_ r: ProjectionResult, series s: ProjectionResult.Series) -> String {
    var headers = ["Year"] + tableColumns.map(\.0)
    headers += r.outcomeNames
    var t = TextTable(headers: headers)
    for (y, year) in r.years.enumerated() {
      var row = [String(year)]
      for (_, m, f) in tableColumns {
        let b = s.band(m, yearIndex: y)
        if r.replications > 1 && banded.contains(m) {
          row.append("\(f(b.mean)) (\(f(b.p05))–\(f(b.p95)))")
        } else {
          row.append(f(b.mean))
        }
      }
      let k = StaffingMetric.allCases.count
      for i in r.outcomeNames.indices { row.append(F.fixed(s.bands[y][k + i].mean, decimals: 3)) }
      t.append(row)
    }
    return t.render()
  }

  /// The whole report: the total by year, then, for several regions, each
  /// region in the last year.
  public static func table(_ r: ProjectionResult, title: String) -> String {
    var out: String
    if ReportLanguage.current == .sv {
      out = "\(title): framskrivning av bemanningen \(r.years.first ?? 0)–\(r.years.last ?? 0)"
      out += r.expectedValue ? " (väntevärden)\n" : " (\(r.replications) replikeringar: medelvärde, 5–95 % inom parentes)\n"
      out += "Kvot mot riktvärdet: vårdtyngdsviktat behov per kapacitet enligt riktvärdet (1 100 per heltidsspecialist, 550/275 per ST-läkare); högst 1,00 når riktvärdet.\n"
      out += "Fast läkarkontakt: andel av de listade som har en (mål 55 %); särskilt boende: andel av de boende (mål 80 %).\n\n"
    } else {
      out = "\(title): staffing projection \(r.years.first ?? 0)–\(r.years.last ?? 0)"
      out += r.expectedValue ? " (expected values)\n" : " (\(r.replications) replications: mean, 5–95% band in brackets)\n"
      out += "Guideline ratio: need-weighted demand per guideline capacity (1,100 per specialist FTE, 550/275 per trainee); at most 1.00 meets the guideline.\n"
      out += "Fixed doctor: share of listed people with one (target 55%); nursing home: of nursing-home residents (target 80%).\n\n"
    }
    out += r.total.name + "\n" + table(r, series: r.total)
    let regions = r.series.filter { $0.level == .region && $0.id != r.total.id }
    if !regions.isEmpty, let last = r.years.indices.last {
      out += "\nBy region in \(r.years[last])\n"
      var t = TextTable(headers: ["Region", "Centres", "Listed", "Specialist FTE", "Listed/spec. FTE", "Guideline ratio", "Fixed doctor", "Nursing home", "Hires (all years)"])
      for s in regions {
        let hires = r.years.indices.reduce(0.0) { $0 + s.band(.specialistHires, yearIndex: $1).mean }
        t.append([
          s.name, String(s.centreCount), F.grouped(s.band(.listed, yearIndex: last).mean),
          F.fixed(s.band(.specialistFTE, yearIndex: last).mean, decimals: 1),
          F.grouped(s.band(.listedPerSpecialistFTE, yearIndex: last).mean),
          F.fixed(s.band(.guidelineRatio, yearIndex: last).mean, decimals: 2),
          F.percent(s.band(.fixedDoctorShare, yearIndex: last).mean), F.percent(s.band(.nursingHomeShare, yearIndex: last).mean),
          F.fixed(hires, decimals: 0),
        ])
      }
      out += t.render()
    }
    return out
  }

  /// Column names of the CSV: year, level, id, region, then each metric
  /// (and, with replications, `<metric>_p05` and `<metric>_p95`).
  public static func csvColumns(_ r: ProjectionResult) -> [String] {
    let names = StaffingMetric.allCases.map(\.rawValue) + r.outcomeNames
    var cols = ["year", "level", "id", "region"]
    for n in names { cols += r.replications > 1 ? [n, n + "_p05", n + "_p95"] : [n] }
    return cols
  }

  /// Every series and year, one row each, year first.
  public static func csv(_ r: ProjectionResult) -> String {
    let m = NumberFormat.machine
    var w = CSVWriter()
    w.append(csvColumns(r))
    for (y, year) in r.years.enumerated() {
      for s in r.series {
        var row = [String(year), s.level.rawValue, s.id, s.region ?? ""]
        for b in s.bands[y] { row += r.replications > 1 ? [m(b.mean), m(b.p05), m(b.p95)] : [m(b.mean)] }
        w.append(row)
      }
    }
    return w.text
  }

  /// `{"years", "replications", "expectedValue", "metrics", "series": [...]}`;
  /// expected-value results give plain numbers, stochastic ones
  /// `{"mean", "p05", "p95"}`; non-finite values are null.
  public static func json(_ r: ProjectionResult) throws -> String {
    let names = StaffingMetric.allCases.map(\.rawValue) + r.outcomeNames
    func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
    struct BandJSON: Encodable { var mean: Double?, p05: Double?, p95: Double? }
    enum Value: Encodable {
      case plain(Double?), band(BandJSON)
      func encode(to e: any Encoder) throws {
        var c = e.singleValueContainer()
        switch self {
        case .plain(let x): try c.encode(x)
        case .band(let b): try c.encode(b)
        }
      }
    }
    struct YearJSON: Encodable { var year: Int; var values: [String: Value] }
    struct SeriesJSON: Encodable { var level: String; var id: String; var region: String?; var years: [YearJSON] }
    struct Root: Encodable { var years: [Int]; var replications: Int; var expectedValue: Bool; var metrics: [String]; var series: [SeriesJSON] }
    let series = r.series.map { s in
      SeriesJSON(level: s.level.rawValue, id: s.id, region: s.region, years: r.years.enumerated().map { y, year in
        var values: [String: Value] = [:]
        for (k, n) in names.enumerated() {
          let b = s.bands[y][k]
          values[n] = r.replications > 1 ? .band(BandJSON(mean: finite(b.mean), p05: finite(b.p05), p95: finite(b.p95))) : .plain(finite(b.mean))
        }
        return YearJSON(year: year, values: values)
      })
    }
    let root = Root(years: r.years, replications: r.replications, expectedValue: r.expectedValue, metrics: names, series: series)
    return String(decoding: try JSONInput.encode(root), as: UTF8.self)
  }

  // MARK: - Recruitment answers

  /// A readable answer for each lever solved.
  public static func recruitmentTable(_ solutions: [RecruitmentSolver.Solution], target: StaffingTarget, title: String, replications: Int, confidence: Double) -> String {
    let sv = ReportLanguage.current == .sv
    var out = sv
      ? "\(title): minsta antal per år för att nå \(target.localizedLabel) senast \(solutions.first?.year ?? 0)\n"
      : "\(title): smallest yearly numbers to reach \(target.label) by \(solutions.first?.year ?? 0)\n"
    if replications > 1 {
      out += sv
        ? "\(replications) replikeringar; ett svar måste nå målet i minst \(F.percent(confidence, decimals: 0)) av dem.\n"
        : "\(replications) replications; an answer must meet the target in at least \(F.percent(confidence, decimals: 0)) of them.\n"
    }
    out += sv ? "Varje åtgärd löses för sig, de andra hålls som i grundplanen.\n\n" : "Each lever is solved on its own, the others held at the base plan.\n\n"
    var t = TextTable(headers: ["Lever", "Smallest per year", "Per replication (mean, 5–95%)", "Meets (share)", "One less meets", "Target metric at answer", "At one less"])
    for s in solutions {
      let unitValue: (Double) -> String = { s.lever == .fteIncrease ? F.fixed($0, decimals: 2) : F.fixed($0, decimals: 0) }
      let metric: (Band?) -> String = { b in
        guard let b else { return "–" }
        let f: (Double) -> String = target.metric == .guidelineRatio ? { F.fixed($0, decimals: 3) } : { F.percent($0) }
        return replications > 1 ? "\(f(b.mean)) (\(f(b.p05))–\(f(b.p95)))" : f(b.mean)
      }
      let band = s.valueBand
      var perRep = replications > 1 && !band.mean.isNaN ? "\(F.fixed(band.mean, decimals: 1)) (\(unitValue(band.p05))–\(unitValue(band.p95)))" : "–"
      if s.unreachableReplications > 0 { perRep += ", \(s.unreachableReplications) unreachable" }
      t.append([
        s.lever.unit, s.value.map(unitValue) ?? "not reachable", perRep,
        s.step == nil ? "–" : F.percent(s.shareMeeting, decimals: 0),
        s.step.map { $0 > 0 ? F.percent(s.shareMeetingOneLess, decimals: 0) : "–" } ?? "–",
        metric(s.metricAtStep), metric(s.metricAtOneLess),
      ])
    }
    return out + t.render()
  }

  /// CSV of recruitment answers: one row per lever.
  public static func recruitmentCSV(_ solutions: [RecruitmentSolver.Solution], target: StaffingTarget) -> String {
    let m = NumberFormat.machine
    var w = CSVWriter()
    w.append(["year", "lever", "value", "value_mean", "value_p05", "value_p95", "unreachable_replications", "share_meeting", "share_meeting_one_less", "metric", "metric_at_value", "metric_at_value_p05", "metric_at_value_p95", "metric_at_one_less"])
    for s in solutions {
      let b = s.valueBand
      w.append([
        String(s.year), s.lever.rawValue, s.value.map(m) ?? "", m(b.mean), m(b.p05), m(b.p95), String(s.unreachableReplications),
        s.step == nil ? "" : m(s.shareMeeting), s.step == nil || s.step == 0 ? "" : m(s.shareMeetingOneLess),
        target.metric.rawValue, s.metricAtStep.map { m($0.mean) } ?? "", s.metricAtStep.map { m($0.p05) } ?? "",
        s.metricAtStep.map { m($0.p95) } ?? "", s.metricAtOneLess.map { m($0.mean) } ?? "",
      ])
    }
    return w.text
  }

  /// JSON of recruitment answers.
  public static func recruitmentJSON(_ solutions: [RecruitmentSolver.Solution], target: StaffingTarget) throws -> String {
    func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
    struct Answer: Encodable {
      var year: Int, lever: String, unit: String, value: Double?, valueMean: Double?, valueP05: Double?, valueP95: Double?
      var perReplication: [Double?], shareMeeting: Double?, shareMeetingOneLess: Double?
      var metricAtValue: Double?, metricAtOneLess: Double?
    }
    struct Root: Encodable { var target: String; var metric: String; var answers: [Answer] }
    let answers = solutions.map { s in
      let b = s.valueBand
      return Answer(
        year: s.year, lever: s.lever.rawValue, unit: s.lever.unit, value: s.value, valueMean: finite(b.mean),
        valueP05: finite(b.p05), valueP95: finite(b.p95), perReplication: s.stepPerReplication.map { $0.map { s.lever.value(ofStep: $0) } },
        shareMeeting: s.step == nil ? nil : s.shareMeeting, shareMeetingOneLess: s.step == nil || s.step == 0 ? nil : s.shareMeetingOneLess,
        metricAtValue: finite(s.metricAtStep?.mean), metricAtOneLess: finite(s.metricAtOneLess?.mean))
    }
    return String(decoding: try JSONInput.encode(Root(target: target.label, metric: target.metric.rawValue, answers: answers)), as: UTF8.self)
  }
}
