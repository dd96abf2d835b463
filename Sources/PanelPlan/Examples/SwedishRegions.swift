/// Sweden's 21 regions and their populations on 31 December 2023
/// (Statistics Sweden, SCB, "Folkmängd i riket, län och kommuner").
///
/// Sweden's official total for that date is 10,551,707; these figures sum
/// to 10,531,129 (0.2% less): Uppsala (404,589) and the total were checked
/// against published 2023 figures, the other regions are the best figures
/// at hand and may be off by up to about 1% (some may be 2022 values).
/// Good enough for synthetic data; replace with SCB's table for analysis.
public enum SwedishRegions {
  /// (name, population), in the order of the county codes (01 Stockholm … 25 Norrbotten).
  public static let populations2023: [(name: String, population: Int)] = [
    ("Stockholm", 2_454_821),
    ("Uppsala", 404_589),
    ("Södermanland", 301_801),
    ("Östergötland", 471_222),
    ("Jönköping", 369_318),
    ("Kronoberg", 203_686),
    ("Kalmar", 246_010),
    ("Gotland", 61_001),
    ("Blekinge", 156_993),
    ("Skåne", 1_414_231),
    ("Halland", 340_243),
    ("Västra Götaland", 1_761_846),
    ("Värmland", 283_548),
    ("Örebro", 306_792),
    ("Västmanland", 279_334),
    ("Dalarna", 288_387),
    ("Gävleborg", 287_767),
    ("Västernorrland", 243_998),
    ("Jämtland Härjedalen", 132_054),
    ("Västerbotten", 275_008),
    ("Norrbotten", 248_480),
  ]

  /// The region whose name starts with `name` (case- and diacritic-insensitive).
  public static func find(_ name: String) -> (name: String, population: Int)? {
    let key = fold(name)
    return populations2023.first { fold($0.name) == key } ?? populations2023.first { fold($0.name).hasPrefix(key) }
  }

  static func fold(_ s: String) -> String {
    s.lowercased().map { ch -> Character in
      switch ch {
      case "å", "ä": return "a"
      case "ö": return "o"
      default: return ch
      }
    }.reduce(into: "") { $0.append($1) }
  }
}
