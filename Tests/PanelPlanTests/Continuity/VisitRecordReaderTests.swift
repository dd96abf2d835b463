import Testing
@testable import PanelPlan
import PanelPlanTestSupport

private let head = "patient,date,clinician,profession\n"

@Test func everyBadInputIsReportedWithLineAndColumn() {
  let cases: [(String, String)] = [
    ("p1,2024-01-05,d1,läkare\np2,2024-13-05,d1,läkare\n",
     "visits.csv:3:2: date: found '2024-13-05', expected a date YYYY-MM-DD (optionally with a time, e.g. 2024-03-05T14:30) from 1900 to 2199"),
    ("p1,2024-01-05,d1,läkare\n,2024-01-05,d1,läkare\n", "visits.csv:3:1: patient: empty patient id; expected an id"),
    ("p1,2024-01-05,,läkare\n", "visits.csv:2:3: clinician: empty clinician id; expected an id"),
    ("p1,2024-01-05,d1,läkare\np2,2024-01-05,d1\n", "visits.csv:3:4: profession: found 3 fields, expected 4 as in the header"),
    ("p1,2024-01-05,d1,läkare\np2,\"2024-01-05,d1,läkare\n",
     "visits.csv:3:2: date: a quote opened here is never closed; expected a closing \" before the end of the file"),
    ("p1,2024-01-05,d1,\"läkare\"x\n", "visits.csv:2:4: profession: text after a closing quote; expected a delimiter or the end of the line"),
    // The line counts physical lines: the quoted field on line 2 spans two.
    ("p1,2024-01-05,\"d\n1\",läkare\np2,2024-01-5,d1,läkare\n",
     "visits.csv:4:2: date: found '2024-01-5', expected a date YYYY-MM-DD (optionally with a time, e.g. 2024-03-05T14:30) from 1900 to 2199"),
  ]
  for (body, expected) in cases {
    let path = temporaryFile(head + body)
    #expect(errorMessage { _ = try readRows(path) } == expected)
  }
  // Non-UTF-8 byte (Latin-1 'ä' = 0xE4) in the profession.
  let latin1 = Array((head + "p1,2024-01-05,d1,l").utf8) + [0xE4] + Array("kare\n".utf8)
  #expect(errorMessage { _ = try readRows(temporaryFile(latin1)) }
    == "visits.csv:2:4: profession: found byte 0xE4, which is not UTF-8; save the file as UTF-8")
  #expect(errorMessage { _ = try readRows(temporaryFile("patient,date,profession\np1,2024-01-05,x\n")) }?
    .hasPrefix("visits.csv:1: clinician: missing column 'clinician'; the header has: patient, date, profession") == true)
  #expect(errorMessage { _ = try readRows(temporaryFile("")) } == "visits.csv:1: the file is empty; expected a header row naming the columns")
}

@Test func skipBadRowsCountsAndContinues() throws {
  let path = temporaryFile(head + "p1,2024-01-05,d1,läkare\np2,2024-13-05,d1,läkare\n,2024-01-05,d1,x\np3,2024-01-06,d2,läkare\n")
  let (rows, report) = try readRows(path, skip: true)
  #expect(rows.count == 2 && report.rows == 2 && report.skippedRows == 2)
  #expect(report.skippedExamples.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["3:2", "4:1"])
}

@Test func semicolonsQuotesCRLFAndBlankLines() throws {
  let text = "\u{FEFF}Patient;Date;Clinician;Profession;Centre\r\n\"p;1\";2024-01-05;\"d \"\"1\"\"\";läkare;\"VC Norr,\nUmeå\"\r\n\r\np2;2024-01-06T08:15;d2;nurse;VC\r\n"
  let (rows, report) = try readRows(temporaryFile(text))
  #expect(report.delimiter == 59)
  let day = Int(ISODateBytes.dayNumber(year: 2024, month: 1, day: 5)) * 1440
  #expect(rows == ["p;1|\(day)|d \"1\"|läkare|VC Norr,\nUmeå||", "p2|\(day + 1440 + 8 * 60 + 15)|d2|nurse|VC||"])
}

@Test func parallelPartsGiveTheSameRowsAsOneThread() throws {
  // Rows with quoted line breaks make some guessed part boundaries fall inside
  // quotes (then the reader rereads on one thread); either way the rows and
  // their order must match a single-threaded read. Small buffers force refills.
  for seed in 0..<4 {
    var rng = Xoshiro256(seed: UInt64(seed))
    var text = head
    for i in 0..<3000 {
      let clinician = rng.nextIndex(5) == 0 ? "\"d\n\(rng.nextIndex(9))\"" : "d\(rng.nextIndex(9))"
      text += "p\(rng.nextIndex(500)),2024-0\(1 + rng.nextIndex(9))-1\(rng.nextIndex(10)),\(clinician),läkare\n"
      if i % 1000 == 999 { text += "\n" }
    }
    let path = temporaryFile(text)
    let (one, _) = try readRows(path, workers: 1, buffer: 4096)
    let (many, report) = try readRows(path, workers: 3, threshold: 1, buffer: 4096)
    #expect(one.count == 3000 && many == one, "seed \(seed), parts \(report.parts)")
  }
}
