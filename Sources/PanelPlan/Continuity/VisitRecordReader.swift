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

  /// The open file and its size in bytes; the caller closes it. A folder
  /// or an unreadable file is an input error, never a crash.
  func openFile() throws -> (fd: Int32, size: Int) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw InputError(file: displayName, problem: "cannot open the file (\(String(cString: strerror(errno))))")
    }
    var st = stat()
    guard fstat(fd, &st) == 0 else { close(fd); throw InputError(file: displayName, problem: "cannot read the file") }
    if st.st_mode & S_IFMT == S_IFDIR {
      close(fd)
      throw InputError(file: displayName, problem: "is a folder, expected a CSV file of visits")
    }
    return (fd, Int(st.st_size))
  }

  /// Reads the file with one sink per part, made by `makeSink(part)`, and
  /// returns the sinks in file order.
  public func scan<S: VisitSink>(makeSink: (Int) -> S) throws -> (sinks: [S], report: VisitScanReport) {
    let (fd, size) = try openFile()
    defer { close(fd) }
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
            let sinks = SendablePointer(sinkBase), outcomes = SendablePointer(outBase)
            DispatchQueue.concurrentPerform(iterations: parts) { i in
              outcomes[i] = scanPart(fd: fd, start: starts[i], end: starts[i + 1], isLast: i == parts - 1, header: header, sink: &sinks[i])
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
    let (fd, size) = try openFile()
    defer { close(fd) }
    return try readHeader(fd: fd, size: size).index.map { $0 >= 0 }
  }
}
