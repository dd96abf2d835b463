import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG as XML and collects every element with its attributes.
public final class SVGElements: NSObject, XMLParserDelegate {
  public var elements: [(name: String, attributes: [String: String])] = []
  public var error: Error?

  public static func parse(_ svg: String) -> SVGElements {
    let e = SVGElements()
    let p = XMLParser(data: Data(svg.utf8))
    p.delegate = e
    if !p.parse() { e.error = p.parserError ?? NSError(domain: "svg", code: 1) }
    return e
  }

  public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    elements.append((name, attributes))
  }

  public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

  public func marks(_ cssClass: String) -> [[String: String]] {
    elements.filter { $0.attributes["class"] == cssClass }.map(\.attributes)
  }
}

extension Dictionary where Key == String, Value == String {
  /// The attribute `k` read as a number, NaN when missing or not a number.
  public func number(_ k: String) -> Double { Double(self[k] ?? "") ?? .nan }
}
