import Foundation

/// Interns byte strings (ids read from files) into dense `Int32` indices,
/// 0, 1, 2, … in order of first appearance, without making a `String` per row.
///
/// Open addressing with linear probing over a power-of-two slot table that is
/// kept at most half full; each slot holds the entry's 32-bit hash next to
/// its index, so that a probe reads one word and most probes never compare
/// bytes. The bytes of all ids live in one arena.
///
/// ```swift
/// var ids = ByteInterner()
/// "p1".utf8.withContiguousStorageIfAvailable { ids.intern(UnsafeRawBufferPointer($0)) }  // 0
/// ```
///
/// - Complexity: `intern` and `find` are O(length of the id) expected.
public struct ByteInterner: Sendable {
  /// The bytes of every id, back to back.
  var arena: [UInt8] = []
  /// Entry i is `arena[starts[i] ..< starts[i + 1]]`.
  var starts: [Int] = [0]
  /// Slot → hash << 32 | (entry index + 1); 0 is empty.
  var slots: [UInt64]
  var mask: Int

  /// - Parameter capacity: expected number of ids (the table grows as needed).
  public init(capacity: Int = 64) {
    var n = 16
    while n < capacity * 2 { n <<= 1 }
    slots = [UInt64](repeating: 0, count: n)
    mask = n - 1
    starts.reserveCapacity(capacity + 1)
  }

  /// Number of distinct ids.
  public var count: Int { starts.count - 1 }

  /// Bytes held, for memory accounting.
  public var memoryBytes: Int { arena.capacity + starts.capacity * 8 + slots.capacity * 8 }

  /// A 64-bit hash of the bytes, 8 at a time (a multiply–xorshift mix in the
  /// style of wyhash / murmur's finaliser; not cryptographic).
  @inline(__always)
  public static func hash(_ p: UnsafeRawBufferPointer) -> UInt64 {
    let n = p.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
    var i = 0
    while i + 8 <= n {
      let w = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i += 8
    }
    if i < n {
      var w: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        w |= UInt64(p[i]) << shift
        shift += 8
        i += 1
      }
      h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
    }
    h ^= h >> 29
    h = h &* 0x9E37_79B9_7F4A_7C15
    return h ^ (h >> 32)
  }

  @inline(__always)
  func equals(_ entry: Int, _ p: UnsafeRawBufferPointer) -> Bool {
    let s = starts[entry], e = starts[entry + 1]
    if e - s != p.count { return false }
    if p.count == 0 { return true }
    return arena.withUnsafeBufferPointer { a in Self.same(UnsafeRawPointer(a.baseAddress! + s), p.baseAddress!, p.count) }
  }

  /// Byte equality of two `n`-byte ranges; ids are short, so up to 16 bytes
  /// are compared with two overlapping word loads instead of a call to memcmp.
  @inline(__always)
  static func same(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, _ n: Int) -> Bool {
    if n >= 8 && n <= 16 {
      return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
        && x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    if n >= 4 && n < 8 {
      return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
        && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
    }
    return memcmp(x, y, n) == 0
  }

  /// The index of `p`, or -1 when it was never interned.
  public func find(_ p: UnsafeRawBufferPointer) -> Int32 {
    let h = Self.hash(p)
    let tag = UInt64(UInt32(truncatingIfNeeded: h)) << 32
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let e = slots[slot]
      if e == 0 { return -1 }
      let i = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
      if e & 0xFFFF_FFFF_0000_0000 == tag && equals(i, p) { return Int32(i) }
      slot = (slot + 1) & mask
    }
  }

  /// The index of `p`, adding it when new. `isNew` tells which.
  @inline(__always)
  public mutating func intern(_ p: UnsafeRawBufferPointer, isNew: inout Bool) -> Int32 {
    intern(p, hash: Self.hash(p), isNew: &isNew)
  }

  /// The index of `p` whose `hash(p)` the caller already computed.
  @inline(__always)
  mutating func intern(_ p: UnsafeRawBufferPointer, hash h: UInt64, isNew: inout Bool) -> Int32 {
    let tag = UInt64(UInt32(truncatingIfNeeded: h)) << 32
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let e = slots[slot]
      if e == 0 { break }
      let i = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
      if e & 0xFFFF_FFFF_0000_0000 == tag && equals(i, p) {
        isNew = false
        return Int32(i)
      }
      slot = (slot + 1) & mask
    }
    isNew = true
    let index = count
    if p.count > 0 { arena.append(contentsOf: p) }
    starts.append(arena.count)
    slots[slot] = tag | UInt64(index + 1)
    if count * 2 > slots.count { grow() }
    return Int32(index)
  }

  /// The index of `p`, adding it when new.
  @inline(__always)
  public mutating func intern(_ p: UnsafeRawBufferPointer) -> Int32 {
    var isNew = false
    return intern(p, isNew: &isNew)
  }

  /// Adds `p`, known to be absent, with its `hash(p)`: no byte comparisons,
  /// for building a table from ids already known to be distinct.
  mutating func appendAbsent(_ p: UnsafeRawBufferPointer, hash h: UInt64) {
    if (count + 1) * 2 > slots.count { grow() }
    var slot = Int(truncatingIfNeeded: h) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    if p.count > 0 { arena.append(contentsOf: p) }
    starts.append(arena.count)
    slots[slot] = UInt64(UInt32(truncatingIfNeeded: h)) << 32 | UInt64(count)
  }

  /// A table of distinct ids given as their bytes back to back (`arena`,
  /// entry i is `arena[starts[i] ..< starts[i + 1]]`) and each one's
  /// `UInt32(truncatingIfNeeded: hash(id))`: only the slots are built, and
  /// no id's bytes are read (the ids were interned once already).
  init(distinctArena arena: [UInt8], starts: [Int], hashTags: [UInt32]) {
    self.init(capacity: hashTags.count)
    self.arena = arena
    self.starts = starts
    let m = mask
    slots.withUnsafeMutableBufferPointer { sl in
      for (i, t) in hashTags.enumerated() {
        var slot = Int(t) & m
        while sl[slot] != 0 { slot = (slot + 1) & m }
        sl[slot] = UInt64(t) << 32 | UInt64(i + 1)
      }
    }
  }

  /// Reserves room for `ids` entries holding `bytes` bytes in all.
  mutating func reserve(ids: Int, bytes: Int) {
    arena.reserveCapacity(bytes)
    starts.reserveCapacity(ids + 1)
    while ids * 2 > slots.count { grow() }
  }

  /// Interns a `String`'s UTF-8 bytes.
  public mutating func intern(_ s: String) -> Int32 {
    var s = s
    return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
  }

  /// Finds a `String`'s UTF-8 bytes; -1 when absent.
  public func find(_ s: String) -> Int32 {
    var s = s
    return s.withUTF8 { find(UnsafeRawBufferPointer($0)) }
  }


  mutating func grow() {
    let n = slots.count * 2
    var newSlots = [UInt64](repeating: 0, count: n)
    let m = n - 1
    for e in slots where e != 0 {
      // The slot comes from the hash's low bits; the 32 kept in the slot
      // suffice below 2³² slots, so the ids' bytes are not read again.
      var slot = Int(truncatingIfNeeded: e >> 32) & m
      while newSlots[slot] != 0 { slot = (slot + 1) & m }
      newSlots[slot] = e
    }
    slots = newSlots
    mask = m
  }

  /// Calls `body` with the bytes of entry `i`.
  
  public func withBytes<R>(_ i: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let s = starts[Int(i)], e = starts[Int(i) + 1]
    return try arena.withUnsafeBytes { a in try body(UnsafeRawBufferPointer(rebasing: a[s..<e])) }
  }

  /// Entry `i` as a `String` (invalid UTF-8 repaired with U+FFFD).
  public func string(_ i: Int32) -> String {
    withBytes(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// Byte-wise comparison of entries `a` and `b` (memcmp order, shorter first on a tie).
  public func compare(_ a: Int32, _ b: Int32) -> Int {
    withBytes(a) { x in
      withBytes(b) { y in
        let n = min(x.count, y.count)
        let c = n == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, n))
        return c != 0 ? c : x.count - y.count
      }
    }
  }

  /// Entry indices ordered by their bytes (memcmp order).
  ///
  /// Sorts (first 16 bytes as two big-endian words, index) triples, so
  /// nearly every comparison is between integers held in the array (ids
  /// such as `P05170188` share their first 8 bytes with ~10 others); only
  /// ids equal in their first 16 bytes (zero-padded) are compared whole.
  public func sortedOrder() -> [Int32] {
    var keys = [(high: UInt64, low: UInt64, index: Int32)]()
    keys.reserveCapacity(count)
    arena.withUnsafeBytes { a in
      for i in 0..<count {
        let s = starts[i], n = min(16, starts[i + 1] - s)
        var w: (UInt64, UInt64) = (0, 0)
        for k in 0..<min(n, 8) { w.0 |= UInt64(a[s + k]) << (56 - 8 * UInt64(k)) }
        for k in min(n, 8)..<n { w.1 |= UInt64(a[s + k]) << (56 - 8 * UInt64(k - 8)) }
        keys.append((w.0, w.1, Int32(i)))
      }
    }
    // Two halves sorted on two cores, then merged. The order is total
    // (distinct ids never compare equal), so the result does not depend on
    // the split.
    let n = keys.count
    let mid = n < 1 << 16 ? n : n / 2
    keys.withUnsafeMutableBufferPointer { kp in
      let k = SendablePointer(kp.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: mid == n ? 1 : 2) { h in
        let lo = h == 0 ? 0 : mid, hi = h == 0 ? mid : n
        var half = UnsafeMutableBufferPointer(start: k.pointer + lo, count: hi - lo)
        half.sort { x, y in
          if x.high != y.high { return x.high < y.high }
          if x.low != y.low { return x.low < y.low }
          return compare(x.index, y.index) < 0
        }
      }
    }
    if mid == n { return keys.map(\.index) }
    var out = [Int32]()
    out.reserveCapacity(n)
    var i = 0, j = mid
    while i < mid && j < n {
      let x = keys[i], y = keys[j]
      let yFirst = y.high != x.high ? y.high < x.high : y.low != x.low ? y.low < x.low : compare(y.index, x.index) < 0
      if yFirst { out.append(y.index); j += 1 } else { out.append(x.index); i += 1 }
    }
    while i < mid { out.append(keys[i].index); i += 1 }
    while j < n { out.append(keys[j].index); j += 1 }
    return out
  }
}
