import Foundation

/// What a shard file says about itself: which sweep (fingerprint), which
/// shard, and how its rows are written.
///
/// A CSV shard starts with one comment line, then the CSV a single run
/// writes, restricted to the shard's rows:
///
/// ```
/// # panelplan-shard version=1 fingerprint=9f3a… index=1 count=4 points=36 parameters=3 format=csv dialect=standard
/// point,specialists,trainees,evaFTE,guidelineRatio_mean,…
/// 2,5,1,0.8,…
/// ```
///
/// A JSON shard is one object, the header then the rows, one per line,
/// each exactly as a single run writes it:
///
/// ```
/// {"panelplanShard": {"version": 1, "fingerprint": "9f3a…", "index": 1, …},
/// "rows": [
///   {"point":2,"parameters":{…},"metrics":{…}},
///   …
/// ]}
/// ```
///
/// Rows are kept in the standard CSV dialect; `dialect` records the one
/// asked for, which `merge` applies to the merged file. So the merged bytes
/// are those of a single run whatever the dialect.
public struct SweepShardHeader: Sendable, Hashable {
  /// `SweepPlan.fingerprint(metricNames:)` of the sweep.
  public var fingerprint: String
  public var shard: SweepShard
  /// Points in the whole sweep (all shards).
  public var pointCount: Int
  /// `csv` or `json`.
  public var format: SweepResultFormat.Kind
  /// The CSV dialect the merged file is written in.
  public var dialect: CSVDialect
  public var parameterNames: [String]
  public var metricNames: [String]

  public init(
    fingerprint: String, shard: SweepShard, pointCount: Int, format: SweepResultFormat.Kind, dialect: CSVDialect = .standard,
    parameterNames: [String], metricNames: [String]
  ) {
    precondition(format != .table, "a shard is written as csv or json")
    self.fingerprint = fingerprint
    self.shard = shard
    self.pointCount = pointCount
    self.format = format
    self.dialect = dialect
    self.parameterNames = parameterNames
    self.metricNames = metricNames
  }

  /// Rows this shard must hold.
  public var rowCount: Int { shard.pointCount(of: pointCount) }

  /// The version of the layout; a reader refuses others.
  public static let version = 1

  /// Fields both formats carry, in order.
  var fields: [(String, String)] {
    [
      ("version", String(Self.version)), ("fingerprint", fingerprint), ("index", String(shard.index)),
      ("count", String(shard.count)), ("points", String(pointCount)), ("parameters", String(parameterNames.count)),
      ("format", format.rawValue), ("dialect", dialect.rawValue),
    ]
  }
}

/// Writes a shard: the text before the rows, the rows (as
/// `SweepResultFormat` writes them, in the standard dialect) and the text
/// after them. Pieces can be streamed to a file as points finish.
public struct SweepShardWriter: Sendable {
  public var header: SweepShardHeader
  public var format: SweepResultFormat

  public init(header: SweepShardHeader) {
    self.header = header
    self.format = SweepResultFormat(kind: header.format, parameterNames: header.parameterNames, metricNames: header.metricNames)
  }

  /// Everything before the first row.
  public var prefix: String {
    switch header.format {
    case .json:
      var members = header.fields.map { k, v -> JSONMember in
        switch k {
        case "fingerprint", "format", "dialect": return JSONMember(k, .string(v))
        default: return JSONMember(k, .number(Double(v)!))
        }
      }
      members.append(JSONMember("parameterNames", .array(header.parameterNames.map(JSONValue.string))))
      members.append(JSONMember("metricNames", .array(header.metricNames.map(JSONValue.string))))
      return "{\"panelplanShard\": " + JSONValue.object(members).jsonText + ",\n\"rows\": [\n"
    default:
      return "# panelplan-shard " + header.fields.map { "\($0)=\($1)" }.joined(separator: " ") + "\n" + format.header
    }
  }

  /// Consecutive rows; `first` says whether they are the shard's first.
  public func rows(_ rows: [SweepRow], first: Bool) -> String { format.rows(rows, first: first) }

  /// Everything after the last of `rowCount` rows.
  public func suffix(rowCount: Int) -> String {
    header.format == .json ? (rowCount > 0 ? "\n]}\n" : "]}\n") : ""
  }
}

/// A shard file read back: its header and each row's text, exactly as it
/// will go into the merged file.
public struct SweepShardFile: Sendable {
  public var path: String
  public var header: SweepShardHeader
  /// CSV: the column line (with its newline); JSON: empty.
  public var columns: String
  /// One entry per row, in file order. CSV: the record with its newline;
  /// JSON: the row's line without the separating comma or newline.
  public var rowTexts: [String]
  /// The 1-based point number each row states.
  public var rowPoints: [Int]
  /// Line of each row in the file, for messages.
  public var rowLines: [Int]

  /// Reads a shard file written by `panelplan sweep --shard-…`.
  ///
  /// - Throws: `InputError` with the file, line and what was expected when
  ///   the file is not a shard or is damaged.
  public static func read(_ path: String) throws -> SweepShardFile {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(file: path, problem: "cannot read the shard file (\((error as NSError).localizedDescription))")
    }
    return try parse(Array(data), path: path)
  }

  /// Parses shard bytes; `path` names the file in errors.
  public static func parse(_ bytes: [UInt8], path: String) throws -> SweepShardFile {
    if bytes.starts(with: Array("# panelplan-shard ".utf8)) { return try parseCSV(bytes, path: path) }
    if bytes.starts(with: Array("{\"panelplanShard\": ".utf8)) { return try parseJSON(bytes, path: path) }
    throw InputError(
      file: path, line: 1,
      problem: "not a sweep shard; expected a file written by 'panelplan sweep --shard-index K --shard-count N' (starting '# panelplan-shard' or '{\"panelplanShard\"')")
  }
}
