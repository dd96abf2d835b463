import Foundation

// Reading one part of the file: the refill loop, the record checks and the
// rows handed to the part's sink.
extension VisitRecordReader {
  /// Reads `[start, end)`, passing each good row to `sink`.
  func scanPart<S: VisitSink>(fd: Int32, start: Int, end: Int, isLast: Bool, header: Header, sink: inout S) -> PartOutcome {
    var out = PartOutcome()
    var cap = max(1 << 12, min(bufferBytes, end - start + 1))
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
    defer { buffer.deallocate() }
    let expected = header.names.count
    let fieldCap = expected + 1
    let fields = UnsafeMutablePointer<CSVByteReader.Field>.allocate(capacity: fieldCap)
    fields.initialize(repeating: .init(), count: fieldCap)
    defer { fields.deallocate() }
    let ix = header.index
    let iPatient = ix[0], iDate = ix[1], iClinician = ix[2], iProfession = ix[3], iCentre = ix[4], iContact = ix[5], iFixed = ix[6]
    let names = header.names
    var base = start  // file offset of buffer[0]
    var len = 0
    var pos = 0
    let empty = UnsafeRawBufferPointer(start: nil, count: 0)

    func problem(_ offset: Int, _ field: Int, _ text: String) -> Bool {
      out.problems.append(RowProblem(offset: base + offset, field: field, fieldName: field >= 0 && field < names.count ? names[field] : nil, problem: text))
      if skipBadRows {
        out.skipped += 1
        if out.problems.count > 10 { out.problems.removeLast() }
        return true
      }
      out.failed = true
      return false
    }
    func shown(_ f: CSVByteReader.Field) -> String {
      let n = min(f.end - f.start, 40)
      return String(decoding: UnsafeBufferPointer(start: buffer + f.start, count: n), as: UTF8.self) + (f.end - f.start > 40 ? "…" : "")
    }

    while true {
      // Refill: keep the unparsed tail, read more of the part.
      if pos > 0 {
        if len > pos { memmove(buffer, buffer + pos, len - pos) }
        base += pos
        len -= pos
        pos = 0
      }
      if len == cap {
        cap *= 2
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        bigger.update(from: buffer, count: len)
        buffer.deallocate()
        buffer = bigger
      }
      let want = min(cap - len, end - (base + len))
      if want > 0 {
        let n = pread(fd, buffer + len, want, off_t(base + len))
        if n <= 0 {
          out.consistent = false
          return out
        }
        len += n
      }
      let exhausted = base + len == end
      let atEnd = exhausted && isLast
      while pos < len {
        let scan = CSVByteReader.parseRecord(buffer, start: pos, end: len, atEnd: atEnd, delimiter: header.delimiter, fields: fields, capacity: fieldCap)
        switch scan.status {
        case .needMore:
          if exhausted {
            // The part's end cut a record: the guessed boundary was inside quotes.
            out.consistent = false
            return out
          }
        case .unterminatedQuote:
          if !isLast {
            out.consistent = false
            return out
          }
          _ = problem(scan.problemOffset, scan.problemField, "a quote opened here is never closed; expected a closing \" before the end of the file")
          return out
        case .textAfterQuote:
          let recordEnd = UnsafeBufferPointer(start: buffer + scan.problemOffset, count: len - scan.problemOffset).firstIndex(of: CSVByteReader.newline)
          guard problem(scan.problemOffset, scan.problemField, "text after a closing quote; expected a delimiter or the end of the line") else { return out }
          if let r = recordEnd { pos = scan.problemOffset + r + 1 } else if exhausted { pos = len } else { break }
          continue
        case .record:
          let recordStart = pos
          pos = scan.next
          if CSVByteReader.isBlank(scan, fields) { continue }
          if scan.nonASCII, let bad = CSVByteReader.firstInvalidUTF8(buffer, start: recordStart, end: scan.next) {
            var f = 0
            while f < min(scan.fieldCount, fieldCap) - 1 && fields[f + 1].start <= bad { f += 1 }
            if problem(bad, f, String(format: "found byte 0x%02X, which is not UTF-8; save the file as UTF-8", buffer[bad])) { continue } else { return out }
          }
          if scan.fieldCount != expected {
            let few = scan.fieldCount < expected
            let col = few ? scan.fieldCount : expected
            let text = "found \(scan.fieldCount) field\(scan.fieldCount == 1 ? "" : "s"), expected \(expected) as in the header" + (few ? "" : " (a delimiter inside a value needs quotes)")
            if problem(recordStart, col, text) { continue } else { return out }
          }
          // Undo doubled quotes in place: the text only shrinks.
          for k in 0..<expected where fields[k].escaped {
            var w = fields[k].start, r = fields[k].start
            while r < fields[k].end {
              buffer[w] = buffer[r]
              r += buffer[r] == CSVByteReader.quote && r + 1 < fields[k].end && buffer[r + 1] == CSVByteReader.quote ? 2 : 1
              w += 1
            }
            fields[k].end = w
            fields[k].escaped = false
          }
          @inline(__always) func bytes(_ k: Int) -> UnsafeRawBufferPointer {
            k < 0 ? empty : UnsafeRawBufferPointer(start: buffer + fields[k].start, count: fields[k].end - fields[k].start)
          }
          let patient = bytes(iPatient)
          if patient.isEmpty {
            if problem(fields[iPatient].start, iPatient, "empty patient id; expected an id") { continue } else { return out }
          }
          let clinician = bytes(iClinician)
          if clinician.isEmpty {
            if problem(fields[iClinician].start, iClinician, "empty clinician id; expected an id") { continue } else { return out }
          }
          guard let minute = ISODateBytes.parseMinute(bytes(iDate)) else {
            if problem(fields[iDate].start, iDate, "found '\(shown(fields[iDate]))', expected a date YYYY-MM-DD (optionally with a time, e.g. 2024-03-05T14:30) from 1900 to 2199") {
              continue
            } else { return out }
          }
          out.rows += 1
          sink.accept(VisitRow(
            patient: patient, clinician: clinician, profession: bytes(iProfession), centre: bytes(iCentre),
            contactType: bytes(iContact), fixedDoctor: bytes(iFixed), minute: minute))
          continue
        }
        break
      }
      if pos >= len && exhausted { return out }
      if exhausted && !atEnd && pos < len { out.consistent = false; return out }
    }
  }
}

