import Foundation

/// The catalogs of a `Locales/` folder, read on demand, with each locale's fallback chain
/// (`ja-JP` → `ja`). Nothing falls back to another language unless asked.
///
/// With a source locale, every other catalog is read with the source's shape: a map the
/// source has as a group of keys stays a group (`{text: …, note: …}` are then keys).
/// Safe to use from several threads.
public final class Catalogs: @unchecked Sendable {
  public let directory: String
  public let sourceLocale: LocaleID?
  private var loaded: [String: Result<Catalog, LetterError>] = [:]
  private let lock = NSLock()

  public init(directory: String, sourceLocale: LocaleID? = nil) {
    self.directory = directory
    self.sourceLocale = sourceLocale
  }

  /// The locales that have a catalog here (file `xx.yaml` or folder `xx/`).
  public var available: [String] {
    var tags: Set<String> = []
    for entry in FileIO.list(directory) {
      if entry.hasSuffix(".yaml") {
        tags.insert(String(entry.dropLast(5)))
      } else if FileIO.isDirectory("\(directory)/\(entry)") {
        tags.insert(entry)
      }
    }
    return tags.sorted()
  }

  /// Whether there is a catalog for exactly this tag.
  public func exists(_ tag: String) -> Bool {
    FileIO.exists("\(directory)/\(tag).yaml") || FileIO.isDirectory("\(directory)/\(tag)")
  }

  /// The catalog of exactly this locale (problems with single messages in `problems`).
  public func catalog(_ locale: LocaleID) throws(LetterError) -> Catalog {
    lock.lock()
    let cached = loaded[locale.tag]
    lock.unlock()
    if let cached { return try cached.get() }
    var groups: Set<String> = []
    if let sourceLocale, sourceLocale.tag != locale.tag, exists(sourceLocale.tag),
      let source = try? catalog(sourceLocale)
    {
      groups = source.groupPaths
    }
    let result: Result<Catalog, LetterError>
    do throws(LetterError) {
      result = .success(try Catalog.load(locale, from: directory, groups: groups))
    } catch {
      result = .failure(error)
    }
    lock.lock()
    loaded[locale.tag] = result
    lock.unlock()
    return try result.get()
  }

  /// The tags of a locale's fallback chain that have a catalog, most specific first.
  public func chainTags(_ locale: LocaleID) -> [LocaleID] {
    locale.fallbackChain.compactMap { tag in
      exists(tag) ? try? LocaleID(tag) : nil
    }
  }

  /// The catalogs of a locale's fallback chain that exist, most specific first; then,
  /// if given, the `fallback` locale's (the source language, when the user asks for it).
  /// Throws if one of them has a problem (a null or a list for a message).
  public func chain(_ locale: LocaleID, fallback: LocaleID? = nil) throws(LetterError) -> [Catalog]
  {
    var result: [Catalog] = []
    var ids = chainTags(locale)
    if let fallback, !ids.contains(where: { $0.tag == fallback.tag }), exists(fallback.tag) {
      ids.append(fallback)
    }
    for id in ids { result.append(try catalog(id)) }
    if result.isEmpty {
      if !FileIO.isDirectory(directory) {
        throw .input("no such folder of catalogs", at: .init(file: directory))
      }
      let have = available
      throw .input(
        "no catalog for '\(locale.tag)' in \(directory)\(have.isEmpty ? " (it has none)" : " (there are: \(have.joined(separator: ", ")))")",
        at: .init(file: directory))
    }
    let problems = result.flatMap(\.problems)
    if !problems.isEmpty { throw .input(problems) }
    return result
  }

  /// A locale's messages through its fallback chain: each key from the most specific
  /// catalog that has it. The one lookup render and check share.
  public func resolved(_ locale: LocaleID) throws(LetterError) -> ResolvedCatalog {
    var catalogs: [Catalog] = []
    for id in chainTags(locale) { catalogs.append(try catalog(id)) }
    return ResolvedCatalog(locale: locale, chain: catalogs)
  }
}

/// The messages a locale sees through its fallback chain (`ja-JP`, then `ja`).
public struct ResolvedCatalog: Sendable {
  public let locale: LocaleID
  /// The catalogs, most specific first (empty: the locale has none).
  public let chain: [Catalog]

  /// The message for `key` and the catalog it comes from.
  public subscript(key: String) -> (message: CatalogMessage, from: Catalog)? {
    for c in chain { if let m = c[key] { return (m, c) } }
    return nil
  }

  /// Every key of the chain, each once, in the order of the most specific catalog first.
  public var keys: [String] {
    var seen: Set<String> = []
    var result: [String] = []
    for c in chain { for k in c.keys where seen.insert(k).inserted { result.append(k) } }
    return result
  }
}
