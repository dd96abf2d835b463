import Foundation

/// A minimal SVG writer: shapes and text in user units (pixels), escaped,
/// with classes and `data-` attributes so that tests and readers can find
/// each mark and its value.
public struct SVGCanvas: Sendable {
  public var width: Double
  public var height: Double
  private var body: [String] = []

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Escapes text for XML content and attribute values.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(ch)
      }
    }
    return out
  }

  static func n(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let r = (x * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(format: "%.2f", r)
  }

  static func attributes(_ extra: [(String, String)]) -> String {
    extra.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
  }

  public mutating func rect(
    x: Double, y: Double, width w: Double, height h: Double, fill: String,
    stroke: String? = nil, cssClass: String? = nil, data: [(String, String)] = [], title: String? = nil
  ) {
    var a: [(String, String)] = [("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(max(0, w))), ("height", Self.n(max(0, h))), ("fill", fill)]
    if let stroke { a.append(("stroke", stroke)) }
    if let cssClass { a.append(("class", cssClass)) }
    a += data.map { ("data-\($0.0)", $0.1) }
    if let title {
      body.append("<rect\(Self.attributes(a))><title>\(Self.escape(title))</title></rect>")
    } else {
      body.append("<rect\(Self.attributes(a))/>")
    }
  }

  public mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width sw: Double = 1,
    dash: String? = nil, cssClass: String? = nil, data: [(String, String)] = []
  ) {
    var a: [(String, String)] = [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)), ("stroke", stroke), ("stroke-width", Self.n(sw))]
    if let dash { a.append(("stroke-dasharray", dash)) }
    if let cssClass { a.append(("class", cssClass)) }
    a += data.map { ("data-\($0.0)", $0.1) }
    body.append("<line\(Self.attributes(a))/>")
  }

  public mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width sw: Double = 2, dash: String? = nil,
    cssClass: String? = nil, data: [(String, String)] = []
  ) {
    let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
    var a: [(String, String)] = [("points", p), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.n(sw))]
    if let dash { a.append(("stroke-dasharray", dash)) }
    if let cssClass { a.append(("class", cssClass)) }
    a += data.map { ("data-\($0.0)", $0.1) }
    body.append("<polyline\(Self.attributes(a))/>")
  }

  public mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1, cssClass: String? = nil) {
    let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
    var a: [(String, String)] = [("points", p), ("fill", fill), ("fill-opacity", Self.n(opacity))]
    if let cssClass { a.append(("class", cssClass)) }
    body.append("<polygon\(Self.attributes(a))/>")
  }

  public mutating func circle(
    cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil,
    cssClass: String? = nil, data: [(String, String)] = [], title: String? = nil
  ) {
    var a: [(String, String)] = [("cx", Self.n(cx)), ("cy", Self.n(cy)), ("r", Self.n(r)), ("fill", fill)]
    if let stroke { a.append(("stroke", stroke)) }
    if let cssClass { a.append(("class", cssClass)) }
    a += data.map { ("data-\($0.0)", $0.1) }
    if let title {
      body.append("<circle\(Self.attributes(a))><title>\(Self.escape(title))</title></circle>")
    } else {
      body.append("<circle\(Self.attributes(a))/>")
    }
  }

  public enum Anchor: String, Sendable { case start, middle, end }

  public mutating func text(
    _ s: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11,
    weight: String? = nil, rotate: Double? = nil, fill: String = "#222", cssClass: String? = nil
  ) {
    var a: [(String, String)] = [("x", Self.n(x)), ("y", Self.n(y)), ("font-size", Self.n(size)), ("text-anchor", anchor.rawValue), ("fill", fill)]
    if let weight { a.append(("font-weight", weight)) }
    if let rotate { a.append(("transform", "rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))")) }
    if let cssClass { a.append(("class", cssClass)) }
    body.append("<text\(Self.attributes(a))>\(Self.escape(s))</text>")
  }

  /// The document, standalone and valid XML.
  public func render(title: String) -> String {
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">"
    s += "<title>\(Self.escape(title))</title>"
    s += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>"
    s += body.joined()
    s += "</svg>"
    return s
  }
}
