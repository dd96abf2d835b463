import Foundation

/// Realistic synthetic regions and a synthetic Sweden, so anyone can try
/// the staffing tools at scale without private data. Seeded: the same seed
/// gives the same file, byte for byte.
///
/// What it draws, per region (every figure illustrative unless sourced):
/// - about one care centre per 9,000 residents (`residentsPerCentre`);
///   list sizes vary ±50% around the mean and add up to the population;
/// - each centre's list by age band following Sweden's age structure
///   (2023, rounded), varied ±20% per band, split by long-term conditions,
///   nursing home and home health care (`PopulationRecipe`, as in
///   `ExampleCentre`), as population groups (not individual patients) so the file stays small;
/// - GP specialists at Sweden's 2023 ratio of 2,039 residents per
///   specialist (DOMAIN.md), spread over centres by list size with random
///   variation; trainees at one per three specialists (illustrative:
///   about 1,700 in the country); a licensed doctor in one centre in
///   four; a half-time locum in one centre in three; nurses about one per
///   2,500 listed;
/// - ages: specialists 32–67 with a bulge in the 50s and 60s (about a
///   quarter 60 or older; the default retirement spread ends at 68),
///   trainees 28–45; FTE: specialists 1.0 (45%), 0.9
///   (20%), 0.8 (20%), 0.6 (10%), 0.5 (5%); one specialist in each centre
///   with 10–20% management.
public struct SyntheticRegion: Sendable {
  public var residentsPerCentre: Double = 9_000
  public var residentsPerSpecialist: Double = 2_039
  public var traineesPerSpecialist: Double = 1.0 / 3
  /// The calendar year the data describes (birth years are drawn against it).
  public var year: Int = ProjectionSettings.defaultStartYear

  public init() {}

  /// One region of `population` residents, from stream `regionIndex` of `seed`.
  public func region(name: String, population: Int, seed: UInt64, regionIndex: Int = 0) -> Region {
    var rng = Xoshiro256(seed: seed, stream: [UInt64(regionIndex), 0])
    let n = max(1, Int((Double(population) / residentsPerCentre).rounded()))
    // List sizes: weights uniform in 0.5…1.5, scaled to the population.
    let weights = (0..<n).map { _ in 0.5 + rng.nextUnit() }
    let sum = weights.reduce(0, +)
    var sizes = weights.map { Int((Double(population) * $0 / sum).rounded(.down)) }
    sizes[0] += population - sizes.reduce(0, +)
    let slug = String(SwedishRegions.fold(name).map { $0.isLetter || $0.isNumber ? $0 : "-" })
    var centres: [CareCentre] = []
    centres.reserveCapacity(n)
    for (i, listed) in sizes.enumerated() {
      var c = Xoshiro256(seed: seed, stream: [UInt64(regionIndex), 1, UInt64(i)])
      centres.append(centre(id: "\(slug)-\(i + 1)", name: "Vårdcentral \(name) \(i + 1)", region: name, listed: listed, rng: &c))
    }
    return Region(name: name, centres: centres)
  }

  /// Sweden: the 21 regions with their 2023 populations.
  public func sweden(seed: UInt64) -> Nation {
    Nation(name: "Sweden", regions: SwedishRegions.populations2023.enumerated().map { i, r in
      region(name: r.name, population: r.population, seed: seed, regionIndex: i)
    })
  }


  func centre(id: String, name: String, region: String, listed: Int, rng: inout Xoshiro256) -> CareCentre {
    // Population groups.
    var raw = PopulationRecipe.ageShares.map { ($0.band, $0.share * (0.8 + 0.4 * rng.nextUnit())) }
    let total = raw.reduce(0) { $0 + $1.1 }
    raw = raw.map { ($0.0, $0.1 / total) }
    var bandCounts = raw.map { Int((Double(listed) * $0.1).rounded(.down)) }
    bandCounts[4] += listed - bandCounts.reduce(0, +)
    let groups = raw.enumerated().flatMap { k, r in PopulationRecipe.groups(band: r.0, count: Double(bandCounts[k])) }

    // Staff.
    var clinicians: [Clinician] = []
    let specialists = max(1, poisson(mean: Double(listed) / residentsPerSpecialist, using: &rng))
    let fteChoices: [(Double, Double)] = [(1.0, 0.45), (0.9, 0.20), (0.8, 0.20), (0.6, 0.10), (0.5, 0.05)]
    // Age bins of specialists (lower age, share): a bulge in the 50s and 60s.
    let ageBins: [(Int, Double)] = [(32, 0.04), (35, 0.10), (40, 0.14), (45, 0.15), (50, 0.16), (55, 0.15), (60, 0.16), (65, 0.10)]
    func pick<T>(_ choices: [(T, Double)]) -> T {
      var u = rng.nextUnit()
      for (v, p) in choices { u -= p; if u < 0 { return v } }
      return choices[choices.count - 1].0
    }
    for k in 0..<specialists {
      let lower = pick(ageBins)
      let age = lower + rng.nextIndex(lower == 32 || lower == 65 ? 3 : 5)
      let duties = k == 0 ? DutyShares(management: 0.1 + 0.1 * Double(rng.nextIndex(2))) : .none
      clinicians.append(Clinician(
        id: "\(id)-gp\(k + 1)", role: .gpSpecialist, fte: pick(fteChoices), duties: duties,
        yearsOfExperience: Double(max(0, age - 35)), birthYear: year - age))
    }
    let trainees = poisson(mean: Double(specialists) * traineesPerSpecialist, using: &rng)
    for k in 0..<trainees {
      let age = 28 + rng.nextIndex(18)
      let progress = (Double(rng.nextIndex(10)) + 0.5) / 10
      clinicians.append(Clinician(
        id: "\(id)-st\(k + 1)", role: .gpTrainee, fte: rng.nextUnit() < 0.85 ? 1.0 : 0.8, birthYear: year - age,
        trainingProgress: progress, trainingStartYear: year - Int((progress * 5).rounded(.down))))
    }
    if rng.nextUnit() < 0.25 {
      clinicians.append(Clinician(id: "\(id)-ld1", role: .licensedDoctor, fte: 1.0, birthYear: year - 27 - rng.nextIndex(6)))
    }
    if rng.nextUnit() < 1.0 / 3 {
      clinicians.append(Clinician(id: "\(id)-locum1", role: .locum, fte: 0.5))
    }
    let nurses = max(1, Int((Double(listed) / 2_500).rounded()))
    for k in 0..<nurses { clinicians.append(Clinician(id: "\(id)-rn\(k + 1)", role: .nurse, fte: pick([(1.0, 0.7), (0.8, 0.3)]))) }
    return CareCentre(id: id, name: name, region: region, clinicians: clinicians, population: ListedPopulation(groups: groups))
  }
}
