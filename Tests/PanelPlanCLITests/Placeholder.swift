import Testing
@testable import PanelPlanCLI
@Test func placeholder() { #expect(true) }
