import Foundation
import Testing
@testable import PanelPlan

/// Issue 13, finding 7: the smaller inconsistencies.
@Suite struct SmallerFindingsTests {
  /// DOMAIN.md's table over Sweden's 2023 age structure, by hand:
  /// 0.065·1.3 + 0.120·0.6 + 0.165·0.7 + 0.200·0.8 + 0.245·1.0 + 0.105·1.7
  /// + 0.045·1.7 + 0.055·2.6 = 0.0845 + 0.072 + 0.1155 + 0.16 + 0.245 +
  /// 0.1785 + 0.0765 + 0.143 = 1.075. The defaults are rescaled to 1.1, and
  /// default need weights average 1.0.
  @Test func demandTableAveragesTheAssumedRate() {
    #expect(abs(DemandDefaults.domainTableMean - 1.075) < 1e-12)
    let shares = DemandDefaults.swedenAgeShares2023
    #expect(abs(shares.reduce(0) { $0 + $1.share } - 1) < 1e-12)
    let mean = shares.reduce(0) { $0 + $1.share * DemandDefaults.doctorVisitsPerYear(for: $1.band) }
    #expect(abs(mean - 1.1) < 1e-12)
    let weight = shares.reduce(0) { $0 + $1.share * DemandDefaults.defaultNeedWeight(for: $1.band) }
    #expect(abs(weight - 1) < 1e-12)
    #expect(abs(DemandDefaults.doctorVisitsPerYear(for: .age80plus) - 2.6 * 1.1 / 1.075) < 1e-12)
  }

  /// The calendar gives the present days the slots are sized for: 249 open
  /// days − 30 vacation − 10 training − 8 sick = 201 on average (it gave
  /// 203.1). Over 2,000 specialist-years the mean is within 0.5 days (the
  /// spread of one year's sick days is a few days, so the standard error
  /// of the mean is about 0.1).
  @Test func calendarPresentDaysMatchTheWorkingTimeView() {
    let cal = SimulationCalendar(years: 20, publicHolidayDaysPerYear: 11)
    var total = 0
    for i in 0..<100 {
      var rng = Xoshiro256(seed: 9, stream: [UInt64(i)])
      let days = cal.presence(for: Clinician(id: "d", role: .gpSpecialist, fte: 1), workingTime: .standard, absences: .init(), using: &rng)
      total += days.reduce(0) { $0 + Int($1) }
    }
    let mean = Double(total) / 2_000
    #expect(abs(mean - 201) < 0.5)
    #expect(cal.expectedPresentDaysPerYear(for: Clinician(id: "d", role: .gpSpecialist, fte: 1), workingTime: .standard, absences: .init()) == 201)
  }

  /// The two fixed-doctor shares have two names: people in staffing output,
  /// visits in continuity output.
  @Test func fixedDoctorSharesHaveDistinctNames() {
    #expect(StaffingMetric.fixedDoctorShare.rawValue == "share_with_fixed_doctor")
    #expect(ContinuitySummary.indexNames.contains("fixed_doctor_share"))
    #expect(!ContinuitySummary.indexNames.contains("share_with_fixed_doctor"))
  }

  /// The guarantee metric is named for the guarantee, whatever its days
  /// (`acuteAssessmentDays`): 7 of 10 acute contacts assessed within it
  /// give 0.7 under the new name; the old 3-day name is gone from metrics.
  @Test func guaranteeMetricFollowsTheConfiguredDays() {
    let r = SimulationResult(tallies: {
      var t = SimulationTallies()
      t.acuteAssessed = 10
      t.acuteAssessedWithinGuarantee = 7
      t.acuteLeftUnassessed = 0
      return t
    }(), years: 1)
    #expect(r.assessedWithinGuarantee == 0.7)
    #expect(r[SimulationMetric(column: "assessedWithinGuarantee")!] == 0.7)
    #expect(SimulationMetric(column: "assessedWithin3Days") == nil)
  }
}
