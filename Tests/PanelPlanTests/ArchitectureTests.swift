import Foundation
import Testing
import PanelPlanTestSupport

/// The layering of `ARCHITECTURE.md`, checked on the sources: a file may use
/// the types of its own folder and of the folders below it, never of one
/// above. A type is known by the folder that declares it; a name declared in
/// two folders is ambiguous and not checked, and nested types (`Row`, `Kind`
/// ...) are not tracked: their outer type is.
@Suite struct ArchitectureTests {
  /// Bottom first, as in ARCHITECTURE.md.
  static let layers = [
    "Support", "IO", "Model", "Capacity", "Continuity", "Assignment", "Simulation", "Staffing",
    "Scenarios", "Calibration", "Examples", "Validation", "Reports",
  ]

  static var sources: URL {
    URL(fileURLWithPath: repositoryRoot).appendingPathComponent("Sources/PanelPlan")
  }

  /// Source files by folder, with comments and string literals removed.
  static func code() throws -> [(folder: String, file: String, text: String)] {
    var out: [(String, String, String)] = []
    let fm = FileManager.default
    for folder in try fm.contentsOfDirectory(atPath: sources.path).sorted() {
      let dir = sources.appendingPathComponent(folder)
      guard let files = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
      for f in files.sorted() where f.hasSuffix(".swift") {
        let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
        out.append((folder, f, strip(text)))
      }
    }
    return out
  }

  static func strip(_ s: String) -> String {
    var t = s.replacingOccurrences(of: #"(?s)/\*.*?\*/"#, with: " ", options: .regularExpression)
    t = t.replacingOccurrences(of: #"//[^\n]*"#, with: " ", options: .regularExpression)
    t = t.replacingOccurrences(of: #"(?s)""".*?""""#, with: "\"\"", options: .regularExpression)
    return t.replacingOccurrences(of: #""(\\.|[^"\\\n])*""#, with: "\"\"", options: .regularExpression)
  }

  static func matches(_ pattern: String, in text: String, group: Int = 0) -> [String] {
    let re = try! NSRegularExpression(pattern: pattern)
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: group)) }
  }

  @Test func everyFolderIsALayer() throws {
    let folders = Set(try Self.code().map(\.folder))
    #expect(folders == Set(Self.layers), "a new folder needs its place in ARCHITECTURE.md and here")
  }

  @Test func dependenciesPointDown() throws {
    let files = try Self.code()
    var owners: [String: Set<String>] = [:]
    for f in files {
      for name in Self.matches(#"(?m)^(?:(?:public|internal|private|fileprivate|final|indirect)\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)"#, in: f.text, group: 1) {
        owners[name, default: []].insert(f.folder)
      }
    }
    let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().map { ($1, $0) })
    var upward: [String] = []
    for f in files {
      guard let mine = rank[f.folder] else { continue }
      for name in Set(Self.matches(#"\b[A-Z]\w*\b"#, in: f.text)) {
        guard let o = owners[name], o.count == 1, let owner = o.first, let theirs = rank[owner] else { continue }
        if theirs > mine { upward.append("\(f.folder)/\(f.file) uses \(name) from \(owner)") }
      }
    }
    #expect(upward.sorted() == [], "dependencies must point down the layers of ARCHITECTURE.md")
  }

  /// Issue 12: no source file over 450 lines; a large type splits by
  /// concern (`Type+Concern.swift`) instead.
  @Test func filesStaySmall() throws {
    let root = Self.sources.deletingLastPathComponent()
    var long: [String] = []
    let e = FileManager.default.enumerator(atPath: root.path)
    while let p = e?.nextObject() as? String {
      guard p.hasSuffix(".swift") else { continue }
      let text = try String(contentsOf: root.appendingPathComponent(p), encoding: .utf8)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
      if lines > 450 { long.append("\(p): \(lines) lines") }
    }
    #expect(long == [])
  }

  /// Issue 12: the unsafe concurrency of the library (`@unchecked Sendable`,
  /// `nonisolated(unsafe)`) stays in the parallel helper, with the one
  /// exception named here (the continuity scan's lock-guarded partitions).
  @Test func concurrencyEscapesStayInTheParallelHelper() throws {
    var places: [String] = []
    for f in try Self.code() where f.text.contains("@unchecked Sendable") || f.text.contains("nonisolated(unsafe)") {
      places.append("\(f.folder)/\(f.file)")
    }
    #expect(places.sorted() == ["Continuity/SharedPartitions.swift", "Support/Parallel.swift"])
  }
}
