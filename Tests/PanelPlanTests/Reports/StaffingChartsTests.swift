import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

struct StaffingChartsTests {
  @Test func projectionChartsMatchTheResult() {
    let projection = WorkforceProjection(regions: [ExampleRegion.make()], totalName: "Example")
    var settings = ProjectionSettings(years: 4)
    settings.plan = RecruitmentPlan(specialistHiring: .perYear(1))
    let r = projection.run(settings)
    let doc = SVGElements.parse(StaffingCharts.listedPerSpecialist(r))
    #expect(doc.error == nil)
    let points = doc.marks("point")
    #expect(points.count == r.years.count)
    for (p, y) in zip(points, r.years.indices) {
      #expect(abs(p.number("data-value") - r.total.band(.listedPerSpecialistFTE, yearIndex: y).mean) < 1e-6)
    }
    #expect(doc.marks("reference").first?.number("data-value") == 1_100)
    // The 1,100 line sits where the points' own scale puts 1,100: fit
    // y = a − k·v from the first and last point.
    let v0 = points[0].number("data-value"), v1 = points[points.count - 1].number("data-value")
    let y0 = points[0].number("cy"), y1 = points[points.count - 1].number("cy")
    if v0 != v1 {
      let k = (y0 - y1) / (v1 - v0)
      #expect(abs(doc.marks("reference")[0].number("y1") - (y0 - k * (1_100 - v0))) < 0.1)
    }
    let fte = SVGElements.parse(StaffingCharts.fteByRole(r))
    #expect(fte.error == nil)
    #expect(fte.marks("segment").count == 4 * r.years.count)
    let html = StaffingCharts.report(r, title: "Example", language: .sv)
    #expect(html.contains("Framskrivning") && !html.contains("<script"))
  }
}
