import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

struct ContinuityChartsTests {
  @Test func histogramHoldsTheHandWorkedPatients() throws {
    // Examples/visits.csv (hand-worked in VisitContinuityAnalysisTests):
    // doctor COC per patient 0.5, 1 and 0 → one patient each in the bins
    // starting at 0.00, 0.50 and 0.95 (the last bin holds 1).
    let a = try VisitContinuityAnalysis.run(
      reader: VisitRecordReader(path: examplePath("visits.csv"), workers: 1), options: VisitContinuityOptions(),
      patientRecords: nil, skr: false, skrEndDay: nil)
    let doc = SVGElements.parse(ContinuityCharts.cocHistogram(a, scope: .doctor))
    #expect(doc.error == nil)
    let nonEmpty = doc.marks("bar").filter { $0.number("data-value") > 0 }
    let lower = nonEmpty.map { $0.number("data-lower") }
    #expect(lower.count == 3)
    for (x, want) in zip(lower, [0.0, 0.5, 0.95]) { #expect(abs(x - want) < 1e-9) }
    #expect(nonEmpty.allSatisfy { $0["data-value"] == "1" })
    let html = ContinuityCharts.report(a, file: "visits.csv", language: .sv)
    #expect(html.contains("Kontinuitet") && !html.contains("<script"))
  }
}
