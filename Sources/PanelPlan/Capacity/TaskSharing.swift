/// Task sharing: the one meaning every view of PanelPlan gives it.
///
/// A task-sharing share `s` is the share of the doctor time each listed
/// patient needs that moves to nurses and other professions. A patient then
/// needs `(1 − s)` of the doctor time they needed before, so a doctor's
/// panel grows by `1 / (1 − s)` (Altschuler et al. 2012, Ann Fam Med 10:396:
/// panel = doctor hours per year / doctor hours one patient needs per year).
///
/// Where it acts:
/// - `capacity` (`CapacityParameters.taskSharingShare`, `--task-sharing`):
///   every doctor's guideline and working-time panel, and the full-time
///   specialist panel that is the unit of FTE gaps, × `1 / (1 − s)`.
/// - the simulation (`demand.taskSharingShare`): panels × `1 / (1 − s)`
///   when fixed doctors are assigned, each would-be doctor contact goes to a
///   nurse with probability `s`, and a doctor's per-patient indirect work is
///   × `(1 − s)`; it needs nurses at the centre (without any, nothing can
///   move and the share is taken as 0, see `CentreSimulation`).
/// - `project` (`WorkforceParameters.taskSharingShare`, `--task-sharing`):
///   need-weighted demand × `(1 − s)` against unscaled capacity. Ratios,
///   FTE gaps and fixed-doctor shares are then the same as `capacity` gives
///   with the same share; the projection's demand column is in doctor-time
///   units.
///
/// ```swift
/// TaskSharing.panelFactor(share: 0.25)                 // 1.333…
/// DelegationModel.altschuler2012Model1.doctorTimeShare // ≈ 0.491
/// ```
public enum TaskSharing {
  /// The largest share accepted anywhere: 0.75, a panel four times the
  /// panel without task sharing.
  ///
  /// Why 0.75: the largest delegation Altschuler et al. (2012) modelled
  /// moves 49% of doctor time (2.06 → 1.04 doctor hours a patient-year),
  /// and no published team model moves three quarters; at `s` → 1 the panel
  /// grows without bound, so a share near 1 is a typing error rather than a
  /// plan. Values above the bound are rejected with `problem(share:field:)`'s
  /// message, never capped silently.
  public static let maximumShare = 0.75

  /// How much a doctor's panel grows when a share `s` of doctor time per
  /// patient moves to the team: `1 / (1 − s)`.
  ///
  /// - Precondition: `0 ≤ share < 1`.
  public static func panelFactor(share s: Double) -> Double {
    precondition(s >= 0 && s < 1, "task-sharing share must be in [0, 1)")
    return 1 / (1 - s)
  }

  /// The doctor time a patient needs after task sharing, relative to
  /// before: `1 − s`.
  public static func doctorTimeFactor(share s: Double) -> Double { 1 - s }

  /// A message for a planner when `share` is not a valid task-sharing
  /// share (not a number, negative, or above `maximumShare`); nil when it
  /// is valid.
  ///
  /// - Parameter field: how the user entered it, e.g. `--task-sharing` or
  ///   `demand.taskSharingShare`.
  public static func problem(share: Double, field: String) -> String? {
    guard share.isFinite && share >= 0 else {
      return "\(field): found \(share), expected a share of doctor time from 0 to \(maximumShare)"
    }
    guard share <= maximumShare + 1e-12 else {
      return "\(field): found \(share), above the largest accepted task-sharing share \(maximumShare) "
        + "(a panel × \(Int(1 / (1 - maximumShare))) of today's; Altschuler et al. 2012's largest delegation model moves 0.49)"
    }
    return nil
  }
}

/// A delegation model in Altschuler et al.'s (2012) terms: the doctor hours
/// an average patient needs per year split into care components, and the
/// share of each component delegated to the team.
///
/// `doctorTimeShare` is the task-sharing share `s` the rest of PanelPlan
/// takes: `1 − Σ hours × (1 − delegated) / Σ hours`.
public struct DelegationModel: Sendable, Hashable {
  /// Component names, e.g. "preventive", "chronic", "acute".
  public var components: [String]
  /// Doctor hours one patient needs per year for each component, before
  /// delegation.
  public var hoursPerPatientYear: [Double]
  /// Share of each component's doctor time moved to the team (0...1).
  public var delegatedShares: [Double]

  public init(components: [String], hoursPerPatientYear: [Double], delegatedShares: [Double]) {
    precondition(components.count == hoursPerPatientYear.count && components.count == delegatedShares.count,
                 "one hour figure and one delegated share per component")
    self.components = components
    self.hoursPerPatientYear = hoursPerPatientYear
    self.delegatedShares = delegatedShares
  }

  /// Doctor hours per patient-year before delegation.
  public var hoursBefore: Double { hoursPerPatientYear.reduce(0, +) }
  /// Doctor hours per patient-year the doctor keeps.
  public var hoursAfter: Double {
    zip(hoursPerPatientYear, delegatedShares).reduce(0) { $0 + $1.0 * (1 - $1.1) }
  }
  /// The share of doctor time moved to the team: the task-sharing share.
  public var doctorTimeShare: Double { hoursBefore > 0 ? 1 - hoursAfter / hoursBefore : 0 }

  /// Altschuler et al. (2012), Ann Fam Med 10:396, Table 2: doctor hours a
  /// patient needs per year, 0.71 preventive, 0.99 chronic, 0.36 acute
  /// (2.06 in all, panel 983 at about 2,025 doctor hours a year).
  static func altschuler(preventive: Double, chronic: Double) -> DelegationModel {
    DelegationModel(
      components: ["preventive", "chronic", "acute"], hoursPerPatientYear: [0.71, 0.99, 0.36],
      delegatedShares: [preventive, chronic, 0])
  }

  /// No delegation: 2.06 doctor hours a patient-year, panel 983.
  public static let altschuler2012None = altschuler(preventive: 0, chronic: 0)
  /// 77% of preventive and 47% of chronic care delegated (published: 1.04
  /// hours, panel 1,947).
  public static let altschuler2012Model1 = altschuler(preventive: 0.77, chronic: 0.47)
  /// 60% / 30% delegated (published: 1.33 hours, panel 1,523).
  public static let altschuler2012Model2 = altschuler(preventive: 0.60, chronic: 0.30)
  /// 50% / 25% delegated (published: 1.46 hours, panel 1,387).
  public static let altschuler2012Model3 = altschuler(preventive: 0.50, chronic: 0.25)
}

extension CapacityParameters {
  /// A doctor's guideline panel with this task sharing: the guideline panel
  /// × 1 / (1 − `taskSharingShare`). The one place capacity, assignment and
  /// the simulation take it from.
  public func guidelinePanel(for c: Clinician) -> Double {
    GuidelineCapacity.panel(for: c, parameters: guideline) * TaskSharing.panelFactor(share: clampedShare)
  }

  /// The working-time breakdown with this task sharing: the minutes a
  /// patient needs from the doctor × (1 − share), so the panel × 1 / (1 −
  /// share); the hours and visit capacity are the doctor's own and do not
  /// change.
  public func workingTimeBreakdown(for c: Clinician) -> WorkingTimeBreakdown {
    var b = WorkingTimeCapacity.breakdown(for: c, parameters: workingTime)
    let s = clampedShare
    b.minutesPerPatientYear *= TaskSharing.doctorTimeFactor(share: s)
    b.panel *= TaskSharing.panelFactor(share: s)
    return b
  }

  /// The working-time parameters doctors' slots (`DoctorSlots`) use: the
  /// per-patient indirect minutes × (1 − share), since task sharing moves
  /// the same share of that work to the team as of visits.
  public var doctorWorkingTime: WorkingTimeParameters {
    var w = workingTime
    w.indirectMinutesPerPatientYear *= TaskSharing.doctorTimeFactor(share: clampedShare)
    return w
  }

  /// The share within [0, maximumShare]. Entry points (CLI, scenario files)
  /// reject shares outside it with a message; this only keeps a library
  /// caller who skipped that check from dividing by zero.
  var clampedShare: Double {
    taskSharingShare.isFinite ? min(TaskSharing.maximumShare, max(0, taskSharingShare)) : 0
  }
}
