import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Swedish number formats through `NumberFormat` under `--lang sv`.
@Suite struct SwedishFormatTests {
  static let nbsp = "\u{A0}"

  @Test func swedishNumbers() {
    ReportLanguage.$current.withValue(.sv) {
      #expect(NumberFormat.grouped(12000) == "12\(Self.nbsp)000")
      #expect(NumberFormat.grouped(1234567.891, decimals: 1) == "1\(Self.nbsp)234\(Self.nbsp)567,9")
      #expect(NumberFormat.grouped(23.6, decimals: 1) == "23,6")
      #expect(NumberFormat.grouped(-1500) == "-1\(Self.nbsp)500")
      #expect(NumberFormat.fixed(2.1, decimals: 2) == "2,10")
      #expect(NumberFormat.percent(0.55, decimals: 0) == "55\(Self.nbsp)%")
      // Machine output never changes with the language.
      #expect(NumberFormat.machine(0.5) == "0.5")
    }
    #expect(NumberFormat.grouped(1234567.891, decimals: 1) == "1,234,567.9")
    #expect(NumberFormat.percent(0.55, decimals: 0) == "55%")
  }
}
