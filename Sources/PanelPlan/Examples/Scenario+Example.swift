extension Scenario {
  /// The built-in example: `ExampleCentre` for one year with the defaults.
  public static func example() -> Scenario {
    Scenario(name: "Example centre, one year", centre: ExampleCentre.make())
  }
}
