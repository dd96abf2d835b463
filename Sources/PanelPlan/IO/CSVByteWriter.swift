/// Where a `CSVByteWriter` puts its bytes: any destination that takes
/// chunks in order (a growing byte array, an output file's sink, a pipe).
///
/// The writer hands over chunks of about `CSVByteWriter.chunkBytes`; the
/// pointer is valid only during the call.
public protocol CSVByteSink {
  mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Collects everything in one byte array (for `AtomicFile.write`, which
/// writes a file whole or not at all, and for tests).
public struct CSVByteArraySink: CSVByteSink, Sendable {
  public var bytes: [UInt8] = []
  public init() {}
  public mutating func write(_ b: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: b) }
}

/// Adapts a closure (e.g. an output file's `sink.write`) to `CSVByteSink`.
public struct CSVClosureSink: CSVByteSink {
  public var body: (UnsafeRawBufferPointer) throws -> Void
  public init(_ body: @escaping (UnsafeRawBufferPointer) throws -> Void) { self.body = body }
  public mutating func write(_ b: UnsafeRawBufferPointer) throws { try body(b) }
}

/// Writes CSV as bytes, with the output dialect built in, without a `String`
/// per field or per row: fields are appended to a buffer that is handed to
/// the sink in chunks.
///
/// The bytes are the same as `CSVWriter` followed by `CSVDialect.convert`
/// (RFC 4180 quoting: a field is quoted when it holds the separator, `"`,
/// LF or CR; `"` doubled inside), with one deliberate difference: text
/// fields are never given a decimal comma, only numbers written with
/// `number(_:)` are (the old path also turned an id such as `1.5` into
/// `1,5`).
///
/// ```swift
/// var w = CSVByteWriter(dialect: .excelSv, sink: CSVByteArraySink())
/// try w.field("a;b"); try w.number(0.25); try w.endRow()   // "a;b";0,25\n
/// try w.finish()
/// ```
///
/// Numbers: integers are written digit by digit; other doubles in the
/// shortest form that reads back to the same value, exactly Swift's
/// `description` (what `NumberFormat.machine` writes). Those digits come
/// from the standard library once per distinct value and are then kept in a
/// small table keyed by the value's bits, so a file of millions of rows
/// whose indices are ratios of small counts formats each value once.
public struct CSVByteWriter<Sink: CSVByteSink> {
  /// Bytes handed to the sink at a time.
  public static var chunkBytes: Int { 1 << 20 }

  public private(set) var sink: Sink
  public let dialect: CSVDialect
  let separator: UInt8
  let decimal: UInt8
  var buffer: [UInt8] = []
  var atRowStart = true
  var cache = _DoubleDigitsCache()

  /// - Parameters:
  ///   - dialect: `.standard` (`,`, decimal point) or `.excelSv` (`;`,
  ///     decimal comma), as `CSVDialect` documents.
  ///   - byteOrderMark: start with the UTF-8 BOM (EF BB BF), which makes
  ///     Excel read the file as UTF-8; off by default, as PanelPlan's CSV
  ///     has always been written without one.
  public init(dialect: CSVDialect = .standard, byteOrderMark: Bool = false, sink: Sink) {
    self.sink = sink
    self.dialect = dialect
    separator = dialect == .excelSv ? UInt8(ascii: ";") : UInt8(ascii: ",")
    decimal = dialect == .excelSv ? UInt8(ascii: ",") : UInt8(ascii: ".")
    buffer.reserveCapacity(Self.chunkBytes + 4096)
    if byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
  }

  @inline(__always)
  mutating func beginField() {
    if atRowStart { atRowStart = false } else { buffer.append(separator) }
  }

  /// Appends a text field, quoted when it needs to be.
  public mutating func field(_ bytes: UnsafeRawBufferPointer) {
    beginField()
    var needs = false
    for b in bytes where b == separator || b == 34 || b == 10 || b == 13 { needs = true; break }
    if !needs {
      buffer.append(contentsOf: bytes)
      return
    }
    buffer.append(34)
    for b in bytes {
      buffer.append(b)
      if b == 34 { buffer.append(34) }
    }
    buffer.append(34)
  }

  /// Appends a text field.
  public mutating func field(_ s: String) {
    var s = s
    s.withUTF8 { field(UnsafeRawBufferPointer($0)) }
  }

  /// Appends an empty field.
  public mutating func empty() { beginField() }

  /// Appends an integer.
  public mutating func integer(_ x: Int) {
    beginField()
    appendDigits(x)
  }

  @inline(__always)
  mutating func appendDigits(_ x: Int) {
    if x < 0 { buffer.append(45) }
    var v = x.magnitude
    var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes ≥ 20 digits
    withUnsafeMutableBytes(of: &tmp) { t in
      var k = 24
      repeat {
        k -= 1
        t[k] = UInt8(truncatingIfNeeded: 48 &+ v % 10)
        v /= 10
      } while v > 0
      buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: t[k...]))
    }
  }

  /// Appends a number as `NumberFormat.machine` writes it (empty for NaN
  /// or infinity, integral values without a fraction), with the dialect's
  /// decimal separator.
  public mutating func number(_ x: Double) {
    beginField()
    guard x.isFinite else { return }
    if x == x.rounded(), abs(x) < 1e15 {
      appendDigits(Int(Int64(x)))
      return
    }
    if dialect == .excelSv {
      // Excel's numbers are rounded as `CSVDialect.convert` rounds them, so
      // every CSV in the Swedish dialect reads alike (issue 17).
      var text = CSVDialect.rounded(NumberFormat.machine(x))
      text.withUTF8 { u in for b in u { buffer.append(b == 46 ? decimal : b) } }
      return
    }
    let start = buffer.count
    cache.append(x, to: &buffer)
    if decimal != 46 {
      for k in start..<buffer.count where buffer[k] == 46 { buffer[k] = decimal }
    }
  }

  /// Appends an optional number; nil is an empty field.
  public mutating func number(_ x: Double?) {
    if let x { number(x) } else { empty() }
  }

  /// Ends the row; hands the buffer to the sink once it holds a chunk.
  public mutating func endRow() throws {
    buffer.append(10)
    atRowStart = true
    if buffer.count >= Self.chunkBytes { try flush() }
  }

  /// Appends a whole row of text fields.
  public mutating func row(_ fields: [String]) throws {
    for f in fields { field(f) }
    try endRow()
  }

  mutating func flush() throws {
    try buffer.withUnsafeBytes { try sink.write($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Hands the rest to the sink; call once at the end.
  public mutating func finish() throws {
    if !buffer.isEmpty { try flush() }
  }
}

extension CSVByteWriter where Sink == CSVByteArraySink {
  /// A writer that collects its bytes in memory.
  public init(dialect: CSVDialect = .standard, byteOrderMark: Bool = false) {
    self.init(dialect: dialect, byteOrderMark: byteOrderMark, sink: CSVByteArraySink())
  }

  /// All bytes written so far (call `finish()` first).
  public var bytes: [UInt8] { sink.bytes }

  /// Empties the collected bytes, keeping the capacity and the digit cache.
  mutating func clearSink() { sink.bytes.removeAll(keepingCapacity: true) }
}

/// The shortest round-trip digits of doubles, kept per distinct value.
///
/// An open-addressing table of at most `limit` values keyed by their bit
/// pattern; each entry points into one arena of digit bytes. Past the limit
/// new values are formatted directly and not kept, so memory stays bounded
/// whatever the data.
struct _DoubleDigitsCache {
  static let limit = 1 << 16
  var keys = [UInt64](repeating: 0, count: 1 << 17)
  var spans = [UInt32](repeating: 0, count: 1 << 17)  // start << 8 | length; 0 = empty
  var arena: [UInt8] = [0]
  var count = 0

  @inline(__always)
  mutating func append(_ x: Double, to out: inout [UInt8]) {
    let bits = x.bitPattern
    let mask = keys.count - 1
    var h = bits &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    var i = Int(truncatingIfNeeded: h) & mask
    while spans[i] != 0 {
      if keys[i] == bits {
        let s = Int(spans[i] >> 8), n = Int(spans[i] & 0xFF)
        arena.withUnsafeBufferPointer { a in out.append(contentsOf: UnsafeBufferPointer(rebasing: a[s..<(s + n)])) }
        return
      }
      i = (i + 1) & mask
    }
    slow(x, slot: i, to: &out)
  }

  @inline(never)
  mutating func slow(_ x: Double, slot: Int, to out: inout [UInt8]) {
    // Swift's own shortest round-trip algorithm, as `NumberFormat.machine`.
    let digits = x.description.utf8
    out.append(contentsOf: digits)
    guard count < Self.limit, arena.count + digits.count < 1 << 24 else { return }
    keys[slot] = x.bitPattern
    spans[slot] = UInt32(arena.count) << 8 | UInt32(digits.count)
    arena.append(contentsOf: digits)
    count += 1
  }
}

/// An output file takes the writer's chunks directly, so a large CSV goes
/// to disk in pieces and is still published whole or not at all.
extension OutputFile: CSVByteSink {}
