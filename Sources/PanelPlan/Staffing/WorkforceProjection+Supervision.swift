import Foundation

extension WorkforceProjection {
  /// Warnings when a plan exceeds supervisor capacity
  /// (`WorkforceParameters.maxTraineesPerSpecialistFTE`): per year, trainees
  /// of the intake no supervisor had room for, and trainee FTE beyond the
  /// limit at some centre (they hold no panel), naming the worst centre.
  /// Means over replications. Amounts below 0.05 (trainees or FTE) are
  /// left out: in expected-value mode doctors are fractional weights, and a
  /// hundredth of a trainee is not news to a planner.
  func supervisionWarnings(_ perRep: [[[StaffingTotals]]], _ s: ProjectionSettings) -> [String] {
    guard let first = perRep.first, let centreYears = first.first?.count else { return [] }
    let reps = Double(perRep.count)
    let limit = NumberFormat.machine(s.workforce.maxTraineesPerSpecialistFTE)
    var out: [String] = []
    for y in 1..<max(1, centreYears) {
      var declined = 0.0, unsupervised = 0.0
      var worst: (id: String, trainee: Double, specialist: Double, excess: Double)?
      for i in centres.indices {
        var d = 0.0, u = 0.0, tr = 0.0, sp = 0.0
        for r in perRep.indices {
          let x = perRep[r][i][y]
          d += x.traineeIntakeDeclined; u += x.unsupervisedTraineeFTE; tr += x.traineeFTE; sp += x.specialistFTE
        }
        declined += d / reps
        unsupervised += u / reps
        if u / reps > (worst?.excess ?? 0) {
          worst = (centres[i].id, tr / reps, sp / reps, u / reps)
        }
      }
      let year = s.startYear + y
      if declined >= 0.05 {
        out.append(
          "\(year): \(NumberFormat.fixed(declined, decimals: 1)) of the \(s.plan.trainees(inYear: y)) trainees the plan takes in "
            + "were not taken in: no GP specialist had supervisor room (at most \(limit) trainee FTE per specialist FTE)")
      }
      if let w = worst, unsupervised >= 0.05 {
        out.append(
          "\(year): \(NumberFormat.fixed(unsupervised, decimals: 2)) trainee FTE beyond supervisor capacity hold no panel; "
            + "most at \(w.id): \(NumberFormat.fixed(w.trainee, decimals: 2)) trainee FTE on \(NumberFormat.fixed(w.specialist, decimals: 2)) "
            + "specialist FTE (at most \(limit) per specialist FTE)")
      }
    }
    return out
  }
}
