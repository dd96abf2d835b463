import PanelPlan

/// National staffing projections on a generated Sweden (seed 1: 21 regions,
/// about 1,170 centres, 10.5 million listed in groups).
enum StaffingBenchmarks {
  nonisolated(unsafe) static var prepared: WorkforceProjection?

  static func projection() -> WorkforceProjection {
    if let p = prepared { return p }
    let nation = SyntheticRegion().sweden(seed: 1)
    let p = WorkforceProjection(regions: nation.regions, totalName: nation.name)
    prepared = p
    return p
  }

  static var all: [Benchmark] {
    [
      Benchmark(name: "staffing/generate-sweden", unit: "centres") {
        let n = SyntheticRegion().sweden(seed: 1)
        return (n.centreCount, Double(n.regions.reduce(0) { $0 + $1.centres.count }))
      },
      Benchmark(name: "staffing/national-10y-expected", unit: "centre-years") {
        let p = projection()
        let s = ProjectionSettings(years: 10, plan: RecruitmentPlan(specialistHiring: .perYear(400), traineeIntakePerYear: 350))
        let r = p.run(s)
        return (p.centreCount * 11, r.total.band(.guidelineRatio, yearIndex: 10).mean)
      },
      Benchmark(name: "staffing/national-10y-stochastic-20", unit: "centre-years") {
        let p = projection()
        let s = ProjectionSettings(
          years: 10, mode: .stochastic(replications: 20, seed: 1),
          plan: RecruitmentPlan(specialistHiring: .perYear(400), traineeIntakePerYear: 350), keepCentreDetail: false)
        let r = p.run(s)
        return (p.centreCount * 11 * 20, r.total.band(.guidelineRatio, yearIndex: 10).mean)
      },
      Benchmark(name: "staffing/national-recruit-hires-2030", unit: "solves") {
        let p = projection()
        let solver = RecruitmentSolver(projection: p, settings: ProjectionSettings(years: 4), target: .guidelineRatio(atMost: 1))
        let answer = solver.solve(lever: .specialistHires, by: 2030)
        return (1, answer.value ?? -1)
      },
    ]
  }
}
