import Foundation

/// The package's root folder: this file is `Tests/PanelPlanTestSupport/…`,
/// so every test finds `Examples/`, `Sources/` and `Tests/Golden/` through
/// here, wherever in a test folder the test file itself sits.
public let repositoryRoot: String = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Path of a file under `Examples/`, e.g. `examplePath("visits.csv")`.
public func examplePath(_ name: String) -> String { repositoryRoot + "/Examples/" + name }
