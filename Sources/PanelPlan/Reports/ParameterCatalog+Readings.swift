import Foundation

/// The values a run used, read from the parameter types and set beside
/// their documented defaults, in `ParameterCatalog.entries`' order.
extension ParameterCatalog {
  /// Everything a visit-level simulation uses.
  public static func readings(_ p: SimulationParameters) -> [Reading] {
    let d = SimulationParameters()
    var out: [Reading] = [
      Reading("years", .number(Double(p.years), unit: "years"), .number(Double(d.years), unit: "years")),
      Reading("warmUpYears", .number(Double(p.warmUpYears), unit: "years"), .number(Double(d.warmUpYears), unit: "years")),
      Reading("demand.doctorVisitsPerYear", .numbers(p.demand.doctorVisitsPerYear), .numbers(d.demand.doctorVisitsPerYear)),
    ]
    func n(_ path: String, _ v: (SimulationParameters) -> Double, _ unit: String = "") {
      out.append(Reading(path, .number(v(p), unit: unit), .number(v(d), unit: unit)))
    }
    func f(_ path: String, _ v: (SimulationParameters) -> Bool) { out.append(Reading(path, .flag(v(p)), .flag(v(d)))) }
    n("demand.acuteShare", \.demand.acuteShare)
    n("demand.nurseContactsPerDoctorContact", \.demand.nurseContactsPerDoctorContact)
    n("demand.otherContactsPerDoctorContact", \.demand.otherContactsPerDoctorContact)
    n("demand.taskSharingShare", \.demand.taskSharingShare)
    f("demand.scaleByNeedWeight", \.demand.scaleByNeedWeight)
    n("booking.plannedToleranceDays", { Double($0.booking.plannedToleranceDays) }, "open days")
    n("booking.acuteToleranceDays", { Double($0.booking.acuteToleranceDays) }, "open days")
    n("booking.acuteAssessmentDays", { Double($0.booking.acuteAssessmentDays) }, "open days")
    n("booking.acuteReservedShare", \.booking.acuteReservedShare)
    n("booking.bookingHorizonDays", { Double($0.booking.bookingHorizonDays) }, "open days")
    f("booking.preferPreviousDoctor", \.booking.preferPreviousDoctor)
    n("absences.summerVacationShare", \.absences.summerVacationShare)
    n("absences.summerFirstWeek", { Double($0.absences.summerFirstWeek) })
    n("absences.summerLastWeek", { Double($0.absences.summerLastWeek) })
    n("absences.sickSpellDays", \.absences.sickSpellDays, "open days")
    f("absences.traineeRotations", \.absences.traineeRotations)
    n("continuity.minimumVisits", { Double($0.continuity.minimumVisits) }, "visits")
    out.append(Reading("continuity.windowMonths", p.continuity.windowMonths.map { .number(Double($0), unit: "months") } ?? .text("the whole horizon"),
                       .text("the whole horizon")))
    n("triage.assessmentsPerNurseFTEPerDay", \.triage.assessmentsPerNurseFTEPerDay)
    n("triage.triagedShare", \.triage.triagedShare)
    n("triage.resolvedShare", \.triage.resolvedShare)
    n("patience.plannedPatienceDays", { Double($0.patience.plannedPatienceDays) }, "open days")
    n("patience.acutePatienceDays", { Double($0.patience.acutePatienceDays) }, "open days")
    return out + readings(p.workingTime) + readings(p.guideline) + readings(p.assignment)
  }

  /// Both capacity views, and task sharing (`capacity`).
  public static func readings(_ p: CapacityParameters) -> [Reading] {
    readings(p.guideline) + [Reading("taskSharingShare", .number(p.taskSharingShare, unit: ""), .number(0, unit: ""))] + readings(p.workingTime)
  }

  /// The working-time view, with the units `WorkingTimeSensitivity` gives.
  public static func readings(_ w: WorkingTimeParameters) -> [Reading] {
    let d = WorkingTimeParameters.standard
    var out = WorkingTimeSensitivity.items.map { i in
      Reading("workingTime." + i.name, .number(w[keyPath: i.path], unit: i.unit), .number(d[keyPath: i.path], unit: i.unit))
    }
    let more: [(String, KeyPath<WorkingTimeParameters, Double>, String)] = [
      ("visitTimeFactorTraineeBeforeMid", \.visitTimeFactorTraineeBeforeMid, ""), ("visitTimeFactorTraineeAfterMid", \.visitTimeFactorTraineeAfterMid, ""),
      ("visitTimeFactorLicensedDoctor", \.visitTimeFactorLicensedDoctor, ""), ("traineeRotationShare", \.traineeRotationShare, ""),
      ("traineeStudyHoursPerWeek", \.traineeStudyHoursPerWeek, "h/week"),
    ]
    out += more.map { Reading("workingTime." + $0.0, .number(w[keyPath: $0.1], unit: $0.2), .number(d[keyPath: $0.1], unit: $0.2)) }
    out.append(Reading("workingTime.locumsHoldPanels", .flag(w.locumsHoldPanels), .flag(d.locumsHoldPanels)))
    out.append(Reading("workingTime.weeksPerYear", .number(w.weeksPerYear, unit: ""), .number(d.weeksPerYear, unit: "")))
    return out
  }

  /// The guideline view.
  public static func readings(_ g: GuidelineParameters) -> [Reading] {
    let d = GuidelineParameters.socialstyrelsen2022
    let paths: [(String, KeyPath<GuidelineParameters, Double>)] = [
      ("specialistPanel", \.specialistPanel), ("traineeAfterMidTrainingPanel", \.traineeAfterMidTrainingPanel),
      ("traineeBeforeMidTrainingPanel", \.traineeBeforeMidTrainingPanel), ("licensedDoctorPanel", \.licensedDoctorPanel), ("locumPanel", \.locumPanel),
    ]
    var out = paths.map { Reading("guideline." + $0.0, .number(g[keyPath: $0.1], unit: "patients"), .number(d[keyPath: $0.1], unit: "patients")) }
    let steps = g.experienceAdjustment.map { e in
      zip(e.minYears, e.factors).map { NumberFormat.machine($0) + "+: ×" + NumberFormat.machine($1) }.joined(separator: ", ")
    }
    out.append(Reading("guideline.experienceSteps", .text(steps ?? "none"), .text("none")))
    return out
  }

  /// How fixed doctors are offered.
  public static func readings(_ a: AssignmentPolicy) -> [Reading] {
    let d = AssignmentPolicy.standard
    return [
      Reading("assignment.order", .texts(a.order.map(\.label)), .texts(d.order.map(\.label))),
      Reading("assignment.wantShare", .numbers(PriorityGroup.allCases.map(a.wantShare(of:))), .numbers(PriorityGroup.allCases.map(d.wantShare(of:)))),
      Reading("assignment.capacityView", .text(a.capacityView == .guideline ? "guideline" : "working time"), .text("guideline")),
      Reading("assignment.fillLimit", .number(a.fillLimit, unit: ""), .number(d.fillLimit, unit: "")),
    ]
  }

  /// A staffing projection: the horizon, workforce dynamics, the plan, and
  /// the assignment policy and guideline it measures against.
  public static func readings(_ s: ProjectionSettings) -> [Reading] {
    let d = ProjectionSettings()
    let w = s.workforce, dw = d.workforce
    func n(_ path: String, _ v: Double, _ dv: Double, _ unit: String = "") -> Reading { Reading(path, .number(v, unit: unit), .number(dv, unit: unit)) }
    func ages(_ r: RetirementDistribution) -> String { r.firstAge == r.lastAge ? "\(r.firstAge)" : "\(r.firstAge)-\(r.lastAge)" }
    func growth(_ g: PopulationGrowth, _ b: AgeBand) -> Double { ((pow(g.factor(for: b), 10) - 1) * 1e9).rounded() / 1e9 }
    var out: [Reading] = [
      Reading("projection.startYear", .text(String(s.startYear)), .text(String(d.startYear))),
      n("projection.years", Double(s.years), Double(d.years), "years"),
      Reading("workforce.retirementAges", .text(ages(w.retirement)), .text(ages(dw.retirement))),
      n("workforce.attritionPerYear.specialist", w.attrition(of: .gpSpecialist), dw.attrition(of: .gpSpecialist)),
      n("workforce.attritionPerYear.trainee", w.attrition(of: .gpTrainee), dw.attrition(of: .gpTrainee)),
      n("workforce.attritionPerYear.licensedDoctor", w.attrition(of: .licensedDoctor), dw.attrition(of: .licensedDoctor)),
      n("workforce.moveShare", w.moveShare, dw.moveShare),
      n("workforce.trainingYears", w.trainingYears, dw.trainingYears, "years"),
      n("workforce.completionStayProbability", w.completionStayProbability, dw.completionStayProbability),
      n("workforce.supervisionFTEPerTrainee", w.supervisionFTEPerTrainee, dw.supervisionFTEPerTrainee),
      n("workforce.maxSupervisionShare", w.maxSupervisionShare, dw.maxSupervisionShare),
      n("workforce.maxTraineesPerSpecialistFTE", w.maxTraineesPerSpecialistFTE, dw.maxTraineesPerSpecialistFTE),
      Reading("workforce.locumBudgetFTE", w.locumBudgetFTE.map { .number($0, unit: "") } ?? .text("as in the input"),
              .text("as in the input")),
      n("workforce.taskSharingShare", w.taskSharingShare, dw.taskSharingShare),
      n("workforce.taskSharingIncreasePerYear", w.taskSharingIncreasePerYear, dw.taskSharingIncreasePerYear),
      n("workforce.taskSharingMaximum", w.taskSharingMaximum, dw.taskSharingMaximum),
      n("workforce.growth80", growth(w.populationGrowth, .age80plus), growth(dw.populationGrowth, .age80plus)),
      n("workforce.growthWorkingAge", growth(w.populationGrowth, .age30to44), growth(dw.populationGrowth, .age30to44)),
    ]
    let p = s.plan, dp = d.plan
    switch p.specialistHiring {
    case .perYear(let k): out.append(n("plan.hires", Double(k), 0))
    case .fillGaps(let limit): out.append(Reading("plan.fillGaps", .number(Double(limit), unit: ""), .text("off")))
    }
    out += [
      n("plan.startDelayYears", Double(p.startDelayYears), Double(dp.startDelayYears), "years"),
      n("plan.hireFTE", p.hireFTE, dp.hireFTE),
      n("plan.traineeIntakePerYear", Double(p.traineeIntakePerYear), Double(dp.traineeIntakePerYear)),
      n("plan.fteIncreasePerYear", p.fteIncreasePerYear, dp.fteIncreasePerYear),
    ]
    return out + readings(s.policy) + readings(s.capacity.guideline)
  }
}

extension ParameterCatalog.Value: Equatable {
  /// Equal as a reader would see it: numbers within 10⁻⁹ relative, so a
  /// growth read back from its yearly factor equals the default.
  public static func == (a: Self, b: Self) -> Bool {
    func close(_ x: Double, _ y: Double) -> Bool { x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y)) }
    switch (a, b) {
    case let (.number(x, u), .number(y, v)): return u == v && close(x, y)
    case let (.numbers(x), .numbers(y)): return x.count == y.count && zip(x, y).allSatisfy(close)
    case let (.flag(x), .flag(y)): return x == y
    case let (.text(x), .text(y)): return x == y
    case let (.texts(x), .texts(y)): return x == y
    default: return false
    }
  }
}
