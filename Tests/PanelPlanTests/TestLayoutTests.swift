import Foundation
import PanelPlanTestSupport
import Testing

/// Tests mirror sources (issue 12): a test file in a layer folder is named
/// for the source file it tests, `Tests/PanelPlanTests/<Layer>/<File>Tests.swift`
/// for `Sources/PanelPlan/<Layer>/<File>.swift`, so a moved or renamed source
/// leaves a test behind only until this fails. Files at the top of the folder
/// test across layers (or are waiting to be split); helpers without the
/// `Tests` suffix are not checked.
@Suite struct TestLayoutTests {
  @Test func everyLayerTestFileNamesItsSourceFile() throws {
    let fm = FileManager.default
    let tests = repositoryRoot + "/Tests/PanelPlanTests"
    let sources = repositoryRoot + "/Sources/PanelPlan"
    var checked = 0
    for layer in try fm.contentsOfDirectory(atPath: tests).sorted() {
      var isFolder: ObjCBool = false
      guard fm.fileExists(atPath: tests + "/" + layer, isDirectory: &isFolder), isFolder.boolValue else { continue }
      #expect(fm.fileExists(atPath: sources + "/" + layer), "Tests/PanelPlanTests/\(layer) has no source layer")
      for file in try fm.contentsOfDirectory(atPath: tests + "/" + layer) where file.hasSuffix("Tests.swift") {
        let source = String(file.dropLast("Tests.swift".count)) + ".swift"
        #expect(fm.fileExists(atPath: "\(sources)/\(layer)/\(source)"), "\(layer)/\(file): no Sources/PanelPlan/\(layer)/\(source)")
        checked += 1
      }
    }
    // The check would pass vacuously if the folders were not found.
    #expect(checked >= 50)
  }
}
