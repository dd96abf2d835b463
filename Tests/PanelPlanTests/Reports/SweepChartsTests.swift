import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

struct SweepChartsTests {
  @Test func heatMapCellsAverageOverTheOtherParameters() throws {
    // Parameters a ∈ {1, 2}, b ∈ {10}, c ∈ {0, 1}; metric m = a + 100 c.
    // Cell (a, b) averages over c: (a + 0 + a + 100) / 2 = a + 50.
    var rows: [SweepRow] = []
    for a in [1.0, 2.0] {
      for c in [0.0, 1.0] {
        let m = a + 100 * c
        rows.append(SweepRow(point: rows.count, parameters: [.number(a), .number(10), .number(c)], metrics: [Summary(mean: m, p05: m, p50: m, p95: m)]))
      }
    }
    let column = try SweepColumn("m", parameters: ["a", "b", "c"], metrics: ["m"])
    let doc = SVGElements.parse(SweepCharts.heatMap(rows, parameterNames: ["a", "b", "c"], x: 0, y: 1, column: column))
    #expect(doc.error == nil)
    let cells = doc.marks("cell")
    #expect(cells.map { $0.number("data-value") } == [51, 52])
    #expect(cells.map { $0["data-x"] } == ["1", "2"])
  }
}
