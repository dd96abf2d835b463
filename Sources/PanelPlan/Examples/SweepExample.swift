import Foundation

extension SweepDefinition {
  /// The built-in example sweep (`panelplan sweep --example`, the same as
  /// `Examples/sweep.json`): the example centre with 5 to 8 GP specialists,
  /// 1 to 3 trainees and one specialist at 60, 80 or 100% FTE, a grid of
  /// 36 points with 20 replications each, capacity model, seed 7.
  public static func example() throws -> SweepDefinition {
    let centre = try JSONValue.parse(try JSONInput.encode(ExampleCentre.make()))
    func parameter(_ name: String, _ path: String, _ values: [Double]) throws -> SweepParameter {
      SweepParameter(name: name, path: try JSONPath(parsing: path), source: .values(values.map { .number($0) }))
    }
    return SweepDefinition(
      model: "capacity", base: .object([JSONMember("centre", centre)]), design: .grid, replications: 20, seed: 7,
      parameters: [
        try parameter("specialists", "centre.clinicians[role=specialist].count", [5, 6, 7, 8]),
        try parameter("trainees", "centre.clinicians[role=trainee].count", [1, 2, 3]),
        try parameter("evaFTE", "centre.clinicians[id=gp-eva].fte", [0.6, 0.8, 1.0]),
      ])
  }
}
