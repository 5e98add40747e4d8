import CICU

/// Why a locale tag was refused.
public enum LocaleError: Error, Hashable, Sendable, CustomStringConvertible {
  case empty
  case malformed(String)
  case unknownLanguage(String, suggestion: String?)
  /// ICU has no data of the given kind for the locale (it would fall back to root).
  case noData(String, what: String)
  /// A `-u-` keyword whose value ICU does not know (`ja-u-nu-foo`, `en-u-ca-nonsense`).
  case unknownKeywordValue(String, key: String, value: String, what: String, known: [String])

  public var description: String {
    switch self {
    case .empty: return "empty locale"
    case .malformed(let tag): return "'\(tag)' is not a well-formed BCP 47 locale tag"
    case .unknownLanguage(let tag, let suggestion):
      var text = "'\(tag)' is not a language ICU knows"
      if let suggestion {
        if tag.count == 2, LocaleID.suggestion(for: tag) == suggestion,
          licu_is_iso_country(tag.uppercased()) == 1
        {
          text += " ('\(tag.uppercased())' is a region code)"
        }
        text += "; did you mean '\(suggestion)'?"
      }
      return text
    case .noData(let tag, let what): return "ICU has no \(what) data for '\(tag)'"
    case .unknownKeywordValue(let tag, let key, let value, let what, let known):
      let shown =
        known.count > 12
        ? known.prefix(12).joined(separator: ", ") + ", …" : known.joined(separator: ", ")
      return "'\(tag)': -u-\(key)-\(value) is not a \(what) ICU knows (\(shown))"
    }
  }
}
