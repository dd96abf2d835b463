import Foundation
import Testing
@testable import PanelPlan

#if canImport(Glibc)
import Glibc
import PanelPlanTestSupport
#endif

/// `OutputFile`: checked before the work, whole or nothing, through links.
struct OutputFileTests {
  func folder() -> String {
    temporaryDirectory(prefix: "panelplan-out")
  }

  @Test func bytesAppearOnlyOnCommit() throws {
    let dir = folder()
    let path = dir + "/a.csv"
    let out = try OutputFile(path: path)
    try out.write("a,b\n")
    try out.write(Array("1,2\n".utf8))
    // Larger than the buffer, so part of it reaches the temporary file.
    let big = [UInt8](repeating: UInt8(ascii: "x"), count: OutputFile.bufferBytes + 10)
    try out.write(big)
    #expect(!FileManager.default.fileExists(atPath: path))
    try out.commit()
    #expect(FileManager.default.contents(atPath: path) == Data(Array("a,b\n1,2\n".utf8) + big))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.csv"])
  }

  @Test func discardLeavesTheOldFile() throws {
    let dir = folder()
    let path = dir + "/a.csv"
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    let out = try OutputFile(path: path)
    try out.write([UInt8](repeating: 0x41, count: OutputFile.bufferBytes * 2))
    out.discard()
    #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.csv"])
  }

  @Test func sameFileAsAnInputByInode() throws {
    let dir = folder()
    let input = dir + "/in.json"
    try Data("{}".utf8).write(to: URL(fileURLWithPath: input))
    try FileManager.default.createSymbolicLink(atPath: dir + "/l", withDestinationPath: input)
    for spelling in [input, dir + "/l", dir + "/./in.json", dir + "/../" + (dir as NSString).lastPathComponent + "/in.json"] {
      #expect(throws: InputError.self) { try OutputFile(path: spelling, inputs: [input]) }
    }
    // A folder among the inputs stands for the files in it.
    #expect(throws: InputError.self) { try OutputFile(path: input, inputs: [dir]) }
    #expect(throws: Never.self) { try OutputFile(path: dir + "/other.json", inputs: [input, dir]) }
  }

  @Test func resolveFollowsChainsAndDanglingLinks() throws {
    let dir = folder()
    var real = dir
    if let r = realpath(dir, nil) {
      real = String(cString: r)
      free(r)
    }
    try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: "b")
    try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: "c.txt")
    let out = try OutputFile(path: dir + "/a")
    #expect(out.target == real + "/c.txt")
    #expect(!out.isDirect)
    try FileManager.default.createSymbolicLink(atPath: dir + "/loop1", withDestinationPath: "loop2")
    try FileManager.default.createSymbolicLink(atPath: dir + "/loop2", withDestinationPath: "loop1")
    #expect(throws: InputError.self) { try OutputFile(path: dir + "/loop1") }
  }

  @Test func devicesAreDirect() throws {
    let out = try OutputFile(path: "/dev/null")
    #expect(out.isDirect)
    try out.write("anything")
    try out.commit()
    var st = stat()
    #expect(stat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
  }
}
