import Foundation

/// The readers' fuzz entry points: each feeds arbitrary bytes to one reader
/// as a user's file and accepts any thrown error. A trap (overflow, index
/// out of range, force-unwrap) or a sanitizer report is a bug.
///
/// `Fuzz/main.swift` calls these from libFuzzer (`scripts/fuzz.sh`); the
/// tests replay every input kept under `Tests/Fuzz/<target>/`.
public enum FuzzTargets {
  /// The targets, by name.
  public static let names = ["visits", "patients", "roster", "centre", "scenario", "region", "sweep"]

  /// Runs target `name` on `bytes`, written to a file in `directory` (a
  /// sweep's `base` may name `centre.json` there). Returns false for an
  /// unknown name.
  @discardableResult
  public static func run(_ name: String, _ bytes: [UInt8], directory: String) -> Bool {
    let path = (directory as NSString).appendingPathComponent("input-\(name)")
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return false }
    do {
      switch name {
      case "visits":
        var reader = VisitRecordReader(path: path, skipBadRows: bytes.first.map { $0 & 1 == 1 } ?? false, workers: 1)
        // Small buffers: fast runs, and rows that straddle buffer ends.
        reader.bufferBytes = 4 << 10
        let a = try VisitContinuityAnalysis.run(
          reader: reader, options: VisitContinuityOptions(), patientRecords: nil, skr: false, skrEndDay: nil, batchBytes: 4 << 10)
        _ = a.summaries()
      case "patients":
        _ = try PatientRecords.load(path: path)
      case "roster":
        _ = try RosterFile.load(path, startYear: 2024)
      case "centre":
        let c = try CentreFile.load(path)
        _ = CentreCapacity(centre: c)
      case "scenario":
        let s = try Scenario.load(path)
        _ = CentreCapacity(centre: s.centre, parameters: s.parameters.capacity)
      case "region":
        _ = try RegionFile.load(path)
      case "sweep":
        let d = try SweepDefinition.decode(Data(bytes), file: path, directory: directory)
        let plan = SweepPlan(d)
        // The paths and edits of every point are checked against the base;
        // the capacity model is fast enough to call on the first point.
        if plan.pointCount <= 2_000 { try SweepRunner(plan: plan, model: CapacitySweepModel(), threads: 1).preflight() }
      default:
        return false
      }
    } catch {
      // Any error is a fine answer to bad bytes; its message must render.
      _ = "\(error)"
    }
    return true
  }
}
