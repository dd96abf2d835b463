import Foundation
@testable import PanelPlan
import PanelPlanTestSupport

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
