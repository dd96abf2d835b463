import Foundation
import Testing
@testable import PanelPlan
@testable import PanelPlanCLI
import PanelPlanTestSupport

/// Generated records of the small example centre (1 year), in `dir`.
private func generated(_ dir: String) -> (Int32, String) {
  let (code, out, _) = runCLI(["generate", "visits", "--centre", examplePath("small-centre.json"), "--years", "1", "--seed", "7", "--out", dir + "/gen"])
  return (code, out)
}

@Test func generateThenCalibrateWritesAScenarioThatSimulateRuns() throws {
  let dir = temporaryDirectory()
  let (g, gout) = generated(dir)
  #expect(g == 0 && gout.hasPrefix("Wrote "))
  let (code, out, err) = runCLI(["calibrate", dir + "/gen/visits.csv", "--centre", dir + "/gen/centre.json", "--patients", dir + "/gen/patients.csv",
                              "--out", dir + "/cal.json", "--report", dir + "/cal.html", "--replications", "3", "--threads", "1"])
  #expect(code == 0, "\(err)")
  // The validation table's header line contains "observed"; each row is marked.
  let header = out.split(separator: "\n").first { $0.hasPrefix("Quantity (observed vs simulated)") }
  #expect(header != nil)
  #expect(out.contains("COC, doctors") && out.contains("share with a fixed doctor"))
  // The scenario round-trips: simulate reads it unchanged, and its calibrated values are the estimates.
  let scenario = try Scenario.load(dir + "/cal.json")
  let (scode, sout, serr) = runCLI(["simulate", dir + "/cal.json", "--replications", "1", "--threads", "1"])
  #expect(scode == 0 && serr.isEmpty && sout.contains("COC, doctors"))
  let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/cal.json"))) as! [String: Any]
  let calibration = try #require(json["calibration"] as? [String: Any])
  let estimated = try #require(calibration["estimated"] as? [[String: Any]])
  let acute = try #require(estimated.first { $0["name"] as? String == "demand.acuteShare" })
  #expect(abs((acute["value"] as? Double ?? -1) - scenario.parameters.demand.acuteShare) < 1e-12)
  #expect((acute["count"] as? Int ?? 0) > 0 && (acute["standardError"] as? Double ?? 0) > 0)
  #expect(calibration["from"] as? String == "2025-01-01" || (calibration["from"] as? String ?? "").hasPrefix("2025-01"))
  #expect((calibration["defaults"] as? [String] ?? []).contains { $0.hasPrefix("booking") })
  // Re-encoding the loaded scenario gives the same scenario (the section is ignored on reading).
  let again = try JSONInput.decode(Scenario.self, from: JSONInput.encode(scenario), file: nil)
  #expect(again == scenario)
  let html = try String(contentsOfFile: dir + "/cal.html", encoding: .utf8)
  #expect(html.contains("<svg") && html.contains("observed"))
}

@Test func calibrateBadInputNamesLineAndColumnAndWritesNothing() throws {
  let dir = temporaryDirectory()
  _ = generated(dir)
  let bad = dir + "/bad.csv"
  try "patient,date,clinician,profession\nG1-1,2025-01-05,gp-1,doctor\nG1-2,2025-13-01,gp-1,doctor\n".write(toFile: bad, atomically: true, encoding: .utf8)
  let (code, out, err) = runCLI(["calibrate", bad, "--centre", dir + "/gen/centre.json", "--patients", dir + "/gen/patients.csv",
                              "--out", dir + "/cal.json", "--report", dir + "/cal.html"])
  #expect(code == 1 && out.isEmpty)
  #expect(err.hasPrefix("Error: \(bad):3:2: date: found '2025-13-01', expected a date"))
  #expect(!FileManager.default.fileExists(atPath: dir + "/cal.json") && !FileManager.default.fileExists(atPath: dir + "/cal.html"))
  // A missing column is reported as continuity reports it; usage errors exit 64.
  try "patient,date,clinician\np1,2025-01-05,d1\n".write(toFile: bad, atomically: true, encoding: .utf8)
  let (c2, _, e2) = runCLI(["calibrate", bad, "--centre", dir + "/gen/centre.json", "--patients", dir + "/gen/patients.csv"])
  #expect(c2 == 1 && e2.contains("profession"))
  let (c3, _, e3) = runCLI(["calibrate", bad])
  #expect(c3 == 64 && e3.contains("--centre"))
  let (c4, _, _) = runCLI(["calibrate", bad, "--centre", dir + "/gen/centre.json", "--from", "2025-02-01", "--to", "2025-01-01"])
  #expect(c4 == 64)
}

@Test func calibrateHasHelp() {
  let (code, out, _) = runCLI(["calibrate", "--help"])
  #expect(code == 0 && out.contains("--replications") && out.contains("--patients") && out.contains("observed"))
  let (gcode, gout, _) = runCLI(["generate", "--help"])
  #expect(gcode == 0 && gout.contains("visits"))
}

@Test func rollingWindowsEqualContinuityOverTheSameDates() throws {
  let dir = temporaryDirectory()
  let (g, _, _) = runCLI(["generate", "visits", "--centre", examplePath("small-centre.json"), "--years", "2", "--seed", "3", "--out", dir])
  #expect(g == 0)
  let (code, out, _) = runCLI(["continuity", dir + "/visits.csv", "--rolling", "12m", "--step", "3m", "--report", dir + "/r.html"])
  #expect(code == 0)
  let rows = out.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  // 2 years (2025-01-01…2026-12-31 plus one day): window ends step back 3 months from the last date.
  let ends = Set(rows.map { $0[0] })
  #expect(ends.count >= 4)
  // Each window's doctor COC is continuity's over the same dates; the target is the first window's × 1.2.
  let firstCOC = Double(rows.first { $0[2] == "doctor" && $0[3] == "coc" }![5])!
  for r in rows where r[2] == "doctor" && r[3] == "coc" {
    let (c, single, _) = runCLI(["continuity", dir + "/visits.csv", "--from", r[1], "--to", r[0], "--format", "csv"])
    #expect(c == 0)
    let line = try #require(single.split(separator: "\n").first { $0.hasPrefix("all,all,doctor,") && $0.contains(",coc,") })
    let fields = line.split(separator: ",").map(String.init)
    #expect(Double(fields[7]) == Double(r[5]) && fields[6] == r[4])
    #expect(abs(Double(r[6])! - 1.2 * firstCOC) < 1e-12)
  }
  #expect(try String(contentsOfFile: dir + "/r.html", encoding: .utf8).contains("target"))
  let (bad, _, err) = runCLI(["continuity", dir + "/visits.csv", "--rolling", "18x"])
  #expect(bad == 64 && err.contains("--rolling"))
  let (skr, skrOut, _) = runCLI(["continuity", dir + "/visits.csv", "--skr", "--step", "6m"])
  #expect(skr == 0 && skrOut.hasPrefix("window_end,window_start,scope,index,patients,mean,target\n"))
}

@Test func calibrateIsReproducibleWhateverTheThreads() throws {
  let dir = temporaryDirectory()
  _ = generated(dir)
  var outputs: [String] = [], scenarios: [Data] = []
  for threads in ["1", "2", "1"] {
    let out = dir + "/cal-\(outputs.count).json"
    let (code, text, _) = runCLI(["calibrate", dir + "/gen/visits.csv", "--centre", dir + "/gen/centre.json", "--patients", dir + "/gen/patients.csv",
                               "--out", out, "--replications", "2", "--refine-rounds", "1", "--threads", threads])
    #expect(code == 0)
    outputs.append(text)
    scenarios.append(try Data(contentsOf: URL(fileURLWithPath: out)))
  }
  #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
  #expect(scenarios[0] == scenarios[1] && scenarios[1] == scenarios[2])
}
