/// A care centre's listed population expanded into individual patients, as
/// struct-of-arrays for hot loops.
///
/// Groups are expanded first (in input order, `count` copies each), then the
/// individually listed patients, the order of
/// `ListedPopulation.forEachProfile`. Patient `i` is row `i` of every array.
///
/// ```swift
/// let table = PatientTable(population: centre.population, clinicians: centre.clinicians)
/// table.count            // listed people
/// table.fixedDoctor[i]   // index into `clinicians`, or -1
/// ```
public struct PatientTable: Sendable, Hashable {
  /// `AgeBand.index` of each patient.
  public var ageBand: [UInt8]
  /// Care-need weight of each patient (1.0 = average listed patient).
  public var needWeight: [Float]
  /// `PriorityGroup.rank` of each patient under the default classification.
  public var priorityGroup: [UInt8]
  /// Index into the centre's clinicians of the patient's current fixed
  /// doctor, or -1 for none. Only individually listed patients can have one
  /// on input; groups start without.
  public var fixedDoctor: [Int32]
  /// Row of the first individually listed patient (rows before it come from
  /// groups).
  public var firstIndividualRow: Int

  /// Number of patients.
  public var count: Int { ageBand.count }

  /// Expands a population. A fixed-doctor id that names no clinician (which
  /// `Validation` reports) is treated as no fixed doctor.
  ///
  /// - Complexity: O(p + c), where p is the number of listed people and c
  ///   the number of clinicians.
  public init(population: ListedPopulation, clinicians: [Clinician]) {
    let n = population.count
    ageBand = []
    needWeight = []
    priorityGroup = []
    fixedDoctor = []
    ageBand.reserveCapacity(n)
    needWeight.reserveCapacity(n)
    priorityGroup.reserveCapacity(n)
    fixedDoctor.reserveCapacity(n)
    for g in population.groups where g.count > 0 {
      ageBand.append(contentsOf: repeatElement(UInt8(g.profile.ageBand.index), count: g.count))
      needWeight.append(contentsOf: repeatElement(Float(g.profile.needWeight), count: g.count))
      priorityGroup.append(contentsOf: repeatElement(UInt8(g.profile.priorityGroup.rank), count: g.count))
      fixedDoctor.append(contentsOf: repeatElement(-1, count: g.count))
    }
    firstIndividualRow = ageBand.count
    var indexOfId: [String: Int32] = [:]
    for (i, c) in clinicians.enumerated() where indexOfId[c.id] == nil { indexOfId[c.id] = Int32(i) }
    for p in population.patients {
      ageBand.append(UInt8(p.profile.ageBand.index))
      needWeight.append(Float(p.profile.needWeight))
      priorityGroup.append(UInt8(p.profile.priorityGroup.rank))
      fixedDoctor.append(p.fixedDoctorId.flatMap { indexOfId[$0] } ?? -1)
    }
  }
}
