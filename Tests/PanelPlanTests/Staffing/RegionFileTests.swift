import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

struct RegionFileTests {
  @Test func aCentreFileIsARegionOfOneCentre() throws {
    let loaded = try RegionFile.load(examplePath("small-centre.json"))
    #expect(loaded.regions.count == 1)
    #expect(loaded.regions[0].centres.map(\.id) == ["vc-liten"])
    #expect(loaded.regions[0].name == "Exempelregionen")
  }
}
