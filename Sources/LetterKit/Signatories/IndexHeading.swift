/// The bucket an index puts a name under.
public struct IndexHeading: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    /// One of the locale's index characters (あ, か, ..., A, B, ...).
    case letter
    /// A name in another script, a digit or a symbol: a bucket of its own.
    case other
    /// A name that could not be placed (no reading).
    case unplaced
  }

  /// The index label: "あ", "か", "A"; for other buckets a plain label ("A–Z", "0–9", "#",
  /// "…"); for names without a reading "?".
  public var label: String
  public var kind: Kind

  /// The label as a heading: Japanese kana rows read "あ行", "か行"; others as they are.
  public func display(locale: LocaleID) -> String {
    switch kind {
    case .letter: locale.language == "ja" ? label + "行" : label
    case .other: label
    case .unplaced: locale.language == "ja" ? "読みなし" : "No reading"
    }
  }
}
