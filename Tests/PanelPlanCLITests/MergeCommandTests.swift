import Foundation
import Testing
@testable import PanelPlanCLI
import PanelPlanTestSupport

private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// Writes shards 0..<count of the example sweep into `dir` and returns their paths.
private func shards(_ dir: String, count: Int, ext: String = "csv", extra: [String] = []) -> [String] {
  (0..<count).map { k in
    let path = "\(dir)/part-\(k).\(ext)"
    let r = runCLI(["sweep", "--example", "--shard-index", String(k), "--shard-count", String(count), "--out", path] + extra)
    #expect(r.code == 0, "\(r.err)")
    return path
  }
}

@Test func anyShardCountFromOneToSevenMergesToTheSingleRunBytes() throws {
  let dir = try BinaryRunner.temporaryDirectory().path
  #expect(runCLI(["sweep", "--example", "--out", dir + "/single.csv"]).code == 0)
  let single = try read(dir + "/single.csv")
  for count in 1...7 {
    let sub = dir + "/n\(count)"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
    let parts = shards(sub, count: count, extra: ["--threads", String(1 + count % 2)])
    let r = runCLI(["merge", "--out", sub + "/merged.csv"] + parts.reversed())
    #expect(r.code == 0 && r.out.isEmpty, "\(r.err)")
    #expect(r.err == "Merged \(count) shards, 36 points; fingerprint \(r.err.dropFirst("Merged \(count) shards, 36 points; fingerprint ".count))")
    #expect(try read(sub + "/merged.csv") == single, "\(count) shards")
  }
  // JSON, and more shards than points (40 > 36: four shards are empty).
  #expect(runCLI(["sweep", "--example", "--out", dir + "/single.json"]).code == 0)
  for count in [3, 40] {
    let sub = dir + "/json\(count)"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
    let r = runCLI(["merge", "--out", sub + "/merged.json"] + shards(sub, count: count, ext: "json"))
    #expect(r.code == 0, "\(r.err)")
    #expect(try read(sub + "/merged.json") == read(dir + "/single.json"), "json in \(count) shards")
  }
}

@Test func mergeRanksExactlyAsTheSweepDoes() throws {
  let dir = try BinaryRunner.temporaryDirectory().path
  let ranking = ["--maximise", "shareOfferable", "--subject-to", "overflowFrequency<=0.5", "--subject-to", "doctorFTE<=10", "--top", "3",
    "--pareto", "overflowFrequency:min,doctorFTE:min"]
  let direct = runCLI(["sweep", "--example", "--out", dir + "/single.csv"] + ranking)
  #expect(direct.code == 0)
  #expect(direct.out.hasPrefix("Ranking: maximise shareOfferable subject to overflowFrequency<=0.5, doctorFTE<=10\n"))
  let merged = runCLI(["merge", "--out", dir + "/merged.csv"] + shards(dir, count: 4) + ranking)
  #expect(merged.code == 0)
  #expect(merged.out == direct.out)
  #expect(try read(dir + "/merged.csv") == read(dir + "/single.csv"))
  // Ranking needs the rows in a file, as with sweep --format csv.
  let noOut = runCLI(["merge"] + shards(dir, count: 4) + ["--maximise", "doctorFTE"])
  #expect(noOut.code == 64 && noOut.err.hasPrefix("Error: ranking and --pareto need --out FILE"))
}

@Test func mergeRefusesMissingDoubledAndForeignShardsAndWritesNothing() throws {
  let dir = try BinaryRunner.temporaryDirectory().path
  let parts = shards(dir, count: 3)
  let out = dir + "/merged.csv"
  let missing = runCLI(["merge", "--out", out, parts[0], parts[2]])
  #expect(missing.code == 1)
  #expect(missing.err.hasPrefix("Error: shard 2 of 3 (index 1) is missing (fingerprint "))
  let doubled = runCLI(["merge", "--out", out, parts[0], parts[1], parts[2], parts[1]])
  #expect(doubled.code == 1)
  #expect(doubled.err == "Error: shard 2 of 3 (index 1) is given 2 times: \(parts[1]), \(parts[1])\n")
  let other = dir + "/seed8.csv"
  #expect(runCLI(["sweep", "--example", "--seed", "8", "--shard-index", "1", "--shard-count", "3", "--out", other]).code == 0)
  let foreign = runCLI(["merge", "--out", out, parts[0], other, parts[2]])
  #expect(foreign.code == 1)
  #expect(foreign.err.hasPrefix("Error: \(other): fingerprint: foreign shard: it belongs to another sweep"))
  #expect(foreign.err.contains("\nError: shard 2 of 3 (index 1) is missing"))
  let notShard = runCLI(["merge", "--out", out, dir + "/nothing.csv"])
  #expect(notShard.code == 1 && notShard.err.hasPrefix("Error: \(dir)/nothing.csv: cannot read the shard file"))
  #expect(!FileManager.default.fileExists(atPath: out))
  #expect(runCLI(["merge"]).code == 64)
  let wrongExtension = runCLI(["merge", "--out", dir + "/merged.json"] + parts)
  #expect(wrongExtension.code == 64 && wrongExtension.err.hasPrefix("Error: --out \(dir)/merged.json: the shards hold csv, expected a .csv file"))
}

@Test func shardOptionMistakesExit64() {
  let table = runCLI(["sweep", "--example", "--shard-index", "0", "--shard-count", "2"])
  #expect(table.code == 64 && table.err.hasPrefix("Error: a shard is written as csv or json"))
  let ranking = runCLI(["sweep", "--example", "--format", "csv", "--shard-index", "0", "--shard-count", "2", "--maximise", "doctorFTE"])
  #expect(ranking.code == 64 && ranking.err.hasPrefix("Error: --maximise works on the whole sweep: give it to 'panelplan merge'"))
  #expect(runCLI(["sweep", "--example", "--format", "csv", "--shard-index", "2", "--shard-count", "2"]).code == 64)
  #expect(runCLI(["sweep", "--example", "--format", "csv", "--shard-index", "0"]).code == 64)
  #expect(runCLI(["merge", "--help"]).out.contains("USAGE: panelplan merge <shard>... [options]"))
}

/// Runs the built binary with extra environment variables (and none of the
/// scheduler variables the test process itself may have).
private func binary(_ arguments: [String], environment: [String: String]) throws -> (code: Int32, out: String, err: String) {
  let r = try BinaryRunner.run(arguments, environment: environment)
  return (r.exitCode, r.stdout, r.stderr)
}

@Test func schedulerVariablesSelectTheShardAndAreNamedOnStandardError() throws {
  let slurm = try binary(["sweep", "--example", "--format", "csv", "--shard-from-env"], environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"])
  #expect(slurm.code == 0)
  #expect(slurm.err.hasPrefix("Sweep shard 2 of 3 (index 1) from Slurm (SLURM_ARRAY_TASK_ID=1, SLURM_ARRAY_TASK_COUNT=3): 12 of 36 points; fingerprint "))
  #expect(slurm.out.hasPrefix("# panelplan-shard version=1 fingerprint="))
  #expect(slurm.out.contains(" index=1 count=3 points=36 "))
  // Rows 2, 5, 8, ...: points 1, 4, 7 (0-based) of the sweep.
  let points = slurm.out.split(separator: "\n").dropFirst(2).map { $0.prefix { $0 != "," } }
  #expect(points == stride(from: 2, through: 35, by: 3).map { Substring(String($0)) })

  let k8s = try binary(["sweep", "--example", "--format", "json", "--shard-count", "4"], environment: ["JOB_COMPLETION_INDEX": "3"])
  #expect(k8s.code == 0 && k8s.err.hasPrefix("Sweep shard 4 of 4 (index 3) from Kubernetes Indexed Job (JOB_COMPLETION_INDEX=3, --shard-count=4)"))
  let noCount = try binary(["sweep", "--example", "--format", "csv", "--shard-from-env"], environment: ["JOB_COMPLETION_INDEX": "3"])
  #expect(noCount.code == 64 && noCount.err.contains("does not export the number of tasks; give --shard-count N"))
  let aws = try binary(["sweep", "--example", "--format", "csv", "--shard-from-env"], environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "2"])
  #expect(aws.code == 0 && aws.out.contains(" index=0 count=2 "))

  // No shard options inside an array job: the scheduler's variables
  // choose the shard, exactly as with --shard-from-env.
  let implicit = try binary(["sweep", "--example", "--format", "csv"], environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"])
  #expect(implicit.code == 0 && implicit.out == slurm.out && implicit.err == slurm.err)

  // --whole-sweep: every point, with a note; combined with shard options it is refused.
  let whole = try binary(["sweep", "--example", "--format", "csv", "--whole-sweep"], environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"])
  #expect(whole.code == 0 && whole.out.split(separator: "\n").count == 37)
  #expect(whole.err == "Note: SLURM_ARRAY_TASK_ID is set but --whole-sweep runs every point in this task.\n")
  let both = try binary(["sweep", "--example", "--format", "csv", "--whole-sweep", "--shard-count", "2"], environment: [:])
  #expect(both.code == 64 && both.err.hasPrefix("Error: --whole-sweep runs every point: leave out --shard-count"))
}
