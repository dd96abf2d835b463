import Foundation

extension SweepDefinition {
  /// Every file a sweep file reads: itself, its `base` file and each
  /// `{"$file": ...}` include, followed as `load` follows them (at most 8
  /// deep). Files that cannot be read or parsed are left out: `load`
  /// reports them.
  ///
  /// Used before a run to refuse an output that would overwrite one of them.
  public static func files(of file: String) -> [String] {
    var out = [file]
    func visit(_ v: JSONValue, directory: String, depth: Int) {
      guard depth <= 8 else { return }
      switch v {
      case .object(let members):
        if members.count == 1, members[0].key == "$file", case .string(let name) = members[0].value {
          include(name, directory: directory, depth: depth)
        } else {
          for m in members { visit(m.value, directory: directory, depth: depth) }
        }
      case .array(let items):
        for i in items { visit(i, directory: directory, depth: depth) }
      default: break
      }
    }
    func include(_ name: String, directory: String, depth: Int) {
      let path = name.hasPrefix("/") ? name : (directory as NSString).appendingPathComponent(name)
      out.append(path)
      guard let data = FileManager.default.contents(atPath: path), let v = try? JSONValue.parse(data, file: path) else { return }
      visit(v, directory: (path as NSString).deletingLastPathComponent, depth: depth + 1)
    }
    let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
    guard let data = FileManager.default.contents(atPath: file), let tree = try? JSONValue.parse(data, file: file) else { return out }
    switch tree["base"] {
    case .string(let name)?: include(name, directory: directory, depth: 0)
    case let v?: visit(v, directory: directory, depth: 0)
    case nil: break
    }
    return out
  }
}
