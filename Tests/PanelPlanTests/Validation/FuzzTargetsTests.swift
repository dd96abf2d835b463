import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Replays every input kept under `Tests/Fuzz/<target>/` (crashes that
/// `scripts/fuzz.sh` found, and seeds) through the same entry points the
/// fuzzer uses: each must end with a value or a thrown error, never a trap.
struct FuzzRegressionTests {
  static let root = repositoryRoot + "/Tests/Fuzz"

  @Test func everyKeptInputRunsWithoutATrap() throws {
    let dir = temporaryDirectory(prefix: "panelplan-fuzz-replay")
    try FileManager.default.copyItem(atPath: examplePath("centre.json"), toPath: dir + "/centre.json")
    var replayed = 0
    for target in FuzzTargets.names {
      let folder = Self.root + "/" + target
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for name in names.sorted() {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
        #expect(FuzzTargets.run(target, [UInt8](data), directory: dir), "\(target)/\(name)")
        replayed += 1
      }
    }
    #expect(replayed > 0)
  }

  @Test func unknownTargetIsReported() {
    #expect(!FuzzTargets.run("no-such-reader", [], directory: NSTemporaryDirectory()))
  }
}
