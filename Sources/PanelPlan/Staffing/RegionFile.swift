import Foundation

/// Loading the input of a staffing projection: one region, a nation of
/// regions, or a directory of care-centre files with an optional roster.
public enum RegionFile {
  /// What was loaded.
  public struct Loaded: Sendable {
    /// The regions, in file order.
    public var regions: [Region]
    /// The name of the whole: the nation's, or the single region's.
    public var name: String

    public init(regions: [Region], name: String) {
      self.regions = regions
      self.name = name
    }
  }

  /// Loads `path`:
  /// - a JSON file holding a region (`{"name", "centres"}`) or a nation
  ///   (`{"name", "regions"}`);
  /// - a directory: every `*.json` in it is a care-centre file (sorted by
  ///   name); a `roster.csv` in it, if present, replaces the clinicians of
  ///   the centres it names (see `RosterFile`). The region takes the
  ///   directory's name.
  ///
  /// Every centre is validated; problems name the file and field (JSON) or
  /// line and column (roster).
  /// `command` names the command in the message for a file of another
  /// kind ("this is a scenario file; `project` takes ...").
  public static func load(_ path: String, startYear: Int = ProjectionSettings.defaultStartYear, trainingYears: Double = 5, command: String = "project") throws -> Loaded {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(file: path, problem: "no such file or directory")
    }
    if isDirectory.boolValue && CentreFolder.isCentreFolder(path) {
      // A care centre as a folder of CSV files: a region of one centre.
      let centre = try CentreFile.load(path)
      return Loaded(regions: [Region(name: centre.region ?? centre.name, centres: [centre])], name: centre.name)
    }
    if isDirectory.boolValue {
      return try loadDirectory(path, roster: nil, startYear: startYear, trainingYears: trainingYears)
    }
    let (kind, data) = try JSONFileKind.load(path, accepted: [.region, .nation, .centre], command: command)
    if kind == .nation {
      let nation = try JSONInput.decode(Nation.self, from: data, file: path)
      var problems: [InputError] = []
      if nation.regions.isEmpty { problems.append(InputError(field: "regions", problem: "empty; expected at least one region")) }
      var regionIndex: [String: Int] = [:]
      var centreAt: [String: String] = [:]
      for (ri, r) in nation.regions.enumerated() {
        problems += check(r, path: "regions[\(ri)]")
        // The same region or centre twice would be counted twice.
        if let j = regionIndex[r.name] {
          problems.append(InputError(field: "regions[\(ri)].name", problem: "duplicate region '\(r.name)', already regions[\(j)]"))
        } else { regionIndex[r.name] = ri }
        for (ci, c) in r.centres.enumerated() {
          if let other = centreAt[c.id], !other.hasPrefix("regions[\(ri)].") {
            problems.append(InputError(field: "regions[\(ri)].centres[\(ci)].id", problem: "duplicate centre id '\(c.id)', already used by \(other)"))
          } else if centreAt[c.id] == nil { centreAt[c.id] = "regions[\(ri)].centres[\(ci)]" }
        }
      }
      if !problems.isEmpty { throw InputErrors(problems.map { JSONInput.locate($0.inFile(path), in: data) }) }
      return Loaded(regions: nation.regions, name: nation.name)
    }
    if kind == .centre {
      // A single care-centre file: a region of one centre.
      let centre = try JSONInput.decode(CareCentre.self, from: data, file: path)
      try JSONInput.locating(data) { try Validation.check(centre, file: path) }
      return Loaded(regions: [Region(name: centre.region ?? centre.name, centres: [centre])], name: centre.name)
    }
    let region = try JSONInput.decode(Region.self, from: data, file: path)
    let problems = check(region, path: "")
    if !problems.isEmpty { throw InputErrors(problems.map { JSONInput.locate($0.inFile(path), in: data) }) }
    return Loaded(regions: [region], name: region.name)
  }

  /// Problems of every centre of a region, and duplicate centre ids.
  static func check(_ region: Region, path: String) -> [InputError] {
    var out: [InputError] = []
    var seen: [String: Int] = [:]
    let prefix = path.isEmpty ? "" : path + "."
    for (i, c) in region.centres.enumerated() {
      out += Validation.problems(in: c, path: "\(prefix)centres[\(i)]")
      if let j = seen[c.id] {
        out.append(InputError(field: "\(prefix)centres[\(i)].id", problem: "duplicate centre id '\(c.id)', already used by centres[\(j)]"))
      } else { seen[c.id] = i }
    }
    if region.centres.isEmpty { out.append(InputError(field: prefix + "centres", problem: "empty; expected at least one care centre")) }
    return out
  }

  /// A directory of centre files, with `roster` (default: `roster.csv` in
  /// the directory when it exists).
  public static func loadDirectory(_ dir: String, roster: String?, startYear: Int, trainingYears: Double = 5) throws -> Loaded {
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted() } catch {
      throw InputError(file: dir, problem: "cannot list the directory (\((error as NSError).localizedDescription))")
    }
    guard !names.isEmpty else { throw InputError(file: dir, problem: "no care-centre files (*.json) in the directory") }
    var centres: [CareCentre] = []
    var fileOf: [String: String] = [:]
    for n in names {
      let file = (dir as NSString).appendingPathComponent(n)
      let c = try CentreFile.load(file)
      if let other = fileOf[c.id] {
        throw InputError(file: file, field: "id", problem: "duplicate centre id '\(c.id)', already used in \(other)")
      }
      fileOf[c.id] = file
      centres.append(c)
    }
    let rosterPath = roster ?? {
      let p = (dir as NSString).appendingPathComponent("roster.csv")
      return FileManager.default.fileExists(atPath: p) ? p : nil
    }()
    if let rosterPath {
      let rows = try RosterFile.load(rosterPath, startYear: startYear, trainingYears: trainingYears)
      var byCentre: [String: [Clinician]] = [:]
      var errors: [InputError] = []
      for r in rows {
        if fileOf[r.centreId] == nil {
          errors.append(InputError(
            file: rosterPath, line: r.line, field: "centre",
            problem: "found '\(r.centreId)', expected the id of a care centre in \(dir)"))
        }
        byCentre[r.centreId, default: []].append(r.clinician)
      }
      if !errors.isEmpty { throw InputErrors(errors) }
      for i in centres.indices {
        guard let staff = byCentre[centres[i].id] else { continue }
        centres[i].clinicians = staff
        // Patients whose fixed doctor the roster dropped would still count
        // as having one: refuse, naming the centre file and the roster.
        let problems = Validation.problems(in: centres[i])
        if !problems.isEmpty {
          throw InputErrors(problems.map {
            var e = $0
            e.file = fileOf[centres[i].id]
            e.problem += " (after \(rosterPath) replaced the centre's clinicians)"
            return e
          })
        }
      }
    }
    let name = (dir as NSString).lastPathComponent
    return Loaded(regions: [Region(name: name, centres: centres)], name: name)
  }
}
