import Foundation
@testable import PanelPlan

/// Writes `bytes` to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "visits.csv") -> String {
  let dir = NSTemporaryDirectory() + "panelplan-tests-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  let path = dir + "/" + name
  _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
  return path
}

func temporaryFile(_ text: String, name: String = "visits.csv") -> String { temporaryFile(Array(text.utf8), name: name) }

/// Collects rows as text: "patient|date-minute|clinician|profession|centre|type|fixed".
struct RowCollector: VisitSink {
  var rows: [String] = []
  mutating func accept(_ r: VisitRow) {
    func s(_ b: UnsafeRawBufferPointer) -> String { String(decoding: b, as: UTF8.self) }
    rows.append([s(r.patient), String(r.minute), s(r.clinician), s(r.profession), s(r.centre), s(r.contactType), s(r.fixedDoctor)].joined(separator: "|"))
  }
}

func readRows(_ path: String, workers: Int = 1, skip: Bool = false, threshold: Int = 4 << 20, buffer: Int = 8 << 20) throws -> ([String], VisitScanReport) {
  var r = VisitRecordReader(path: path, displayName: "visits.csv", skipBadRows: skip, workers: workers)
  r.parallelThresholdBytes = threshold
  r.bufferBytes = buffer
  let (sinks, report) = try r.scan { _ in RowCollector() }
  return (sinks.flatMap(\.rows), report)
}

/// The message of the error `body` throws, or nil.
func errorMessage(_ body: () throws -> Void) -> String? {
  do { try body(); return nil } catch { return "\(error)" }
}

/// The repository root (for Examples/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
