import Foundation
import Testing

#if canImport(Glibc)
import Glibc
import PanelPlanTestSupport
#endif

/// Issue 11: no command ever destroys data. Every reproduction of the issue,
/// end to end on the built binary.
struct OutputSafetyTests {
  /// A fresh folder holding copies of the example files.
  static func folder() throws -> URL {
    let dir = try BinaryRunner.temporaryDirectory()
    for name in ["centre.json", "scenario.json", "sweep.json", "visits.csv", "patients.csv", "small-centre.json"] {
      try FileManager.default.copyItem(atPath: BinaryRunner.example(name), toPath: dir.appendingPathComponent(name).path)
    }
    return dir
  }

  static func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

  static func sameFile(_ out: String, _ input: String, option: String = "--out") -> String {
    "Error: \(out): \(option): is the same file as the input \(input); refusing to overwrite an input\n"
  }

  // MARK: - An output that is an input

  @Test func outputEqualToTheInputIsRefusedAndTheInputKept() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let centre = dir.appendingPathComponent("centre.json")
    let before = try Self.read(centre)
    for option in ["--out", "--report"] {
      let r = try BinaryRunner.run(["capacity", centre.path, option, centre.path])
      #expect(r.exitCode == 1)
      #expect(r.stdout.isEmpty)
      #expect(r.stderr == Self.sameFile(centre.path, centre.path, option: option))
    }
    #expect(try Self.read(centre) == before)
  }

  @Test func outputEqualToTheInputThroughASymlinkOrARelativePath() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let centre = dir.appendingPathComponent("centre.json")
    let before = try Self.read(centre)
    let link = dir.appendingPathComponent("link.txt")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "centre.json")
    let viaLink = try BinaryRunner.run(["capacity", centre.path, "--out", link.path])
    #expect(viaLink.exitCode == 1)
    #expect(viaLink.stderr == Self.sameFile(link.path, centre.path))
    // Relative names, run from the folder: another spelling of one file.
    let relative = try BinaryRunner.run(["capacity", "centre.json", "--out", "./../\(dir.lastPathComponent)/centre.json"], in: dir)
    #expect(relative.exitCode == 1)
    #expect(relative.stderr == Self.sameFile("./../\(dir.lastPathComponent)/centre.json", "centre.json"))
    // A hard link has another name and the same inode.
    let hard = dir.appendingPathComponent("hard.json")
    try FileManager.default.linkItem(atPath: centre.path, toPath: hard.path)
    let viaHardLink = try BinaryRunner.run(["capacity", centre.path, "--out", hard.path])
    #expect(viaHardLink.stderr == Self.sameFile(hard.path, centre.path))
    #expect(try Self.read(centre) == before)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "centre.json")
  }

  @Test func everyCommandRefusesToOverwriteItsInputs() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let p = { (name: String) in dir.appendingPathComponent(name).path }
    let cases: [([String], String, String, String)] = [
      (["simulate", p("scenario.json"), "--out", p("scenario.json")], p("scenario.json"), p("scenario.json"), "--out"),
      (["project", p("small-centre.json"), "--out", p("small-centre.json")], p("small-centre.json"), p("small-centre.json"), "--out"),
      (["recruit", p("small-centre.json"), "--report", p("small-centre.json")], p("small-centre.json"), p("small-centre.json"), "--report"),
      (["continuity", p("visits.csv"), "--out", p("visits.csv")], p("visits.csv"), p("visits.csv"), "--out"),
      (["continuity", p("visits.csv"), "--patients", p("patients.csv"), "--per-patient", p("patients.csv")], p("patients.csv"), p("patients.csv"), "--per-patient"),
      // A sweep's base file, reached through its "$file" include.
      (["sweep", p("sweep.json"), "--out", p("centre.json")], p("centre.json"), p("centre.json"), "--out"),
      (["sweep", p("sweep.json"), "--out", p("sweep.json")], p("sweep.json"), p("sweep.json"), "--out"),
    ]
    for (arguments, out, input, option) in cases {
      let before = try Data(contentsOf: URL(fileURLWithPath: input))
      let r = try BinaryRunner.run(arguments)
      #expect(r.exitCode == 1, "\(arguments)")
      #expect(r.stderr == Self.sameFile(out, input, option: option), "\(arguments)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }
  }

  @Test func twoOutputsThatAreOneFileAreRefused() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("x.txt").path
    let r = try BinaryRunner.run(["capacity", "--out", out, "--report", out])
    #expect(r.exitCode == 1)
    #expect(r.stderr == "Error: \(out): --report: is the same file as --out \(out); give each output its own file\n")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  // MARK: - Writing through links, to devices, keeping permissions

  @Test func aSymlinkIsKeptAndItsTargetUpdated() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("result.csv")
    try Data("old\n".utf8).write(to: target)
    let link = dir.appendingPathComponent("latest.csv")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "result.csv")
    let r = try BinaryRunner.run(["capacity", "--format", "csv", "--out", link.path])
    #expect(r.exitCode == 0)
    let expected = try BinaryRunner.run(["capacity", "--format", "csv"]).stdout
    #expect(try String(contentsOf: target, encoding: .utf8) == expected)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "result.csv")
    // A dangling link creates the file it names.
    let dangling = dir.appendingPathComponent("next.csv")
    try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "made.csv")
    #expect(try BinaryRunner.run(["capacity", "--format", "csv", "--out", dangling.path]).exitCode == 0)
    #expect(try String(contentsOf: dir.appendingPathComponent("made.csv"), encoding: .utf8) == expected)
    // No temporary file is left behind.
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".partial") }
    #expect(left.isEmpty)
  }

  @Test func devicesAreWrittenDirectly() throws {
    var before = stat()
    #expect(stat("/dev/null", &before) == 0)
    let r = try BinaryRunner.run(["capacity", "--out", "/dev/null"])
    #expect(r.exitCode == 0)
    #expect(r.stdout.isEmpty)
    var after = stat()
    #expect(stat("/dev/null", &after) == 0)
    #expect(after.st_mode & S_IFMT == S_IFCHR)
    #expect(after.st_rdev == before.st_rdev)
    // /dev/stdout: the results arrive on standard output (a pipe here).
    let stdout = try BinaryRunner.run(["capacity", "--format", "csv", "--out", "/dev/stdout"])
    #expect(stdout.exitCode == 0)
    #expect(stdout.stdout == (try BinaryRunner.run(["capacity", "--format", "csv"]).stdout))
  }

  @Test func aFIFOIsWrittenDirectly() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader on its own thread, so the writer's open does not block.
    let received = LockedBox<Data>(Data())
    let reader = Thread {
      if let h = FileHandle(forReadingAtPath: fifo) { received.set(h.readDataToEndOfFile()) }
    }
    reader.start()
    let r = try BinaryRunner.run(["capacity", "--format", "csv", "--out", fifo])
    #expect(r.exitCode == 0)
    for _ in 0..<500 where received.get().isEmpty { usleep(10_000) }
    #expect(String(decoding: received.get(), as: UTF8.self) == (try BinaryRunner.run(["capacity", "--format", "csv"]).stdout))
    var st = stat()
    #expect(stat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func anExistingFileKeepsItsPermissions() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("private.csv").path
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: out))
    #expect(chmod(out, 0o600) == 0)
    #expect(try BinaryRunner.run(["capacity", "--out", out]).exitCode == 0)
    var st = stat()
    #expect(stat(out, &st) == 0)
    #expect(st.st_mode & 0o7777 == 0o600)
    #expect(try String(contentsOfFile: out, encoding: .utf8) != "old\n")
    // A new file gets the usual 0666 less the umask.
    let mask = umask(0)
    umask(mask)
    let fresh = dir.appendingPathComponent("fresh.csv").path
    #expect(try BinaryRunner.run(["capacity", "--out", fresh]).exitCode == 0)
    #expect(stat(fresh, &st) == 0)
    #expect(st.st_mode & 0o7777 == 0o666 & ~mask)
  }

  // MARK: - Checked before the work

  @Test func aMissingFolderIsRefusedBeforeAnyWork() throws {
    // The input does not exist either: the output is checked first, so the
    // error names the output (a national simulate would otherwise run first).
    let r = try BinaryRunner.run(["simulate", "/no-such-input/sweden.json", "--out", "/nodir/x.txt"])
    #expect(r.exitCode == 1)
    #expect(r.stderr == "Error: /nodir/x.txt: --out: the folder /nodir does not exist\n")
    let report = try BinaryRunner.run(["capacity", "--report", "/nodir/r.html"])
    #expect(report.stderr == "Error: /nodir/r.html: --report: the folder /nodir does not exist\n")
    let folder = try BinaryRunner.run(["capacity", "--out", "/tmp"])
    #expect(folder.stderr == "Error: /tmp: --out: is a folder, expected a file name\n")
  }
}

/// A value shared with a thread.
final class LockedBox<T>: @unchecked Sendable {
  private var value: T
  private let lock = NSLock()
  init(_ value: T) { self.value = value }
  func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
  func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
}
