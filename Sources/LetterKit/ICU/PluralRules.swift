import CICU

/// A locale's plural rules (CLDR through ICU): which category a number falls in —
/// `one`, `few`, `many`, `other`, … — cardinal (1 file, 2 files) or ordinal (1st, 2nd).
public final class PluralRules: @unchecked Sendable {
  public enum Kind: Sendable { case cardinal, ordinal }

  public let locale: LocaleID
  public let kind: Kind
  /// The categories the rules use (`ja`: other; `en`: one, other; `ru`: one, few, many,
  /// other). Always includes `other`.
  public let categories: Set<String>
  let handle: OpaquePointer

  public init(locale: LocaleID, kind: Kind = .cardinal) throws(LocaleError) {
    var status: Int32 = 0
    guard let handle = licu_plural_open(locale.icuID, kind == .ordinal ? 1 : 0, &status) else {
      throw .noData(locale.tag, what: "plural rule")
    }
    self.handle = handle
    self.locale = locale
    self.kind = kind
    var keywordStatus: Int32 = 0
    let words = ICUString.utf8 { licu_plural_keywords(handle, $0, $1, &keywordStatus) }
    self.categories = Set(words.split(separator: " ").map(String.init))
  }

  deinit { licu_plural_close(handle) }

  /// CLDR's plural categories, in a fixed order (an arm table is indexed by it).
  static let categoryNames = ["zero", "one", "two", "few", "many", "other"]

  /// The category of `value` as `formatter` writes it (an index into `categoryNames`),
  /// and the formatted number, appended to `out` (what `#` shows). Formatting decides: 1
  /// is `one` in English, 1.5 `other`.
  func select(
    _ value: Double, formattedBy formatter: NumberFormatter, appendingTo out: inout [UInt8]
  ) -> Int {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 16) { kw in
      kw[0] = 0
      _ = ICUString.append(to: &out) { buffer, capacity, status in
        licu_plural_select_formatted(
          handle, formatter.handle, value, kw.baseAddress, 16, buffer, capacity, &status)
      }
      // zero one two few many other: the first two letters tell them apart.
      switch (UInt8(bitPattern: kw[0]), UInt8(bitPattern: kw[1])) {
      case (0x7A, _): return 0  // zero
      case (0x6F, 0x6E): return 1  // one
      case (0x74, _): return 2  // two
      case (0x66, _): return 3  // few
      case (0x6D, _): return 4  // many
      default: return 5  // other
      }
    }
  }
}
