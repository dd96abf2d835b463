import Foundation

/// Plain-language verdicts that open each command's table: what the numbers
/// mean for the centre, and the next step. English and Swedish sentences are
/// written whole (not pieced together from terms) so each reads naturally.
public enum Verdicts {
  /// A count rounded for a sentence: to hundreds from 1,000 up, to tens below.
  static func roughCount(_ x: Double) -> Double {
    let a = abs(x)
    let step: Double = a >= 1000 ? 100 : (a >= 100 ? 10 : 1)
    return (x / step).rounded() * step
  }

  /// `capacity`: how far the centre is from the guideline, what would close
  /// the gap (specialist FTE, or fewer listed at today's staff).
  public static func capacity(_ c: CentreCapacity) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    let ratio = c.guidelineRatio
    guard ratio.isFinite, c.guidelineCapacity > 0 else {
      return sv
        ? "Vårdcentralen har ingen läkarkapacitet enligt riktvärdet. Lägg till läkare i filen och kör igen.\n"
        : "The centre has no doctor capacity by the guideline. Add doctors to the file and run again.\n"
    }
    // Fewer listed that would bring the need-weighted list to capacity, at
    // the centre's mean need weight.
    let fewer = roughCount(Double(c.listedCount) * (1 - 1 / ratio))
    let fte = F.fixed(c.specialistFTEGap, decimals: 0)
    if ratio > 1.02 {
      return sv
        ? "Vårdcentralen har \(F.fixed(ratio, decimals: 1)) gånger så många listade som läkarna kan vara fast läkarkontakt för enligt riktvärdet; ungefär \(fte) fler heltidsspecialister i allmänmedicin, eller \(F.grouped(fewer)) färre listade, skulle sluta gapet. Prova `panelplan simulate` för att se kontinuitet och tillgänglighet.\n"
        : "The centre lists \(F.fixed(ratio, decimals: 1)) times what its doctors can hold by the guideline; about \(fte) more full-time GP specialists, or \(F.grouped(fewer)) fewer listed, would close the gap. Try `panelplan simulate` to see continuity and access.\n"
    }
    if ratio < 0.98 {
      return sv
        ? "Vårdcentralen ligger inom riktvärdet (kvot \(F.fixed(ratio, decimals: 2))): läkarna kan vara fast läkarkontakt för ungefär \(F.grouped(roughCount(Double(c.listedCount) * (1 / ratio - 1)))) fler listade. Prova `panelplan simulate` för att se kontinuitet och tillgänglighet.\n"
        : "The centre is within the guideline (ratio \(F.fixed(ratio, decimals: 2))): its doctors could be fixed doctor for about \(F.grouped(roughCount(Double(c.listedCount) * (1 / ratio - 1)))) more listed. Try `panelplan simulate` to see continuity and access.\n"
    }
    return sv
      ? "Vårdcentralen ligger på riktvärdet (kvot \(F.fixed(ratio, decimals: 2))). Prova `panelplan simulate` för att se kontinuitet och tillgänglighet.\n"
      : "The centre is at the guideline (ratio \(F.fixed(ratio, decimals: 2))). Try `panelplan simulate` to see continuity and access.\n"
  }
}

extension Verdicts {
  /// `simulate`: who has a fixed doctor against the 55% target, what access
  /// the doctors give, and how much care went elsewhere.
  public static func simulation(_ s: ReplicationSummary) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    func m(_ metric: SimulationMetric) -> Double? { s[metric].mean.isFinite ? s[metric].mean : nil }
    guard let fixed = m(.shareWithFixedDoctor) else { return "" }
    let seen = m(.acuteSeenByDoctorWithinGuarantee), elsewhere = m(.wentElsewhereShare)
    // Whole percentages, but a small share is not rounded to "0%".
    func pc(_ x: Double) -> String { F.percent(x, decimals: x > 0 && x < 0.01 ? 1 : 0) }
    let meets = fixed >= 0.55
    var out: String
    if sv {
      out = "\(F.percent(fixed, decimals: 0)) av de listade har fast läkarkontakt (målet är 55 %, \(meets ? "nått" : "inte nått"))"
      if let seen { out += "; \(pc(seen)) av de akuta kontakter som behöver läkare fick läkarbesök inom vårdgarantin" }
      if let elsewhere { out += ", och \(F.percent(elsewhere, decimals: 0)) av läkarkontakterna sökte vård annanstans" }
      out += ". " + (meets ? "Prova `panelplan project` för att se hur det håller över åren." : "Prova `panelplan recruit` för att se hur många som behöver rekryteras.")
    } else {
      out = "\(F.percent(fixed, decimals: 0)) of the listed have a fixed doctor (target 55%, \(meets ? "met" : "not met"))"
      if let seen { out += "; \(pc(seen)) of acute contacts needing a doctor saw one within the care guarantee" }
      if let elsewhere { out += ", and \(F.percent(elsewhere, decimals: 0)) of doctor contacts went elsewhere" }
      out += ". " + (meets ? "Try `panelplan project` to see how it holds over the years." : "Try `panelplan recruit` to find the hires needed.")
    }
    return out + "\n\n"
  }
}

extension Verdicts {
  /// `continuity`: the doctor COC of everyone, and the next step.
  public static func continuity(_ groups: [VisitContinuityAnalysis.GroupSummary], minVisits: Int) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    guard let all = groups.first(where: { $0.grouping == "all" }), let coc = all.doctor.coc else {
      return sv
        ? "Inga patienter har tillräckligt många läkarbesök för ett kontinuitetsindex; kontrollera yrkesvärdena nedan och --min-visits.\n\n"
        : "No patient has enough doctor visits for a continuity index; check the profession values below and --min-visits.\n\n"
    }
    return sv
      ? "Kontinuitetsindex (COC) till läkare är \(F.fixed(coc.mean, decimals: 2)) i medel över \(F.grouped(Double(coc.count))) patienter med minst \(minVisits) läkarbesök (1 = alltid samma läkare; 2021 års mål är en ökning med 20 %). Jämför med en tidigare period med --compare-from/--compare-to, eller prova en plan med `panelplan simulate`.\n\n"
      : "Doctor continuity (COC) is \(F.fixed(coc.mean, decimals: 2)) on average over \(F.grouped(Double(coc.count))) patients with at least \(minVisits) doctor visits (1 = always the same doctor; the 2021 target is a 20% rise). Compare with an earlier period with --compare-from/--compare-to, or try a plan with `panelplan simulate`.\n\n"
  }

  /// `project`: the guideline ratio at the start and at the end, and when
  /// (if ever) it reaches 1.
  public static func projection(_ r: ProjectionResult) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    guard let first = r.years.first, let last = r.years.last else { return "" }
    let ratio = r.years.indices.map { r.total.band(.guidelineRatio, yearIndex: $0).mean }
    let met = r.years.indices.first { ratio[$0] <= 1 }.map { r.years[$0] }
    let start = F.fixed(ratio.first!, decimals: 2), end = F.fixed(ratio.last!, decimals: 2)
    if sv {
      return "Kvoten mot riktvärdet går från \(start) (\(first)) till \(end) (\(last)); "
        + (met.map { "riktvärdet nås \($0)." } ?? "riktvärdet nås inte under perioden.")
        + " Prova `panelplan recruit --by \(last)` för att se hur många som behöver rekryteras.\n\n"
    }
    return "The guideline ratio goes from \(start) (\(first)) to \(end) (\(last)); "
      + (met.map { "the guideline is met in \($0)." } ?? "the guideline is not met within the horizon.")
      + " Try `panelplan recruit --by \(last)` to find the hires that would meet it.\n\n"
  }

  /// `recruit`: the answer for each lever in one sentence.
  public static func recruitment(_ solutions: [RecruitmentSolver.Solution], target: StaffingTarget) -> String {
    let sv = ReportLanguage.current == .sv
    let parts = solutions.map { s -> String in
      let what: String
      switch s.lever {
      case .specialistHires: what = sv ? "specialister rekryterade per år" : "GP specialists hired a year"
      case .traineeIntake: what = sv ? "nya ST-läkare per år" : "trainees taken in a year"
      case .fteIncrease: what = sv ? "i ökad tjänstgöringsgrad per specialist och år" : "FTE added per specialist a year"
      }
      guard let v = s.value else { return sv ? "inga \(what) räcker" : "no number of \(what) is enough" }
      return (v == v.rounded() ? NumberFormat.grouped(v) : NumberFormat.fixed(v, decimals: 2)) + " " + what
    }
    let year = solutions.first?.year
    if sv {
      return "För att nå \(target.localizedLabel)" + (year.map { " senast \($0)" } ?? "") + ": " + parts.joined(separator: ", eller ")
        + " (varje åtgärd för sig). Prova `panelplan project` med svaret för att se åren fram dit.\n\n"
    }
    return "To reach \(target.label)" + (year.map { " by \($0)" } ?? "") + ": " + parts.joined(separator: ", or ")
      + " (each lever on its own). Try `panelplan project` with the answer to see the years until then.\n\n"
  }
}

extension Verdicts {
  /// `assign`: how many get a fixed doctor on the proposed list against the
  /// 2021 targets, and what changes for those who had one.
  public static func assignment(_ coverage: FixedDoctorCoverage, changes ch: PanelAssignment.Changes) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    let listed = coverage.listed.reduce(0, +), assigned = coverage.assigned.reduce(0, +)
    let nh = coverage.share(of: .nursingHome)
    if sv {
      var s = "Förslaget ger \(F.grouped(Double(assigned))) av \(F.grouped(Double(listed))) listade fast läkarkontakt (\(F.percent(coverage.share, decimals: 0)); målet är 55 %"
      if let nh { s += ", boende på särskilt boende \(F.percent(nh, decimals: 0)) mot målet 80 %" }
      s += "); \(F.grouped(Double(ch.kept))) av \(F.grouped(Double(ch.before))) befintliga relationer behålls. Skriv listan med --out och prova den med --write-scenario och `panelplan simulate`.\n\n"
      return s
    }
    var s = "The proposed list gives \(F.grouped(Double(assigned))) of \(F.grouped(Double(listed))) listed a fixed doctor (\(F.percent(coverage.share, decimals: 0)); the target is 55%"
    if let nh { s += ", nursing-home residents \(F.percent(nh, decimals: 0)) against 80%" }
    s += "); \(F.grouped(Double(ch.kept))) of \(F.grouped(Double(ch.before))) existing relations are kept. Write the list with --out and try it with --write-scenario and `panelplan simulate`.\n\n"
    return s
  }
}

extension Verdicts {
  /// `sweep`: what the rows are, and how to find the best plan in them.
  public static func sweep(points: Int, ranked: Bool) -> String {
    let sv = ReportLanguage.current == .sv
    let n = NumberFormat.grouped(Double(points))
    if sv {
      return "\(n) scenarier, en rad vardera med medelvärdet över replikeringarna. "
        + (ranked ? "Rangordningen under raderna visar de bästa som uppfyller villkoren."
                  : "Rangordna dem med --maximise eller --minimise (och --subject-to), eller se en värmekarta med --report.") + "\n\n"
    }
    return "\(n) scenarios, one row each with the mean over replications. "
      + (ranked ? "The ranking below the rows shows the best that meet the constraints."
                : "Rank them with --maximise or --minimise (and --subject-to), or see a heat map with --report.") + "\n\n"
  }
}

extension StaffingTarget {
  /// `label` in the language being written (`ReportLanguage.current`);
  /// JSON keeps the English `label`.
  public var localizedLabel: String {
    guard ReportLanguage.current == .sv else { return label }
    switch self {
    case .guidelineRatio(let x): return "kvot mot riktvärdet högst \(NumberFormat.fixed(x, decimals: 2))"
    case .fixedDoctorShare(let o, let n):
      return "fast läkarkontakt för minst \(NumberFormat.percent(o, decimals: 0)) av alla och minst \(NumberFormat.percent(n, decimals: 0)) av boende på särskilt boende"
    }
  }
}
