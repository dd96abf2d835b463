import Foundation

/// Renders a proposed fixed-doctor list (`PanelAssignment`): the list as
/// CSV, and the summary a manager reads (panels against capacity, coverage
/// against the targets, relations kept, moved and ended).
public enum AssignmentReport {
  private typealias F = NumberFormat

  /// What the summary says about the run besides the list.
  public struct Context: Sendable {
    public var centreName: String
    public var centreId: String
    public var capacityView: CapacityView
    public var fillLimit: Double
    public var seed: UInt64
    /// Clinicians removed with `--without`.
    public var removed: [String] = []
    /// The window, as text (e.g. `2024-01-01…2024-12-31`), nil without visits.
    public var window: String?
    public init(centreName: String, centreId: String, capacityView: CapacityView, fillLimit: Double, seed: UInt64) {
      self.centreName = centreName
      self.centreId = centreId
      self.capacityView = capacityView
      self.fillLimit = fillLimit
      self.seed = seed
    }
  }

  /// Column names of the list, in order.
  public static let csvColumns = [
    "patient", "fixed_doctor", "need_weight", "priority_group", "previous_fixed_doctor", "kept",
    "visits_with_fixed_doctor", "reason",
  ]

  /// A need weight as written: the shortest text that reads back as the
  /// same `Float` (`2.4`, `1`).
  static func weight(_ w: Float) -> String {
    w == w.rounded() && abs(w) < 1e9 ? String(Int(w)) : "\(w)"
  }

  /// The list: one row per patient in the patients file's order, RFC 4180
  /// quoting as `CSVWriter` does (quotes only where a field holds `,`, `"`
  /// or a line break).
  ///
  /// - Complexity: O(p); written as bytes, since the general writer's
  ///   per-field String search dominated a large centre's run.
  public static func csv(_ list: PanelAssignment, input: AssignmentInput) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(input.patients.count * 64 + 128)
    func field(_ b: UnsafeRawBufferPointer) {
      if b.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
        out.append(34)
        for c in b {
          if c == 34 { out.append(34) }
          out.append(c)
        }
        out.append(34)
      } else {
        out.append(contentsOf: b)
      }
    }
    func field(_ s: String) {
      var s = s
      s.withUTF8 { field(UnsafeRawBufferPointer($0)) }
    }
    for (k, c) in csvColumns.enumerated() {
      if k > 0 { out.append(44) }
      field(c)
    }
    out.append(10)
    let groups = PriorityGroup.allCases
    for i in 0..<input.patients.count {
      input.records.ids.withBytes(Int32(i)) { field($0) }
      out.append(44)
      let d = list.doctorOf[i]
      if d >= 0 { field(list.clinicianIds[Int(d)]) }
      out.append(44)
      field(weight(input.patients.needWeight[i]))
      out.append(44)
      field(groups[Int(input.patients.priorityGroup[i])].rawValue)
      out.append(44)
      if let p = input.previousIds[i] { field(p) }
      out.append(44)
      field(list.reason[i] == .kept ? "true" : "false")
      out.append(44)
      field(String(list.visitsWithFixedDoctor[i]))
      out.append(44)
      field(list.reason[i].label)
      out.append(10)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Per doctor: panel count, need-weighted panel, capacity and fill.
  public static func doctorTable(_ list: PanelAssignment, clinicians: [Clinician]) -> TextTable {
    var t = TextTable(headers: ["Doctor", "Role", "FTE", "Patients", "Need-weighted", "Capacity", "Fill"])
    t.alignments[1] = .left
    var total = (count: 0, load: 0.0, cap: 0.0, fte: 0.0)
    for (d, c) in clinicians.enumerated() where c.role.isDoctor {
      t.append([
        c.id, c.role.label, F.fixed(c.fte, decimals: 2), F.grouped(Double(list.panelCount[d])), F.grouped(list.load[d], decimals: 1),
        F.grouped(list.capacity[d], decimals: 1), list.capacity[d] > 0 ? F.percent(list.load[d] / list.capacity[d]) : "–",
      ])
      total.count += list.panelCount[d]
      total.load += list.load[d]
      total.cap += list.capacity[d]
      total.fte += c.fte
    }
    t.append([
      "Total", "", F.fixed(total.fte, decimals: 2), F.grouped(Double(total.count)), F.grouped(total.load, decimals: 1),
      F.grouped(total.cap, decimals: 1), total.cap > 0 ? F.percent(total.load / total.cap) : "–",
    ])
    return t
  }

  /// Per priority group: listed, with a fixed doctor, share, and the 2021
  /// agreement's targets (`FixedDoctorTargets`: 80% of nursing-home
  /// residents, 55% of everyone).
  public static func groupTable(_ coverage: FixedDoctorCoverage) -> TextTable {
    var t = TextTable(headers: ["Priority group", "Listed", "With fixed doctor", "Share", "Target"])
    func target(_ share: Double?, _ goal: Double) -> String {
      guard let share else { return F.percent(goal, decimals: 0) }
      let l = ReportLanguage.current
      return F.percent(goal, decimals: 0) + " (" + l(share >= goal ? "met" : "not met") + ")"
    }
    for g in PriorityGroup.allCases {
      let s = coverage.share(of: g)
      t.append([
        g.label, F.grouped(Double(coverage.listed[g.rank])), F.grouped(Double(coverage.assigned[g.rank])),
        s.map { F.percent($0) } ?? "–", g == .nursingHome ? target(s, FixedDoctorTargets.nursingHome) : "",
      ])
    }
    let listed = coverage.listed.reduce(0, +)
    t.append([
      "Everyone", F.grouped(Double(listed)), F.grouped(Double(coverage.assigned.reduce(0, +))),
      listed > 0 ? F.percent(coverage.share) : "–", target(listed > 0 ? coverage.share : nil, FixedDoctorTargets.population),
    ])
    return t
  }

  /// How many patients lost their fixed doctor are named in the summary.
  public static let namedLostLimit = 20

  /// The printed summary.
  public static func table(_ list: PanelAssignment, input: AssignmentInput, clinicians: [Clinician], context c: Context) -> String {
    let n = input.patients.count
    let weighted = input.patients.needWeight.reduce(0.0) { $0 + Double($1) }
    var out = Verdicts.assignment(list.coverage(of: input.patients), changes: list.changes)
    // One text, each phrase in the report's language.
    let sv = ReportLanguage.current == .sv
    func l(_ en: String, _ swedish: String) -> String { sv ? swedish : en }
    out += l("Care centre", "Vårdcentral") + ": \(c.centreName) (\(c.centreId))\n"
    out += l("Capacity: ", "Kapacitet: ")
      + (c.capacityView == .guideline ? l("guideline view, fill limit ", "riktvärdet, högsta fyllnadsgrad ") : l("working-time view, fill limit ", "arbetstiden, högsta fyllnadsgrad "))
      + "\(F.fixed(c.fillLimit, decimals: 2))" + l("; seed ", "; slumpfrö ") + "\(c.seed)"
    if !c.removed.isEmpty { out += l("; without ", "; utan ") + c.removed.joined(separator: ", ") }
    out += "\n"
    out += l("Patients", "Patienter") + ": \(F.grouped(Double(n))) (\(F.grouped(weighted, decimals: 1)) " + l("need-weighted); ages at ", "vårdtyngdsviktade); ålder år ") + "\(input.ageYear)\n"
    if let w = c.window {
      out += l("Visits in ", "Besök ") + "\(w): \(F.grouped(Double(input.visitRowsInWindow))) " + l("rows", "rader") + ", \(F.grouped(Double(input.visitRowsCounted))) "
        + l("with this centre's clinicians", "hos vårdcentralens läkare och personal") + "\n"
    } else {
      out += l("Visits: none given (no most-seen preference)", "Besök: inga angivna (ingen preferens för mest träffad läkare)") + "\n"
    }
    out += "\n" + l("Panels against capacity (need-weighted patients)", "Listor mot kapaciteten (vårdtyngdsviktade patienter)") + "\n" + doctorTable(list, clinicians: clinicians).render()
    out += "\n" + l("Who has a fixed doctor", "Vem som har fast läkarkontakt") + "\n" + groupTable(list.coverage(of: input.patients)).render()
    do {
      let ch = list.changes
      out += "\n" + l("Relations", "Relationer") + ": \(F.grouped(Double(ch.before))) " + l("before", "före") + "; \(F.grouped(Double(ch.kept))) " + l("kept", "behålls")
        + ", \(F.grouped(Double(ch.moved))) " + l("moved", "flyttas") + ", \(F.grouped(Double(ch.ended))) " + l("ended", "avslutas") + "; \(F.grouped(Double(ch.new))) " + l("new", "nya") + "\n"
    }
    let ch = list.changes
    var reasons = [Int](repeating: 0, count: PanelAssignment.Reason.allCases.count)
    for r in list.reason { reasons[Int(r.rawValue)] += 1 }
    out += "Reasons: " + PanelAssignment.Reason.allCases.filter { reasons[Int($0.rawValue)] > 0 }
      .map { "\($0.label) \(F.grouped(Double(reasons[Int($0.rawValue)])))" }.joined(separator: ", ") + "\n"
    if !ch.endedRows.isEmpty {
      let names = ch.endedRows.prefix(namedLostLimit).map { input.records.ids.string(Int32($0)) }
      out += "Lost their fixed doctor (\(F.grouped(Double(ch.ended)))): \(names.joined(separator: ", "))"
      out += ch.ended > namedLostLimit ? ", … (all in the list: kept=false, fixed_doctor empty, previous_fixed_doctor set)\n" : "\n"
    }
    return out
  }
}
