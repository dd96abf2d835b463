import Foundation
import PanelPlan

// Usage: PanelPlanBenchmarks [name-filter] [--runs N]
// Build in release: swift run -c release PanelPlanBenchmarks

#if DEBUG
FileHandle.standardError.write(Data("WARNING: benchmarks built in debug; numbers are meaningless. Use -c release.\n".utf8))
#endif

AllocatorTuning.preferHeapForLargeBlocks()

let allBenchmarks: [Benchmark] =
  CapacityBenchmarks.all
  + SweepBenchmarks.all
  + StaffingBenchmarks.all
  + SimulationBenchmarks.all
  + ContinuityBenchmarks.all

var filter: String?
var runs = 3
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
  let a = args.removeFirst()
  if a == "--runs", let n = args.first.flatMap(Int.init) { runs = max(1, n); args.removeFirst() } else { filter = a }
}

print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")
for b in allBenchmarks where filter.map({ b.name.contains($0) }) ?? true {
  do {
    print(try Harness.measure(b, runs: runs))
  } catch {
    print("\(b.name): failed: \(error)")
  }
}
print(String(format: "peak memory: %.0f MiB", Harness.peakMemoryMiB()))
