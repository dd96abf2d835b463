import Foundation

/// Loading care-centre files.
public enum CentreFile {
  /// Whether a JSON file is a simulation scenario (an object with a
  /// `centre` field) rather than a care centre.
  public static func isScenario(_ path: String) throws -> Bool {
    if CentreFolder.isCentreFolder(path) { return false }
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw InputError(file: path, problem: "cannot read the file (\((error as NSError).localizedDescription))")
    }
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    return object?["centre"] != nil
  }

  /// Reads, decodes and validates a care-centre JSON file.
  ///
  /// - Throws: `InputError` for unreadable or malformed JSON, `InputErrors`
  ///   listing every semantic problem (ranges, duplicates, references).
  /// `path` may also be a centre folder of CSV files (`CentreFolder`).
  public static func load(_ path: String) throws -> CareCentre {
    let centre = CentreFolder.isCentreFolder(path) ? try CentreFolder.read(path) : try JSONInput.decode(CareCentre.self, fromFile: path)
    try Validation.check(centre, file: path)
    return centre
  }
}
