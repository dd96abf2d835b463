import Testing
@testable import PanelPlan

@Suite struct CentreSimulationTests {
  @Test func exampleRuns() {
    let sim = CentreSimulation(centre: ExampleCentre.make(), parameters: SimulationParameters(years: 1))
    let r = sim.run(seed: 1, stream: [0, 0, 0])
    for m in r.metrics { print(m.name, m.value) }
  }
}
