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

  /// Mean COC over patients with enough visits in a scope.
  public func coc(_ scope: ContinuityScope) -> Double {
    let s = scope.tallyIndex
    return Self.ratio(tallies.cocSum[s], Double(tallies.indexPatients[s]))
  }
  /// Mean UPC.
  public func upc(_ scope: ContinuityScope) -> Double {
    let s = scope.tallyIndex
    return Self.ratio(tallies.upcSum[s], Double(tallies.indexPatients[s]))
  }
  /// Mean SECON.
  public func secon(_ scope: ContinuityScope) -> Double {
    let s = scope.tallyIndex
    return Self.ratio(tallies.seconSum[s], Double(tallies.indexPatients[s]))
  }
  /// Mean share of visits with the fixed doctor, over patients who have one.
  public func fixedDoctorShare(_ scope: ContinuityScope) -> Double {
    let s = scope.tallyIndex
    return Self.ratio(tallies.fixedShareSum[s], Double(tallies.fixedSharePatients[s]))
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

  /// The value of a result in this run; NaN where undefined.
  public subscript(metric: SimulationMetric) -> Double {
    let listed = Double(tallies.coverage.listed.reduce(0, +))
    let acute = Double(tallies.acuteContacts)
    switch metric {
    case .coc(let s): return coc(s)
    case .upc(let s): return upc(s)
    case .secon(let s): return secon(s)
    case .fixedDoctorShare(let s): return fixedDoctorShare(s)
    case .assessedWithinGuarantee: return assessedWithinGuarantee
    case .waitDaysMean: return meanWaitDays
    case .waitDaysP50: return waitDays(quantile: 0.5)
    case .waitDaysP90: return waitDays(quantile: 0.9)
    case .seenWithin7Days: return shareWaiting(atMost: 7)
    case .doctorUtilisation: return doctorUtilisation
    case .overflowDayShare: return overflowDayShare
    case .unservedShare: return Self.ratio(Double(tallies.unservedDoctorContacts), Double(tallies.doctorContacts))
    case .doctorVisitsPerPersonYear: return Self.ratio(Double(tallies.doctorContacts), listed * Double(years))
    case .teamContactsPerPersonYear:
      return Self.ratio(Double(tallies.nurseContacts + tallies.otherContacts), listed * Double(years))
    case .shareWithFixedDoctor: return listed > 0 ? tallies.coverage.share : .nan
    case .shareWithFixedDoctorInGroup(let g): return tallies.coverage.share(of: g) ?? .nan
    case .meetsPopulationTarget: return tallies.coverage.meetsPopulationTarget ? 1 : 0
    case .meetsNursingHomeTarget: return tallies.coverage.meetsNursingHomeTarget ? 1 : 0
    case .acuteSeenByDoctorWithinGuarantee: return acuteSeenByDoctorWithinGuarantee
    case .acuteTriagedShare: return Self.ratio(Double(tallies.acuteTriaged), acute)
    case .acuteResolvedByNurseShare: return Self.ratio(Double(tallies.acuteResolvedByNurse), acute)
    case .wentElsewhereShare: return wentElsewhereShare
    case .wentElsewhereAcuteShare: return Self.ratio(Double(tallies.wentElsewhereAcute), acute)
    case .wentElsewherePlannedShare:
      return Self.ratio(Double(tallies.wentElsewherePlanned), Double(tallies.doctorContacts - tallies.acuteContacts))
    case .doctorVisitsSeenPerPersonYear: return Self.ratio(Double(tallies.slotsUsed), listed * Double(years))
    case .doctorVisitsNeededPerPersonYear:
      return Self.ratio(Double(tallies.doctorContacts - tallies.acuteResolvedByNurse), listed * Double(years))
    }
  }

  /// Every result with its value, in machine order
  /// (`SimulationMetric.allCases`).
  public var metrics: [SimulationMetricValue] {
    SimulationMetric.allCases.map { SimulationMetricValue($0, value: self[$0]) }
  }
}
