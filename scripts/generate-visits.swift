// Generates a visits CSV for the continuity benchmarks, byte for byte the
// same for the same arguments (own SplitMix64 generator, no Foundation
// formatting). Compiled and run by scripts/compare-polars.sh:
//
//   swiftc -O scripts/generate-visits.swift -o /tmp/gen-visits
//   /tmp/gen-visits OUT.csv ROWS PATIENT_ID_SPACE sorted|shuffled SEED
//
// Columns as Examples/visits.csv and the `continuity/*` benchmark file:
// patient, date, clinician, profession, centre, contact_type, fixed_doctor.
// 400 clinicians (7 of 10 per centre are doctors) at 40 centres, one year
// (2024). A patient mostly (60%) sees the fixed doctor, else any of the
// centre's ten clinicians. `sorted`: dates in order through the file (a
// visit log); `shuffled`: each row's date drawn uniformly, rows in random
// order (a region's export, not sorted by anything).
import Glibc

struct SplitMix64 {
  var s: UInt64
  mutating func next() -> UInt64 {
    s &+= 0x9E37_79B9_7F4A_7C15
    var z = s
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func index(_ n: Int) -> Int { Int((next() >> 11) % UInt64(n)) }
  mutating func unit() -> Double { Double(next() >> 11) / 9_007_199_254_740_992 }
}

let args = CommandLine.arguments
guard args.count == 6, let rows = Int(args[2]), let ids = Int(args[3]), let seed = UInt64(args[5]),
      args[4] == "sorted" || args[4] == "shuffled" else {
  fputs("usage: gen-visits OUT.csv ROWS PATIENT_ID_SPACE sorted|shuffled SEED\n", stderr)
  exit(64)
}
let sorted = args[4] == "sorted"
guard let f = fopen(args[1] + ".tmp", "w") else { fputs("cannot create \(args[1]).tmp\n", stderr); exit(1) }
var rng = SplitMix64(s: seed)
var out = [UInt8]()
out.reserveCapacity(1 << 22)
out += Array("patient,date,clinician,profession,centre,contact_type,fixed_doctor\n".utf8)
let types: [[UInt8]] = ["physical", "video", "phone", "chat"].map { Array($0.utf8) }
let doctor = Array("läkare".utf8), nurse = Array("sjuksköterska".utf8)
func number(_ x: Int, width: Int = 0) {
  var n = 1, v = x
  while v >= 10 { n += 1; v /= 10 }
  n = max(n, width)
  let at = out.count
  for _ in 0..<n { out.append(48) }
  v = x
  var k = at + n - 1
  while v > 0 { out[k] = UInt8(48 + v % 10); v /= 10; k -= 1 }
}
let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]  // 2024
let perDay = max(1, rows / 366)
for r in 0..<rows {
  var day = sorted ? min(365, r / perDay) : rng.index(366)
  var m = 0
  while day >= monthDays[m] { day -= monthDays[m]; m += 1 }
  let p = rng.index(ids)
  let centre = p % 40
  let fixed = centre * 10 + p % 7
  let c = rng.unit() < 0.6 ? fixed : centre * 10 + rng.index(10)
  out.append(80); number(p, width: 8); out.append(44)
  out += Array("2024-".utf8); number(m + 1, width: 2); out.append(45); number(day + 1, width: 2); out.append(44)
  out.append(67); number(c); out.append(44)
  out += c % 10 < 7 ? doctor : nurse; out.append(44)
  out.append(86); out.append(67); number(centre); out.append(44)
  out += types[rng.index(4)]; out.append(44)
  out.append(67); number(fixed); out.append(10)
  if out.count > (1 << 22) - 256 {
    _ = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    out.removeAll(keepingCapacity: true)
  }
}
_ = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
fclose(f)
rename(args[1] + ".tmp", args[1])
