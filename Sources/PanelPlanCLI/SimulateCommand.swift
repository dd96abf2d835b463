import Foundation
import PanelPlan

/// `panelplan simulate`: the visit-level simulation of one care centre.
public enum SimulateCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "simulate",
    abstract: "Simulate visits day by day: continuity, access and who has a fixed doctor.",
    discussion: """
      Assigns fixed doctors under capacity by priority policy, then simulates each
      patient's doctor, nurse and other contacts day by day: booking with the fixed
      doctor within the patient's tolerance, else a doctor seen before, else any
      doctor, else a backlog. Reports continuity (COC, UPC, SECON, share of visits
      with the fixed doctor; doctors only and all contacts), access (acute contacts
      assessed within the care guarantee, waiting times in open days), doctor utilisation,
      overflow days and the share with a fixed doctor per priority group, as the
      mean and 5-95% band over replications, over the measured years after a
      warm-up (default 1 year) whose contacts are not counted. With no file, runs
      the built-in example (Examples/scenario.json shows every parameter with its
      default).

      Given a region or nation file (panelplan generate), simulates every centre
      in parallel and reports the merged results; simulation parameters then come
      from --parameters scenario.json (its centre is ignored) or the defaults.
      """,
    positionals: [PositionalSpec("scenario.json", help: "Scenario file (a centre and simulation parameters), or a region or nation file.", optional: true)],
    options: [
      .format, .csvDialect, .out, .report, .lang, .seed,
      OptionSpec("replications", value: "N", help: "Independent runs with their own random streams (1 to 1000).", default: "5"),
      OptionSpec("years", value: "Y", help: "Years measured (1 to 50); overrides the scenario's. Default: the scenario's (1 for the example)."),
      OptionSpec("warm-up-years", value: "W", help: "Years simulated first and not counted (0 to 10); overrides the scenario's warmUpYears. Default: the scenario's (1)."),
      OptionSpec("threads", value: "N", help: "Worker threads; results do not depend on it. Default: the number of cores."),
      OptionSpec("print-scenario", help: "Print the scenario (with every default filled in) as JSON and stop."),
      OptionSpec("parameters", value: "FILE", help: "With a region or nation file: a scenario file whose simulation parameters apply to every centre."),
    ])

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    if let path = a.positional(0), try !CentreFile.isScenario(path, accepted: [.scenario, .centre, .region, .nation], command: "simulate") {
      try runRegion(path, a, &output)
      return
    }
    if a.has("parameters") { throw UsageError("--parameters goes with a region or nation file; a scenario file holds its own", usage: spec.usage) }
    var scenario = try a.positional(0).map(Scenario.load) ?? Scenario.example()
    if let y = try a.int("years", in: 1...50) { scenario.parameters.years = y }
    if let w = try a.int("warm-up-years", in: 0...10) { scenario.parameters.warmUpYears = w }
    if a.flag("print-scenario") {
      try emit(String(decoding: try JSONInput.encode(scenario), as: UTF8.self), a, &output)
      return
    }
    let replications = try a.int("replications", in: 1...1000) ?? 5
    let seed = try a.uint64("seed") ?? 1
    let threads = try a.int("threads", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
    let simulation = CentreSimulation(centre: scenario.centre, parameters: scenario.parameters)
    let counter = ProgressCounter(total: replications, unit: "replications")
    let progress = TerminalProgress.start("simulate", counter: counter)
    let summary = Replications.run(simulation, count: replications, seed: seed, threads: threads, progress: counter)
    progress?.stop()
    var context = SimulationReport.Context(
      scenarioName: scenario.name, centreName: scenario.centre.name, centreId: scenario.centre.id,
      listed: scenario.centre.population.count, years: scenario.parameters.years,
      replications: replications, seed: seed)
    context.warmUpYears = scenario.parameters.warmUpYears
    context.guaranteeDays = scenario.parameters.booking.acuteAssessmentDays
    let text: String
    switch a.string("format") {
    case "csv": text = SimulationReport.csv(summary)
    case "json": text = try SimulationReport.json(summary, context: context)
    default:
      text = SimulationReport.table(summary, context: context)
        + SimulationReport.capacityNote(summary, capacity: CentreCapacity(centre: scenario.centre, parameters: scenario.parameters.capacity))
    }
    try emitReport(a, parameters: ParameterCatalog.readings(scenario.parameters)) { SimulationCharts.report(summary, context: context, language: $0) }
    try emit(text, a, &output)
  }

  /// Every centre of a region or nation file, simulated in parallel and
  /// merged (tallies add up; indices are means over all patients).
  static func runRegion(_ path: String, _ a: ParsedArguments, _ output: inout CommandOutput) throws {
    if a.flag("print-scenario") {
      throw UsageError("--print-scenario prints a scenario file; \(path) is a region or nation file (give a scenario file, or none for the example)", usage: spec.usage)
    }
    let loaded = try RegionFile.load(path, command: "simulate")
    var parameters = try a.string("parameters").map { try Scenario.load($0).parameters } ?? SimulationParameters()
    if let y = try a.int("years", in: 1...50) { parameters.years = y }
    if let w = try a.int("warm-up-years", in: 0...10) { parameters.warmUpYears = w }
    let replications = try a.int("replications", in: 1...1000) ?? 5
    let seed = try a.uint64("seed") ?? 1
    let threads = try a.int("threads", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
    let all = Region(name: loaded.name, centres: loaded.regions.flatMap(\.centres))
    let counter = ProgressCounter(total: replications, unit: "replications")
    let progress = TerminalProgress.start("simulate", counter: counter)
    let summary = Replications.run(region: all, parameters: parameters, count: replications, seed: seed, threads: threads, progress: counter)
    progress?.stop()
    var context = SimulationReport.Context(
      scenarioName: loaded.name,
      centreName: all.centres.count == 1 ? all.centres[0].name : "\(all.centres.count) care centres",
      centreId: all.centres.count == 1 ? all.centres[0].id : path,
      listed: all.centres.reduce(0) { $0 + $1.population.count }, years: parameters.years,
      replications: replications, seed: seed)
    context.warmUpYears = parameters.warmUpYears
    context.guaranteeDays = parameters.booking.acuteAssessmentDays
    let text: String
    switch a.string("format") {
    case "csv": text = SimulationReport.csv(summary)
    case "json": text = try SimulationReport.json(summary, context: context)
    default: text = SimulationReport.table(summary, context: context)
    }
    try emitReport(a, parameters: ParameterCatalog.readings(parameters)) { SimulationCharts.report(summary, context: context, language: $0) }
    try emit(text, a, &output)
  }
}
