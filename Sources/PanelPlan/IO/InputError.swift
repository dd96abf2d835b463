/// A problem in a user's input, located as precisely as the format allows.
///
/// The description reads `file:line:column: field: problem`, leaving out the
/// parts that are unknown, e.g.
/// `centre.json: clinicians[2].fte: found -0.5, expected a number from 0 to 1.5`.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file the input came from, as the user named it.
  public var file: String?
  /// 1-based line number (text formats).
  public var line: Int?
  /// 1-based column number or field position (text formats).
  public var column: Int?
  /// The field: a JSON path such as `clinicians[2].fte`, or a CSV column name.
  public var field: String?
  /// What was found and what was expected.
  public var problem: String

  public init(file: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil, problem: String) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.problem = problem
  }

  public var description: String {
    var location = file ?? ""
    if let line { location += location.isEmpty ? "line \(line)" : ":\(line)" }
    if let column { location += line == nil ? " column \(column)" : ":\(column)" }
    var parts: [String] = []
    if !location.isEmpty { parts.append(location) }
    if let field, !field.isEmpty { parts.append(field) }
    parts.append(problem)
    return parts.joined(separator: ": ")
  }

  /// The same error attributed to a file.
  public func inFile(_ name: String) -> InputError {
    var e = self
    e.file = name
    return e
  }
}

/// Several input problems found in one pass, so a user can fix them all at
/// once. Its description lists each on its own line.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [InputError]
  public init(_ errors: [InputError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
