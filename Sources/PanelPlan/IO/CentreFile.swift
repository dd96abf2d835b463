/// Loading care-centre files.
public enum CentreFile {
  /// Reads, decodes and validates a care-centre JSON file.
  ///
  /// - Throws: `InputError` for unreadable or malformed JSON, `InputErrors`
  ///   listing every semantic problem (ranges, duplicates, references).
  public static func load(_ path: String) throws -> CareCentre {
    let centre = try JSONInput.decode(CareCentre.self, fromFile: path)
    try Validation.check(centre, file: path)
    return centre
  }
}
