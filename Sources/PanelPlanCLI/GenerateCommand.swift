import PanelPlan

/// `panelplan generate region|sweden`: synthetic input at realistic scale.
public enum GenerateCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "generate",
    abstract: "Write a synthetic region, the whole of Sweden, or a centre's visit records.",
    discussion: """
      'sweden' writes the 21 regions with their 2023 populations (about 10.5
      million); 'region' writes one region (--region picks one of the 21 by name,
      or --population sets a size). About one care centre per 9,000 residents,
      GP specialists at Sweden's 2023 ratio of about 2,039 residents per
      specialist, one trainee per three specialists, realistic age and FTE
      spreads; the population as groups by age band, conditions, nursing home and
      home health care. The same --seed gives the same file.
      """,
    positionals: [PositionalSpec("kind", help: "What to generate: region, sweden, or visits (a centre's records; see calibrate).")],
    options: [
      .seed,
      OptionSpec("region", value: "NAME", help: "For 'region': one of Sweden's 21 regions.", default: "Uppsala"),
      OptionSpec("population", value: "N", help: "For 'region': residents (overrides the region's real population)."),
      OptionSpec("year", value: "YEAR", help: "Calendar year the data describes (birth years are drawn against it).", default: String(ProjectionSettings.defaultStartYear)),
      .out,
    ] + GenerateVisits.options)

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    var generator = SyntheticRegion()
    generator.year = try a.int("year", in: 1900...2200)!
    let seed = try a.uint64("seed")!
    let text: String
    switch a.positional(0) {
    case "visits":
      try GenerateVisits.run(a, usage: spec.usage, output: &output)
      return
    case "sweden":
      text = String(decoding: try JSONInput.encode(generator.sweden(seed: seed)), as: UTF8.self)
    case "region":
      let name = a.string("region") ?? "Uppsala"
      let known = SwedishRegions.find(name)
      guard let population = try a.int("population", in: 1_000...20_000_000) ?? known?.population else {
        throw UsageError("option '--region': found '\(name)', expected one of Sweden's 21 regions (\(SwedishRegions.populations2023.map(\.name).joined(separator: ", "))) or --population N", usage: spec.usage)
      }
      let index = SwedishRegions.populations2023.firstIndex { $0.name == known?.name } ?? 0
      let region = generator.region(name: known?.name ?? name, population: population, seed: seed, regionIndex: index)
      text = String(decoding: try JSONInput.encode(region), as: UTF8.self)
    default:
      throw UsageError("argument <kind>: found '\(a.positional(0) ?? "")', expected region, sweden or visits", usage: spec.usage)
    }
    try emit(text, a, &output)
  }
}
