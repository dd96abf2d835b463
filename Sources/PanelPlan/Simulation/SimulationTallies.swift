/// Additive counts from one simulation run of one or more care centres.
///
/// Everything here is a sum or a count, so the tallies of many centres merge
/// by addition (in a fixed order, so merged results never depend on thread
/// count); the metrics are computed from the merged tallies.
public struct SimulationTallies: Sendable, Hashable, Codable {
  // Per-scope arrays are indexed by `ContinuityScope.tallyIndex` (doctor
  // contacts 0, all contacts 1); read them through the scope-typed
  // accessors of `SimulationResult`.

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

extension ContinuityScope {
  /// The scope's position in `SimulationTallies`' per-scope arrays.
  @inline(__always)
  var tallyIndex: Int { self == .doctor ? 0 : 1 }
}

extension SimulationTallies {
  /// Adds one patient's continuity in a scope: the patient counts in the
  /// scope's means and COC histogram, and, with a fixed doctor, in the
  /// fixed-doctor share's.
  mutating func recordContinuity(_ stats: ContinuityStatistics, scope: ContinuityScope, hasFixedDoctor: Bool) {
    let s = scope.tallyIndex
    let x = stats.indices(hasFixedDoctor: hasFixedDoctor)
    indexPatients[s] += 1
    cocSum[s] += x.coc ?? 0
    if let c = x.coc { cocHistogram[s][Self.indexBin(c)] += 1 }
    upcSum[s] += x.upc ?? 0
    seconSum[s] += x.secon ?? 0
    if let f = x.fixedDoctorShare {
      fixedSharePatients[s] += 1
      fixedShareSum[s] += f
      fixedShareHistogram[s][Self.indexBin(f)] += 1
    }
  }
}
