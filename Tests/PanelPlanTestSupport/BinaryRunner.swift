import Foundation

/// Runs the built `panelplan` binary end to end, as a user would.
public enum BinaryRunner {
  public struct Result {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    public init(exitCode: Int32, stdout: String, stderr: String) {
      self.exitCode = exitCode
      self.stdout = stdout
      self.stderr = stderr
    }
  }

  /// The `panelplan` executable built next to this test bundle.
  public static var executableURL: URL {
    var candidates: [URL] = []
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    // Up from the test runner: .build/<config>/ may be one to three levels up
    // depending on how the platform packages the test bundle.
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(dir)
      dir = dir.deletingLastPathComponent()
    }
    for c in Bundle.allBundles.map(\.bundleURL) { candidates.append(c.deletingLastPathComponent()) }
    for dir in candidates {
      let url = dir.appendingPathComponent("panelplan")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    // Fall back to the default debug build folder of the package.
    return repositoryRoot.appendingPathComponent(".build/debug/panelplan")
  }

  /// The package's root folder, for example files.
  public static var repositoryRoot: URL { URL(fileURLWithPath: PanelPlanTestSupport.repositoryRoot) }

  /// Path of a file under `Examples/`.
  public static func example(_ name: String) -> String { examplePath(name) }

  /// Scheduler variables the test process itself may have inherited (it may
  /// run inside an array job); a child run from a test must not see them
  /// unless the test sets them.
  static let schedulerVariables = [
    "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "JOB_COMPLETION_INDEX",
    "AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE", "BATCH_TASK_INDEX", "BATCH_TASK_COUNT",
  ]

  /// Runs the binary with `arguments` and collects its output. `environment`
  /// is added to the test's own environment, without its scheduler variables.
  public static func run(
    _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, environment: [String: String]? = nil
  ) throws -> Result {
    let p = Process()
    p.executableURL = executableURL
    p.arguments = arguments
    if let directory { p.currentDirectoryURL = directory }
    if let environment {
      var env = ProcessInfo.processInfo.environment
      for name in schedulerVariables { env[name] = nil }
      env.merge(environment) { $1 }
      p.environment = env
    }
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
  public static func temporaryDirectory() throws -> URL {
    URL(fileURLWithPath: PanelPlanTestSupport.temporaryDirectory())
  }
}
