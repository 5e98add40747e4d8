import CICU

/// A BCP 47 locale tag that ICU understands (`en`, `ja`, `en-GB`, `ja-u-kr-kana-latn`).
///
/// Construction checks the tag: it must be well formed and name a language ICU knows.
/// `jp` is not a language (it is Japan's region code): the error says so and suggests
/// `ja`, from CLDR's likely-subtags data.
public struct LocaleID: Hashable, Sendable, CustomStringConvertible {
  /// The tag as BCP 47 (`ja-JP`, `ja-u-kr-kana-latn`).
  public let tag: String
  /// ICU's locale ID for the tag (`ja_JP`, `ja@colreorder=kana-latn`).
  package let icuID: String
  /// The language subtag (`ja`).
  public let language: String

  public var description: String { tag }

  /// Parses and checks a tag. POSIX-style `ja_JP` is accepted as `ja-JP`.
  public init(_ text: String) throws(LocaleError) {
    let trimmed = text.trimmingWhitespace
    guard !trimmed.isEmpty else { throw .empty }
    let tag = trimmed.replacingUnderscores
    var parsed: Int32 = 0
    var status: Int32 = 0
    let id = ICUString.utf8 { licu_locale_for_tag(tag, $0, $1, &parsed, &status) }
    guard !ICUString.failed(status), Int(parsed) == tag.utf8.count, !id.isEmpty else {
      throw .malformed(text)
    }
    var languageStatus: Int32 = 0
    let language = ICUString.utf8 { licu_locale_language(id, $0, $1, &languageStatus) }
    guard language == "root" || licu_is_iso_language(language) == 1 else {
      throw .unknownLanguage(text, suggestion: LocaleID.suggestion(for: language))
    }
    try LocaleID.checkKeywords(text, id: id)
    var tagStatus: Int32 = 0
    let canonical = ICUString.utf8 { licu_locale_to_tag(id, $0, $1, &tagStatus) }
    self.tag = ICUString.failed(tagStatus) || canonical.isEmpty ? tag : canonical
    self.icuID = id
    self.language = language
  }

  /// The `-u-` keywords ICU would otherwise ignore or fail on later (an unknown numbering
  /// system makes every number format fail; an unknown calendar or collation silently
  /// falls back): `ca`, `co` and `nu` must name a value ICU has.
  private static func checkKeywords(_ text: String, id: String) throws(LocaleError) {
    guard id.contains("@") else { return }
    for (key, bcp, what) in [
      ("calendar", "ca", "calendar"), ("collation", "co", "collation"),
      ("numbers", "nu", "numbering system"),
    ] {
      var status: Int32 = 0
      let value = ICUString.utf8 { licu_locale_keyword(id, key, $0, $1, &status) }
      guard !value.isEmpty else { continue }
      guard !LocaleID.keywordValues(key, bcp47: false).contains(value) else { continue }
      throw .unknownKeywordValue(
        text, key: bcp, value: value, what: what,
        known: LocaleID.keywordValues(key, bcp47: true).sorted())
    }
  }

  private static func keywordValues(_ key: String, bcp47: Bool) -> Set<String> {
    var status: Int32 = 0
    let text = ICUString.utf8(initialCapacity: 1024) {
      licu_keyword_values(key, bcp47 ? 1 : 0, $0, $1, &status)
    }
    return Set(text.split(separator: " ").map(String.init))
  }

  /// The locale's name in its own language ("日本語", "English"), from CLDR.
  public var nativeName: String {
    var status: Int32 = 0
    let name = ICUString.utf8 { licu_locale_display_name(icuID, icuID, $0, $1, &status) }
    return name.isEmpty ? tag : name
  }

  /// The locale and its parents, most specific first: `ja-JP` → `ja-JP`, `ja`.
  /// Unicode extensions (`-u-…`) are dropped from the parents.
  public var fallbackChain: [String] {
    var chain = [tag]
    let base = tag.splitting(on: "-u-").first ?? tag
    if base != tag { chain.append(base) }
    var parts = base.split(separator: "-")
    while parts.count > 1 {
      parts.removeLast()
      chain.append(parts.joined(separator: "-"))
    }
    return chain
  }

  /// A language the user may have meant: for a region code (`jp`), its likely language
  /// (`ja`); for an English language name (`japanese`), its code.
  static func suggestion(for text: String) -> String? {
    let region = text.uppercased()
    if text.count == 2, licu_is_iso_country(region) == 1 {
      var status: Int32 = 0
      let likely = ICUString.utf8 { licu_locale_add_likely("und_\(region)", $0, $1, &status) }
      let language = likely.split(separator: "_").first.map(String.init) ?? ""
      if !ICUString.failed(status), !language.isEmpty, language != "und" { return language }
    }
    let byName = ICUString.utf8 { licu_language_for_english_name(text, $0, $1) }
    return byName.isEmpty ? nil : byName
  }
}
