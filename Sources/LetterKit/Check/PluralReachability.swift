import CICU
import Foundation

/// Which numbers select each plural category of a locale, found by asking ICU's rules
/// (CLDR) about integers below 1,000,000 (see `integerSamples`), about decimals with one
/// and two digits, and about exact millions — so `check` can tell a category a message needs from one
/// only `1000000` or `1e6` reaches (French `many`), and say what a category means.
final class PluralReachability: Sendable {
  let locale: LocaleID
  let ordinal: Bool
  /// The categories of the rules (ICU's keywords; always `other`).
  let categories: Set<String>
  /// For each category, the first integers below 1,000,000 that select it (at most 6).
  let integers: [String: [Int]]
  /// For each category, the first decimals (0.0 … 99.99, as formatted) that select it.
  let decimals: [String: [String]]
  /// For each category, the first multiples of 1,000,000 (up to 10) that select it.
  let millions: [String: [Int]]

  static let limit = 1_000_000

  /// The integers below 1,000,000 asked about: every one below 10,000; above, every
  /// multiple of 1,000 and the first 100 numbers from every multiple of 10,000 — where
  /// CLDR's rules (`n % 10`, `% 100`, `% 1000`, `% 100000`, `% 1000000`, ranges) change
  /// their answer. A test checks this against every integer for locales with such rules.
  static let integerSamples: [Int] = {
    var samples = Array(0..<10_000)
    for q in 10..<1000 { samples.append(q * 1000) }
    for q in 1..<100 { samples += (q * 10_000 + 1)..<(q * 10_000 + 100) }
    return samples
  }()

  private init(locale: LocaleID, ordinal: Bool) throws(LocaleError) {
    let rules = try PluralRules(locale: locale, kind: ordinal ? .ordinal : .cardinal)
    let numbers: NumberFormatter
    do {
      numbers = try NumberFormatter(locale: locale, skeleton: NumberStyle.defaultSkeleton)
    } catch {
      throw .noData(locale.tag, what: "number format")
    }
    self.locale = locale
    self.ordinal = ordinal
    self.categories = rules.categories
    var scratch: [UInt8] = []
    func category(_ n: Double) -> String {
      scratch.removeAll(keepingCapacity: true)
      return PluralRules.categoryNames[rules.select(n, formattedBy: numbers, appendingTo: &scratch)]
    }
    func formatted(_ n: Double) -> String {
      scratch.removeAll(keepingCapacity: true)
      _ = rules.select(n, formattedBy: numbers, appendingTo: &scratch)
      return String(decoding: scratch, as: UTF8.self)
    }
    var integers: [String: [Int]] = [:]
    for n in PluralReachability.integerSamples {
      let c = category(Double(n))
      if integers[c, default: []].count < 6 { integers[c, default: []].append(n) }
    }
    self.integers = integers
    var decimals: [String: [String]] = [:]
    if !ordinal {
      for k in 1..<10_000 where k % 10 != 0 {
        let n = Double(k) / (k < 1000 ? 10 : 100)
        let c = category(n)
        if decimals[c, default: []].count < 4 { decimals[c, default: []].append(formatted(n)) }
      }
    }
    self.decimals = decimals
    var millions: [String: [Int]] = [:]
    for m in 1...10 {
      let n = m * PluralReachability.limit
      millions[category(Double(n)), default: []].append(n)
    }
    self.millions = millions
    // ICU reads the plural rules of a language it has no data for as root's; its name
    // for the language in the language is then only the code.
  }

  /// Whether ICU has data for the locale's language. ICU reads the plural rules of a
  /// language it has no data for (`oc`, `co`) as root's — only `other` — and says
  /// nothing. Such a language's locale data is missing too, so ICU names another
  /// language in it just as it does in `zxx` (no language: the default locale's names).
  /// The default locale's own language (LC_ALL, LC_MESSAGES, LANG; C and POSIX are
  /// English to ICU) has data.
  static func hasData(_ locale: LocaleID) -> Bool {
    let language = locale.language
    guard language != "root", !language.isEmpty else { return true }
    let probe = language == "ja" ? "de" : "ja"
    func name(in display: String) -> String {
      var status: Int32 = 0
      return ICUString.utf8 { licu_locale_display_name(probe, display, $0, $1, &status) }
    }
    if name(in: language) != name(in: "zxx") { return true }
    var code = "en"
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
        continue
      }
      code = value.prefix { $0.isLetter }.lowercased()
      break
    }
    if code == "c" || code == "posix" { code = "en" }
    return code == language
  }

  /// Whether some integer below 1,000,000 selects the category.
  func reachedByIntegers(_ category: String) -> Bool { integers[category] != nil }

  /// Whether a decimal (as the default format shows it) selects the category.
  func reachedByDecimals(_ category: String) -> Bool { decimals[category] != nil }

  /// What the category means, by example: `few: 2, 3, 4, 22, 23, 24 …`,
  /// `many: 1000000, 2000000 …`, `many: 1.5, 2.5 …`.
  func meaning(_ category: String) -> String {
    if let n = integers[category] {
      var text = "\(category): \(n.map(String.init).joined(separator: ", "))"
      if n.count == 6 { text += " …" }
      return text
    }
    if let d = decimals[category] {
      return "\(category): \(d.joined(separator: " ")) …"
    }
    if let m = millions[category] {
      return "\(category): \(m.prefix(3).map(String.init).joined(separator: ", ")) …"
    }
    return "\(category): 1e6, 2e6 (compact notation only)"
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var cache: [String: PluralReachability] = [:]

  /// The locale's samples (computed once per process, on first use).
  static func of(_ locale: LocaleID, ordinal: Bool) -> PluralReachability? {
    let key = "\(locale.tag)/\(ordinal)"
    lock.lock()
    if let cached = cache[key] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    guard let computed = try? PluralReachability(locale: locale, ordinal: ordinal) else {
      return nil
    }
    lock.lock()
    defer { lock.unlock() }
    if let cached = cache[key] { return cached }
    cache[key] = computed
    return computed
  }
}
