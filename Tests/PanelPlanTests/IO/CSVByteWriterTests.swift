import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

// The byte writer checked against the String path it replaces (`CSVWriter`,
// `NumberFormat.machine`, `CSVDialect.convert`), an independent
// implementation, on seeded random fields and numbers.

private func bytes(_ dialect: CSVDialect, _ body: (inout CSVByteWriter<CSVByteArraySink>) throws -> Void) rethrows -> String {
  var w = CSVByteWriter(dialect: dialect)
  try body(&w)
  try? w.finish()
  return String(decoding: w.bytes, as: UTF8.self)
}

@Test func textFieldsAreQuotedAsTheStringWriterQuotesThem() throws {
  let pieces = ["a", "b c", ",", ";", "\"", "\n", "\r", "å", "läkare", "", "x\"y"]
  var rng = Xoshiro256(seed: 3, stream: [1])
  for _ in 0..<500 {
    let row = (0..<(1 + rng.nextIndex(5))).map { _ in (0..<rng.nextIndex(4)).map { _ in pieces[rng.nextIndex(pieces.count)] }.joined() }
    // Text that is not a number, so the old dialect conversion leaves it alone.
    guard !row.contains(where: { Double($0) != nil }) else { continue }
    for dialect in CSVDialect.allCases {
      var old = CSVWriter()
      old.append(row)
      let new = try bytes(dialect) { try $0.row(row) }
      #expect(new == dialect.convert(old.text), "\(row)")
    }
  }
}

@Test func numbersAreWrittenAsTheMachineFormatWithTheDialectsDecimalSeparator() throws {
  var rng = Xoshiro256(seed: 5, stream: [2])
  var values: [Double] = [0, -0.0, 1, -1, 0.5, 1.0 / 3, 2.0 / 3, 1e15, 1e15 - 1, -1e15, 1e16, 1e-5, 123456.789, .nan, .infinity, -.infinity,
                          Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 9_007_199_254_740_992, 0x1p53 + 2]
  for _ in 0..<3000 {
    // Ratios of small counts (what the indices are), and arbitrary doubles.
    let n = 1 + rng.nextIndex(60), k = rng.nextIndex(n + 1)
    values.append(Double(k) / Double(n))
    values.append(Double(k * k) / Double(n * (n + 1)))
    values.append(Double(bitPattern: rng.next()))
    values.append((rng.nextUnit() - 0.5) * 1e6)
  }
  for round in 0..<2 {  // the second round is served from the digit cache
    for dialect in CSVDialect.allCases {
      let new = try bytes(dialect) { w in for x in values { w.number(x); try w.endRow() } }
      var old = CSVWriter()
      for x in values { old.append([NumberFormat.machine(x)]) }
      #expect(new == dialect.convert(old.text), "round \(round)")
    }
  }
}

@Test func integersMatchTheirDescription() throws {
  let xs = [0, 7, -7, 10, 99, 100, Int(Int32.max), Int.max, Int.min + 1, -1_000_000_007]
  let text = try bytes(.standard) { w in for x in xs { w.integer(x) }; try w.endRow() }
  #expect(text == xs.map(String.init).joined(separator: ",") + "\n")
}

@Test func byteOrderMarkAndChunksReachTheSinkInOrder() throws {
  var chunks: [[UInt8]] = []
  var w = CSVByteWriter(dialect: .excelSv, byteOrderMark: true, sink: CSVClosureSink { chunks.append(Array($0)) })
  // Enough rows for several chunks.
  let rows = 3 * CSVByteWriter<CSVByteArraySink>.chunkBytes / 20 + 7
  for i in 0..<rows { w.field("p\(i)"); w.number(Double(i) + 0.25); try w.endRow() }
  try w.finish()
  #expect(chunks.count >= 3)
  let all = chunks.flatMap { $0 }
  #expect(Array(all.prefix(3)) == [0xEF, 0xBB, 0xBF])
  let lines = String(decoding: all.dropFirst(3), as: UTF8.self).split(separator: "\n")
  #expect(lines.count == rows)
  // Excel's numbers keep 4 significant digits but never lose whole-number
  // digits: 7.25 stays 7,25; 157292.25 (six whole digits) reads 157292.
  #expect(lines[7] == "p7;7,25")
  #expect(lines.last == "p\(rows - 1);\(rows - 1)")
}
