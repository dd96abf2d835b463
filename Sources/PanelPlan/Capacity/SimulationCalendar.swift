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

  /// Open days a year for a number of public holidays on weekdays (at most
  /// the 12 listed in `holidayWeekdays`).
  public static func openDaysPerYear(publicHolidayDaysPerYear: Double) -> Int {
    weekdaysPerYear - min(holidayWeekdays.count, max(0, Int(publicHolidayDaysPerYear.rounded())))
  }

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
  /// year, and sick spells of geometric length (mean `sickSpellDays`).
  ///
  /// Every absence is placed on open days only, and sick days only on days
  /// the clinician would otherwise be present (in Sweden vacation days
  /// lost to sickness are given back), so the expected present days are
  /// exactly open days − vacation − training − sick days, the days that
  /// `expectedPresentDaysPerYear` and the slots are sized for (issue 13,
  /// finding 7: placing them on weekdays lost holidays under vacation and
  /// sick days under vacation, giving 203.1 present days instead of 201).
  ///
  /// - Complexity: O(open days).
  public func presence(
    for c: Clinician, workingTime w: WorkingTimeParameters, absences a: AbsenceParameters,
    using rng: inout Xoshiro256
  ) -> [UInt8] {
    let n = openDaysPerYear
    var out = [UInt8]()
    out.reserveCapacity(openDays)
    guard n > 0 else { return out }
    var away = [Bool](repeating: false, count: n)
    let spell = max(1, a.sickSpellDays)
    let vacation = min(n, max(0, Int(w.vacationDaysPerYear.rounded())))
    let trainingDays = max(0, Int(w.trainingDaysPerYear.rounded()))
    // Spells start on present days not already sick, at the rate that gives
    // `sickDaysPerYear` in expectation: rate × (present − sick) × spell = sick.
    let presentBeforeSick = Double(max(0, n - vacation - trainingDays))
    let notSick = presentBeforeSick - w.sickDaysPerYear
    let spellStart = notSick > 0 ? min(1, w.sickDaysPerYear / (notSick * spell)) : (w.sickDaysPerYear > 0 ? 1 : 0)
    // Open-day positions of the summer weeks.
    let year = weekdayOfOpenDay.prefix(n)
    let firstWeekday = max(0, (a.summerFirstWeek - 1) * 5), lastWeekday = min(Self.weekdaysPerYear, a.summerLastWeek * 5)
    let summerFirst = year.firstIndex { Int($0) >= firstWeekday } ?? n
    let summerEnd = max(summerFirst, year.firstIndex { Int($0) >= lastWeekday } ?? n)
    var sickLeft = 0
    for _ in 0..<years {
      for i in 0..<n { away[i] = false }
      func block(_ length: Int, in range: Range<Int>) {
        let len = min(length, range.count)
        guard len > 0 else { return }
        let start = range.lowerBound + rng.nextIndex(range.count - len + 1)
        for i in start..<(start + len) { away[i] = true }
      }
      let summer = Int((Double(vacation) * a.summerVacationShare).rounded())
      block(summer, in: summerFirst..<summerEnd)
      // The rest of the vacation: one block outside the summer block,
      // retried a few times so the two rarely overlap; then any days still
      // missing (overlap, or a summer range too short) one by one.
      var rest = vacation - away.lazy.filter { $0 }.count
      if rest > 0 {
        for _ in 0..<8 {
          let start = rng.nextIndex(n - min(rest, n) + 1)
          if !(start..<min(n, start + rest)).contains(where: { away[$0] }) {
            for i in start..<min(n, start + rest) { away[i] = true }
            rest = 0
            break
          }
        }
      }
      var tries = 0
      while rest > 0 && tries < 20 * n {
        let d = rng.nextIndex(n)
        tries += 1
        if !away[d] { away[d] = true; rest -= 1 }
      }
      if c.role == .gpTrainee && a.traineeRotations && w.traineeRotationShare > 0 {
        block(Int((Double(n) * w.traineeRotationShare).rounded()), in: 0..<n)
      }
      var training = trainingDays
      tries = 0
      while training > 0 && tries < 20 * n {
        let d = rng.nextIndex(n)
        tries += 1
        if !away[d] { away[d] = true; training -= 1 }
      }
      for i in 0..<n {
        if away[i] {
          out.append(0)
          continue
        }
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
          out.append(1)
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
    Self.expectedPresentDaysPerYear(for: c, workingTime: w, absences: a, openDaysPerYear: openDaysPerYear)
  }

  /// The same for a calendar with `openDaysPerYear` open days: open days
  /// less vacation, training and sick days (all placed on open days by
  /// `presence`), less the rotation share for trainees on rotation.
  public static func expectedPresentDaysPerYear(
    for c: Clinician, workingTime w: WorkingTimeParameters, absences a: AbsenceParameters, openDaysPerYear: Int
  ) -> Double {
    var days = Double(openDaysPerYear) - w.vacationDaysPerYear - w.trainingDaysPerYear - w.sickDaysPerYear
    if c.role == .gpTrainee && a.traineeRotations { days *= 1 - w.traineeRotationShare }
    return max(1, days)
  }
}
