import CICU

/// A locale's index characters (CLDR `exemplarCharacters[index]`): the letters an
/// index of names is headed by — `ja`: あ か さ た な は ま や ら わ; `en`: A–Z.
public enum IndexCharacters {
  /// The characters in the data's order (not yet sorted by collation).
  public static func of(_ locale: LocaleID) throws(LocaleError) -> [String] {
    var status: Int32 = 0
    let text = ICUString.utf8(initialCapacity: 256) {
      licu_index_characters(locale.icuID, $0, $1, &status)
    }
    guard !ICUString.failed(status) else { throw .noData(locale.tag, what: "index character") }
    return text.split(separator: "\n").map(String.init)
  }
}
