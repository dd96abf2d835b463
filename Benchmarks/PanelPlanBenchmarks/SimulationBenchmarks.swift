import Foundation
import PanelPlan

/// The visit-level simulation at centre and national scale (issue 5).
enum SimulationBenchmarks {
  static var all: [Benchmark] {
    [
      Benchmark(name: "simulation/centre-12k-5y", unit: "visits") {
        let sim = CentreSimulation(centre: ExampleCentre.make(), parameters: SimulationParameters(years: 5, warmUpYears: 0))
        let r = sim.run(seed: 1, stream: [0, 0, 0])
        return (visits(r), r.coc(.doctor))
      },
      Benchmark(name: "simulation/sweden-1y", unit: "visits") {
        let r = RegionSimulation.run(
          region: sweden, parameters: SimulationParameters(years: 1, warmUpYears: 0), seed: 1,
          threads: ProcessInfo.processInfo.activeProcessorCount)
        return (visits(r.total), r.total.coc(.doctor) + r.total.assessedWithinGuarantee)
      },
    ]
  }

  /// Booked doctor visits plus nurse and other contacts.
  static func visits(_ r: SimulationResult) -> Int {
    r.tallies.slotsUsed + r.tallies.nurseContacts + r.tallies.otherContacts
  }

  /// A procedural Sweden: about 10.5 million listed in 1,150 care centres of
  /// 3,000 to 15,300 people (mean about 9,130), staffed at the national
  /// 2,039 residents per GP specialist, with trainees, locums, nurses and
  /// other professions in rough national proportions. Illustrative only; a
  /// realistic national generator is a separate piece of work.
  static let sweden: Region = {
    let shares: [(AgeBand, Double, one: Double, several: Double)] = [
      (.age0to5, 0.065, 0.05, 0.01), (.age6to15, 0.120, 0.08, 0.01), (.age16to29, 0.165, 0.10, 0.02),
      (.age30to44, 0.200, 0.15, 0.04), (.age45to64, 0.245, 0.25, 0.12), (.age65to74, 0.105, 0.30, 0.30),
      (.age75to79, 0.045, 0.30, 0.40), (.age80plus, 0.055, 0.25, 0.55),
    ]
    var centres: [CareCentre] = []
    var total = 0
    for i in 0..<1_150 {
      // A fixed low-discrepancy spread of sizes, so the region is the same on every run.
      let u = (Double(i) * 0.618_033_988_749_894_9).truncatingRemainder(dividingBy: 1)
      let size = 3_000 + Int(u * 12_300)
      total += size
      var groups: [PatientGroup] = []
      for (band, share, one, several) in shares {
        let n = Int((Double(size) * share).rounded())
        let base = DemandDefaults.defaultNeedWeight(for: band)
        var rest = n
        if band == .age80plus {
          let nursing = n * 14 / 100
          groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 1.6, nursingHome: true, longTermConditions: 3), count: nursing))
          rest -= nursing
        }
        let s = Int(Double(rest) * several), o = Int(Double(rest) * one)
        groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 1.5, longTermConditions: 2), count: s))
        groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 1.2, longTermConditions: 1), count: o))
        groups.append(PatientGroup(profile: PatientProfile(ageBand: band, needWeight: base * 0.85), count: rest - s - o))
      }
      var staff: [Clinician] = []
      let specialistFTE = Double(size) / 2_039
      let fullTime = Int(specialistFTE)
      for k in 0..<fullTime { staff.append(Clinician(id: "gp\(k)", role: .gpSpecialist, fte: 1, duties: DutyShares(supervision: 0.05))) }
      if specialistFTE - Double(fullTime) > 0.1 { staff.append(Clinician(id: "gpp", role: .gpSpecialist, fte: specialistFTE - Double(fullTime))) }
      for k in 0..<max(1, size / 6_000) { staff.append(Clinician(id: "st\(k)", role: .gpTrainee, fte: 1, trainingProgress: k % 2 == 0 ? 0.7 : 0.3)) }
      if i % 3 == 0 { staff.append(Clinician(id: "locum", role: .locum, fte: 0.5)) }
      for k in 0..<max(1, size / 2_500) { staff.append(Clinician(id: "rn\(k)", role: .nurse, fte: 1)) }
      for k in 0..<max(1, size / 7_000) { staff.append(Clinician(id: "ot\(k)", role: .otherProfession, fte: 1)) }
      centres.append(CareCentre(id: "vc\(i)", name: "vc\(i)", clinicians: staff, population: ListedPopulation(groups: groups)))
    }
    FileHandle.standardError.write(Data("sweden: \(centres.count) centres, \(total) listed\n".utf8))
    return Region(name: "Sweden", centres: centres)
  }()
}
