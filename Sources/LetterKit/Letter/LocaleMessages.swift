/// One locale's messages for a renderer: the catalogs along the locale's fallback chain
/// (and the source locale's, to place what is missing or to borrow with fallback), the
/// index of their keys, and each key found and compiled once, whatever the number of
/// letters rendered in the locale (a recipients file renders thousands).
///
/// A key is looked up along the chain (`ja-JP` → `ja`); if none of its catalogs has it,
/// it is `missing` (placed at the source message) or, with fallback allowed, borrowed
/// from the source locale with a warning. A key no catalog has is an `unknown-key` at
/// the place that uses it. Messages compile by the rendering locale's rules (its region
/// and `-u-` keywords), except borrowed text, which keeps its own language's.
final class LocaleMessages {
  let locale: LocaleID
  private let own: [Catalog]
  private let source: Catalog?
  private let allowFallback: Bool
  private let formatter: (LocaleID) throws(LetterError) -> MessageFormatter
  private var keys: Set<String> = []
  private var prefixes: Set<String> = []

  /// A key, compiled, with the warning borrowing it gave; or why it cannot be had.
  enum Compiled {
    case message(CompiledMessage, warning: Diagnostic?)
    case failed([Diagnostic])
  }
  private var compiled: [String: Compiled] = [:]

  init(
    locale: LocaleID, own: [Catalog], source: Catalog?, allowFallback: Bool,
    formatter: @escaping (LocaleID) throws(LetterError) -> MessageFormatter
  ) {
    self.locale = locale
    self.own = own
    self.source = source
    self.allowFallback = allowFallback
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

  /// `key` compiled (the first time it is asked for; after that, as it was).
  func compile(_ key: String, usedAt: SourceLocation) -> Compiled {
    if let done = compiled[key] { return done }
    let result = find(key, usedAt: usedAt)
    compiled[key] = result
    return result
  }

  private func find(_ key: String, usedAt: SourceLocation) -> Compiled {
    var found: (CatalogMessage, LocaleID)?
    var warning: Diagnostic?
    if let (m, c) = own.lazy.compactMap({ c in c[key].map { ($0, c) } }).first {
      found = (m, c.locale)
    } else if allowFallback, let source, let m = source[key] {
      found = (m, source.locale)
      warning = Diagnostic(
        .warning, "missing in \(locale.tag); using the \(source.locale.tag) text",
        at: m.location, id: "fallback", locale: locale.tag, key: key)
    } else if let source, let m = source[key] {
      return .failed([
        Diagnostic(
          .error, "missing in \(locale.tag) (the \(source.locale.tag) message is here)",
          at: m.location, id: "missing", locale: locale.tag, key: key)
      ])
    } else {
      return .failed([LocaleMessages.unknown(key, usedAt: usedAt, locale: locale)])
    }
    let (message, catalogLocale) = found!
    let (parsed, syntax) = message.parse()
    guard let parsed else {
      return .failed(
        syntax.map {
          var d = $0
          d.locale = locale.tag
          return d
        })
    }
    do throws(LetterError) {
      // Text borrowed from another language keeps that language's rules.
      let borrowed = !locale.fallbackChain.contains(catalogLocale.tag)
      let result = try formatter(borrowed ? catalogLocale : locale).compile(parsed, key: key)
      return .message(result, warning: warning)
    } catch {
      return .failed(error.diagnostics)
    }
  }

  static func unknown(_ key: String, usedAt: SourceLocation, locale: LocaleID) -> Diagnostic {
    Diagnostic(
      .error, "no catalog has this key, which the layout uses", at: usedAt, id: "unknown-key",
      locale: locale.tag, key: key)
  }
}
