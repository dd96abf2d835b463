import Testing
@testable import PanelPlan
import PanelPlanTestSupport

private func records(_ text: String, delimiter: UInt8 = 44) -> ([[String]], CSVByteReader.Status) {
  let bytes = Array(text.utf8)
  var out: [[String]] = []
  var fields = [CSVByteReader.Field](repeating: .init(), count: 16)
  return bytes.withUnsafeBufferPointer { b in
    var pos = 0
    while pos < bytes.count {
      let scan = fields.withUnsafeMutableBufferPointer {
        CSVByteReader.parseRecord(b.baseAddress!, start: pos, end: bytes.count, atEnd: true, delimiter: delimiter, fields: $0.baseAddress!, capacity: 16)
      }
      guard scan.status == .record else { return (out, scan.status) }
      out.append((0..<scan.fieldCount).map { k in
        var o: [UInt8] = []
        _ = CSVByteReader.unescape(b.baseAddress!, fields[k], into: &o)
        return String(decoding: o, as: UTF8.self)
      })
      pos = scan.next
    }
    return (out, .record)
  }
}

@Test func quotedFieldsHoldDelimitersLineBreaksAndQuotes() {
  let (r, status) = records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\nlast,\"\",end")
  #expect(status == .record)
  #expect(r == [["a", "b,c", "say \"hi\""], ["two\nlines", "", "x"], ["last", "", "end"]])
}

@Test func semicolonDelimiterAndDetection() {
  let (r, _) = records("p;\"VC Norr, Umeå\";2024-01-05\n", delimiter: 59)
  #expect(r == [["p", "VC Norr, Umeå", "2024-01-05"]])
  let header = Array("patient;date;\"a,b\"\n".utf8)
  #expect(header.withUnsafeBufferPointer { CSVByteReader.detectDelimiter($0.baseAddress!, start: 0, end: header.count) } == 59)
  let comma = Array("patient,date\n".utf8)
  #expect(comma.withUnsafeBufferPointer { CSVByteReader.detectDelimiter($0.baseAddress!, start: 0, end: comma.count) } == 44)
}

@Test func brokenQuotingIsReported() {
  #expect(records("a,\"open\nnever closed").1 == .unterminatedQuote)
  #expect(records("a,\"x\"y,b\n").1 == .textAfterQuote)
  // A quote inside an unquoted field is kept as a character.
  #expect(records("a,5\"tall,b\n").0 == [["a", "5\"tall", "b"]])
}

@Test func utf8ValidationFindsTheFirstBadByte() {
  let cases: [([UInt8], Int?)] = [
    (Array("läkare".utf8), nil), ([0x61, 0xFF, 0x62], 1), ([0xC3], 0), ([0xE0, 0x80, 0x80], 0), ([0xED, 0xA0, 0x80], 0),
    ([0xF0, 0x9F, 0x98, 0x80], nil), ([0x61, 0xC3, 0x28], 1),
  ]
  for (bytes, expected) in cases {
    #expect(bytes.withUnsafeBufferPointer { CSVByteReader.firstInvalidUTF8($0.baseAddress!, start: 0, end: bytes.count) } == expected)
  }
}
