/// The simulated calendar: open days, and each clinician's days present.
///
/// A year is 52 weeks of 5 weekdays (260); the centre is closed on
/// `publicHolidayDaysPerYear` of them (Swedish holidays that fall on
/// weekdays, placed at their usual weeks). Simulation time counts open days
/// only: contacts arise and are booked on open days, so a waiting time of
/// 3 is three open days.
public struct SimulationCalendar: Sendable, Hashable {
  /// Weekday (0..<260) of each open day within its year.
  public var weekdayOfOpenDay: [Int16]
  /// Open days in each simulated year.
  public var openDaysPerYear: Int
  /// Number of simulated years.
  public var years: Int

  /// Total open days.
  public var openDays: Int { weekdayOfOpenDay.count }

  /// Weekday positions of Swedish public holidays that fall on weekdays, in
  /// order of how often they do: New Year's Day, Epiphany, Good Friday,
  /// Easter Monday, 1 May, Ascension, National Day, Midsummer Eve,
  /// Christmas Eve, Christmas Day, Boxing Day, New Year's Eve.
  static let holidayWeekdays: [Int] = [0, 4, 66, 67, 86, 95, 111, 122, 256, 257, 258, 259]

  /// Weekdays in a simulated year.
  public static let weekdaysPerYear = 260

  public init(years: Int, publicHolidayDaysPerYear: Double) {
    let k = min(Self.holidayWeekdays.count, max(0, Int(publicHolidayDaysPerYear.rounded())))
    let closed = Set(Self.holidayWeekdays.prefix(k))
    let open = (0..<Self.weekdaysPerYear).filter { !closed.contains($0) }.map { Int16($0) }
    self.years = years
    openDaysPerYear = open.count
    weekdayOfOpenDay = []
    weekdayOfOpenDay.reserveCapacity(open.count * years)
    for _ in 0..<years { weekdayOfOpenDay.append(contentsOf: open) }
  }

  /// Days present at the unit (1) or away (0) for one clinician, over every
  /// open day, drawn from the working-time amounts and the absence placement.
  ///
  /// Each year: a summer vacation block (`summerVacationShare` of the
  /// vacation days, in weeks `summerFirstWeek...summerLastWeek`), the rest
  /// of the vacation as one block elsewhere, training days scattered,
  /// trainees away for one rotation block of `traineeRotationShare` of the
  /// year, and sick spells of geometric length (mean `sickSpellDays`)
  /// starting at a rate that gives `sickDaysPerYear` on average.
  ///
  /// - Complexity: O(open days).
  public func presence(
    for c: Clinician, workingTime w: WorkingTimeParameters, absences a: AbsenceParameters,
    using rng: inout Xoshiro256
  ) -> [UInt8] {
    let n = Self.weekdaysPerYear
    var out = [UInt8]()
    out.reserveCapacity(openDays)
    var away = [Bool](repeating: false, count: n)
    let spell = max(1, a.sickSpellDays)
    let spellStart = min(1, w.sickDaysPerYear / (Double(openDaysPerYear) * spell))
    var sickLeft = 0
    for _ in 0..<years {
      for i in 0..<n { away[i] = false }
      func block(_ length: Int, in range: Range<Int>) {
        let len = min(length, range.count)
        guard len > 0 else { return }
        let start = range.lowerBound + rng.nextIndex(range.count - len + 1)
        for i in start..<(start + len) { away[i] = true }
      }
      let vacation = max(0, Int(w.vacationDaysPerYear.rounded()))
      let summer = Int((Double(vacation) * a.summerVacationShare).rounded())
      let first = max(0, (a.summerFirstWeek - 1) * 5), last = min(n, a.summerLastWeek * 5)
      block(summer, in: first..<max(first, last))
      // The rest of the vacation: one block outside the summer block,
      // retried a few times so the two rarely overlap.
      let rest = vacation - summer
      if rest > 0 {
        for _ in 0..<8 {
          let start = rng.nextIndex(n - min(rest, n) + 1)
          if !(start..<(start + rest)).contains(where: { away[$0] }) {
            for i in start..<min(n, start + rest) { away[i] = true }
            break
          }
        }
      }
      if c.role == .gpTrainee && a.traineeRotations && w.traineeRotationShare > 0 {
        block(Int((Double(n) * w.traineeRotationShare).rounded()), in: 0..<n)
      }
      var training = max(0, Int(w.trainingDaysPerYear.rounded()))
      var tries = 0
      while training > 0 && tries < 20 * n {
        let d = rng.nextIndex(n)
        tries += 1
        if !away[d] { away[d] = true; training -= 1 }
      }
      for wd in weekdayOfOpenDay.prefix(openDaysPerYear) {
        if sickLeft == 0 && spellStart > 0 && rng.nextUnit() < spellStart {
          // Geometric length with mean `spell`: P(length = k) = (1 − q)^(k−1) q.
          let q = 1 / spell
          var len = 1
          while rng.nextUnit() >= q && len < 60 { len += 1 }
          sickLeft = len
        }
        if sickLeft > 0 {
          sickLeft -= 1
          out.append(0)
        } else {
          out.append(away[Int(wd)] ? 0 : 1)
        }
      }
    }
    return out
  }

  /// Open days a clinician is expected to be present in a year: the
  /// working-time view's working days, less the rotation share for
  /// trainees on rotation. Slots per present day are annual slots divided
  /// by this, so the calendar and the capacity view agree on the year.
  public func expectedPresentDaysPerYear(
    for c: Clinician, workingTime w: WorkingTimeParameters, absences a: AbsenceParameters
  ) -> Double {
    let holidays = Double(Self.weekdaysPerYear - openDaysPerYear)
    var days = Double(Self.weekdaysPerYear) - holidays - w.vacationDaysPerYear - w.trainingDaysPerYear - w.sickDaysPerYear
    if c.role == .gpTrainee && a.traineeRotations { days *= 1 - w.traineeRotationShare }
    return max(1, days)
  }
}
