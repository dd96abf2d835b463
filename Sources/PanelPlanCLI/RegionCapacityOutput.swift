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
    default: text = Verdicts.regionCapacity(capacity) + "\n" + capacity.table()
    }
    try command.emitReport(a, parameters: ParameterCatalog.readings(params), verdict: { Verdicts.regionCapacity(capacity) }) {
      RegionCapacityReport.html(capacity, language: $0)
    }
    try command.emit(text, a, &output)
  }
}
