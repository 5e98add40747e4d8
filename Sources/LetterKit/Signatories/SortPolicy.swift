/// How a list of names is ordered: the collation locale and its options, and what of a
/// name is set aside. Per group in a template, or from the command line.
public struct SortPolicy: Hashable, Sendable {
  /// The collation locale (`ja`, `en`, `ja-u-kr-kana-hani-latn`).
  public var locale: LocaleID
  /// Collation options. By default punctuation and spaces are ignored (so
  /// ヒューマン・ライツ sorts as ヒューマンライツ, and `ANT-Hiroshima` beside
  /// `ANT Hiroshima`) and digits compare by value (9条の会 before 10条の会).
  public var collation: CollatorOptions
  /// Set legal-entity forms aside (特定非営利活動法人, 株式会社, "The", ...).
  public var setAsideLegalForms: Bool

  public init(
    locale: LocaleID,
    collation: CollatorOptions = CollatorOptions(ignorePunctuation: true, numeric: true),
    setAsideLegalForms: Bool = true
  ) {
    self.locale = locale
    self.collation = collation
    self.setAsideLegalForms = setAsideLegalForms
  }

  /// Whether names must be read to be placed: in Japanese, kanji do not sort by reading,
  /// so a name with kanji and no reading cannot be put in 五十音 order.
  public var needsReadingForHan: Bool { locale.language == "ja" }
}
