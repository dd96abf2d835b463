import Foundation

/// The staffing projection (`panelplan project`) as a sweep model, so a
/// sweep's base can be a whole region or nation.
///
/// A point's scenario is a region file (`{"name", "centres"}`), a nation
/// file (`{"name", "regions"}`) or a single centre file, with an optional
/// `settings` object holding what `panelplan project` takes as options:
///
/// ```json
/// {
///   "model": "projection",
///   "base": "sweden.json",
///   "parameters": [
///     {"name": "hires", "path": "settings.hires", "values": [0, 100, 200]},
///     {"name": "skaneSpecialists", "path": "regions[name=Skåne].centres[*].clinicians[role=specialist].count", "values": [4, 5]}
///   ]
/// }
/// ```
///
/// `settings` fields and defaults (those of `panelplan project`):
/// `startYear` 2026, `years` 10, `hires` 0 (or `fillGaps` LIMIT),
/// `startDelay` 0, `hireFTE` 0.9, `trainees` 0, `fteIncrease` 0,
/// `attrition` 0.03, `retirementAges` [65, 68], `stay` 0.8, `supervision`
/// 0.1, `moves` 0, `locumBudgetFTE` (the input's), `taskSharing` 0,
/// `taskSharingIncrease` 0, `growth80` 0.5, `growthWorkingAge` 0.05 (ten-year
/// growth; DOMAIN.md), `stochastic` true.
///
/// Each replication is one projection. With `stochastic` true (the
/// default) its events are drawn with the seed given by the first number of
/// the replication's stream, `Xoshiro256(seed:, stream: [point,
/// replication]).next()`, so replication r of point i is exactly
/// `panelplan project --replications 1 --seed <that number>` on the point's
/// scenario; with false every replication is the expected-value projection.
/// A single projection runs its centres in parallel, so one national point
/// also uses every core.
///
/// Metrics, at the last year unless said otherwise: `guidelineRatio` (the
/// whole input), `worstRegionGuidelineRatio` (the highest region's),
/// `regionsAtGuideline` (regions at a ratio of at most 1),
/// `firstYearAtGuideline` (the first calendar year the whole input is at
/// most 1; NaN if never), `listedPerSpecialistFTE`, `specialistFTE`,
/// `traineeFTE`, `shareWithFixedDoctor`, `nursingHomeShare`, `specialistHires`
/// and `traineeIntake` (summed over the years).
public struct ProjectionSweepModel: SweepModel {
  public init() {}

  public struct Scenario: Sendable {
    public var projection: WorkforceProjection
    public var settings: ProjectionSettings
    public var stochastic: Bool
  }

  public var metricNames: [String] {
    [
      "guidelineRatio", "worstRegionGuidelineRatio", "regionsAtGuideline", "firstYearAtGuideline", "listedPerSpecialistFTE",
      "specialistFTE", "traineeFTE", "shareWithFixedDoctor", "nursingHomeShare", "specialistHires", "traineeIntake",
    ]
  }

  public var metricDescriptions: [String] {
    [
      "need-weighted listed per guideline capacity in the last year, whole input (at most 1 meets the guideline)",
      "the highest region's guideline ratio in the last year",
      "regions at a guideline ratio of at most 1 in the last year",
      "first calendar year the whole input's guideline ratio is at most 1 (empty if never)",
      "listed per GP specialist FTE in the last year",
      "GP specialist FTE in the last year",
      "GP trainee FTE in the last year",
      "share of listed people with a fixed doctor in the last year (target 55%)",
      "share of nursing-home residents with a fixed doctor in the last year (target 80%)",
      "GP specialists hired over all years",
      "GP trainees taken in over all years",
    ]
  }

  public func prepare(scenario tree: JSONValue) throws -> Scenario {
    guard case .object(let members) = tree else { throw InputError(problem: "found \(tree.kindDescription), expected a region or nation object") }
    let (regions, name) = try Self.regions(in: .object(members.filter { $0.key != "settings" }))
    let raw: Settings
    do {
      raw = try tree["settings"].map { try JSONInput.decode(Settings.self, from: $0) } ?? Settings()
    } catch var e as InputError {
      // Decoded on its own, the object's fields need their place in the scenario.
      e.field = "settings" + (e.field.map { $0.hasPrefix("[") ? $0 : "." + $0 } ?? "")
      throw e
    }
    let settings = try raw.projectionSettings()
    return Scenario(
      projection: WorkforceProjection(regions: regions, totalName: name, trainingYears: settings.workforce.trainingYears),
      settings: settings, stochastic: raw.stochastic ?? true)
  }

  /// The regions of a region, nation or centre object (the layouts
  /// `RegionFile.load` reads), validated; fields are paths in `input`.
  static func regions(in input: JSONValue) throws -> (regions: [Region], name: String) {
    var problems: [InputError] = []
    let out: ([Region], String)
    if input["regions"] != nil {
      let nation = try JSONInput.decode(Nation.self, from: input)
      if nation.regions.isEmpty { problems.append(InputError(field: "regions", problem: "empty; expected at least one region")) }
      for (ri, r) in nation.regions.enumerated() { problems += RegionFile.check(r, path: "regions[\(ri)]") }
      out = (nation.regions, nation.name)
    } else if input["clinicians"] != nil {
      let centre = try JSONInput.decode(CareCentre.self, from: input)
      problems += Validation.problems(in: centre, path: "")
      out = ([Region(name: centre.region ?? centre.name, centres: [centre])], centre.name)
    } else {
      let region = try JSONInput.decode(Region.self, from: input)
      problems += RegionFile.check(region, path: "")
      out = ([region], region.name)
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    return out
  }

  public func evaluate(_ scenario: Scenario, stream: SweepStream, workspace: inout Void) throws -> [Double] {
    var s = scenario.settings
    if scenario.stochastic {
      var g = stream.generator()
      s.mode = .stochastic(replications: 1, seed: g.next())
    }
    let p = scenario.projection
    // perCentre[c][y]: one run; centres in parallel (the engine's streams
    // are per centre and doctor, so threads do not change the numbers).
    let perCentre = p.runReplication(0, s, parallelCentres: true)
    let years = s.years + 1
    let regionCount = p.regionNames.count
    var regionTotals = [[StaffingTotals]](repeating: [StaffingTotals](repeating: StaffingTotals(), count: years), count: regionCount)
    var total = [StaffingTotals](repeating: StaffingTotals(), count: years)
    for (c, centre) in p.centres.enumerated() {
      for y in 0..<years {
        regionTotals[centre.regionIndex][y].add(perCentre[c][y])
        total[y].add(perCentre[c][y])
      }
    }
    let last = total[years - 1]
    let regionRatios = regionTotals.map { $0[years - 1].value(.guidelineRatio) }
    let firstYear = total.firstIndex { $0.value(.guidelineRatio) <= 1 }.map { Double(s.startYear + $0) } ?? .nan
    return [
      last.value(.guidelineRatio), regionRatios.max() ?? .nan, Double(regionRatios.filter { $0 <= 1 }.count), firstYear,
      last.value(.listedPerSpecialistFTE), last.value(.specialistFTE), last.value(.traineeFTE), last.value(.fixedDoctorShare),
      last.value(.nursingHomeShare), total.reduce(0) { $0 + $1.value(.specialistHires) },
      total.reduce(0) { $0 + $1.value(.traineeIntake) },
    ]
  }

  /// The `settings` object: `panelplan project`'s options by name.
  struct Settings: Decodable {
    var startYear: Int?, years: Int?, hires: Int?, fillGaps: Int?, startDelay: Int?, hireFTE: Double?, trainees: Int?
    var fteIncrease: Double?, attrition: Double?, retirementAges: [Int]?, stay: Double?, supervision: Double?, moves: Double?
    var locumBudgetFTE: Double?, taskSharing: Double?, taskSharingIncrease: Double?, growth80: Double?, growthWorkingAge: Double?
    var stochastic: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case startYear, years, hires, fillGaps, startDelay, hireFTE, trainees, fteIncrease, attrition, retirementAges, stay, supervision
      case moves, locumBudgetFTE, taskSharing, taskSharingIncrease, growth80, growthWorkingAge, stochastic
    }

    init() {}

    /// Every option optional: nil is `panelplan project`'s default.
    static var jsonFields: JSONFields<Settings> {
      JSONFields([
        .optional("startYear", \.startYear), .optional("years", \.years), .optional("hires", \.hires), .optional("fillGaps", \.fillGaps),
        .optional("startDelay", \.startDelay), .optional("hireFTE", \.hireFTE), .optional("trainees", \.trainees),
        .optional("fteIncrease", \.fteIncrease), .optional("attrition", \.attrition), .optional("retirementAges", \.retirementAges),
        .optional("stay", \.stay), .optional("supervision", \.supervision), .optional("moves", \.moves),
        .optional("locumBudgetFTE", \.locumBudgetFTE), .optional("taskSharing", \.taskSharing),
        .optional("taskSharingIncrease", \.taskSharingIncrease), .optional("growth80", \.growth80),
        .optional("growthWorkingAge", \.growthWorkingAge), .optional("stochastic", \.stochastic),
      ])
    }

    init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(Settings(), from: decoder) }

    /// The settings `panelplan project` builds from the same options, with
    /// the same ranges; problems name `settings.<field>`.
    func projectionSettings() throws -> ProjectionSettings {
      var problems: [InputError] = []
      func check<T: Comparable>(_ v: T?, _ key: CodingKeys, _ range: ClosedRange<T>, _ fallback: T) -> T {
        guard let v else { return fallback }
        if !range.contains(v) {
          problems.append(InputError(field: "settings.\(key.stringValue)", problem: "found \(v), expected \(range.lowerBound) to \(range.upperBound)"))
          return fallback
        }
        return v
      }
      let share = 0.0...1.0
      var w = WorkforceParameters.standard
      w.attritionPerYear[.gpSpecialist] = check(attrition, .attrition, share, 0.03)
      let ages = retirementAges ?? [65, 68]
      if ages.count == 2 || ages.count == 1, let lo = ages.first, let hi = ages.last, lo <= hi, lo >= 40, hi <= 100 {
        w.retirement = .uniform(lo...hi)
      } else {
        problems.append(InputError(field: "settings.retirementAges", problem: "found \(ages), expected two ages such as [65, 68] (40 to 100)"))
      }
      w.completionStayProbability = check(stay, .stay, share, 0.8)
      w.supervisionFTEPerTrainee = check(supervision, .supervision, 0...1, 0.1)
      w.moveShare = check(moves, .moves, share, 0)
      if let b = locumBudgetFTE { w.locumBudgetFTE = check(b, .locumBudgetFTE, 0...1_000_000, 0) }
      w.taskSharingShare = check(taskSharing, .taskSharing, 0...0.9, 0)
      w.taskSharingIncreasePerYear = check(taskSharingIncrease, .taskSharingIncrease, 0...0.9, 0)
      var growth = PopulationGrowth.standard
      let old = check(growth80, .growth80, -0.9...10, 0.5)
      let working = check(growthWorkingAge, .growthWorkingAge, -0.9...10, 0.05)
      growth.yearlyFactor[AgeBand.age80plus.index] = PopulationGrowth(tenYearGrowth: [.age80plus: old]).factor(for: .age80plus)
      let workingFactor = PopulationGrowth(tenYearGrowth: [.age80plus: working]).factor(for: .age80plus)
      for b in [AgeBand.age16to29, .age30to44, .age45to64] { growth.yearlyFactor[b.index] = workingFactor }
      w.populationGrowth = growth

      var plan = RecruitmentPlan()
      if let limit = fillGaps {
        plan.specialistHiring = .fillGaps(marketLimit: check(limit, .fillGaps, 0...1_000_000, 0))
        if hires != nil { problems.append(InputError(field: "settings.fillGaps", problem: "found both hires and fillGaps, expected one")) }
      } else {
        plan.specialistHiring = .perYear(check(hires, .hires, 0...1_000_000, 0))
      }
      plan.startDelayYears = check(startDelay, .startDelay, 0...50, 0)
      plan.hireFTE = check(hireFTE, .hireFTE, 0.05...1.5, 0.9)
      plan.traineeIntakePerYear = check(trainees, .trainees, 0...1_000_000, 0)
      plan.fteIncreasePerYear = check(fteIncrease, .fteIncrease, 0...1, 0)
      let s = ProjectionSettings(
        startYear: check(startYear, .startYear, 1900...2200, ProjectionSettings.defaultStartYear), years: check(years, .years, 0...100, 10),
        mode: .expected, workforce: w, plan: plan, keepCentreDetail: false)
      if !problems.isEmpty { throw InputErrors(problems) }
      return s
    }
  }
}
