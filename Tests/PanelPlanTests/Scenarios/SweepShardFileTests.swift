import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// The text a single run writes, as `panelplan sweep --out` does.
private func single<M: SweepModel>(_ p: SweepPlan, _ model: M, _ kind: SweepResultFormat.Kind, dialect: CSVDialect = .standard) throws -> String {
  let f = SweepResultFormat(kind: kind, parameterNames: p.parameterNames, metricNames: model.metricNames)
  var text = dialect.convert(f.header), n = 0
  try SweepRunner(plan: p, model: model, threads: 2).run { rows in
    text += dialect.convert(f.rows(rows, first: n == 0))
    n += rows.count
  }
  return text + f.footer(rowCount: n)
}

/// Shard k of `count`, as `panelplan sweep --shard-index k --shard-count count` writes it.
private func shard<M: SweepModel>(
  _ p: SweepPlan, _ model: M, _ kind: SweepResultFormat.Kind, _ k: Int, of count: Int, dialect: CSVDialect = .standard, threads: Int = 1
) throws -> String {
  let s = SweepShard(index: k, count: count)
  let w = SweepShardWriter(header: SweepShardHeader(
    fingerprint: p.fingerprint(metricNames: model.metricNames), shard: s, pointCount: p.pointCount, format: kind, dialect: dialect,
    parameterNames: p.parameterNames, metricNames: model.metricNames))
  var text = w.prefix, n = 0
  try SweepRunner(plan: p, model: model, threads: threads, batchSize: 3, shard: s).run { rows in
    text += w.rows(rows, first: n == 0)
    n += rows.count
  }
  return text + w.suffix(rowCount: n)
}

private func parse(_ text: String, _ name: String) throws -> SweepShardFile {
  try SweepShardFile.parse(Array(text.utf8), path: name)
}

private func problems(_ files: [SweepShardFile]) -> [String] {
  do {
    _ = try SweepShardMerge.merge(files)
    return []
  } catch let e as InputErrors {
    return e.errors.map(\.description)
  } catch {
    return ["\(error)"]
  }
}

@Test func mergedShardsAreTheSingleRunBytesForAnyShardCount() throws {
  // 9 points: counts below, at and above the number of points.
  let p = plan(points: (0..<9).map { Double($0) * 0.25 })
  for kind in [SweepResultFormat.Kind.csv, .json] {
    let expected = try single(p, EchoModel(), kind)
    for count in [1, 2, 3, 4, 5, 6, 7, 9, 12] {
      // Shards given in reverse order: merge puts them back.
      let files = try (0..<count).reversed().map { try parse(shard(p, EchoModel(), kind, $0, of: count, threads: 1 + $0 % 2), "part-\($0)") }
      let merged = try SweepShardMerge.merge(files)
      #expect(merged.text == expected, "\(kind) in \(count) shards")
      // Rows read back from the shards write the same text again.
      let f = SweepResultFormat(kind: kind, parameterNames: p.parameterNames, metricNames: EchoModel().metricNames)
      #expect(try f.rows(SweepShardMerge.rows(merged), first: true) == f.rows(try collect(p), first: true))
    }
  }
}

private func collect(_ p: SweepPlan) throws -> [SweepRow] {
  var rows: [SweepRow] = []
  try SweepRunner(plan: p, model: EchoModel(), threads: 1).run { rows += $0 }
  return rows
}

@Test func mergeAppliesTheSwedishExcelDialectOfTheShards() throws {
  let p = plan(points: [0.5, 1.5, 2.5, 3.5, 4.5])
  let expected = try single(p, EchoModel(), .csv, dialect: .excelSv)
  #expect(expected.contains(";0,5;"))
  let files = try (0..<3).map { try parse(shard(p, EchoModel(), .csv, $0, of: 3, dialect: .excelSv), "part-\($0).csv") }
  #expect(try SweepShardMerge.merge(files).text == expected)
}

@Test func theCapacityModelMergesToItsSingleRun() throws {
  let p = SweepPlan(try SweepDefinition.example(), seed: 5)
  let model = CapacitySweepModel()
  for kind in [SweepResultFormat.Kind.csv, .json] {
    let files = try (0..<5).map { try parse(shard(p, model, kind, $0, of: 5, threads: 2), "part-\($0)") }
    #expect(try SweepShardMerge.merge(files).text == single(p, model, kind))
  }
}

@Test func missingDoubledAndForeignShardsAreRefusedByName() throws {
  let p = plan(points: (0..<7).map(Double.init))
  let parts = try (0..<3).map { try parse(shard(p, EchoModel(), .csv, $0, of: 3), "part-\($0).csv") }
  #expect(problems([parts[0], parts[2]]) == ["shard 2 of 3 (index 1) is missing (fingerprint \(parts[0].header.fingerprint.prefix(12))…)"])
  var copy = parts[1]
  copy.path = "copy-of-part-1.csv"
  #expect(problems(parts + [copy]) == ["shard 2 of 3 (index 1) is given 2 times: part-1.csv, copy-of-part-1.csv"])
  // A shard of the same sweep with another seed.
  let other = try parse(shard(plan(points: (0..<7).map(Double.init), seed: 99), EchoModel(), .csv, 2, of: 3), "other-seed.csv")
  let foreign = problems([parts[0], parts[1], other])
  #expect(foreign.count == 2)
  #expect(foreign[0].hasPrefix("other-seed.csv: fingerprint: foreign shard: it belongs to another sweep"))
  #expect(foreign[1].hasPrefix("shard 3 of 3 (index 2) is missing"))
  // Cut into a different number of shards.
  let four = try parse(shard(p, EchoModel(), .csv, 3, of: 4), "four.csv")
  #expect(problems(parts + [four]) == ["four.csv: count: found 4 shards, expected 3 as in part-0.csv"])
  #expect(problems([]) == ["no shard files given"])
}

@Test func truncatedAndDamagedShardsAreRefused() throws {
  let p = plan(points: (0..<7).map(Double.init))
  let texts = try (0..<2).map { try shard(p, EchoModel(), .csv, $0, of: 2) }
  // An interrupted task: its last row is missing.
  var lines = texts[1].split(separator: "\n", omittingEmptySubsequences: false)
  lines.removeLast(2)
  let short = try parse(lines.joined(separator: "\n") + "\n", "part-1.csv")
  #expect(problems([try parse(texts[0], "part-0.csv"), short]) == [
    "part-1.csv: holds 2 rows, expected 3 for shard 2 of 2 (index 1) of 7 points (an interrupted run?)"
  ])
  // A row cut in the middle of a line.
  #expect(throws: InputError.self) { try parse(String(texts[1].dropLast(3)), "cut.csv") }
  // Not a shard at all: a plain sweep file.
  let plain = try single(p, EchoModel(), .csv)
  do {
    _ = try parse(plain, "results.csv")
    Issue.record("a plain sweep file was read as a shard")
  } catch let e as InputError {
    #expect(e.description.hasPrefix("results.csv:1: not a sweep shard"))
  }
  // A JSON shard cut short is not valid JSON.
  let json = try shard(p, EchoModel(), .json, 0, of: 2)
  #expect(throws: InputError.self) { try parse(String(json.dropLast(4)), "cut.json") }
}
