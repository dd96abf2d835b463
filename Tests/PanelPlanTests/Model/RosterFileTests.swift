import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct RosterFileTests {
  @Test func readsRowsAndTurnsTrainingStartIntoProgress() throws {
    // Started 2023, projection starts 2026, 5-year training: 3/5 = 0.6 done.
    let text = "clinician_id,centre,role,fte,birth_year,training_start\r\n"
      + "gp-a,vc1,specialist,1.0,1965,\r\n"
      + "\"st-b, jr\",vc1,trainee,\"0,8\",1992,2023\r\n"
      + "\r\n"
    let rows = try RosterFile.parse(text, file: "roster.csv", startYear: 2026)
    #expect(rows.count == 2)
    #expect(rows[0].clinician.role == .gpSpecialist && rows[0].clinician.birthYear == 1965 && rows[0].line == 2)
    #expect(rows[1].clinician.id == "st-b, jr")
    #expect(abs(rows[1].clinician.fte - 0.8) < 1e-12)
    #expect(abs((rows[1].clinician.trainingProgress ?? -1) - 0.6) < 1e-12)
  }

  @Test func reportsFileLineColumnAndField() {
    let text = "clinician_id;centre;role;fte\n" + "gp-a;vc1;specialist;1\n" + "gp-b;vc1;surgeon;1\n" + "gp-a;vc1;specialist;10\n"
    do {
      _ = try RosterFile.parse(text, file: "r.csv", startYear: 2026)
      Issue.record("expected errors")
    } catch let e as InputErrors {
      let lines = e.errors.map(\.description)
      #expect(lines.contains("r.csv:3:3: role: found 'surgeon', expected one of specialist, trainee, doctor, locum, nurse, other"))
      #expect(lines.contains("r.csv:4:1: clinician_id: duplicate id 'gp-a', already on line 2"))
      #expect(lines.contains("r.csv:4:4: fte: found '10', expected a number from 0 to 1.5"))
    } catch { Issue.record("unexpected \(error)") }
  }

  @Test func rejectsUnknownColumnsAndTraineesWithoutStart() {
    #expect(throws: InputError.self) { try RosterFile.parse("id,centre,role,fte\n", file: "r.csv", startYear: 2026) }
    do {
      _ = try RosterFile.parse("clinician_id,centre,role,fte,training_start\nst,vc,trainee,1,\n", file: "r.csv", startYear: 2026)
      Issue.record("expected an error")
    } catch let e as InputErrors {
      #expect(e.errors.map(\.description) == ["r.csv:2:5: training_start: missing for a trainee; expected the year specialist training began"])
    } catch { Issue.record("unexpected \(error)") }
  }

  @Test func directoryWithRosterReplacesClinicians() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("panelplan-roster-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var a = ExampleCentre.make()
    a.id = "vc-a"
    var b = ExampleCentre.make()
    b.id = "vc-b"
    try JSONInput.encode(a).write(to: dir.appendingPathComponent("a.json"))
    try JSONInput.encode(b).write(to: dir.appendingPathComponent("b.json"))
    try "clinician_id,centre,role,fte,birth_year,training_start\nx1,vc-b,specialist,0.5,1970,\n"
      .write(to: dir.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
    let loaded = try RegionFile.load(dir.path)
    #expect(loaded.regions.count == 1 && loaded.regions[0].centres.count == 2)
    #expect(loaded.regions[0].centres[0].clinicians == a.clinicians)
    #expect(loaded.regions[0].centres[1].clinicians.map(\.id) == ["x1"])

    try "clinician_id,centre,role,fte\nx1,vc-zz,specialist,0.5\n".write(to: dir.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
    do {
      _ = try RegionFile.load(dir.path)
      Issue.record("expected an error")
    } catch let e as InputErrors {
      #expect(e.errors.first?.line == 2 && e.errors.first?.field == "centre")
    }
  }

  @Test func regionAndNationFilesValidateEveryCentre() throws {
    let dir = FileManager.default.temporaryDirectory
    let path = dir.appendingPathComponent("panelplan-region-\(UInt32.random(in: 0...UInt32.max)).json")
    defer { try? FileManager.default.removeItem(at: path) }
    var region = ExampleRegion.make()
    try JSONInput.encode(Nation(name: "N", regions: [region])).write(to: path)
    let loaded = try RegionFile.load(path.path)
    #expect(loaded.name == "N" && loaded.regions == [region])
    region.centres[1].clinicians[0].fte = -1
    region.centres[2].id = region.centres[0].id
    try JSONInput.encode(region).write(to: path)
    do {
      _ = try RegionFile.load(path.path)
      Issue.record("expected errors")
    } catch let e as InputErrors {
      let fields = e.errors.map { $0.field ?? "" }
      #expect(fields.contains("centres[1].clinicians[0].fte"))
      #expect(fields.contains("centres[2].id"))
      #expect(e.errors.allSatisfy { $0.file == path.path })
    }
  }
}

