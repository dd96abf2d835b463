import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

/// A centre given as a folder of CSV files.
@Suite struct CentreFolderTests {
  static func folder(_ files: [String: String]) -> String {
    let dir = temporaryDirectory(prefix: "panelplan-centre")
    for (n, t) in files { FileManager.default.createFile(atPath: dir + "/" + n, contents: Data(t.utf8)) }
    return dir
  }

  /// The example written as a folder, in either dialect, reads back as the
  /// very same centre, so every result computed from it is the same.
  @Test(arguments: CSVDialect.allCases) func exampleRoundTripsInEitherDialect(dialect: CSVDialect) throws {
    let centre = ExampleCentre.make()
    let dir = NSTemporaryDirectory() + "panelplan-centre-" + UUID().uuidString
    try CentreFolder.write(centre, to: dir, dialect: dialect)
    let back = try CentreFile.load(dir)
    #expect(back == centre)
    let a = CentreCapacity(centre: back), b = CentreCapacity(centre: centre)
    #expect(CapacityReport.csv(a) == CapacityReport.csv(b))
    if dialect == .excelSv {
      let bytes = [UInt8](FileManager.default.contents(atPath: dir + "/clinicians.csv")!)
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
      #expect(String(decoding: bytes, as: UTF8.self).contains("gp-cecilia;specialist;0,8;"))
    }
  }

  /// A hand-written folder in the Swedish Excel dialect: decimal commas,
  /// Swedish titles as roles, yes/no words, defaults for empty cells.
  @Test func readsSwedishExcelDialectAndTitles() throws {
    let dir = Self.folder([
      "clinicians.csv": "\u{FEFF}id;role;fte;supervision;training_progress\na;Specialistläkare;0,8;0,1;\nb;ST-läkare;1;;0,6\nc;Distriktssköterska;1;;\n",
      "population.csv": "age_band;count;need_weight;nursing_home\n80+;100;2,5;ja\n16-29;1000;;nej\n",
    ])
    let c = try CentreFile.load(dir)
    #expect(c.clinicians.map(\.role) == [.gpSpecialist, .gpTrainee, .nurse])
    #expect(c.clinicians[0].fte == 0.8 && c.clinicians[0].duties.supervision == 0.1)
    #expect(c.clinicians[1].trainingProgress == 0.6)
    #expect(c.population.count == 1100)
    // An empty need weight takes the age band's default, as in JSON.
    #expect(c.population.groups[1].profile.needWeight == DemandDefaults.defaultNeedWeight(for: .age16to29))
    #expect(c.population.groups[0].profile.nursingHome)
    #expect(c.id == URL(fileURLWithPath: dir).lastPathComponent)
  }

  /// Errors name the file, line, column and field.
  @Test func errorsNameLineColumnAndField() throws {
    let dir = Self.folder([
      "clinicians.csv": "id,role,fte\na,specialist,1\nb,specialist,one\n",
      "population.csv": "age_band,count\n45-64,10\n",
    ])
    do {
      _ = try CentreFile.load(dir)
      Issue.record("expected an error")
    } catch let e as InputError {
      #expect(e.file?.hasSuffix("clinicians.csv") == true)
      #expect(e.line == 3 && e.column == 3 && e.field == "fte")
      #expect(e.problem.contains("found 'one'"))
    }
    let ragged = Self.folder(["clinicians.csv": "id,role,fte\na,specialist\n", "population.csv": "age_band,count\n45-64,10\n"])
    #expect(throws: InputError.self) { try CentreFile.load(ragged) }
    let quote = Self.folder(["clinicians.csv": "id,role,fte\n\"a,specialist,1\n", "population.csv": "age_band,count\n45-64,10\n"])
    do { _ = try CentreFile.load(quote); Issue.record("expected an error") } catch let e as InputError {
      #expect(e.line == 2 && e.problem.contains("never closed"))
    }
    let badRole = Self.folder(["clinicians.csv": "id,role,fte\na,astronaut,1\n", "population.csv": "age_band,count\n45-64,10\n"])
    do { _ = try CentreFile.load(badRole); Issue.record("expected an error") } catch let e as InputError {
      #expect(e.line == 2 && e.column == 2 && e.field == "role")
    }
    // Semantic checks are the JSON file's (Validation).
    let overFull = Self.folder(["clinicians.csv": "id,role,fte\na,specialist,100\n", "population.csv": "age_band,count\n45-64,10\n"])
    #expect(throws: (any Error).self) { try CentreFile.load(overFull) }
    let empty = Self.folder(["clinicians.csv": "id,role,fte\n,specialist,1\n", "population.csv": "age_band,count\n45-64,10\n"])
    do { _ = try CentreFile.load(empty); Issue.record("expected an error") } catch let e as InputError {
      #expect(e.line == 2 && e.field == "id")
    }
  }

  /// Excel on Windows writes CRLF line ends; lines are still counted right.
  @Test func crlfLineEnds() throws {
    let ok = Self.folder(["clinicians.csv": "id;role;fte\r\na;läkare;1\r\n", "population.csv": "age_band;count\r\n45-64;10\r\n"])
    #expect(try CentreFile.load(ok).clinicians[0].role == .licensedDoctor)
    let bad = Self.folder(["clinicians.csv": "id;role;fte\r\na;läkare;1\r\nb;läkare;x\r\n", "population.csv": "age_band;count\r\n45-64;10\r\n"])
    do { _ = try CentreFile.load(bad); Issue.record("expected an error") } catch let e as InputError {
      #expect(e.line == 3 && e.column == 3)
    }
  }

  /// Patients one by one, with their fixed doctor.
  @Test func readsPatients() throws {
    let dir = Self.folder([
      "clinicians.csv": "id,role,fte\ngp,specialist,1\n",
      "patients.csv": "id,age_band,fixed_doctor\np1,80+,gp\np2,0-5,\n",
    ])
    let c = try CentreFile.load(dir)
    #expect(c.population.patients.map(\.id) == ["p1", "p2"])
    #expect(c.population.patients.map(\.fixedDoctorId) == ["gp", nil])
  }
}
