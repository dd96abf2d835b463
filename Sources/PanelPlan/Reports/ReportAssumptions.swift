import Foundation

/// The closing section every report ends with: the parameters used, where
/// each value comes from, and the command that made the report, so a reader
/// can tell what was assumed and rerun it.
public struct ReportAssumptions: Sendable {
  /// One parameter: its name, the value used, and where it comes from.
  public struct Item: Sendable {
    public var name: String
    public var value: String
    public var source: String
    public init(name: String, value: String, source: String) {
      self.name = name
      self.value = value
      self.source = source
    }
  }
  public var items: [Item]
  /// The command line, as a user would type it.
  public var command: String

  public init(items: [Item], command: String) {
    self.items = items
    self.command = command
  }

  /// The section as HTML.
  public func html(_ l: ReportLanguage) -> String {
    var h = HTMLReport(title: "", language: l)
    h.heading(l("Assumptions"))
    h.paragraph(l("Every parameter of the run: the value used and where it comes from, the source of a default or where a changed value was set. Names in brackets are as scenario files write them."))
    h.table(headers: [l("Parameter"), l("Value"), l("Where it comes from")], rows: items.map { [$0.name, $0.value, $0.source] })
    h.paragraph(l("Command that made this report") + ": " + command)
    return h.body
  }

  /// `html` with this section inserted before the report's footer.
  public func appended(to html: String, language l: ReportLanguage) -> String {
    guard let r = html.range(of: "<footer>", options: .backwards) else { return html + self.html(l) }
    return html.replacingCharacters(in: r.lowerBound..<r.lowerBound, with: self.html(l) + "\n")
  }
}

extension HTMLReport {
  /// The parts written so far, without the page around them.
  var body: String { render().components(separatedBy: "<body>").last.map { b in
    let inner = b.components(separatedBy: "<footer>").first ?? b
    // Drop the empty title heading.
    return inner.replacingOccurrences(of: "<h1></h1>\n", with: "")
  } ?? "" }
}
