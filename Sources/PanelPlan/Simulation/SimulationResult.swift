/// Additive counts from one simulation run of one or more care centres.
///
/// Everything here is a sum or a count, so the tallies of many centres merge
/// by addition (in a fixed order, so merged results never depend on thread
/// count); the metrics are computed from the merged tallies.
public struct SimulationTallies: Sendable, Hashable, Codable {
  /// Continuity scopes: index 0 doctors only, 1 all contacts.
  public static let scopes = ["doctor", "all"]

  /// Per scope: patients with at least the minimum visits in the window.
  public var indexPatients = [0, 0]
  /// Per scope: sums over those patients of COC, UPC and SECON.
  public var cocSum = [0.0, 0.0]
  public var upcSum = [0.0, 0.0]
  public var seconSum = [0.0, 0.0]
  /// Per scope: patients with a fixed doctor among `indexPatients`, and
  /// the sum of their fixed-doctor shares.
  public var fixedSharePatients = [0, 0]
  public var fixedShareSum = [0.0, 0.0]

  /// Acute doctor contacts booked with a doctor, and those booked within
  /// the guarantee (days counted from when the contact arose).
  public var acuteBooked = 0
  public var acuteWithinGuarantee = 0
  /// Acute doctor contacts that arose (after task sharing).
  public var acuteContacts = 0
  /// Acute contacts assessed by nurse triage, and those the nurse resolved
  /// (they became nurse contacts, counted in `nurseContacts` too).
  public var acuteTriaged = 0
  public var acuteResolvedByNurse = 0
  /// Acute contacts whose first assessment by a licensed professional
  /// (nurse triage, or the doctor visit for those not triaged) took
  /// place, those where it took place within the guarantee, and those
  /// that went elsewhere before any assessment.
  public var acuteAssessed = 0
  public var acuteAssessedWithinGuarantee = 0
  public var acuteLeftUnassessed = 0
  /// Doctor contacts that ran out of patience and went elsewhere: planned;
  /// acute (waiting for triage or for a doctor); and of those acute, the
  /// ones that were waiting for a doctor.
  public var wentElsewherePlanned = 0
  public var wentElsewhereAcute = 0
  public var wentElsewhereAcuteAwaitingDoctor = 0
  /// Open days waited by the contacts that went elsewhere, summed.
  public var wentElsewhereWaitDays = 0
  /// Booked doctor contacts by waiting time in open days; the last bin
  /// holds every wait of `waitHistogram.count − 1` days or more. Contacts
  /// that went elsewhere are not in it.
  public var waitHistogram = [Int](repeating: 0, count: SimulationTallies.waitBins)
  /// Doctor contacts still waiting (for triage or a doctor) when the
  /// horizon ended.
  public var unservedDoctorContacts = 0
  /// Doctor contacts that arose (after task sharing, before triage: the
  /// doctor demand), nurse contacts (including acute contacts resolved in
  /// triage) and other contacts booked.
  public var doctorContacts = 0
  public var nurseContacts = 0
  public var otherContacts = 0

  /// Doctor slots offered and used.
  public var slotsOffered = 0
  public var slotsUsed = 0
  /// Measured open days of the centre.
  public var openDays = 0
  /// Panel-holding doctors' working days (days present), and those on
  /// which the day's demand for the doctor (their panel's doctor contacts
  /// not resolved in triage) exceeded their slots: Green, Savin and
  /// Murray's (2007) overflow, the one definition (`OverflowFrequency`).
  public var doctorDays = 0
  public var doctorOverflowDays = 0

  /// Fixed-doctor coverage by priority group.
  public var coverage = FixedDoctorCoverage()
  /// Person-years and doctor contacts (before task sharing) by age band.
  public var personYearsByBand = [Double](repeating: 0, count: AgeBand.allCases.count)
  public var doctorDemandByBand = [Int](repeating: 0, count: AgeBand.allCases.count)

  /// Per scope: patients by COC in 20 bins of 0.05 (the last includes 1),
  /// for the distribution a report shows.
  public var cocHistogram = [[Int]](repeating: [Int](repeating: 0, count: SimulationTallies.indexBins), count: 2)
  /// Per scope: patients with a fixed doctor by their share of visits with
  /// that doctor, in 20 bins of 0.05.
  public var fixedShareHistogram = [[Int]](repeating: [Int](repeating: 0, count: SimulationTallies.indexBins), count: 2)
  /// Per doctor (in clinician order; a region's centres one after another):
  /// id, slots offered and slots used.
  public var doctorIds: [String] = []
  public var doctorSlotsOffered: [Int] = []
  public var doctorSlotsUsed: [Int] = []

  /// Bins of the index histograms.
  public static let indexBins = 20

  /// The bin of an index value in 0...1.
  static func indexBin(_ v: Double) -> Int { min(indexBins - 1, max(0, Int(v * Double(indexBins)))) }

  /// Bins of the waiting-time histogram (0 ... 60+ open days).
  public static let waitBins = 61

  public init() {}

  /// Adds another run's tallies.
  public mutating func add(_ o: SimulationTallies) {
    for s in 0..<2 {
      indexPatients[s] += o.indexPatients[s]
      cocSum[s] += o.cocSum[s]
      upcSum[s] += o.upcSum[s]
      seconSum[s] += o.seconSum[s]
      fixedSharePatients[s] += o.fixedSharePatients[s]
      fixedShareSum[s] += o.fixedShareSum[s]
    }
    acuteBooked += o.acuteBooked
    acuteWithinGuarantee += o.acuteWithinGuarantee
    acuteContacts += o.acuteContacts
    acuteTriaged += o.acuteTriaged
    acuteResolvedByNurse += o.acuteResolvedByNurse
    acuteAssessed += o.acuteAssessed
    acuteAssessedWithinGuarantee += o.acuteAssessedWithinGuarantee
    acuteLeftUnassessed += o.acuteLeftUnassessed
    wentElsewherePlanned += o.wentElsewherePlanned
    wentElsewhereAcute += o.wentElsewhereAcute
    wentElsewhereAcuteAwaitingDoctor += o.wentElsewhereAcuteAwaitingDoctor
    wentElsewhereWaitDays += o.wentElsewhereWaitDays
    for i in waitHistogram.indices { waitHistogram[i] += o.waitHistogram[i] }
    unservedDoctorContacts += o.unservedDoctorContacts
    doctorContacts += o.doctorContacts
    nurseContacts += o.nurseContacts
    otherContacts += o.otherContacts
    slotsOffered += o.slotsOffered
    slotsUsed += o.slotsUsed
    openDays += o.openDays
    doctorDays += o.doctorDays
    doctorOverflowDays += o.doctorOverflowDays
    coverage.add(o.coverage)
    for sc in 0..<2 {
      for i in 0..<Self.indexBins {
        cocHistogram[sc][i] += o.cocHistogram[sc][i]
        fixedShareHistogram[sc][i] += o.fixedShareHistogram[sc][i]
      }
    }
    doctorIds += o.doctorIds
    doctorSlotsOffered += o.doctorSlotsOffered
    doctorSlotsUsed += o.doctorSlotsUsed
    for b in personYearsByBand.indices {
      personYearsByBand[b] += o.personYearsByBand[b]
      doctorDemandByBand[b] += o.doctorDemandByBand[b]
    }
  }
}

/// One named result value, for generic tabulation (sweeps, CSV).
public struct SimulationMetric: Sendable, Hashable, Codable {
  /// A stable name: `coc_doctor`, `assessedWithin3Days`, ...
  public var name: String
  /// The value; NaN where undefined (no patient qualified, nobody listed).
  public var value: Double

  public init(name: String, value: Double) {
    self.name = name
    self.value = value
  }
}

/// The result of one simulation run (one replication) of one care centre
/// or of many merged.
public struct SimulationResult: Sendable, Hashable, Codable {
  /// The raw counts; merge results by adding these.
  public var tallies: SimulationTallies
  /// Years simulated.
  public var years: Int

  public init(tallies: SimulationTallies, years: Int) {
    self.tallies = tallies
    self.years = years
  }

  /// Results of several centres (same horizon) as one.
  public static func merged(_ results: [SimulationResult]) -> SimulationResult {
    var t = SimulationTallies()
    for r in results { t.add(r.tallies) }
    return SimulationResult(tallies: t, years: results.first?.years ?? 0)
  }

  private static func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }

  /// Mean COC over patients with enough visits; scope 0 doctors, 1 all.
  public func coc(scope s: Int) -> Double { Self.ratio(tallies.cocSum[s], Double(tallies.indexPatients[s])) }
  /// Mean UPC.
  public func upc(scope s: Int) -> Double { Self.ratio(tallies.upcSum[s], Double(tallies.indexPatients[s])) }
  /// Mean SECON.
  public func secon(scope s: Int) -> Double { Self.ratio(tallies.seconSum[s], Double(tallies.indexPatients[s])) }
  /// Mean share of visits with the fixed doctor, over patients who have one.
  public func fixedDoctorShare(scope s: Int) -> Double {
    Self.ratio(tallies.fixedShareSum[s], Double(tallies.fixedSharePatients[s]))
  }

  /// Share of acute contacts whose first assessment by a licensed
  /// professional (nurse triage or a doctor) came within the care
  /// guarantee, `BookingParameters.acuteAssessmentDays` open days (3 in
  /// vårdgarantin; Sweden 73–76% within 3 days, DOMAIN.md). Named for the
  /// guarantee, not for 3 days, since the days are a parameter.
  /// Over acute contacts assessed or gone elsewhere; those still waiting
  /// at the end of the horizon are left out.
  public var assessedWithinGuarantee: Double {
    Self.ratio(
      Double(tallies.acuteAssessedWithinGuarantee), Double(tallies.acuteAssessed + tallies.acuteLeftUnassessed))
  }

  /// Share of acute contacts needing a doctor (not resolved in triage)
  /// that were booked with a doctor within the guarantee's days of arising,
  /// over those booked or gone elsewhere while waiting for a doctor.
  /// Without triage this is `assessedWithinGuarantee`.
  public var acuteSeenByDoctorWithinGuarantee: Double {
    Self.ratio(
      Double(tallies.acuteWithinGuarantee), Double(tallies.acuteBooked + tallies.wentElsewhereAcuteAwaitingDoctor))
  }

  /// Share of doctor contacts (the demand after task sharing) that ran out
  /// of patience and went elsewhere.
  public var wentElsewhereShare: Double {
    Self.ratio(Double(tallies.wentElsewherePlanned + tallies.wentElsewhereAcute), Double(tallies.doctorContacts))
  }

  /// Waiting time of booked doctor contacts at quantile `p`, in open days
  /// (the last histogram bin stands for 60 or more). Over contacts seen:
  /// those that went elsewhere are not counted.
  public func waitDays(quantile p: Double) -> Double {
    let total = tallies.waitHistogram.reduce(0, +)
    guard total > 0 else { return .nan }
    let target = max(1, Int((p * Double(total)).rounded(.up)))
    var cum = 0
    for (d, c) in tallies.waitHistogram.enumerated() {
      cum += c
      if cum >= target { return Double(d) }
    }
    return Double(tallies.waitHistogram.count - 1)
  }

  /// Mean waiting time of booked doctor contacts in open days.
  public var meanWaitDays: Double {
    var n = 0, s = 0
    for (d, c) in tallies.waitHistogram.enumerated() { n += c; s += d * c }
    return Self.ratio(Double(s), Double(n))
  }

  /// Share of booked doctor contacts seen within `days` open days.
  public func shareWaiting(atMost days: Int) -> Double {
    let total = tallies.waitHistogram.reduce(0, +)
    let within = tallies.waitHistogram.prefix(days + 1).reduce(0, +)
    return Self.ratio(Double(within), Double(total))
  }

  /// Booked doctor slots per offered slot.
  public var doctorUtilisation: Double { Self.ratio(Double(tallies.slotsUsed), Double(tallies.slotsOffered)) }
  /// Green, Savin and Murray's overflow frequency: the share of
  /// panel-holding doctors' working days on which demand for the doctor
  /// exceeded the doctor's slots (`OverflowFrequency` is its exact value
  /// where the model is analytic).
  public var overflowDayShare: Double {
    Self.ratio(Double(tallies.doctorOverflowDays), Double(tallies.doctorDays))
  }

  @available(*, deprecated, renamed: "assessedWithinGuarantee")
  public var assessedWithin3Days: Double { assessedWithinGuarantee }
  @available(*, deprecated, renamed: "acuteSeenByDoctorWithinGuarantee")
  public var acuteSeenByDoctorWithin3Days: Double { acuteSeenByDoctorWithinGuarantee }

  /// Simulated doctor contacts per person-year in an age band, as they
  /// arise (before task sharing and triage). Without triage this is the
  /// configured rate; with triage it is the rate / (1 − the expected share
  /// resolved by nurses), so that the visits made match the rate.
  public func doctorVisitsPerPersonYear(band: AgeBand) -> Double {
    Self.ratio(Double(tallies.doctorDemandByBand[band.index]), tallies.personYearsByBand[band.index])
  }

  /// Every metric with its stable name, in a fixed order. Names are part
  /// of the API: sweeps and CSV columns use them.
  public var metrics: [SimulationMetric] {
    var m: [SimulationMetric] = []
    for (s, scope) in SimulationTallies.scopes.enumerated() {
      m.append(.init(name: "coc_\(scope)", value: coc(scope: s)))
      m.append(.init(name: "upc_\(scope)", value: upc(scope: s)))
      m.append(.init(name: "secon_\(scope)", value: secon(scope: s)))
      m.append(.init(name: "fixedDoctorShare_\(scope)", value: fixedDoctorShare(scope: s)))
    }
    let listed = Double(tallies.coverage.listed.reduce(0, +))
    m += [
      .init(name: "assessedWithinGuarantee", value: assessedWithinGuarantee),
      .init(name: "waitDaysMean", value: meanWaitDays),
      .init(name: "waitDaysP50", value: waitDays(quantile: 0.5)),
      .init(name: "waitDaysP90", value: waitDays(quantile: 0.9)),
      .init(name: "seenWithin7Days", value: shareWaiting(atMost: 7)),
      .init(name: "doctorUtilisation", value: doctorUtilisation),
      .init(name: "overflowDayShare", value: overflowDayShare),
      .init(name: "unservedShare", value: Self.ratio(Double(tallies.unservedDoctorContacts), Double(tallies.doctorContacts))),
      // Doctor contacts arising (demand after task sharing, before triage).
      .init(name: "doctorVisitsPerPersonYear", value: Self.ratio(Double(tallies.doctorContacts), listed * Double(years))),
      .init(name: "teamContactsPerPersonYear", value: Self.ratio(Double(tallies.nurseContacts + tallies.otherContacts), listed * Double(years))),
      .init(name: "shareWithFixedDoctor", value: listed > 0 ? tallies.coverage.share : .nan),
    ]
    for g in PriorityGroup.allCases {
      m.append(.init(name: "shareWithFixedDoctor_\(g.rawValue)", value: tallies.coverage.share(of: g) ?? .nan))
    }
    m.append(.init(name: "meetsPopulationTarget", value: tallies.coverage.meetsPopulationTarget ? 1 : 0))
    m.append(.init(name: "meetsNursingHomeTarget", value: tallies.coverage.meetsNursingHomeTarget ? 1 : 0))
    // Added with triage and patience; after the older metrics so that
    // positions of existing names do not move.
    let acute = Double(tallies.acuteContacts)
    let planned = Double(tallies.doctorContacts - tallies.acuteContacts)
    m += [
      .init(name: "acuteSeenByDoctorWithinGuarantee", value: acuteSeenByDoctorWithinGuarantee),
      .init(name: "acuteTriagedShare", value: Self.ratio(Double(tallies.acuteTriaged), acute)),
      .init(name: "acuteResolvedByNurseShare", value: Self.ratio(Double(tallies.acuteResolvedByNurse), acute)),
      .init(name: "wentElsewhereShare", value: wentElsewhereShare),
      .init(name: "wentElsewhereAcuteShare", value: Self.ratio(Double(tallies.wentElsewhereAcute), acute)),
      .init(name: "wentElsewherePlannedShare", value: Self.ratio(Double(tallies.wentElsewherePlanned), planned)),
      .init(name: "doctorVisitsSeenPerPersonYear", value: Self.ratio(Double(tallies.slotsUsed), listed * Double(years))),
      // Added in issue 13 (after the older metrics): the doctor visits that
      // would be made if every contact not resolved in triage were seen,
      // the figure comparable with the configured rate (visits made).
      .init(
        name: "doctorVisitsNeededPerPersonYear",
        value: Self.ratio(Double(tallies.doctorContacts - tallies.acuteResolvedByNurse), listed * Double(years))),
    ]
    return m
  }

  /// The value of a named metric, nil for an unknown name.
  public func metric(_ name: String) -> Double? { metrics.first { $0.name == name }?.value }
}
