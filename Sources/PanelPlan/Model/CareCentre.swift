/// A primary-care unit (vårdcentral) with its staff and listed population.
public struct CareCentre: Sendable, Hashable {
  /// Identifier, unique within a region.
  public var id: String
  /// Display name.
  public var name: String
  /// Name of the region the centre belongs to, if known.
  public var region: String?
  /// Everyone working at the centre, doctors and other professions.
  public var clinicians: [Clinician]
  /// The centre's listed population.
  public var population: ListedPopulation

  public init(
    id: String, name: String, region: String? = nil,
    clinicians: [Clinician], population: ListedPopulation
  ) {
    self.id = id
    self.name = name
    self.region = region
    self.clinicians = clinicians
    self.population = population
  }

  /// Clinicians who are doctors of any kind.
  public var doctors: [Clinician] { clinicians.filter { $0.role.isDoctor } }

  /// Sum of FTE over clinicians with the given role.
  public func fte(of role: ClinicianRole) -> Double {
    clinicians.reduce(0) { $0 + ($1.role == role ? $1.fte : 0) }
  }
}

/// A named set of care centres, such as one of Sweden's 21 regions.
public struct Region: Sendable, Hashable {
  /// Region name.
  public var name: String
  /// The region's care centres.
  public var centres: [CareCentre]

  public init(name: String, centres: [CareCentre]) {
    self.name = name
    self.centres = centres
  }
}
