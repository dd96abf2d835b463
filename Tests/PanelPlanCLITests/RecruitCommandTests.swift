import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

/// `recruit` run in-process.
@Suite struct RecruitCommandTests {
  @Test func recruitFindsHiresThatMeetTheTargetAndOneLessDoesNot() throws {
    let r = runCLI(["recruit", "--by", "2030", "--format", "json"])
    #expect(r.code == 0, "\(r.err)")
    let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
    let answer = (json?["answers"] as? [[String: Any]])?.first
    let hires = try #require(answer?["value"] as? Double)
    #expect((answer?["metricAtValue"] as? Double ?? 9) <= 1)
    #expect((answer?["metricAtOneLess"] as? Double ?? 0) > 1)
    // Plugged back into a projection.
    let p = runCLI(["project", "--years", "4", "--hires", String(Int(hires)), "--format", "csv", "--no-centres"])
    let last = p.out.split(separator: "\n").last!.split(separator: ",", omittingEmptySubsequences: false)
    let header = p.out.split(separator: "\n").first!.split(separator: ",")
    let ratio = Double(last[header.firstIndex(of: "guideline_ratio")!])!
    #expect(ratio <= 1)
  }
}
