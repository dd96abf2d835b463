import Foundation

// The header row, record boundaries for the parallel split, and line numbers
// for the few problems reported.
extension VisitRecordReader {
  /// The offset just after the first line break at or after `offset`, or nil
  /// when none is found within 1 MiB.
  func recordStartAfter(fd: Int32, offset: Int, size: Int) -> Int? {
    var buf = [UInt8](repeating: 0, count: 1 << 16)
    var at = offset - 1
    while at < size && at < offset + (1 << 20) {
      let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
      if n <= 0 { return nil }
      if let k = buf[0..<n].firstIndex(of: CSVByteReader.newline) { return at + k + 1 }
      at += n
    }
    return nil
  }

  func readHeader(fd: Int32, size: Int) throws -> Header {
    var cap = 1 << 16
    while true {
      let want = min(cap, size)
      var buf = [UInt8](repeating: 0, count: max(want, 1))
      var got = 0
      while got < want {
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, want - got, off_t(got)) }
        if n <= 0 { break }
        got += n
      }
      var start = 0
      if got >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { start = 3 }
      if got == start { throw InputError(file: displayName, line: 1, problem: "the file is empty; expected a header row naming the columns") }
      let atEnd = got == size
      let result: Header? = try buf.withUnsafeBufferPointer { b in
        let base = b.baseAddress!
        let delim = delimiter ?? CSVByteReader.detectDelimiter(base, start: start, end: got)
        var fields = [CSVByteReader.Field](repeating: .init(), count: 512)
        let scan = fields.withUnsafeMutableBufferPointer {
          CSVByteReader.parseRecord(base, start: start, end: got, atEnd: atEnd, delimiter: delim, fields: $0.baseAddress!, capacity: 512)
        }
        switch scan.status {
        case .needMore: return nil
        case .unterminatedQuote:
          throw InputError(file: displayName, line: 1, column: scan.problemField + 1, problem: "a quote opened in the header is never closed")
        case .textAfterQuote:
          throw InputError(file: displayName, line: 1, column: scan.problemField + 1, problem: "text after a closing quote in the header; expected a delimiter or the end of the line")
        case .record: break
        }
        if scan.nonASCII, let bad = CSVByteReader.firstInvalidUTF8(base, start: start, end: scan.next) {
          throw InputError(file: displayName, line: 1, problem: String(format: "found byte 0x%02X, which is not UTF-8; save the file as UTF-8", base[bad]))
        }
        guard scan.fieldCount <= 512 else { throw InputError(file: displayName, line: 1, problem: "more than 512 columns in the header") }
        var names: [String] = []
        for k in 0..<scan.fieldCount {
          var bytes: [UInt8] = []
          _ = CSVByteReader.unescape(base, fields[k], into: &bytes)
          names.append(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        }
        let lower = names.map { $0.lowercased() }
        var index: [Int] = []
        for choice in columns.all {
          if let k = lower.firstIndex(of: choice.name.lowercased().trimmingCharacters(in: .whitespaces)) {
            index.append(k)
          } else if choice.required {
            throw InputError(
              file: displayName, line: 1, field: choice.name,
              problem: "missing column '\(choice.name)'; the header has: \(names.joined(separator: ", ")) (choose columns with --patient, --date, --clinician, --profession, --centre, --contact-type, --fixed-doctor)")
          } else {
            index.append(-1)
          }
        }
        return Header(names: names, dataStart: scan.next, delimiter: delim, index: index)
      }
      if let result { return result }
      if cap >= size { throw InputError(file: displayName, line: 1, problem: "cannot read the header row") }
      cap *= 4
    }
  }

  /// Converts byte offsets into physical lines (counting line breaks from the
  /// start of the file; only done for the few problems reported).
  func locate(_ problems: [RowProblem], fd: Int32) throws -> [InputError] {
    guard !problems.isEmpty else { return [] }
    let order = problems.indices.sorted { problems[$0].offset < problems[$1].offset }
    var lines = [Int](repeating: 1, count: problems.count)
    var buf = [UInt8](repeating: 0, count: 1 << 20)
    var at = 0, line = 1, k = 0
    while k < order.count {
      let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
      if n <= 0 { break }
      var j = 0
      while j < n && k < order.count {
        while k < order.count && problems[order[k]].offset == at + j {
          lines[order[k]] = line
          k += 1
        }
        if buf[j] == CSVByteReader.newline { line += 1 }
        j += 1
      }
      at += n
    }
    while k < order.count { lines[order[k]] = line; k += 1 }
    return problems.indices.map { i in
      let p = problems[i]
      return InputError(file: displayName, line: lines[i], column: p.field >= 0 ? p.field + 1 : nil, field: p.fieldName, problem: p.problem)
    }
  }
}
