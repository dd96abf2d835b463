/// A byte-level CSV tokenizer (RFC 4180): fields separated by `,` or `;`,
/// records ended by LF or CRLF, fields optionally in double quotes with `""`
/// for a quote inside; quoted fields may hold delimiters and line breaks.
///
/// It works on a buffer of bytes and never makes a `String` per row: a record
/// comes back as field spans (offsets into the buffer). Lenient where real
/// exports need it: a quote inside an unquoted field is kept as a literal
/// character. Strict where silence would hide an error: text after a closing
/// quote, and a quote never closed.
///
/// - Complexity: O(bytes), one pass, one comparison or two per byte.
public enum CSVByteReader {
  public static let quote: UInt8 = 34
  public static let newline: UInt8 = 10
  public static let carriageReturn: UInt8 = 13

  /// One field of a record: `buffer[start ..< end]`, quotes removed. When
  /// `escaped`, the bytes still hold doubled quotes (`""`) to be undone with
  /// `unescape`.
  public struct Field: Sendable {
    public var start: Int
    public var end: Int
    public var escaped: Bool
    public init(start: Int = 0, end: Int = 0, escaped: Bool = false) {
      self.start = start
      self.end = end
      self.escaped = escaped
    }
  }

  /// What `parseRecord` found.
  public enum Status: Sendable, Equatable {
    /// A whole record; the next one starts at `next`.
    case record
    /// The buffer ends inside the record: read more bytes and try again.
    case needMore
    /// A quote opened at `offset` is never closed.
    case unterminatedQuote
    /// Something other than a delimiter or line end follows a closing quote at `offset`.
    case textAfterQuote
  }

  /// The outcome of parsing one record.
  public struct Scan: Sendable {
    public var status: Status
    /// Start of the next record (when `.record`).
    public var next: Int
    /// Number of fields (may exceed the capacity given; only that many are stored).
    public var fieldCount: Int
    /// Whether any byte ≥ 0x80 occurred (then the record must be checked as UTF-8).
    public var nonASCII: Bool
    /// Buffer offset of the problem, for errors; field index (0-based) it is in.
    public var problemOffset: Int
    public var problemField: Int
  }

  /// Parses one record starting at `start` in `buffer[0 ..< end]`.
  ///
  /// - Parameters:
  ///   - atEnd: whether `end` is the end of the input (a record may then end
  ///     without a line break, and an open quote is an error); otherwise a
  ///     record cut by `end` gives `.needMore`.
  ///   - fields: storage for at least `capacity` spans.
  
  public static func parseRecord(
    _ buffer: UnsafePointer<UInt8>, start: Int, end: Int, atEnd: Bool, delimiter: UInt8,
    fields: UnsafeMutablePointer<Field>, capacity: Int
  ) -> Scan {
    var i = start
    var n = 0
    var acc: UInt8 = 0
    @inline(__always) func store(_ s: Int, _ e: Int, _ esc: Bool) {
      if n < capacity { fields[n] = Field(start: s, end: e, escaped: esc) }
      n += 1
    }
    while true {
      if i < end && buffer[i] == quote {
        let open = i
        let fs = i + 1
        var j = fs
        var esc = false
        while true {
          while j < end && buffer[j] != quote {
            acc |= buffer[j]
            j += 1
          }
          if j >= end {
            return atEnd
              ? Scan(status: .unterminatedQuote, next: end, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: open, problemField: n)
              : Scan(status: .needMore, next: start, fieldCount: 0, nonASCII: false, problemOffset: start, problemField: 0)
          }
          if j + 1 < end {
            if buffer[j + 1] == quote {
              esc = true
              j += 2
              continue
            }
          } else if !atEnd {
            return Scan(status: .needMore, next: start, fieldCount: 0, nonASCII: false, problemOffset: start, problemField: 0)
          }
          break
        }
        store(fs, j, esc)
        i = j + 1
        if i >= end {
          return Scan(status: .record, next: end, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: 0, problemField: 0)
        }
        let c = buffer[i]
        if c == delimiter {
          i += 1
          continue
        }
        if c == newline {
          return Scan(status: .record, next: i + 1, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: 0, problemField: 0)
        }
        if c == carriageReturn {
          if i + 1 < end && buffer[i + 1] == newline {
            return Scan(status: .record, next: i + 2, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: 0, problemField: 0)
          }
          if i + 1 >= end {
            if !atEnd { return Scan(status: .needMore, next: start, fieldCount: 0, nonASCII: false, problemOffset: start, problemField: 0) }
            return Scan(status: .record, next: end, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: 0, problemField: 0)
          }
        }
        return Scan(status: .textAfterQuote, next: i, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: i, problemField: n - 1)
      } else {
        let fs = i
        var c: UInt8 = 0
        while i < end {
          c = buffer[i]
          if c == delimiter || c == newline { break }
          acc |= c
          i += 1
        }
        if i >= end {
          if !atEnd { return Scan(status: .needMore, next: start, fieldCount: 0, nonASCII: false, problemOffset: start, problemField: 0) }
          var fe = end
          if fe > fs && buffer[fe - 1] == carriageReturn { fe -= 1 }
          store(fs, fe, false)
          return Scan(status: .record, next: end, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: 0, problemField: 0)
        }
        if c == newline {
          var fe = i
          if fe > fs && buffer[fe - 1] == carriageReturn { fe -= 1 }
          store(fs, fe, false)
          return Scan(status: .record, next: i + 1, fieldCount: n, nonASCII: acc >= 0x80, problemOffset: 0, problemField: 0)
        }
        store(fs, i, false)
        i += 1
      }
    }
  }

  /// Whether a record is blank (an empty line), which readers skip.
  
  public static func isBlank(_ scan: Scan, _ fields: UnsafeMutablePointer<Field>) -> Bool {
    scan.fieldCount == 1 && fields[0].start == fields[0].end && !fields[0].escaped
  }

  /// Copies a field's bytes with `""` turned into `"`, appending to `out`;
  /// returns the range appended.
  public static func unescape(_ buffer: UnsafePointer<UInt8>, _ f: Field, into out: inout [UInt8]) -> Range<Int> {
    let s = out.count
    var i = f.start
    while i < f.end {
      out.append(buffer[i])
      i += buffer[i] == quote && i + 1 < f.end && buffer[i + 1] == quote ? 2 : 1
    }
    return s..<out.count
  }

  /// The offset of the first byte in `buffer[start ..< end]` that breaks
  /// UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF), or nil.
  public static func firstInvalidUTF8(_ b: UnsafePointer<UInt8>, start: Int, end: Int) -> Int? {
    var i = start
    while i < end {
      let c = b[i]
      if c < 0x80 { i += 1; continue }
      var need = 0
      var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
      switch c {
      case 0xC2...0xDF: need = 1
      case 0xE0: need = 2; lo = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED: need = 2; hi = 0x9F
      case 0xF0: need = 3; lo = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4: need = 3; hi = 0x8F
      default: return i
      }
      if i + need >= end { return i }
      for k in 1...need {
        let x = b[i + k]
        if k == 1 ? (x < lo || x > hi) : (x < 0x80 || x > 0xBF) { return i }
      }
      i += need + 1
    }
    return nil
  }

  /// Picks the delimiter of a header line: `;` when it holds more semicolons
  /// than commas outside quotes (Swedish Excel), else `,`.
  public static func detectDelimiter(_ b: UnsafePointer<UInt8>, start: Int, end: Int) -> UInt8 {
    var commas = 0, semicolons = 0, inQuotes = false
    var i = start
    while i < end {
      let c = b[i]
      if c == quote { inQuotes.toggle() }
      else if !inQuotes {
        if c == newline { break }
        if c == 44 { commas += 1 } else if c == 59 { semicolons += 1 }
      }
      i += 1
    }
    return semicolons > commas ? 59 : 44
  }
}
