import Foundation

/// Writes output files whole or not at all.
public enum AtomicFile {
  /// Writes `data` to `path` through a temporary file in the same directory
  /// and a rename, so a reader never sees a half-written file and an
  /// existing file survives a failed run.
  public static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw InputError(file: path, problem: "cannot write the file (\(error.localizedDescription))")
    }
  }

  /// Writes UTF-8 text whole or not at all.
  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }
}
