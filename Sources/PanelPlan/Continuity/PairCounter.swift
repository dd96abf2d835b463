/// Counts of (a, b) pairs of dense `Int32` ids, e.g. (patient, clinician):
/// two counters per pair, kept in an open-addressing table.
///
/// Memory grows with the number of distinct pairs (for visit records: the sum
/// over patients of the distinct providers each saw), never with the number
/// of rows. One 16-byte entry (key and both counters together, so a lookup
/// touches one cache line) per slot, at most half the slots used.
///
/// - Complexity: `add` is O(1) expected.
public struct PairCounter: Sendable {
  static let empty = UInt64.max
  struct Entry: Sendable {
    var key: UInt64
    var primary: Int32
    var secondary: Int32
  }
  var entries: [Entry]
  var mask: Int
  /// Number of distinct pairs.
  public private(set) var count = 0

  public init(capacity: Int = 64) {
    var n = 16
    while n < capacity * 2 { n <<= 1 }
    entries = [Entry](repeating: Entry(key: Self.empty, primary: 0, secondary: 0), count: n)
    mask = n - 1
  }

  /// Bytes held, for memory accounting.
  public var memoryBytes: Int { entries.capacity * MemoryLayout<Entry>.stride }

  @inline(__always)
  static func key(_ a: Int32, _ b: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
  }

  @inline(__always)
  static func slot(_ k: UInt64, _ mask: Int) -> Int {
    // MurmurHash3's 64-bit finaliser: every key bit reaches the low bits
    // that pick the slot (a bare multiply would leave them to the clinician).
    var h = k
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return Int(truncatingIfNeeded: h) & mask
  }

  /// Adds `p` to the pair's primary counter and `s` to its secondary one.
  @inline(__always)
  public mutating func add(_ a: Int32, _ b: Int32, primary p: Int32, secondary s: Int32) {
    if (count + 1) * 2 > entries.count { grow() }
    let k = Self.key(a, b)
    let m = mask
    entries.withUnsafeMutableBufferPointer { e in
      var i = Self.slot(k, m)
      while true {
        let x = e[i].key
        if x == k { break }
        if x == Self.empty {
          e[i].key = k
          count += 1
          break
        }
        i = (i + 1) & m
      }
      e[i].primary &+= p
      e[i].secondary &+= s
    }
  }

  /// The counters of a pair, (0, 0) when never added.
  public func counts(_ a: Int32, _ b: Int32) -> (primary: Int32, secondary: Int32) {
    let k = Self.key(a, b)
    var i = Self.slot(k, mask)
    while true {
      let x = entries[i].key
      if x == k { return (entries[i].primary, entries[i].secondary) }
      if x == Self.empty { return (0, 0) }
      i = (i + 1) & mask
    }
  }

  mutating func grow() {
    let old = entries
    let n = entries.count * 2
    entries = [Entry](repeating: Entry(key: Self.empty, primary: 0, secondary: 0), count: n)
    mask = n - 1
    let m = mask
    entries.withUnsafeMutableBufferPointer { e in
      for x in old where x.key != Self.empty {
        var i = Self.slot(x.key, m)
        while e[i].key != Self.empty { i = (i + 1) & m }
        e[i] = x
      }
    }
  }

  /// Calls `body(a, b, primary, secondary)` for every pair, in table order
  /// (unspecified; use only for order-independent sums).
  public func forEach(_ body: (Int32, Int32, Int32, Int32) throws -> Void) rethrows {
    for x in entries where x.key != Self.empty {
      let k = x.key
      try body(Int32(bitPattern: UInt32(truncatingIfNeeded: k >> 32)), Int32(bitPattern: UInt32(truncatingIfNeeded: k)), x.primary, x.secondary)
    }
  }
}
