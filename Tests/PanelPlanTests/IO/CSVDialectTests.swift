import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// Swedish Excel CSV: separators, decimal commas, rounding.
@Suite struct ExcelRoundingTests {
  @Test func roundsFloatingPointNoiseAndKeepsWholeNumbers() {
    let text = "a,b,c,d,e\n\(0.1 + 0.2),12000,0.33125,1234.5678,\"x,y\"\n"
    let out = CSVDialect.excelSv.convert(text)
    // 4 significant digits: 0.30000000000000004 → 0,3; 0.33125 → 0,3313 (or
    // 0,3312 by binary representation); 1234.5678 → 1235; text untouched.
    let fields = out.split(separator: "\n")[1].split(separator: ";").map(String.init)
    #expect(fields[0] == "0,3")
    #expect(fields[1] == "12000")
    #expect(fields[2] == "0,3312" || fields[2] == "0,3313")
    #expect(fields[3] == "1235")
    #expect(fields[4] == "x,y")
    #expect(CSVDialect.excelSv.convert(text, rounding: false).contains("0,30000000000000004"))
    #expect(CSVDialect.standard.convert(text) == text)
  }
}

struct CSVDialectTests {
  @Test func swedishExcelDialect() {
    let standard = "id,fte,note\nd1,0.75,\"a, b\"\nd2,1,\"say \"\"hi\"\"\"\nd3,-1.5e-3,2.5 h\n"
    let sv = CSVDialect.excelSv.convert(standard)
    #expect(sv == "id;fte;note\nd1;0,75;a, b\nd2;1;\"say \"\"hi\"\"\"\nd3;-1,5e-3;2.5 h\n")
    #expect(CSVDialect.standard.convert(standard) == standard)
  }
}
