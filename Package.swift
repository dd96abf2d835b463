// swift-tools-version:6.0
//
// PanelPlan: capacity, fixed-doctor assignment, continuity and staffing plans
// for Swedish primary care. Toolchain only: Foundation, Dispatch, Swift Testing.

import PackageDescription

let package = Package(
  name: "PanelPlan",
  // Atomic and Mutex (Synchronization) need macOS 15; Linux has them with
  // the Swift 6 toolchain.
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "PanelPlan", targets: ["PanelPlan"]),
    .executable(name: "panelplan", targets: ["panelplan"]),
    .executable(name: "PanelPlanBenchmarks", targets: ["PanelPlanBenchmarks"]),
  ],
  targets: [
    // MARK: - Public API

    /// Everything that computes: model, capacity, assignment, simulation,
    /// continuity, scenarios and the readers and writers they need.
    .target(name: "PanelPlan"),

    // MARK: - Implementation

    /// The commands of the command-line tool, as a library so that tests can
    /// run them in-process as well as through the built binary.
    .target(name: "PanelPlanCLI", dependencies: ["PanelPlan"]),
    .executableTarget(name: "panelplan", dependencies: ["PanelPlanCLI"]),
    .executableTarget(
      name: "PanelPlanBenchmarks",
      dependencies: ["PanelPlan"],
      path: "Benchmarks/PanelPlanBenchmarks"
    ),

    // MARK: - Tests

    .testTarget(name: "PanelPlanTests", dependencies: ["PanelPlan"]),
    .testTarget(
      name: "PanelPlanCLITests",
      dependencies: ["PanelPlanCLI", "panelplan"]
    ),
  ]
)
