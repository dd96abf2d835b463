import PanelPlan

enum CapacityBenchmarks {
  static var all: [Benchmark] {
    [
      Benchmark(name: "capacity/1000-centres", unit: "centres") {
        let centre = ExampleCentre.make()
        var sum = 0.0
        for _ in 0..<1000 { sum += CentreCapacity(centre: centre).guidelineRatio }
        return (1000, sum)
      }
    ]
  }
}
