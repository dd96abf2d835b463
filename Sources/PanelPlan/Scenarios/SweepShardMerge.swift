import Foundation

/// Puts shards back together into the file a single run writes.
public enum SweepShardMerge {
  /// The merged text and the sweep's header (shard index 0 of 1).
  public struct Merged: Sendable {
    public var text: String
    public var header: SweepShardHeader
    /// The shards in index order.
    public var shards: [SweepShardFile]
  }

  /// Checks that the shards are every shard of one sweep, each once, and
  /// interleaves their rows in point order.
  ///
  /// The sweep is the fingerprint most of the files carry (the first
  /// file's on a tie); a file with another fingerprint is foreign. Every
  /// problem is reported at once, each naming its file.
  ///
  /// - Returns: the bytes `panelplan sweep` writes in one process with the
  ///   same format and dialect.
  /// - Throws: `InputErrors`: foreign shards, shards cut differently,
  ///   doubled or missing shards, shards with missing or unexpected rows.
  public static func merge(_ files: [SweepShardFile]) throws -> Merged {
    guard let firstFile = files.first else { throw InputErrors([InputError(problem: "no shard files given")]) }
    var votes: [String: Int] = [:]
    for f in files { votes[f.header.fingerprint, default: 0] += 1 }
    let best = votes.values.max()!
    let fingerprint = files.first { votes[$0.header.fingerprint] == best }?.header.fingerprint ?? firstFile.header.fingerprint
    let reference = files.first { $0.header.fingerprint == fingerprint }!
    let ref = reference.header
    var errors: [InputError] = []
    var byIndex: [Int: [SweepShardFile]] = [:]
    for f in files {
      let h = f.header
      if h.fingerprint != fingerprint {
        errors.append(InputError(
          file: f.path, field: "fingerprint",
          problem: "foreign shard: it belongs to another sweep (fingerprint \(h.fingerprint.prefix(12))…, the others \(fingerprint.prefix(12))…: a different definition, seed or replications)"))
        continue
      }
      if h.shard.count != ref.shard.count {
        errors.append(InputError(file: f.path, field: "count", problem: "found \(h.shard.count) shards, expected \(ref.shard.count) as in \(reference.path)"))
        continue
      }
      if h.format != ref.format || h.dialect != ref.dialect || f.columns != reference.columns || h.pointCount != ref.pointCount {
        errors.append(InputError(
          file: f.path, field: "format",
          problem: "found \(h.format.rawValue) (\(h.dialect.rawValue)), expected \(ref.format.rawValue) (\(ref.dialect.rawValue)) with the same columns as \(reference.path)"))
        continue
      }
      byIndex[h.shard.index, default: []].append(f)
    }
    let count = ref.shard.count
    for k in 0..<count {
      let s = SweepShard(index: k, count: count)
      guard let given = byIndex[k] else {
        errors.append(InputError(problem: "\(s) is missing (fingerprint \(fingerprint.prefix(12))…)"))
        continue
      }
      if given.count > 1 {
        errors.append(InputError(problem: "\(s) is given \(given.count) times: \(given.map(\.path).joined(separator: ", "))"))
      }
      let f = given[0]
      let expected = s.points(of: ref.pointCount)
      if f.rowPoints.count != expected.count {
        errors.append(InputError(
          file: f.path,
          problem: "holds \(f.rowPoints.count) rows, expected \(expected.count) for \(s) of \(ref.pointCount) points (an interrupted run?)"))
        continue
      }
      if let j = expected.indices.first(where: { f.rowPoints[$0] != expected[$0] + 1 }) {
        errors.append(InputError(file: f.path, line: f.rowLines[j], field: "point", problem: "found point \(f.rowPoints[j]), expected \(expected[j] + 1)"))
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }

    let shards = (0..<count).map { byIndex[$0]![0] }
    var text = ""
    switch ref.format {
    case .json:
      text = "[\n"
      for i in 0..<ref.pointCount {
        if i > 0 { text += ",\n" }
        text += shards[i % count].rowTexts[i / count]
      }
      text += ref.pointCount > 0 ? "\n]\n" : "]\n"
    default:
      text = reference.columns
      for i in 0..<ref.pointCount { text += shards[i % count].rowTexts[i / count] }
      text = ref.dialect.convert(text)
    }
    var header = ref
    header.shard = .whole
    return Merged(text: text, header: header, shards: shards)
  }

  /// Every row of merged shards as values, in point order.
  public static func rows(_ merged: Merged) throws -> [SweepRow] {
    let perShard = try merged.shards.map { try $0.rows() }
    let n = merged.shards.count
    return (0..<merged.header.pointCount).map { perShard[$0 % n][$0 / n] }
  }
}
