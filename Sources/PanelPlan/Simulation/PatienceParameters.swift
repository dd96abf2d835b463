/// Patience, the second pressure valve: demand a centre cannot meet in
/// time goes elsewhere (emergency department, a digital provider,
/// out-of-hours care) or is given up.
///
/// A doctor contact that arose on open day a may be booked up to day
/// a + tolerance + patience (its tolerance is `BookingParameters`'
/// planned or acute tolerance); a contact with no slot by then leaves the
/// queue at the end of that day and is counted as "went elsewhere", having
/// waited exactly tolerance + patience open days. No contact is booked
/// beyond that day, so waits are bounded and the backlog of an overloaded
/// centre stays bounded. Acute contacts waiting for nurse triage leave by
/// the same acute limit. A patience at least the horizon's open days
/// turns the valve off.
public struct PatienceParameters: Sendable, Hashable {
  /// Open days a planned doctor contact waits beyond
  /// `plannedToleranceDays` before going elsewhere. Default 30
  /// (illustrative: with the 10-day tolerance, a planned contact waits at
  /// most 40 open days, about two months).
  public var plannedPatienceDays: Int
  /// Open days an acute doctor contact waits beyond `acuteToleranceDays`.
  /// Default 5 (illustrative: an acute problem unassessed for a working
  /// week goes to the emergency department or a digital provider).
  public var acutePatienceDays: Int

  public init(plannedPatienceDays: Int = 30, acutePatienceDays: Int = 5) {
    self.plannedPatienceDays = plannedPatienceDays
    self.acutePatienceDays = acutePatienceDays
  }

  /// Patience beyond any horizon (50 years): nobody goes elsewhere.
  public static let unlimited = PatienceParameters(plannedPatienceDays: 13_000, acutePatienceDays: 13_000)
}

