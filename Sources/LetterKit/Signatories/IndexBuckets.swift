import CICU

/// Index headings by ICU's index characters, placed by collation as ICU's
/// AlphabeticIndex does (it has no C API): at primary strength with punctuation
/// ignored, a name belongs under the last label that sorts at or before it, provided
/// the name is written in that label's script. Names in another script, digits and
/// symbols get a bucket of their own with a plain label.
package final class IndexBuckets: @unchecked Sendable {
  package let labels: [String]
  private let labelKeys: [[UInt8]]
  private let labelScripts: [Int32]
  private let primary: Collator

  private static let latin = licu_script_code("Latn")
  private static let hiragana = licu_script_code("Hira")
  private static let katakana = licu_script_code("Kana")
  private static let kanaOrHira = licu_script_code("Hrkt")

  package init(locale: LocaleID, latin: CollatorOptions.LatinPlacement?) throws(LocaleError) {
    let primary = try Collator(
      locale: locale,
      options: CollatorOptions(strength: .primary, ignorePunctuation: true, latin: latin))
    let characters = try IndexCharacters.of(locale)
    var sorted = characters.map { (label: $0, key: primary.sortKey($0)) }
    sorted.sort { $0.key.lexicographicallyPrecedes($1.key) }
    var labels: [String] = []
    var keys: [[UInt8]] = []
    for entry in sorted where keys.last != entry.key {
      labels.append(entry.label)
      keys.append(entry.key)
    }
    self.primary = primary
    self.labels = labels
    self.labelKeys = keys
    self.labelScripts = labels.map { IndexBuckets.script(of: $0) ?? -1 }
  }

  /// The heading for a name's sort text (its reading, or its name).
  package func heading(for text: UnsafeBufferPointer<UInt8>) -> IndexHeading {
    var scratch = [UInt8](repeating: 0, count: 64)
    let n = primary.appendSortKey(utf8: text, to: &scratch, at: 0)
    let key = scratch[..<n]
    // The last label whose key is <= the name's key.
    var lo = 0
    var hi = labelKeys.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if labelKeys[mid].lexicographicallyPrecedes(key) || labelKeys[mid][...] == key {
        lo = mid + 1
      } else {
        hi = mid
      }
    }
    let string = String(decoding: text, as: UTF8.self)
    let first = IndexBuckets.firstSignificant(string)
    let script = first.map { IndexBuckets.normalized(licu_script_of($0.value)) }
    if lo > 0, let script, script == labelScripts[lo - 1] {
      return IndexHeading(label: labels[lo - 1], kind: .letter)
    }
    return IndexHeading(label: IndexBuckets.otherLabel(string), kind: .other)
  }

  /// A plain label for a name no index letter heads, by what it begins with once the
  /// characters collation ignores (punctuation, spaces) are passed: Latin letters
  /// "A–Z", digits "0–9", symbols "#", any other script "…".
  private static func otherLabel(_ text: String) -> String {
    let first = text.unicodeScalars.first { scalar in
      switch scalar.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation,
        .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator,
        .control, .format:
        return false
      default: return true
      }
    }
    guard let first else { return "#" }
    if first.properties.numericType != nil { return "0–9" }
    if !first.properties.isAlphabetic { return "#" }
    return normalized(licu_script_of(first.value)) == latin ? "A–Z" : "…"
  }

  /// The first letter or digit of a string (leading punctuation such as 「 skipped).
  private static func firstSignificant(_ s: String) -> Unicode.Scalar? {
    s.unicodeScalars.first { $0.properties.isAlphabetic || $0.properties.numericType != nil }
  }

  private static func script(of label: String) -> Int32? {
    firstSignificant(label).map { normalized(licu_script_of($0.value)) }
  }

  /// Hiragana and katakana are one script for an index (ア and あ both go under あ).
  private static func normalized(_ script: Int32) -> Int32 {
    script == katakana || script == kanaOrHira ? hiragana : script
  }
}
