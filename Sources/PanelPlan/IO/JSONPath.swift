/// A path into a scenario's JSON, naming what a sweep parameter sets.
///
/// Syntax: field names separated by dots, each optionally followed by
/// selectors in brackets.
/// - `demand.acuteShare`: a field (created if the object lacks it, with
///   any objects on the way: the model then says whether it knows the
///   fields).
/// - `centre.clinicians[3].fte`: the fourth element of a list.
/// - `centre.clinicians[id=gp-anna].fte`: every element whose field `id`
///   equals `gp-anna` (conditions joined by `,` must all hold:
///   `[role=trainee,fte=1]`). A filter must match at least one element.
/// - `regions[name=Skåne].centres[*].fte`: `[*]` is every element.
/// - `centre.clinicians[role=specialist].count`: the *number* of elements the
///   filter matches. Setting it to n removes the last matches when there are
///   more than n, and appends copies of the last match, with fresh ids, when
///   there are fewer (so clinicians are added "like the last specialist").
/// - To reach a field that is literally named `count` on filtered elements,
///   quote it: `population.groups[ageBand=80+].'count'`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
  /// One step of a path.
  public enum Step: Sendable, Hashable {
    /// An object field.
    case field(String)
    /// A list element by 0-based position.
    case index(Int)
    /// Every list element whose fields equal the given values.
    case filter([Condition])
    /// The number of elements matched by the filter before it (last step only).
    case matchCount
  }

  /// `field=value` inside a filter. The value matches a string field with
  /// the same text, a number field with the same number, a boolean field
  /// spelt `true` / `false`.
  public struct Condition: Sendable, Hashable {
    public var field: String
    public var value: String
  }

  public var steps: [Step]
  /// The text the path was parsed from.
  public var text: String

  public var description: String { text }

  /// Parses a path.
  ///
  /// - Throws: `InputError` (field unset: the caller knows where the path
  ///   came from) saying what was found and what was expected.
  public init(parsing text: String) throws {
    self.text = text
    var steps: [Step] = []
    let chars = Array(text)
    var i = 0
    func fail(_ problem: String) -> InputError {
      InputError(problem: "path '\(text)' at character \(i + 1): \(problem)")
    }
    while i < chars.count {
      // A field name, plain or quoted.
      var name = ""
      var quoted = false
      if chars[i] == "'" {
        quoted = true
        i += 1
        while i < chars.count, chars[i] != "'" { name.append(chars[i]); i += 1 }
        guard i < chars.count else { throw fail("found the end, expected a closing quote") }
        i += 1
      } else {
        while i < chars.count, chars[i] != ".", chars[i] != "[" {
          if chars[i] == "]" || chars[i] == "'" { throw fail("found '\(chars[i])', expected a field name") }
          name.append(chars[i])
          i += 1
        }
      }
      guard !name.isEmpty else { throw fail("found an empty field name, expected a name such as 'centre'") }
      if !quoted, name == "count", case .filter = steps.last {
        steps.append(.matchCount)
      } else {
        steps.append(.field(name))
      }
      while i < chars.count, chars[i] == "[" {
        i += 1
        var inside = ""
        while i < chars.count, chars[i] != "]" { inside.append(chars[i]); i += 1 }
        guard i < chars.count else { throw fail("found the end, expected ']'") }
        i += 1
        // `[*]`: every element (a filter with no condition).
        if inside.trimmed == "*" {
          steps.append(.filter([]))
          continue
        }
        if let n = Int(inside) {
          guard n >= 0 else { throw fail("found index \(n), expected 0 or more") }
          steps.append(.index(n))
          continue
        }
        var conditions: [Condition] = []
        for part in inside.split(separator: ",", omittingEmptySubsequences: false) {
          let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
          guard kv.count == 2, !kv[0].isEmpty else {
            throw fail("found '[\(inside)]', expected an index such as [0] or a filter such as [role=specialist]")
          }
          conditions.append(Condition(field: String(kv[0]).trimmed, value: String(kv[1]).trimmed))
        }
        steps.append(.filter(conditions))
      }
      if i < chars.count {
        guard chars[i] == "." else { throw fail("found '\(chars[i])', expected '.' or '['") }
        i += 1
        guard i < chars.count else { throw fail("found the end after '.', expected a field name") }
      }
    }
    guard !steps.isEmpty else { throw InputError(problem: "found an empty path, expected one such as centre.clinicians[id=gp-anna].fte") }
    if let k = steps.firstIndex(of: .matchCount), k != steps.count - 1 {
      throw InputError(problem: "path '\(text)': '.count' after a filter is the number of matches and must come last; quote it ('count') to reach a field named count")
    }
    self.steps = steps
  }
}

extension String {
  fileprivate var trimmed: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}

extension JSONPath.Condition {
  /// Whether an element's field value satisfies this condition.
  func matches(_ element: JSONValue) -> Bool {
    guard let v = element[field] else { return false }
    switch v {
    case .string(let s): return s == value
    case .number(let x): return Double(value) == x
    case .bool(let b): return value == (b ? "true" : "false")
    case .null: return value == "null"
    case .array, .object: return false
    }
  }
}

extension JSONValue {
  /// Sets the value a path names and returns nothing; throws when the path
  /// does not fit this document.
  ///
  /// Rules: a missing final field is created (the model's decoder rejects
  /// fields it does not know, so a typo is still caught); every earlier
  /// step must exist. A field whose current value is a number, string or
  /// boolean only takes a value of the same kind. `.count` takes a whole
  /// number of 0 or more.
  ///
  /// - Throws: `InputError` whose problem names the path, the step where it
  ///   failed, what was found there and what was expected.
  public mutating func set(_ path: JSONPath, to newValue: JSONValue) throws {
    try set(path.steps[...], to: newValue, path: path, done: "")
  }

  private mutating func set(_ steps: ArraySlice<JSONPath.Step>, to newValue: JSONValue, path: JSONPath, done: String) throws {
    func fail(_ problem: String) -> InputError {
      InputError(problem: "path '\(path.text)'\(done.isEmpty ? "" : " at '\(done)'"): \(problem)")
    }
    guard let step = steps.first else {
      try JSONValue.checkKind(old: self, new: newValue, fail: fail)
      self = newValue
      return
    }
    let rest = steps.dropFirst()
    switch step {
    case .field(let name):
      guard case .object(var members) = self else {
        throw fail("found \(kindDescription), expected an object with a field '\(name)'")
      }
      let here = done.isEmpty ? name : done + "." + name
      if let k = members.firstIndex(where: { $0.key == name }) {
        // Swap the member out so the nested edit does not copy the subtree.
        var child = members[k].value
        members[k].value = .null
        self = .null
        defer { members[k].value = child; self = .object(members) }
        try child.set(rest, to: newValue, path: path, done: here)
      } else if rest.isEmpty {
        members.append(JSONMember(name, newValue))
        self = .object(members)
      } else if rest.allSatisfy({ if case .field = $0 { return true } else { return false } }) {
        // A path of plain fields builds the objects it needs
        // (`settings.hires` on a nation file without settings); the model
        // still rejects a field it does not know.
        var child = JSONValue.object([])
        try child.set(rest, to: newValue, path: path, done: here)
        members.append(JSONMember(name, child))
        self = .object(members)
      } else {
        let known = members.map(\.key).joined(separator: ", ")
        throw fail("found no field '\(name)', expected one of: \(known.isEmpty ? "(the object is empty)" : known)")
      }
    case .index(let n):
      guard case .array(var items) = self else { throw fail("found \(kindDescription), expected a list for [\(n)]") }
      guard n < items.count else { throw fail("found a list of \(items.count), expected an index below \(items.count) for [\(n)]") }
      var child = items[n]
      items[n] = .null
      self = .null
      defer { items[n] = child; self = .array(items) }
      try child.set(rest, to: newValue, path: path, done: done + "[\(n)]")
    case .filter(let conditions):
      let label = conditions.isEmpty ? "[*]" : "[" + conditions.map { "\($0.field)=\($0.value)" }.joined(separator: ",") + "]"
      guard case .array(var items) = self else { throw fail("found \(kindDescription), expected a list for \(label)") }
      let matches = items.indices.filter { k in conditions.allSatisfy { $0.matches(items[k]) } }
      if rest.first == .matchCount {
        guard case .number(let x) = newValue, x >= 0, x == x.rounded(), x < 100_000 else {
          throw fail("found \(newValue.jsonText), expected a whole number of 0 or more for the number of elements matching \(label)")
        }
        let n = Int(x)
        if n < matches.count {
          for k in matches[n...].reversed() { items.remove(at: k) }
        } else if n > matches.count {
          guard let last = matches.last else {
            throw fail("no element matches \(label), so there is none to copy; expected at least one match to set the count")
          }
          var insertAt = last + 1
          for copy in 0..<(n - matches.count) {
            items.insert(JSONValue.freshCopy(of: items[last], among: items, copy: copy + 2), at: insertAt)
            insertAt += 1
          }
        }
        self = .array(items)
        return
      }
      guard !matches.isEmpty else { throw fail("no element matches \(label); expected at least one") }
      self = .null
      defer { self = .array(items) }
      for k in matches {
        try items[k].set(rest, to: newValue, path: path, done: done + label)
      }
    case .matchCount:
      throw fail("'.count' must follow a filter such as [role=specialist]")
    }
  }

  /// A copy of a list element with a fresh `id` (when it has one):
  /// `gp-farid` becomes `gp-farid-2`, `gp-farid-3`, ... skipping ids in use.
  static func freshCopy(of element: JSONValue, among items: [JSONValue], copy: Int) -> JSONValue {
    guard case .object(var members) = element, let k = members.firstIndex(where: { $0.key == "id" }),
      case .string(let id) = members[k].value
    else { return element }
    var used = Set<String>()
    for item in items { if case .string(let s)? = item["id"] { used.insert(s) } }
    var n = copy
    while used.contains("\(id)-\(n)") { n += 1 }
    members[k].value = .string("\(id)-\(n)")
    return .object(members)
  }

  static func checkKind(old: JSONValue, new: JSONValue, fail: (String) -> InputError) throws {
    switch (old, new) {
    case (.number, .number), (.string, .string), (.bool, .bool): return
    case (.number, _), (.string, _), (.bool, _):
      throw fail("found \(new.jsonText), expected \(old.kindDescription) like the base scenario's \(old.jsonText)")
    default: return
    }
  }
}
