/// Counts of (a, b) pairs of dense `Int32` ids, e.g. (patient, clinician):
/// two counters per pair, kept in an open-addressing table.
///
/// Memory grows with the number of distinct pairs (for visit records: the sum
/// over patients of the distinct providers each saw), never with the number
/// of rows. About 32 bytes per pair at the table's worst fill.
///
/// - Complexity: `add` is O(1) expected.
public struct PairCounter: Sendable {
  static let empty = UInt64.max
  var keys: [UInt64]
  var primary: [Int32]
  var secondary: [Int32]
  var mask: Int
  /// Number of distinct pairs.
  public private(set) var count = 0

  public init(capacity: Int = 64) {
    var n = 16
    while n < capacity * 2 { n <<= 1 }
    keys = [UInt64](repeating: Self.empty, count: n)
    primary = [Int32](repeating: 0, count: n)
    secondary = [Int32](repeating: 0, count: n)
    mask = n - 1
  }

  /// Bytes held, for memory accounting.
  public var memoryBytes: Int { keys.capacity * 8 + primary.capacity * 4 + secondary.capacity * 4 }

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
  
  public mutating func add(_ a: Int32, _ b: Int32, primary p: Int32, secondary s: Int32) {
    let k = Self.key(a, b)
    var i = Self.slot(k, mask)
    while true {
      let x = keys[i]
      if x == k { break }
      if x == Self.empty {
        keys[i] = k
        count += 1
        if count * 2 > keys.count {
          grow()
          add(a, b, primary: p, secondary: s)
          return
        }
        break
      }
      i = (i + 1) & mask
    }
    primary[i] &+= p
    secondary[i] &+= s
  }

  /// The counters of a pair, (0, 0) when never added.
  public func counts(_ a: Int32, _ b: Int32) -> (primary: Int32, secondary: Int32) {
    let k = Self.key(a, b)
    var i = Self.slot(k, mask)
    while true {
      let x = keys[i]
      if x == k { return (primary[i], secondary[i]) }
      if x == Self.empty { return (0, 0) }
      i = (i + 1) & mask
    }
  }


  mutating func grow() {
    let oldKeys = keys, oldP = primary, oldS = secondary
    let n = keys.count * 2
    keys = [UInt64](repeating: Self.empty, count: n)
    primary = [Int32](repeating: 0, count: n)
    secondary = [Int32](repeating: 0, count: n)
    mask = n - 1
    for j in 0..<oldKeys.count where oldKeys[j] != Self.empty {
      var i = Self.slot(oldKeys[j], mask)
      while keys[i] != Self.empty { i = (i + 1) & mask }
      keys[i] = oldKeys[j]
      primary[i] = oldP[j]
      secondary[i] = oldS[j]
    }
  }

  /// Calls `body(a, b, primary, secondary)` for every pair, in table order
  /// (unspecified; use only for order-independent sums).
  public func forEach(_ body: (Int32, Int32, Int32, Int32) throws -> Void) rethrows {
    for i in 0..<keys.count where keys[i] != Self.empty {
      let k = keys[i]
      try body(Int32(bitPattern: UInt32(truncatingIfNeeded: k >> 32)), Int32(bitPattern: UInt32(truncatingIfNeeded: k)), primary[i], secondary[i])
    }
  }
}
