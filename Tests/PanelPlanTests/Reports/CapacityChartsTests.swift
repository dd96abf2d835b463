import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The capacity report and its charts.
@Suite struct CapacityChartsTests {
  @Test func reportIsSelfContained() {
    let c = CentreCapacity(centre: ExampleCentre.make())
    for lang in ReportLanguage.allCases {
      let html = CapacityCharts.report(c, language: lang)
      #expect(html.hasPrefix("<!DOCTYPE html>"))
      #expect(!html.contains("<script"))
      #expect(!html.contains("src=\"http"))
      #expect(!html.contains("href=\"http"))
      #expect(html.contains("<svg"))
    }
    #expect(CapacityCharts.report(c, language: .sv).contains("Kvot mot riktvärdet"))
    // Each chart inside is valid XML on its own.
    #expect(SVGElements.parse(CapacityCharts.panels(c)).error == nil)
    #expect(SVGElements.parse(CapacityCharts.hours(c)).error == nil)
  }

  @Test func capacityChartMarksMatchTheData() {
    let c = CentreCapacity(centre: ExampleCentre.make())
    let doc = SVGElements.parse(CapacityCharts.panels(c))
    let guideline = doc.marks("bar").filter { $0["data-series"] == "Guideline panel" }
    #expect(guideline.count == c.doctors.count)
    for (bar, d) in zip(guideline, c.doctors) {
      #expect(bar["data-category"] == d.clinician.id)
      #expect(abs(bar.number("data-value") - d.guidelinePanel) < 1e-9)
    }
    #expect(doc.marks("reference").first?.number("data-value") == 1_100)
  }
}
