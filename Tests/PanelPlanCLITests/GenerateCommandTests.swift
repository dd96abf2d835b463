import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

/// `generate` run in-process.
@Suite struct GenerateCommandTests {
  @Test func generateWritesAReproducibleFileAtomically() throws {
    let dir = FileManager.default.temporaryDirectory
    let a = dir.appendingPathComponent("pp-gen-\(UInt32.random(in: 0...UInt32.max)).json").path
    let b = a + ".2.json"
    defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
    #expect(runCLI(["generate", "region", "--region", "gotland", "--seed", "4", "--out", a]).code == 0)
    #expect(runCLI(["generate", "region", "--region", "Gotland", "--seed", "4", "--out", b]).code == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    let p = runCLI(["project", a, "--years", "1"])
    #expect(p.code == 0)
    // The table opens with the verdict, then the title.
    #expect(p.out.contains("\nGotland: staffing projection"))
    #expect(p.out.hasPrefix("The guideline ratio goes from"))
  }
}
