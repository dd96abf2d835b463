import Foundation

extension WorkforceProjection {
  /// Warnings when a plan exceeds supervisor capacity
  /// (`WorkforceParameters.maxTraineesPerSpecialistFTE`): per year, trainees
  /// of the intake no supervisor had room for, and trainee FTE beyond the
  /// limit at some centre (they hold no panel), naming the worst centre.
  /// Means over replications. Amounts below 0.05 (trainees or FTE) are
  /// left out: in expected-value mode doctors are fractional weights, and a
  /// hundredth of a trainee is not news to a planner.
  func supervisionWarnings(_ perRep: [[[StaffingTotals]]], _ s: ProjectionSettings) -> [Message] {
    guard let first = perRep.first, let centreYears = first.first?.count else { return [] }
    let reps = Double(perRep.count)
    let m = s.workforce.maxTraineesPerSpecialistFTE
    let limit = Message.Argument.number(m, decimals: m == m.rounded() ? 0 : 2)
    var out: [Message] = []
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
        out.append(Message(
          "{1}: {2} of the {3} trainees the plan takes in were not taken in: no GP specialist had supervisor room (at most {4} trainee FTE per specialist FTE)",
          .text(String(year)), .number(declined, decimals: 1), .text(String(s.plan.trainees(inYear: y))), limit))
      }
      if let w = worst, unsupervised >= 0.05 {
        out.append(Message(
          "{1}: {2} trainee FTE beyond supervisor capacity hold no panel; most at {3}: {4} trainee FTE on {5} specialist FTE (at most {6} per specialist FTE)",
          .text(String(year)), .number(unsupervised, decimals: 2), .text(w.id), .number(w.trainee, decimals: 2),
          .number(w.specialist, decimals: 2), limit))
      }
    }
    return out
  }
}
