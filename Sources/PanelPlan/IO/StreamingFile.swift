import Foundation

/// An output file written a piece at a time that appears under its name
/// only when finished: pieces go to a hidden temporary file in the same
/// directory, `commit()` renames it over the target (atomic on POSIX), and
/// `discard()` removes it, leaving any earlier file untouched.
///
/// A sweep streams rows through one so that its memory stays bounded, and
/// on Ctrl-C commits the rows finished so far.
public final class StreamingFile {
  /// The target path, as the user named it.
  public let path: String
  let temporaryPath: String
  var handle: FileHandle?

  /// Creates the temporary file.
  ///
  /// - Throws: `InputError` naming `path` when the directory is not writable.
  public init(path: String) throws {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    temporaryPath = (directory as NSString).appendingPathComponent(
      ".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
      let h = FileHandle(forWritingAtPath: temporaryPath)
    else {
      throw InputError(file: path, problem: "cannot write the file (cannot create \(temporaryPath))")
    }
    handle = h
  }

  /// Appends UTF-8 text.
  public func write(_ text: String) throws {
    guard let handle else { return }
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw InputError(file: path, problem: "cannot write the file (\(error.localizedDescription))")
    }
  }

  /// Closes the file and moves it to `path`, replacing what was there.
  public func commit() throws {
    guard let h = handle else { return }
    handle = nil
    do {
      try h.synchronize()
      try h.close()
    } catch {
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw InputError(file: path, problem: "cannot write the file (\(error.localizedDescription))")
    }
    if rename(temporaryPath, path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw InputError(file: path, problem: "cannot write the file (\(reason))")
    }
  }

  /// Closes and deletes the temporary file; `path` is left as it was.
  public func discard() {
    guard let h = handle else { return }
    handle = nil
    try? h.close()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }

  deinit { discard() }
}
