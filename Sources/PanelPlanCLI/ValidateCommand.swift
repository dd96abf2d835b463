import PanelPlan

/// `panelplan validate`: the published methods reproduced through the
/// model's own inputs.
public enum ValidateCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "validate",
    abstract: "Reproduce the published methods (Murray, Altschuler, Green-Savin-Murray, the guideline, continuity indices).",
    discussion: """
      Runs each published case through the model's own inputs and prints the case,
      its source, the expected value (worked out from the source), the model's value,
      the tolerance and whether it passes; then each case's assumptions. Cases:
      Murray 2007 supply = demand (20 visits a day x 220 days / 2 visits = 2,200);
      Altschuler 2012's four panels from doctor hours per patient-year and from the
      delegation shares (task sharing); Socialstyrelsen's 1,100 / 550 scaled by FTE
      and duties; the working-time view at 1,100 +-2%; Green-Savin-Murray overflow on
      working days against the exact Poisson tail (simulated, within sampling
      error); mean COC = 1/m for m interchangeable doctors (simulated); Magill-Senf
      MMCI and the COC identity. Exits 1 if any case fails.
      """,
    options: [
      OptionSpec("format", value: "FORMAT", help: "How results are written; json gives a list of objects with a boolean 'pass'.", default: "table", allowed: ["table", "json"]),
      .out, .seed,
    ])

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    let cases = PublishedCases.all(seed: try a.uint64("seed")!)
    let text = a.string("format") == "json" ? try ValidationReport.json(cases) : ValidationReport.table(cases)
    try emit(text, a, &output)
    let failed = cases.filter { !$0.pass }.map(\.id)
    if !failed.isEmpty {
      // The results stay written: they show which case failed and by how much.
      output.warn("Error: \(failed.count) validation case(s) failed: \(failed.joined(separator: ", "))\n")
      output.failed = true
    }
  }
}
