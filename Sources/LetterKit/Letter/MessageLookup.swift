/// The messages of one locale's letter, found and formatted as the layout uses them.
///
/// A key is looked up along the locale's fallback chain (`ja-JP` → `ja`); if none of its
/// catalogs has it, it is `missing` (placed at the source message) or, with fallback
/// allowed, borrowed from the source locale with a warning. A key no catalog has is an
/// `unknown-key` at the layout's tag. Each key is formatted once, against the model's
/// values for the locale, by the rendering locale's rules (its region and `-u-` keywords),
/// except borrowed text, which keeps its own language's.
final class MessageLookup: LayoutMessages {
  let locale: LocaleID
  private let own: [Catalog]
  private let source: Catalog?
  private let allowFallback: Bool
  /// The model's values for the locale.
  let arguments: MessageValue
  private let formatter: (LocaleID) throws(LetterError) -> MessageFormatter
  private var keys: Set<String> = []
  private var prefixes: Set<String> = []
  private var formatted: [String: String?] = [:]
  private var compiled: [String: CompiledMessage?] = [:]
  /// Keys in the order the letter first used them.
  private(set) var used: [String] = []
  private(set) var errors: [Diagnostic] = []
  private(set) var warnings: [Diagnostic] = []

  init(
    locale: LocaleID, own: [Catalog], source: Catalog?, allowFallback: Bool,
    arguments: MessageValue,
    formatter: @escaping (LocaleID) throws(LetterError) -> MessageFormatter
  ) {
    self.locale = locale
    self.own = own
    self.source = source
    self.allowFallback = allowFallback
    self.arguments = arguments
    self.formatter = formatter
    for catalog in own + (source.map { [$0] } ?? []) {
      for key in catalog.keys where keys.insert(key).inserted {
        var prefix = Substring(key)
        while let dot = prefix.lastIndex(of: ".") {
          prefix = prefix[..<dot]
          if !prefixes.insert(String(prefix)).inserted { break }
        }
      }
    }
  }

  func contains(_ key: String) -> (isKey: Bool, isPrefix: Bool) {
    (keys.contains(key), prefixes.contains(key))
  }

  func unknown(_ key: String, usedAt: SourceLocation) {
    guard formatted[key] == nil else { return }
    formatted[key] = .some(nil)
    errors.append(
      Diagnostic(
        .error, "no catalog has this key, which the layout uses", at: usedAt, id: "unknown-key",
        locale: locale.tag, key: key))
  }

  func text(of key: String, usedAt: SourceLocation) -> String? {
    if let done = formatted[key] { return done }
    let text = format(key, arguments, usedAt: usedAt)
    formatted[key] = .some(text)
    return text
  }

  /// Formats `key` with `arguments` (a group heading gets its own `count`).
  func format(_ key: String, _ arguments: MessageValue, usedAt: SourceLocation) -> String? {
    guard let message = compile(key, usedAt: usedAt) else { return nil }
    do throws(LetterError) {
      return try message.format(arguments)
    } catch {
      errors += error.diagnostics.map {
        var d = $0
        d.locale = locale.tag
        return d
      }
      return nil
    }
  }

  private func compile(_ key: String, usedAt: SourceLocation) -> CompiledMessage? {
    if let done = compiled[key] { return done }
    compiled[key] = .some(nil)
    if !used.contains(key) { used.append(key) }
    var found: (CatalogMessage, LocaleID)?
    if let (m, c) = own.lazy.compactMap({ c in c[key].map { ($0, c) } }).first {
      found = (m, c.locale)
    } else if allowFallback, let source, let m = source[key] {
      found = (m, source.locale)
      warnings.append(
        Diagnostic(
          .warning, "missing in \(locale.tag); using the \(source.locale.tag) text",
          at: m.location, id: "fallback", locale: locale.tag, key: key))
    } else if let source, let m = source[key] {
      errors.append(
        Diagnostic(
          .error, "missing in \(locale.tag) (the \(source.locale.tag) message is here)",
          at: m.location, id: "missing", locale: locale.tag, key: key))
      return nil
    } else {
      errors.append(
        Diagnostic(
          .error, "no catalog has this key, which the layout uses", at: usedAt,
          id: "unknown-key", locale: locale.tag, key: key))
      return nil
    }
    let (message, catalogLocale) = found!
    let (parsed, syntax) = message.parse()
    guard let parsed else {
      errors += syntax.map {
        var d = $0
        d.locale = locale.tag
        return d
      }
      return nil
    }
    do throws(LetterError) {
      // Text borrowed from another language keeps that language's rules.
      let borrowed = !locale.fallbackChain.contains(catalogLocale.tag)
      let result = try formatter(borrowed ? catalogLocale : locale).compile(parsed, key: key)
      compiled[key] = .some(result)
      return result
    } catch {
      errors += error.diagnostics
      return nil
    }
  }
}
