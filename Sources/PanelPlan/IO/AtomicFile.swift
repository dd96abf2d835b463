import Foundation

/// Writes output files whole or not at all, by `OutputFile`'s rules
/// (symlinks followed, devices written directly, permissions kept).
public enum AtomicFile {
  /// Writes `data` to `path` whole or not at all.
  public static func write(_ data: Data, to path: String) throws {
    let out = try OutputFile(path: path)
    do {
      try data.withUnsafeBytes { try out.write($0) }
      try out.commit()
    } catch {
      out.discard()
      throw error
    }
  }

  /// Writes UTF-8 text whole or not at all.
  public static func write(_ text: String, to path: String) throws {
    try OutputFile(path: path).writeWhole(text)
  }
}
