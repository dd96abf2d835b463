// libFuzzer driver for PanelPlan's readers: built by scripts/fuzz.sh with
// `swiftc -sanitize=fuzzer,address` together with the library's sources,
// as one module named PanelPlan (sources qualify names with it).
// PANELPLAN_FUZZ_TARGET picks the reader (see FuzzTargets.names).
import Foundation

nonisolated(unsafe) var fuzzDirectory: String?
nonisolated(unsafe) var fuzzTarget = ProcessInfo.processInfo.environment["PANELPLAN_FUZZ_TARGET"] ?? "visits"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  if fuzzDirectory == nil {
    let dir = NSTemporaryDirectory() + "panelplan-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    // A sweep's base may name centre.json beside it.
    if let centre = ProcessInfo.processInfo.environment["PANELPLAN_FUZZ_CENTRE"] {
      try? FileManager.default.copyItem(atPath: centre, toPath: dir + "/centre.json")
    }
    fuzzDirectory = dir
  }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if !FuzzTargets.run(fuzzTarget, bytes, directory: fuzzDirectory!) {
    fatalError("unknown PANELPLAN_FUZZ_TARGET \(fuzzTarget); expected one of \(FuzzTargets.names)")
  }
  return 0
}
