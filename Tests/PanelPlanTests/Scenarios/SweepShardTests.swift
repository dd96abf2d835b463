import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Test func shardsPartitionThePointsInterleavedAndBalanced() {
  for total in 0..<40 {
    for count in 1...9 {
      var seen = [Int](repeating: 0, count: total)
      var sizes: [Int] = []
      for k in 0..<count {
        let s = SweepShard(index: k, count: count)
        let points = s.points(of: total)
        #expect(points.count == s.pointCount(of: total))
        #expect(points == points.sorted())
        for (j, p) in points.enumerated() {
          #expect(p % count == k && s.point(j) == p && SweepShard.shard(of: p, count: count) == k)
          seen[p] += 1
        }
        sizes.append(points.count)
      }
      // Every point exactly once; shard sizes differ by at most one.
      #expect(seen.allSatisfy { $0 == 1 }, "total \(total), count \(count)")
      #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }
  }
}

@Test func aShardRunsTheSameRowsAsTheWholeSweep() throws {
  // Rows depend on the seed, the point and the replication only: each
  // shard's rows are the whole run's rows at its points, for any thread
  // count and shard count.
  let p = plan(points: (0..<11).map(Double.init))
  var whole: [SweepRow] = []
  try SweepRunner(plan: p, model: EchoModel(), threads: 2).run { whole += $0 }
  for count in [1, 2, 3, 4, 11, 15] {
    for k in 0..<count {
      for threads in [1, 2] {
        var rows: [SweepRow] = []
        let outcome = try SweepRunner(plan: p, model: EchoModel(), threads: threads, batchSize: 2, shard: SweepShard(index: k, count: count)).run { rows += $0 }
        let expected = SweepShard(index: k, count: count).points(of: 11).map { whole[$0] }
        #expect(rows == expected, "shard \(k) of \(count), \(threads) threads")
        #expect(outcome.pointsDone == expected.count && !outcome.interrupted)
      }
    }
  }
}

// MARK: - Scheduler variables

private func resolve(_ env: [String: String], index: Int? = nil, count: Int? = nil, fromEnvironment: Bool = true) throws -> SweepShard? {
  try SweepShard.resolve(index: index, count: count, fromEnvironment: fromEnvironment, environment: env)?.shard
}

private func message(_ env: [String: String], index: Int? = nil, count: Int? = nil, fromEnvironment: Bool = true) -> String? {
  do {
    _ = try resolve(env, index: index, count: count, fromEnvironment: fromEnvironment)
    return nil
  } catch let e as SweepShard.ResolutionError {
    return e.message
  } catch {
    return "\(error)"
  }
}

@Test func explicitOptionsWinOverTheEnvironment() throws {
  let slurm = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"]
  #expect(try resolve(slurm, index: 1, count: 2) == SweepShard(index: 1, count: 2))
  #expect(try resolve([:], index: nil, count: nil, fromEnvironment: false) == nil)
  #expect(try resolve(slurm, fromEnvironment: false) == nil)
  #expect(message([:], index: 2, count: 2)?.contains("--shard-index: found 2, expected 0 to 1") == true)
  #expect(message([:], index: 0, count: nil) == "--shard-index needs --shard-count")
  #expect(message([:])?.contains("no scheduler array variable is set") == true)
}

@Test func slurmArrayVariablesSelectTheShard() throws {
  // --array=0-3, task 2.
  #expect(try resolve(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "3"])
    == SweepShard(index: 2, count: 4))
  // --array=1-4, task 4: the last of four shards.
  #expect(try resolve(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4"]) == SweepShard(index: 3, count: 4))
  // Only ID and COUNT exported.
  #expect(try resolve(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "1"]) == SweepShard(index: 0, count: 1))
  // --array=0-12:4 has ids 0, 4, 8, 12: four tasks spanning thirteen ids.
  let stepped = message(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "12"])
  #expect(stepped?.contains("an array with a step or gaps does not number the shards; submit with --array=0-3") == true)
  #expect(message(["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "4"]) == "SLURM_ARRAY_TASK_ID: found 'x', expected a whole number of at least 0")
  #expect(message(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4"])?.contains("shard index 4 is outside 0 to 3") == true)
  #expect(message(["SLURM_ARRAY_TASK_ID": "1"])?.contains("does not export the number of tasks; give --shard-count N") == true)
  #expect(message(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4"], count: 3)?.contains("--shard-count 3 disagrees with the Slurm array of 4 tasks") == true)
}

@Test func kubernetesIndexNeedsTheCountFromTheCommandLine() throws {
  #expect(try resolve(["JOB_COMPLETION_INDEX": "5"], count: 7, fromEnvironment: false) == SweepShard(index: 5, count: 7))
  #expect(message(["JOB_COMPLETION_INDEX": "5"])?.contains("Kubernetes Indexed Job job does not export the number of tasks; give --shard-count N") == true)
  #expect(message(["JOB_COMPLETION_INDEX": "7"], count: 7)?.contains("shard index 7 is outside 0 to 6") == true)
  let origin = try SweepShard.resolve(index: nil, count: 7, fromEnvironment: false, environment: ["JOB_COMPLETION_INDEX": "5"])?.origin
  #expect(origin == SweepShard.Origin(scheduler: "Kubernetes Indexed Job", variables: ["JOB_COMPLETION_INDEX=5", "--shard-count=7"]))
}

@Test func awsAndGoogleBatchVariablesSelectTheShard() throws {
  #expect(try resolve(["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "3"]) == SweepShard(index: 0, count: 3))
  #expect(try resolve(["BATCH_TASK_INDEX": "2", "BATCH_TASK_COUNT": "3"]) == SweepShard(index: 2, count: 3))
  #expect(message(["AWS_BATCH_JOB_ARRAY_INDEX": "3", "AWS_BATCH_JOB_ARRAY_SIZE": "3"])?.contains("outside 0 to 2") == true)
  // Slurm is tried first when several schedulers' variables are set.
  let origin = try SweepShard.resolve(
    index: nil, count: nil, fromEnvironment: true,
    environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "3", "SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2"])
  #expect(origin?.shard == SweepShard(index: 1, count: 2) && origin?.origin.scheduler == "Slurm")
}

// MARK: - Fingerprint

@Test func fingerprintFollowsTheDefinitionAndSeed() throws {
  let names = EchoModel().metricNames
  let base = plan(points: [1, 2, 3])
  let f = base.fingerprint(metricNames: names)
  #expect(f.count == 64 && f.allSatisfy { $0.isHexDigit })
  // The same definition built again: the same fingerprint.
  #expect(plan(points: [1, 2, 3]).fingerprint(metricNames: names) == f)
  var changed: [String] = [
    plan(points: [1, 2, 4]).fingerprint(metricNames: names),
    plan(points: [1, 2, 3], replications: 8).fingerprint(metricNames: names),
    plan(points: [1, 2, 3], seed: 4).fingerprint(metricNames: names),
    base.fingerprint(metricNames: names + ["extra"]),
  ]
  var d = base.definition
  d.base = .object([JSONMember("x", .number(0)), JSONMember("y", .number(1))])
  changed.append(SweepPlan(d).fingerprint(metricNames: names))
  d = base.definition
  d.parameters[0].name = "renamed"
  changed.append(SweepPlan(d).fingerprint(metricNames: names))
  for (i, g) in changed.enumerated() { #expect(g != f, "change \(i)") }
  #expect(Set(changed).count == changed.count)
  // A seed from --seed is the same sweep as that seed in the file.
  #expect(SweepPlan(base.definition, seed: 4).fingerprint(metricNames: names) == changed[2])
}

@Test func laterShardsSkipTheModelProbesButStillFailAtTheirBadPoint() throws {
  // x = -1 is refused by the model's prepare.
  let p = plan(points: [1, -1, 2])
  let first = SweepRunner(plan: p, model: EchoModel(), threads: 1, shard: SweepShard(index: 0, count: 3))
  #expect(throws: InputErrors.self) { try first.preflight(throughModel: true) }
  let second = SweepRunner(plan: p, model: EchoModel(), threads: 1, shard: SweepShard(index: 1, count: 3))
  try second.preflight(throughModel: false)
  do {
    try second.run { _ in }
    Issue.record("the bad point ran")
  } catch let e as SweepPointError {
    #expect(e.point == 1 && e.description.hasPrefix("point 2 (x=-1): "))
  }
}
