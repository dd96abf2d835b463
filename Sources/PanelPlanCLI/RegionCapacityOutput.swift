import PanelPlan

extension JSONFileKind {
  var isRegionOrNation: Bool { self == .region || self == .nation }
}

/// `capacity REGION.json`: every centre's capacity, largest gap first (issue 19).
enum RegionCapacityOutput {
  static func run(_ a: ParsedArguments, path: String, parameters: CapacityParameters, output: inout CommandOutput, command: CapacityCommand.Type) throws {
    var params = parameters
    params.taskSharingShare = try a.double("task-sharing", in: 0...TaskSharing.maximumShare)!
    let loaded = try RegionFile.load(path, command: "capacity")
    let capacity = RegionCapacity(regions: loaded.regions, name: loaded.name, parameters: params)
    let text: String
    switch a.string("format") {
    case "csv": text = capacity.csv()
    case "json": text = capacity.json()
    default: text = capacity.table()
    }
    try command.emitReport(a, parameters: ParameterCatalog.readings(params)) { _ in RegionCapacityChart.html(capacity) }
    try command.emit(text, a, &output)
  }
}

/// A ranked bar chart of centres' FTE gaps, as a self-contained HTML page.
enum RegionCapacityChart {
  static func html(_ c: RegionCapacity) -> String {
    let rows = c.rows.filter { $0.centre.specialistFTEGap > 0 }
    let maxGap = rows.map(\.centre.specialistFTEGap).max() ?? 1
    let barHeight = 18, labelWidth = 260, width = 760
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(max(1, rows.count) * barHeight + 20)\" font-family=\"sans-serif\" font-size=\"12\">"
    for (i, r) in rows.enumerated() {
      let y = i * barHeight + 10
      let w = Int(r.centre.specialistFTEGap / maxGap * Double(width - labelWidth - 60))
      svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(SVGCanvas.escape(r.centre.centreName))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(barHeight - 4)\" fill=\"#c0392b\"/>"
      svg += "<text x=\"\(labelWidth + w + 4)\" y=\"\(y + 13)\">\(NumberFormat.fixed(r.centre.specialistFTEGap, decimals: 1))</text>"
    }
    svg += "</svg>"
    let t = c.total
    return """
      <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(SVGCanvas.escape(c.name)): GP specialist FTE gap per centre</title></head><body>
      <h1>\(SVGCanvas.escape(c.name)): GP specialist FTE gap per centre</h1>
      <p>Full-time specialist FTE missing to reach Socialstyrelsen's guideline (1,100 average-need patients per full-time specialist), largest first. Total gap \(NumberFormat.fixed(t.specialistFTEGap, decimals: 1)) FTE; guideline ratio \(NumberFormat.fixed(t.guidelineRatio, decimals: 2)). Centres without a gap are not drawn.</p>
      \(svg)
      </body></html>

      """
  }
}
