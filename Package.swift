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

    /// Helpers every test target shares (temporary folders, example paths,
    /// running the command in-process or as the built binary, small centres),
    /// as swift-numerics' `_TestSupport`. Uses only the public API, so it
    /// builds in any configuration.
    .target(
      name: "PanelPlanTestSupport",
      dependencies: ["PanelPlan", "PanelPlanCLI"],
      path: "Tests/PanelPlanTestSupport"
    ),
    .testTarget(name: "PanelPlanTests", dependencies: ["PanelPlan", "PanelPlanTestSupport"]),
    /// The library as a notebook user sees it: `import PanelPlan` without
    /// `@testable`, so anything a user needs and cannot reach fails to build.
    .testTarget(name: "PanelPlanAPITests", dependencies: ["PanelPlan", "PanelPlanTestSupport"]),
    .testTarget(
      name: "PanelPlanCLITests",
      dependencies: ["PanelPlanCLI", "panelplan", "PanelPlanTestSupport"]
    ),
  ]
)
