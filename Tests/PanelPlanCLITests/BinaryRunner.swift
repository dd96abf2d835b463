import Foundation

/// Runs the built `panelplan` binary end to end, as a user would.
enum BinaryRunner {
  struct Result {
    var exitCode: Int32
    var stdout: String
    var stderr: String
  }

  /// The `panelplan` executable built next to this test bundle.
  static var executableURL: URL {
    var candidates: [URL] = []
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    for c in Bundle.allBundles.map(\.bundleURL) { candidates.append(c.deletingLastPathComponent()) }
    for dir in candidates {
      let url = dir.appendingPathComponent("panelplan")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    // Fall back to the default debug build folder of the package.
    return repositoryRoot.appendingPathComponent(".build/debug/panelplan")
  }

  /// The package's root folder, for example files.
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// Path of a file under `Examples/`.
  static func example(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Examples").appendingPathComponent(name).path
  }

  /// Runs the binary with `arguments` and collects its output.
  static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Result {
    let p = Process()
    p.executableURL = executableURL
    p.arguments = arguments
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    if let stdin {
      let i = Pipe()
      p.standardInput = i
      i.fileHandleForWriting.write(Data(stdin.utf8))
      try i.fileHandleForWriting.close()
    }
    try p.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(exitCode: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("panelplan-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
