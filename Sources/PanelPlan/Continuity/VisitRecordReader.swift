import Foundation

/// Which columns of a visit file hold what, chosen by header name (case and
/// surrounding spaces ignored).
public struct VisitColumns: Sendable, Hashable {
  /// A column role: its header name, and whether the file must have it.
  public struct Choice: Sendable, Hashable {
    public var name: String
    public var required: Bool
    public init(_ name: String, required: Bool) {
      self.name = name
      self.required = required
    }
  }
  public var patient = Choice("patient", required: true)
  public var date = Choice("date", required: true)
  public var clinician = Choice("clinician", required: true)
  /// Profession (doctor / nurse / …); values mapped by the analysis.
  public var profession = Choice("profession", required: true)
  /// Care centre of the visit; optional unless named explicitly.
  public var centre = Choice("centre", required: false)
  /// Contact type (physical / video / phone / chat); optional.
  public var contactType = Choice("contact_type", required: false)
  /// The patient's fixed doctor as recorded on the visit; optional.
  public var fixedDoctor = Choice("fixed_doctor", required: false)

  public init() {}

  var all: [Choice] { [patient, date, clinician, profession, centre, contactType, fixedDoctor] }
}

/// One visit as read from a file: byte views into the reader's buffer, valid
/// only during `VisitSink.accept`. Absent optional columns are empty.
public struct VisitRow {
  public var patient: UnsafeRawBufferPointer
  public var clinician: UnsafeRawBufferPointer
  public var profession: UnsafeRawBufferPointer
  public var centre: UnsafeRawBufferPointer
  public var contactType: UnsafeRawBufferPointer
  public var fixedDoctor: UnsafeRawBufferPointer
  /// Minutes since 1970-01-01 00:00 (see `ISODateBytes`); orders visits.
  public var minute: Int32

  /// Days since 1970-01-01.
  public var day: Int32 {
    minute >= 0 ? minute / ISODateBytes.minutesPerDay : (minute - ISODateBytes.minutesPerDay + 1) / ISODateBytes.minutesPerDay
  }
}

/// Receives the rows of one part of a file, in file order.
public protocol VisitSink: SendableMetatype {
  mutating func accept(_ row: VisitRow)
}

/// What a scan read: rows, skipped rows, the header and how the file was split.
public struct VisitScanReport: Sendable {
  /// Data rows read and passed on (blank lines not counted).
  public var rows = 0
  /// Rows skipped as malformed (only with `skipBadRows`).
  public var skippedRows = 0
  /// The first few skipped rows' problems, in file order.
  public var skippedExamples: [InputError] = []
  /// The delimiter used.
  public var delimiter: UInt8 = 44
  /// Column names of the header.
  public var header: [String] = []
  /// Which roles the file has (patient, date, clinician, profession, centre,
  /// contact type, fixed doctor).
  public var hasColumn: [Bool] = []
  /// Parts read in parallel (1 when read sequentially).
  public var parts = 1
}

/// Streams a visit CSV through sinks, in parallel parts when the file is big.
///
/// The file is cut into one contiguous part per worker at guessed record
/// boundaries (the byte after a line break). Each worker reads its part with
/// `pread` into its own buffer (8 MiB, grown only for a longer record), so
/// memory does not grow with the file. A guess is wrong only when the line
/// break is inside a quoted field; the reader then notices that a part did not
/// end exactly where the next began and reads the whole file again on one
/// thread. Parts are handed back in file order for a deterministic merge.
///
/// Errors: a row with a malformed date, an empty patient or clinician id, too
/// few or too many fields, an unterminated quote, text after a closing quote or
/// bytes that are not UTF-8 stops the scan with an `InputError` giving the
/// physical line (1-based, as an editor shows it) and the column as the field's
/// position (1-based) and name; with `skipBadRows` the row is counted and
/// skipped instead.
public struct VisitRecordReader: Sendable {
  public var path: String
  /// The name used in messages.
  public var displayName: String
  public var columns: VisitColumns
  /// `,` or `;`; nil to detect from the header.
  public var delimiter: UInt8?
  public var skipBadRows: Bool
  /// Parallel parts; default: the number of active processors.
  public var workers: Int
  /// Initial buffer per worker.
  public var bufferBytes = 8 << 20
  /// Files smaller than this are read on one thread.
  public var parallelThresholdBytes = 4 << 20

  public init(path: String, displayName: String? = nil, columns: VisitColumns = VisitColumns(), delimiter: UInt8? = nil,
              skipBadRows: Bool = false, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.path = path
    self.displayName = displayName ?? path
    self.columns = columns
    self.delimiter = delimiter
    self.skipBadRows = skipBadRows
    self.workers = max(1, workers)
  }

  /// A problem in one row, located by byte offset until lines are counted.
  struct RowProblem: Sendable {
    var offset: Int
    var field: Int
    var fieldName: String?
    var problem: String
  }

  struct PartOutcome: Sendable {
    var rows = 0
    var skipped = 0
    var problems: [RowProblem] = []
    /// Stopped at a problem (without `skipBadRows`).
    var failed = false
    /// Ended exactly at the part's end.
    var consistent = true
  }

  struct Header {
    var names: [String]
    var dataStart: Int
    var delimiter: UInt8
    /// Field index per role, -1 when absent.
    var index: [Int]
  }

  /// Reads the file with one sink per part, made by `makeSink(part)`, and
  /// returns the sinks in file order.
  public func scan<S: VisitSink>(makeSink: (Int) -> S) throws -> (sinks: [S], report: VisitScanReport) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw InputError(file: displayName, problem: "cannot open the file (\(String(cString: strerror(errno))))")
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw InputError(file: displayName, problem: "cannot read the file") }
    if st.st_mode & S_IFMT == S_IFDIR { throw InputError(file: displayName, problem: "is a folder, expected a CSV file of visits") }
    let size = Int(st.st_size)
    let header = try readHeader(fd: fd, size: size)
    var report = VisitScanReport()
    report.delimiter = header.delimiter
    report.header = header.names
    report.hasColumn = header.index.map { $0 >= 0 }

    var starts = [header.dataStart]
    if workers > 1 && size - header.dataStart >= parallelThresholdBytes {
      for w in 1..<workers {
        let guess = header.dataStart + (size - header.dataStart) / workers * w
        guard let s = recordStartAfter(fd: fd, offset: guess, size: size), s > starts.last!, s < size else { continue }
        starts.append(s)
      }
    }
    starts.append(size)

    func run(_ starts: [Int]) -> ([S], [PartOutcome]) {
      let parts = starts.count - 1
      var sinks = (0..<parts).map { makeSink($0) }
      var outcomes = [PartOutcome](repeating: PartOutcome(), count: parts)
      sinks.withUnsafeMutableBufferPointer { sp in
        outcomes.withUnsafeMutableBufferPointer { op in
          let sinkBase = sp.baseAddress!, outBase = op.baseAddress!
          if parts == 1 {
            outBase[0] = scanPart(fd: fd, start: starts[0], end: starts[1], isLast: true, header: header, sink: &sinkBase[0])
          } else {
            // Each iteration touches only its own sink and outcome.
            let s = UncheckedPointers(sinks: sinkBase, outcomes: outBase)
            DispatchQueue.concurrentPerform(iterations: parts) { i in
              s.outcomes[i] = scanPart(fd: fd, start: starts[i], end: starts[i + 1], isLast: i == parts - 1, header: header, sink: &s.sinks[i])
            }
          }
        }
      }
      return (sinks, outcomes)
    }

    var (sinks, outcomes) = run(starts)
    // Trust part i only when every part before it ended exactly at its end.
    var rerun = false
    for o in outcomes {
      if o.failed { break }
      if !o.consistent { rerun = true; break }
    }
    if rerun {
      (sinks, outcomes) = run([header.dataStart, size])
      report.parts = 1
    } else {
      report.parts = starts.count - 1
    }
    var problems: [RowProblem] = []
    for o in outcomes {
      report.rows += o.rows
      report.skippedRows += o.skipped
      problems += o.problems
      if o.failed { break }
    }
    if let first = outcomes.first(where: { $0.failed }), let p = first.problems.last {
      throw try locate([p], fd: fd)[0]
    }
    report.skippedExamples = try locate(Array(problems.prefix(10)), fd: fd)
    return (sinks, report)
  }

  /// Which column roles the file's header has (patient, date, clinician,
  /// profession, centre, contact type, fixed doctor); reads only the header.
  public func columnsPresent() throws -> [Bool] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw InputError(file: displayName, problem: "cannot open the file (\(String(cString: strerror(errno))))")
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw InputError(file: displayName, problem: "cannot read the file") }
    if st.st_mode & S_IFMT == S_IFDIR { throw InputError(file: displayName, problem: "is a folder, expected a CSV file of visits") }
    return try readHeader(fd: fd, size: Int(st.st_size)).index.map { $0 >= 0 }
  }

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

  /// Reads `[start, end)`, passing each good row to `sink`.
  func scanPart<S: VisitSink>(fd: Int32, start: Int, end: Int, isLast: Bool, header: Header, sink: inout S) -> PartOutcome {
    var out = PartOutcome()
    var cap = max(1 << 12, min(bufferBytes, end - start + 1))
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
    defer { buffer.deallocate() }
    let expected = header.names.count
    let fieldCap = expected + 1
    let fields = UnsafeMutablePointer<CSVByteReader.Field>.allocate(capacity: fieldCap)
    fields.initialize(repeating: .init(), count: fieldCap)
    defer { fields.deallocate() }
    let ix = header.index
    let iPatient = ix[0], iDate = ix[1], iClinician = ix[2], iProfession = ix[3], iCentre = ix[4], iContact = ix[5], iFixed = ix[6]
    let names = header.names
    var base = start  // file offset of buffer[0]
    var len = 0
    var pos = 0
    let empty = UnsafeRawBufferPointer(start: nil, count: 0)

    func problem(_ offset: Int, _ field: Int, _ text: String) -> Bool {
      out.problems.append(RowProblem(offset: base + offset, field: field, fieldName: field >= 0 && field < names.count ? names[field] : nil, problem: text))
      if skipBadRows {
        out.skipped += 1
        if out.problems.count > 10 { out.problems.removeLast() }
        return true
      }
      out.failed = true
      return false
    }
    func shown(_ f: CSVByteReader.Field) -> String {
      let n = min(f.end - f.start, 40)
      return String(decoding: UnsafeBufferPointer(start: buffer + f.start, count: n), as: UTF8.self) + (f.end - f.start > 40 ? "…" : "")
    }

    while true {
      // Refill: keep the unparsed tail, read more of the part.
      if pos > 0 {
        if len > pos { memmove(buffer, buffer + pos, len - pos) }
        base += pos
        len -= pos
        pos = 0
      }
      if len == cap {
        cap *= 2
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        bigger.update(from: buffer, count: len)
        buffer.deallocate()
        buffer = bigger
      }
      let want = min(cap - len, end - (base + len))
      if want > 0 {
        let n = pread(fd, buffer + len, want, off_t(base + len))
        if n <= 0 {
          out.consistent = false
          return out
        }
        len += n
      }
      let exhausted = base + len == end
      let atEnd = exhausted && isLast
      while pos < len {
        let scan = CSVByteReader.parseRecord(buffer, start: pos, end: len, atEnd: atEnd, delimiter: header.delimiter, fields: fields, capacity: fieldCap)
        switch scan.status {
        case .needMore:
          if exhausted {
            // The part's end cut a record: the guessed boundary was inside quotes.
            out.consistent = false
            return out
          }
        case .unterminatedQuote:
          if !isLast {
            out.consistent = false
            return out
          }
          _ = problem(scan.problemOffset, scan.problemField, "a quote opened here is never closed; expected a closing \" before the end of the file")
          return out
        case .textAfterQuote:
          let recordEnd = UnsafeBufferPointer(start: buffer + scan.problemOffset, count: len - scan.problemOffset).firstIndex(of: CSVByteReader.newline)
          guard problem(scan.problemOffset, scan.problemField, "text after a closing quote; expected a delimiter or the end of the line") else { return out }
          if let r = recordEnd { pos = scan.problemOffset + r + 1 } else if exhausted { pos = len } else { break }
          continue
        case .record:
          let recordStart = pos
          pos = scan.next
          if CSVByteReader.isBlank(scan, fields) { continue }
          if scan.nonASCII, let bad = CSVByteReader.firstInvalidUTF8(buffer, start: recordStart, end: scan.next) {
            var f = 0
            while f < min(scan.fieldCount, fieldCap) - 1 && fields[f + 1].start <= bad { f += 1 }
            if problem(bad, f, String(format: "found byte 0x%02X, which is not UTF-8; save the file as UTF-8", buffer[bad])) { continue } else { return out }
          }
          if scan.fieldCount != expected {
            let few = scan.fieldCount < expected
            let col = few ? scan.fieldCount : expected
            let text = "found \(scan.fieldCount) field\(scan.fieldCount == 1 ? "" : "s"), expected \(expected) as in the header" + (few ? "" : " (a delimiter inside a value needs quotes)")
            if problem(recordStart, col, text) { continue } else { return out }
          }
          // Undo doubled quotes in place: the text only shrinks.
          for k in 0..<expected where fields[k].escaped {
            var w = fields[k].start, r = fields[k].start
            while r < fields[k].end {
              buffer[w] = buffer[r]
              r += buffer[r] == CSVByteReader.quote && r + 1 < fields[k].end && buffer[r + 1] == CSVByteReader.quote ? 2 : 1
              w += 1
            }
            fields[k].end = w
            fields[k].escaped = false
          }
          @inline(__always) func bytes(_ k: Int) -> UnsafeRawBufferPointer {
            k < 0 ? empty : UnsafeRawBufferPointer(start: buffer + fields[k].start, count: fields[k].end - fields[k].start)
          }
          let patient = bytes(iPatient)
          if patient.isEmpty {
            if problem(fields[iPatient].start, iPatient, "empty patient id; expected an id") { continue } else { return out }
          }
          let clinician = bytes(iClinician)
          if clinician.isEmpty {
            if problem(fields[iClinician].start, iClinician, "empty clinician id; expected an id") { continue } else { return out }
          }
          guard let minute = ISODateBytes.parseMinute(bytes(iDate)) else {
            if problem(fields[iDate].start, iDate, "found '\(shown(fields[iDate]))', expected a date YYYY-MM-DD (optionally with a time, e.g. 2024-03-05T14:30) from 1900 to 2199") {
              continue
            } else { return out }
          }
          out.rows += 1
          sink.accept(VisitRow(
            patient: patient, clinician: clinician, profession: bytes(iProfession), centre: bytes(iCentre),
            contactType: bytes(iContact), fixedDoctor: bytes(iFixed), minute: minute))
          continue
        }
        break
      }
      if pos >= len && exhausted { return out }
      if exhausted && !atEnd && pos < len { out.consistent = false; return out }
    }
  }
}

/// Per-part storage handed to concurrent workers; each worker touches only
/// its own index.
struct UncheckedPointers<S>: @unchecked Sendable {
  var sinks: UnsafeMutablePointer<S>
  var outcomes: UnsafeMutablePointer<VisitRecordReader.PartOutcome>
}
