import Foundation

/// What a sweep report states as its assumptions: the sweep's own
/// settings, each varied parameter with its values, and the parameters
/// every point starts from (`ParameterCatalog`).
extension SweepPlan {
  /// The sweep's settings and varied parameters, in `l`.
  public func assumptionItems(_ l: ReportLanguage) -> [ReportAssumptions.Item] {
    let d = definition
    func n(_ x: Double) -> String { NumberFormat.grouped(x, decimals: x == x.rounded() ? 0 : abs(x * 100 - (x * 100).rounded()) < 1e-9 ? 2 : 3) }
    func value(_ v: JSONValue) -> String {
      if case .number(let x) = v { return n(x) }
      return String(decoding: v.serialized(), as: UTF8.self)
    }
    let file = l("set in the sweep file")
    var items: [ReportAssumptions.Item] = [
      .init(name: l("Sweep model"), value: d.model, source: file),
      .init(name: l("Design"), value: d.design == .grid ? l("grid (every combination)") : l("Latin hypercube"), source: file),
      .init(name: l("Points"), value: n(Double(pointCount)), source: d.design == .grid ? l("the product of the parameters' values") : file),
      .init(name: l("Replications per point"), value: n(Double(replications)), source: file),
      .init(name: l("Seed (the same seed gives the same results)"), value: String(seed), source: file),
    ]
    for p in d.parameters {
      let values: String
      switch p.source {
      case .values(let v): values = (p.whole ? v.map(SweepParameter.roundWhole) : v).map(value).joined(separator: l == .sv ? "; " : ", ")
      case .range(let from, let to, let step): values = n(from) + "–" + n(to) + ", " + l("step") + " " + n(step)
      case .distribution(let dist):
        switch dist {
        case .uniform(let lo, let hi): values = l("uniform") + " " + n(lo) + "–" + n(hi)
        case .normal(let mean, let sd, let lo, let hi):
          values = l("normal") + " " + l("mean") + " " + n(mean) + ", sd " + n(sd) + (lo.map { ", min " + n($0) } ?? "") + (hi.map { ", max " + n($0) } ?? "")
        case .triangular(let lo, let mode, let hi): values = l("triangular") + " " + n(lo) + ", " + n(mode) + ", " + n(hi)
        }
      }
      items.append(.init(name: l("Varied") + ": " + p.name + " (" + p.path.text + ")", value: values + (p.whole ? " (" + l("whole numbers") + ")" : ""), source: file))
    }
    return items
  }

  /// The parameters every point starts from, before the sweep varies some:
  /// the base scenario's for the simulation, its `settings` for the
  /// projection, the documented capacity parameters for the capacity model.
  public func baseReadings() -> [ParameterCatalog.Reading] {
    let base = definition.base
    switch definition.model {
    case "simulation":
      guard case .object(let members) = base else { return [] }
      let notParameters: Set<String> = ["name", "centre", "regions", "centres"]
      let json = JSONValue.object(members.filter { !notParameters.contains($0.key) }).serialized()
      return ParameterCatalog.readings((try? JSONInput.decode(SimulationParameters.self, from: json, file: nil)) ?? SimulationParameters())
    case "projection":
      let raw = (try? base["settings"].map { try JSONInput.decode(ProjectionSweepModel.Settings.self, from: $0.serialized(), file: nil) }) ?? nil
      guard let settings = try? (raw ?? ProjectionSweepModel.Settings()).projectionSettings() else { return [] }
      return ParameterCatalog.readings(settings)
    default:
      let p = CapacitySweepModel().parameters
      var visits = p.workingTime.visitsPerPatientYear, days = 249.0
      if case .number(let v)? = base["visitsPerPatientYear"] { visits = v }
      if case .number(let v)? = base["openDaysPerYear"] { days = v }
      return [
        .init("visitsPerPatientYear", .number(visits, unit: "visits"), .number(p.workingTime.visitsPerPatientYear, unit: "visits")),
        .init("openDaysPerYear", .number(days, unit: "days"), .number(249, unit: "days")),
      ] + ParameterCatalog.readings(p)
    }
  }
}
