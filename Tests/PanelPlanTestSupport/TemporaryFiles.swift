import Foundation

/// A fresh, empty temporary folder (named `prefix-<UUID>`), for files a test
/// writes. Tests never write into the repository.
public func temporaryDirectory(prefix: String = "panelplan-tests") -> String {
  let dir = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

/// Writes `bytes` to a fresh temporary folder as `name` and returns its path.
public func temporaryFile(_ bytes: [UInt8], name: String = "visits.csv") -> String {
  let path = temporaryDirectory() + "/" + name
  _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
  return path
}

/// Writes `text` as UTF-8 to a fresh temporary folder as `name` and returns its path.
public func temporaryFile(_ text: String, name: String = "visits.csv") -> String { temporaryFile(Array(text.utf8), name: name) }

/// The text of the file at `path`.
public func readText(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
