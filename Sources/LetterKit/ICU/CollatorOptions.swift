import CICU

/// Collation options, separate from the locale (ICU4X style). Anything set here
/// overrides what the locale tag's `-u-` keywords say.
public struct CollatorOptions: Hashable, Sendable {
  public enum Strength: String, Sendable, CaseIterable {
    case primary, secondary, tertiary, quaternary, identical

    var icu: Int32 {
      switch self {
      case .primary: Int32(LICU_STRENGTH_PRIMARY)
      case .secondary: Int32(LICU_STRENGTH_SECONDARY)
      case .tertiary: Int32(LICU_STRENGTH_TERTIARY)
      case .quaternary: Int32(LICU_STRENGTH_QUATERNARY)
      case .identical: Int32(LICU_STRENGTH_IDENTICAL)
      }
    }
  }

  /// Where Latin-script text sorts relative to the locale's own scripts.
  public enum LatinPlacement: String, Sendable, CaseIterable {
    /// As the locale's data says (for `ja`: Latin, then kana, then kanji).
    case first
    /// After every other script: ICU reordering with Latin moved to the end.
    case last
  }

  /// nil: the locale's default (tertiary for most).
  public var strength: Strength?
  /// Punctuation and spaces ignorable ("alternate shifted").
  public var ignorePunctuation: Bool?
  /// Digits compare by numeric value ("9" < "10").
  public var numeric: Bool?
  /// nil: the locale's order.
  public var latin: LatinPlacement?

  public init(
    strength: Strength? = nil, ignorePunctuation: Bool? = nil, numeric: Bool? = nil,
    latin: LatinPlacement? = nil
  ) {
    self.strength = strength
    self.ignorePunctuation = ignorePunctuation
    self.numeric = numeric
    self.latin = latin
  }
}
