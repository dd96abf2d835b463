import Foundation

/// Loading care-centre files.
public enum CentreFile {
  /// Whether a JSON file is a simulation scenario (an object with a
  /// `centre` field) rather than a care centre.
  ///
  /// - Throws: `InputError` when the file cannot be read or is not valid
  ///   JSON (never a silent "no"), or is another kind of file than
  ///   `accepted` (`command` names who refuses it). A centre folder of CSV
  ///   files (`CentreFolder`) is a centre, not a scenario.
  public static func isScenario(_ path: String, accepted: [JSONFileKind] = [.centre, .scenario], command: String = "capacity") throws -> Bool {
    if CentreFolder.isCentreFolder(path) { return false }
    return try JSONFileKind.load(path, accepted: accepted, command: command).0 == .scenario
  }

  /// Reads, decodes and validates a care-centre JSON file.
  ///
  /// - Throws: `InputError` for unreadable or malformed JSON, `InputErrors`
  ///   listing every semantic problem (ranges, duplicates, references).
  /// `path` may also be a centre folder of CSV files (`CentreFolder`).
  public static func load(_ path: String) throws -> CareCentre {
    if CentreFolder.isCentreFolder(path) {
      let centre = try CentreFolder.read(path)
      try Validation.check(centre, file: path)
      return centre
    }
    let data = try InputFile.read(path, what: "a JSON file")
    let centre = try JSONInput.decode(CareCentre.self, from: data, file: path)
    try JSONInput.locating(data) { try Validation.check(centre, file: path) }
    return centre
  }
}
