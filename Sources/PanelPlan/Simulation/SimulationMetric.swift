/// A result of the visit-level simulation.
///
/// Inside the library results are named by this enum; strings appear only
/// at the edges, and all of them come from the one table in `descriptor`:
/// the machine column name (CSV/JSON `metrics`, sweep identifiers, staffing
/// outcome columns) and the English label of the results table (which
/// `Terms` translates). `allCases` is the machine order: CSV rows, the JSON
/// `metrics` list and sweep columns follow it, and new results are added at
/// its end so that existing positions do not move.
public enum SimulationMetric: Hashable, Sendable, CaseIterable {
  /// Mean COC, UPC and SECON over patients with at least the minimum visits
  /// (Bice–Boxerman; Breslau–Reeb; Steinwachs; `ContinuityIndex`).
  case coc(ContinuityScope), upc(ContinuityScope), secon(ContinuityScope)
  /// Mean share of visits with the fixed doctor, over patients who have one.
  case fixedDoctorShare(ContinuityScope)
  /// `SimulationResult.assessedWithinGuarantee`.
  case assessedWithinGuarantee
  /// Waiting time of booked doctor contacts: mean, median, 90th percentile.
  case waitDaysMean, waitDaysP50, waitDaysP90
  /// Booked doctor contacts seen within 7 open days.
  case seenWithin7Days
  case doctorUtilisation, overflowDayShare
  /// Doctor contacts still waiting when the horizon ended.
  case unservedShare
  /// Doctor contacts arising per person-year (demand after task sharing,
  /// before triage).
  case doctorVisitsPerPersonYear
  case teamContactsPerPersonYear
  /// Share of listed people with a fixed doctor; in one priority group.
  case shareWithFixedDoctor
  case shareWithFixedDoctorInGroup(PriorityGroup)
  /// 1 when the run meets the 2021 agreement's target, else 0.
  case meetsPopulationTarget, meetsNursingHomeTarget
  // Added with triage and patience.
  case acuteSeenByDoctorWithinGuarantee, acuteTriagedShare, acuteResolvedByNurseShare
  case wentElsewhereShare, wentElsewhereAcuteShare, wentElsewherePlannedShare
  case doctorVisitsSeenPerPersonYear
  // Added in issue 13: the doctor visits that would be made if every
  // contact not resolved in triage were seen.
  case doctorVisitsNeededPerPersonYear

  /// How a result is measured, which fixes how it is shown.
  public enum Kind: Sendable, Hashable {
    /// A share of 0–1, shown as a percentage.
    case share
    /// A continuity index of 0–1, shown with three decimals.
    case index
    /// Contacts or visits per person-year, shown with two decimals.
    case perPersonYear
    /// Open days, shown with two decimals.
    case days

    /// The unit, for column descriptions.
    public var unit: String {
      switch self {
      case .share: return "share (0-1)"
      case .index: return "index (0-1)"
      case .perPersonYear: return "per person-year"
      case .days: return "open days"
      }
    }
  }

  /// Every result, in machine order.
  public static let allCases: [SimulationMetric] =
    ContinuityScope.allCases.flatMap { [.coc($0), .upc($0), .secon($0), .fixedDoctorShare($0)] }
    + [
      .assessedWithinGuarantee, .waitDaysMean, .waitDaysP50, .waitDaysP90, .seenWithin7Days, .doctorUtilisation,
      .overflowDayShare, .unservedShare, .doctorVisitsPerPersonYear, .teamContactsPerPersonYear, .shareWithFixedDoctor,
    ]
    + PriorityGroup.allCases.map { .shareWithFixedDoctorInGroup($0) }
    + [
      .meetsPopulationTarget, .meetsNursingHomeTarget, .acuteSeenByDoctorWithinGuarantee, .acuteTriagedShare,
      .acuteResolvedByNurseShare, .wentElsewhereShare, .wentElsewhereAcuteShare, .wentElsewherePlannedShare,
      .doctorVisitsSeenPerPersonYear, .doctorVisitsNeededPerPersonYear,
    ]

  /// The one table: machine column name, English label (as the results
  /// table shows it; sub-rows are indented) and kind.
  public var descriptor: (column: String, label: String, kind: Kind) {
    switch self {
    case .coc(let s): return ("coc_\(s.rawValue)", s == .doctor ? "COC, doctors" : "COC, all contacts", .index)
    case .upc(let s): return ("upc_\(s.rawValue)", s == .doctor ? "UPC, doctors" : "UPC, all contacts", .index)
    case .secon(let s): return ("secon_\(s.rawValue)", s == .doctor ? "SECON, doctors" : "SECON, all contacts", .index)
    case .fixedDoctorShare(let s):
      return ("fixedDoctorShare_\(s.rawValue)",
              s == .doctor ? "Visits with the fixed doctor, doctors" : "Contacts with the fixed doctor, all", .share)
    case .assessedWithinGuarantee:
      return ("assessedWithinGuarantee", "Acute contacts assessed within the guarantee (nurse or doctor)", .share)
    case .waitDaysMean: return ("waitDaysMean", "Wait for a doctor, mean (open days, contacts seen)", .days)
    case .waitDaysP50: return ("waitDaysP50", "Wait for a doctor, median (open days, contacts seen)", .days)
    case .waitDaysP90: return ("waitDaysP90", "Wait for a doctor, 90th pct (open days, contacts seen)", .days)
    case .seenWithin7Days: return ("seenWithin7Days", "Doctor contacts seen within 7 days (of those seen)", .share)
    case .doctorUtilisation: return ("doctorUtilisation", "Doctor slots used", .share)
    case .overflowDayShare: return ("overflowDayShare", "Overflow: doctors' working days, demand > slots", .share)
    case .unservedShare: return ("unservedShare", "Doctor contacts still waiting at the end", .share)
    case .doctorVisitsPerPersonYear:
      return ("doctorVisitsPerPersonYear", "Doctor contacts arising per person-year (before triage)", .perPersonYear)
    case .teamContactsPerPersonYear:
      return ("teamContactsPerPersonYear", "Nurse and other contacts per person-year", .perPersonYear)
    case .shareWithFixedDoctor: return ("shareWithFixedDoctor", "With a fixed doctor (target 55%)", .share)
    case .shareWithFixedDoctorInGroup(let g):
      return ("shareWithFixedDoctor_\(g.rawValue)", "  \(g.label)\(g == .nursingHome ? " (target 80%)" : "")", .share)
    case .meetsPopulationTarget: return ("meetsPopulationTarget", "Replications meeting the 55% target", .share)
    case .meetsNursingHomeTarget: return ("meetsNursingHomeTarget", "Replications meeting the 80% target", .share)
    case .acuteSeenByDoctorWithinGuarantee:
      return ("acuteSeenByDoctorWithinGuarantee", "Acute contacts needing a doctor, seen within the guarantee", .share)
    case .acuteTriagedShare: return ("acuteTriagedShare", "Acute contacts triaged by a nurse", .share)
    case .acuteResolvedByNurseShare: return ("acuteResolvedByNurseShare", "Acute contacts resolved by the nurse", .share)
    case .wentElsewhereShare: return ("wentElsewhereShare", "Doctor contacts that went elsewhere", .share)
    case .wentElsewhereAcuteShare: return ("wentElsewhereAcuteShare", "  acute", .share)
    case .wentElsewherePlannedShare: return ("wentElsewherePlannedShare", "  planned", .share)
    case .doctorVisitsSeenPerPersonYear:
      return ("doctorVisitsSeenPerPersonYear", "Doctor visits made per person-year", .perPersonYear)
    case .doctorVisitsNeededPerPersonYear:
      return ("doctorVisitsNeededPerPersonYear", "Doctor visits needed per person-year (after triage)", .perPersonYear)
    }
  }

  /// The stable machine name: a CSV row, a JSON `metrics` name, a sweep
  /// column (`coc_doctor`, `shareWithFixedDoctor_aged75plus`).
  public var column: String { descriptor.column }
  /// The English label of the results table (`Terms` translates it).
  public var label: String { descriptor.label }
  public var kind: Kind { descriptor.kind }

  private static let byColumn: [String: SimulationMetric] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.column, $0) })

  /// The metric of a machine name, nil for an unknown one: for reading
  /// names from files and flags only.
  public init?(column: String) {
    guard let m = Self.byColumn[column] else { return nil }
    self = m
  }
}

/// A result with its value in one run.
public struct SimulationMetricValue: Sendable, Hashable {
  public var metric: SimulationMetric
  /// NaN where undefined (no patient qualified, nobody listed).
  public var value: Double
  /// The metric's machine name.
  public var name: String { metric.column }

  public init(_ metric: SimulationMetric, value: Double) {
    self.metric = metric
    self.value = value
  }
}
