import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One output file of a command: checked before any work, written as a
/// stream of bytes, and published whole or not at all.
///
/// The rules (the README's "Output files" section states them for users):
/// - The path is resolved first, following symlinks (also a dangling one, to
///   the file it names), so what is checked and written is the file itself.
/// - It is refused when it is the same file as an input (same device and
///   inode, so another name, a relative path or a symlink cannot hide it),
///   when its folder is missing or not writable, or when it is a folder.
/// - A regular file (new, or existing, or reached through a symlink) is
///   written to a temporary file in the target's own folder and renamed onto
///   the resolved target by `commit()`: a reader never sees half a file, a
///   failed run leaves the old file as it was, the symlink stays a symlink,
///   and an existing file keeps its permission bits.
/// - Anything else (`/dev/null`, `/dev/stdout`, a FIFO, a terminal) is
///   written directly: renaming over a device would replace it with a plain
///   file (as root) or fail (as anyone else).
///
/// Writes are buffered; `write(_:)` takes bytes so that byte-level writers
/// can stream into it without building a `String`.
///
///     let out = try OutputFile(path: "plan.csv", inputs: ["centre.json"])
///     try out.write("a,b\n")
///     try out.commit()
public final class OutputFile {
  /// The path as the user named it (used in messages).
  public let path: String
  /// The resolved target: symlinks followed, an absolute path.
  public let target: String
  /// Whether the target is written in place (not a regular file).
  public let isDirect: Bool
  /// The option that named it (`--out`), for messages.
  public let role: String?
  /// Permission bits to give the new file (the existing file's, or the
  /// default 0666 less the umask).
  let mode: mode_t
  /// The open descriptor (temporary file, or the target when direct).
  var fd: Int32 = -1
  var temporaryPath: String?
  var buffer: [UInt8] = []
  var finished = false
  /// Bytes buffered before a write to the file.
  static let bufferBytes = 1 << 16

  /// Resolves and checks `path` before any work.
  ///
  /// - Parameters:
  ///   - path: The output path as given.
  ///   - inputs: Every file the command reads (folders are expanded to their
  ///     entries); the output may be none of them.
  ///   - role: How the command's option names this output (`--out`), for
  ///     messages.
  /// - Throws: `InputError` naming the file and, for a clash, the input.
  public init(path: String, inputs: [String] = [], role: String? = nil) throws {
    self.path = path
    func refuse(_ problem: String) -> InputError {
      InputError(file: path, problem: (role.map { "\($0): " } ?? "") + problem)
    }
    guard !path.isEmpty else { throw refuse("empty path, expected a file name") }
    self.role = role
    // A device, FIFO or socket (also behind /dev/stdout, whose link may end
    // in a pipe with no name) is written directly, through the path as given.
    var first = stat()
    if stat(path, &first) == 0, first.st_mode & S_IFMT != S_IFREG, first.st_mode & S_IFMT != S_IFDIR {
      target = path
      isDirect = true
      mode = first.st_mode & 0o7777
      if access(path, W_OK) != 0 { throw refuse("cannot write (\(String(cString: strerror(errno))))") }
      return
    }
    let resolved = try Self.resolve(path, refuse)
    target = resolved
    var st = stat()
    if stat(resolved, &st) == 0 {
      let type = st.st_mode & S_IFMT
      if type == S_IFDIR { throw refuse("is a folder, expected a file name") }
      isDirect = type != S_IFREG
      mode = st.st_mode & 0o7777
      if isDirect {
        if access(resolved, W_OK) != 0 { throw refuse("cannot write (\(String(cString: strerror(errno))))") }
      } else {
        for input in Self.expand(inputs) {
          var i = stat()
          if stat(input, &i) == 0 && i.st_dev == st.st_dev && i.st_ino == st.st_ino {
            throw refuse("is the same file as the input \(input); refusing to overwrite an input")
          }
        }
        if access(resolved, W_OK) != 0 { throw refuse("cannot write the file (\(String(cString: strerror(errno))))") }
      }
    } else {
      isDirect = false
      let mask = umask(0)
      umask(mask)
      mode = 0o666 & ~mask
    }
    if !isDirect {
      let folder = (resolved as NSString).deletingLastPathComponent
      var d = stat()
      guard stat(folder, &d) == 0 else { throw refuse("the folder \(folder) does not exist") }
      guard d.st_mode & S_IFMT == S_IFDIR else { throw refuse("\(folder) is not a folder") }
      guard access(folder, W_OK | X_OK) == 0 else {
        throw refuse("cannot write in the folder \(folder) (\(String(cString: strerror(errno))))")
      }
    }
  }

  /// Refuses two outputs that are the same file (`--out` and `--report`
  /// naming one file): the second would silently replace the first.
  public static func checkDistinct(_ outputs: [OutputFile]) throws {
    for (i, a) in outputs.enumerated() {
      for b in outputs[..<i] where a.target == b.target && !(a.isDirect && b.isDirect) {
        let mine = a.role.map { "\($0): " } ?? ""
        let theirs = b.role.map { "\($0) " } ?? "the output "
        throw InputError(file: a.path, problem: "\(mine)is the same file as \(theirs)\(b.path); give each output its own file")
      }
    }
  }

  /// Refuses the output when it is the same file as one of `inputs` (for
  /// inputs known only after the first checks, such as a sweep's included
  /// files).
  public func checkNotInputs(_ inputs: [String]) throws {
    guard !isDirect else { return }
    var st = stat()
    guard stat(target, &st) == 0 else { return }
    for input in Self.expand(inputs) {
      var i = stat()
      if stat(input, &i) == 0 && i.st_dev == st.st_dev && i.st_ino == st.st_ino {
        throw InputError(file: path, problem: (role.map { "\($0): " } ?? "") + "is the same file as the input \(input); refusing to overwrite an input")
      }
    }
  }

  /// Appends bytes.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    precondition(!finished, "write after commit or discard")
    // A chunk as large as the buffer (the byte CSV writer's 1 MiB) goes
    // straight to the file instead of being copied into the buffer first.
    if bytes.count >= Self.bufferBytes {
      if !buffer.isEmpty { try flush() }
      try writeThrough(bytes)
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.bufferBytes { try flush() }
  }

  /// Appends bytes.
  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write($0) }
  }

  /// Appends UTF-8 text.
  public func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
  }

  /// Writes everything out and publishes the file: renames the temporary
  /// file onto the target (regular files) or closes the target (direct).
  public func commit() throws {
    precondition(!finished, "commit after commit or discard")
    try flush()
    finished = true
    let fd = self.fd
    self.fd = -1
    if !isDirect, fsync(fd) != 0 && errno != EINVAL {
      let reason = String(cString: strerror(errno))
      close(fd)
      removeTemporary()
      throw failure(reason)
    }
    if close(fd) != 0 && !isDirect {
      let reason = String(cString: strerror(errno))
      removeTemporary()
      throw failure(reason)
    }
    if let t = temporaryPath {
      if rename(t, target) != 0 {
        let reason = String(cString: strerror(errno))
        removeTemporary()
        throw failure(reason)
      }
      temporaryPath = nil
    }
  }

  /// Drops what was written: the temporary file is removed and the target
  /// stays as it was. (A direct target has already received the bytes
  /// flushed so far; nothing can take them back.)
  public func discard() {
    guard !finished else { return }
    finished = true
    buffer = []
    if fd >= 0 { close(fd); fd = -1 }
    removeTemporary()
  }

  deinit { discard() }

  /// Writes `data` whole to a checked output.
  public func writeWhole(_ text: String) throws {
    do {
      try write(text)
      try commit()
    } catch {
      discard()
      throw error
    }
  }

  // MARK: - Implementation

  func failure(_ reason: String) -> InputError {
    InputError(file: path, problem: "cannot write the file (\(reason))")
  }

  func removeTemporary() {
    if let t = temporaryPath { unlink(t); temporaryPath = nil }
  }

  func openIfNeeded() throws {
    guard fd < 0 else { return }
    if isDirect {
      fd = systemOpen(target, O_WRONLY | O_CLOEXEC)
      if fd < 0 { throw failure(String(cString: strerror(errno))) }
      return
    }
    let folder = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    var template = Array("\(folder)/.\(name).partial-XXXXXX".utf8CString)
    fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 { throw failure("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))") }
    temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    // mkstemp makes 0600; the published file gets the existing file's bits.
    fchmod(fd, mode)
  }

  func flush() throws {
    try buffer.withUnsafeBytes { try writeThrough($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes `bytes` to the descriptor, all of them.
  func writeThrough(_ bytes: UnsafeRawBufferPointer) throws {
    try openIfNeeded()
    var offset = 0
    while offset < bytes.count {
      let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        discard()
        throw failure(reason)
      }
      offset += n
    }
  }

  /// Expands folders among `inputs` to the entries directly in them.
  static func expand(_ inputs: [String]) -> [String] {
    var out: [String] = []
    for p in inputs {
      out.append(p)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory), isDirectory.boolValue,
        let names = try? FileManager.default.contentsOfDirectory(atPath: p)
      {
        out += names.sorted().map { (p as NSString).appendingPathComponent($0) }
      }
    }
    return out
  }

  /// The absolute path of the file `path` names: symlinks followed (a
  /// dangling one to the path it points at), relative parts made absolute.
  static func resolve(_ path: String, _ refuse: (String) -> InputError) throws -> String {
    var current = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    for _ in 0..<40 {
      if let real = realpath(current, nil) {
        defer { free(real) }
        return String(cString: real)
      }
      // The file does not exist (yet), or is a dangling symlink: resolve the
      // folder, then follow the link by hand.
      let folder = (current as NSString).deletingLastPathComponent
      let name = (current as NSString).lastPathComponent
      guard let realFolder = realpath(folder, nil) else {
        throw refuse("the folder \(folder) does not exist")
      }
      let resolvedFolder = String(cString: realFolder)
      free(realFolder)
      let joined = resolvedFolder == "/" ? "/" + name : resolvedFolder + "/" + name
      var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(joined, &buf, Int(PATH_MAX))
      if n < 0 { return joined }
      let link = String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : resolvedFolder + "/" + link
    }
    throw refuse("too many levels of symbolic links")
  }
}

// The C calls under names that the methods above do not shadow.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
