import Foundation

/// Checks of a model's meaning that a JSON decoder cannot make: ranges,
/// sums, uniqueness and references. Every problem is reported with the path
/// of its field, so a user can fix them all in one go.
public enum Validation {
  /// The largest FTE accepted; above it an input is almost surely a typo
  /// (100 for 1.00). 1.5 allows for documented overtime.
  public static let maximumFTE = 1.5

  /// The most people one care centre (or one group in it) may list:
  /// 20 million, about twice Sweden's population, so that no sum or product
  /// of counts can overflow and a typo (an extra zero or ten) is caught.
  public static let maximumListed = 20_000_000

  /// The largest care-need weight accepted (1.0 = an average patient; the
  /// heaviest ACG/CNI classes are around 10-30).
  public static let maximumNeedWeight = 100.0

  /// Problems in one clinician, with paths below `path`.
  public static func problems(in c: Clinician, path: String) -> [InputError] {
    var out: [InputError] = []
    func bad(_ field: String, _ problem: String) { out.append(InputError(field: path + "." + field, problem: problem)) }
    if c.id.trimmingCharacters(in: .whitespaces).isEmpty { bad("id", "found an empty id, expected a non-empty identifier") }
    if !c.fte.isFinite || c.fte < 0 || c.fte > maximumFTE {
      bad("fte", "found \(c.fte), expected a number from 0 to \(maximumFTE)")
    }
    let shares: [(String, Double)] = [
      ("duties.supervision", c.duties.supervision), ("duties.research", c.duties.research),
      ("duties.sideAssignments", c.duties.sideAssignments), ("duties.management", c.duties.management),
    ]
    for (name, v) in shares where !v.isFinite || v < 0 || v > 1 {
      bad(name, "found \(v), expected a share from 0 to 1")
    }
    if c.duties.total > 1 + 1e-9 {
      bad("duties", "shares of time sum to \(c.duties.total), expected at most 1")
    }
    if let p = c.trainingProgress, !(0...1).contains(p) {
      bad("trainingProgress", "found \(p), expected a share of training done from 0 to 1")
    }
    if c.role == .gpTrainee && c.trainingProgress == nil {
      bad("trainingProgress", "missing for a trainee; expected the share of training done, 0 to 1 (0.5 = mid-training)")
    }
    // Calendar years are subtracted from each other (ages, years in
    // training): bounded, they cannot overflow, and a typo is caught.
    if let y = c.birthYear, !(1900...2100).contains(y) { bad("birthYear", "found \(y), expected a year from 1900 to 2100") }
    if let y = c.trainingStartYear, !(1950...2200).contains(y) { bad("trainingStartYear", "found \(y), expected a year from 1950 to 2200") }
    if let y = c.yearsOfExperience, !(y >= 0 && y <= 70) { bad("yearsOfExperience", "found \(y), expected years from 0 to 70") }
    return out
  }

  /// Problems in one profile.
  static func problems(in p: PatientProfile, path: String) -> [InputError] {
    var out: [InputError] = []
    if !p.needWeight.isFinite || p.needWeight < 0 || p.needWeight > maximumNeedWeight {
      out.append(InputError(field: path + ".needWeight", problem: "found \(p.needWeight), expected a weight from 0 to \(Int(maximumNeedWeight))"))
    }
    if p.longTermConditions < 0 || p.longTermConditions > 100 {
      out.append(InputError(field: path + ".longTermConditions", problem: "found \(p.longTermConditions), expected a count from 0 to 100"))
    }
    return out
  }

  /// All problems in a care centre, in file order. `path` prefixes each
  /// field (empty for a centre file, `centres[3]` inside a region).
  public static func problems(in centre: CareCentre, path: String = "") -> [InputError] {
    let prefix = path.isEmpty ? "" : path + "."
    var out: [InputError] = []
    if centre.id.trimmingCharacters(in: .whitespaces).isEmpty {
      out.append(InputError(field: prefix + "id", problem: "found an empty id, expected a non-empty identifier"))
    }
    var firstIndex: [String: Int] = [:]
    for (i, c) in centre.clinicians.enumerated() {
      let p = "\(prefix)clinicians[\(i)]"
      out += problems(in: c, path: p)
      if let j = firstIndex[c.id] {
        out.append(InputError(field: p + ".id", problem: "duplicate id '\(c.id)', already used by clinicians[\(j)]"))
      } else {
        firstIndex[c.id] = i
      }
    }
    for (i, g) in centre.population.groups.enumerated() {
      let p = "\(prefix)population.groups[\(i)]"
      out += problems(in: g.profile, path: p)
      if g.count < 0 || g.count > maximumListed {
        out.append(InputError(field: p + ".count", problem: "found \(g.count), expected a count from 0 to \(maximumListed)"))
      }
    }
    // Each count is bounded, so this sum of bounded counts cannot overflow
    // (it would take billions of groups); it is what every view multiplies.
    let listed = centre.population.groups.reduce(0) { $0 + min(max($1.count, 0), maximumListed) } + centre.population.patients.count
    if listed > maximumListed {
      out.append(InputError(field: prefix + "population", problem: "\(listed) listed in all, expected at most \(maximumListed) for one care centre (Sweden has about 10.5 million people)"))
    }
    var patientIndex: [String: Int] = [:]
    patientIndex.reserveCapacity(centre.population.patients.count)
    for (i, patient) in centre.population.patients.enumerated() {
      let p = "\(prefix)population.patients[\(i)]"
      out += problems(in: patient.profile, path: p)
      if patient.id.trimmingCharacters(in: .whitespaces).isEmpty {
        out.append(InputError(field: p + ".id", problem: "found an empty id, expected a non-empty identifier"))
      } else if let j = patientIndex[patient.id] {
        out.append(InputError(field: p + ".id", problem: "duplicate id '\(patient.id)', already used by population.patients[\(j)]"))
      } else {
        patientIndex[patient.id] = i
      }
      if let d = patient.fixedDoctorId {
        if let j = firstIndex[d] {
          if !centre.clinicians[j].role.isDoctor {
            out.append(InputError(field: p + ".fixedDoctor", problem: "'\(d)' is a \(centre.clinicians[j].role.label.lowercased()), expected the id of a doctor"))
          }
        } else {
          out.append(InputError(field: p + ".fixedDoctor", problem: "found '\(d)', expected the id of a doctor at the centre"))
        }
      }
    }
    return out
  }

  /// Throws all problems at once, attributed to `file`, if there are any.
  public static func check(_ centre: CareCentre, file: String?) throws {
    let found = problems(in: centre)
    if !found.isEmpty { throw InputErrors(found.map { e in file.map { e.inFile($0) } ?? e }) }
  }
}
