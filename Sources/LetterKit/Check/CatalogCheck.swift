/// `letter check` on catalogs: every locale against the source locale's catalog —
/// missing, obsolete, empty, syntax, no-other, arguments, plural-category,
/// plural-unused — with no template. The template check (`Checker`) starts here too.
///
/// A locale is checked through its fallback chain (`ja-JP`, then `ja`): a message is
/// missing only when no catalog of the chain has it. Each catalog file is checked once,
/// by its own locale's rules, however many asked-for locales use it.
public struct CatalogCheck: Sendable {
  public struct Options: Sendable {
    public var sourceLocale: LocaleID
    /// The locales to check (the source is always read).
    public var locales: [LocaleID]
    /// Categories only exact millions reach are errors, not notes.
    public var cldrStrict: Bool
    /// Who asked for the locales, for `no-catalog`: "the template lists" or nil (the
    /// command line).
    public var listedBy: String?

    public init(
      sourceLocale: LocaleID, locales: [LocaleID], cldrStrict: Bool = false,
      listedBy: String? = nil
    ) {
      self.sourceLocale = sourceLocale
      self.locales = locales
      self.cldrStrict = cldrStrict
      self.listedBy = listedBy
    }
  }

  /// What the catalog check found, and what the template checks build on.
  public struct Result: Sendable {
    public var findings: [Diagnostic]
    public var statistics: [CheckReport.Statistics]
    /// The source locale's messages through its chain, and their parsed forms.
    public var source: ResolvedCatalog
    public var sourceMessages: [String: Message]
  }

  public let catalogs: Catalogs
  public let options: Options

  public init(catalogs: Catalogs, options: Options) {
    self.catalogs = catalogs
    self.options = options
  }

  /// The locales `catalogs` has besides `source` (catalogs-only mode's default).
  public static func defaultLocales(_ catalogs: Catalogs, source: LocaleID) -> [LocaleID] {
    catalogs.available.compactMap { try? LocaleID($0) }.filter { $0.tag != source.tag }
  }

  /// Runs the checks. Throws only when a catalog cannot be read at all (exit status 2).
  public func run() throws(LetterError) -> Result {
    let sourceLocale = options.sourceLocale
    let locales = options.locales.filter { $0.tag != sourceLocale.tag }
    let sourceChain = catalogs.chainTags(sourceLocale)
    guard !sourceChain.isEmpty else {
      let have = catalogs.available
      throw .input(
        "no catalog for the source locale \(sourceLocale.tag) (catalogs: \(have.isEmpty ? "none" : have.joined(separator: ", ")))",
        at: .init(file: catalogs.directory))
    }
    // Every catalog file to read: the source's chain, then each locale's.
    var files: [LocaleID] = []
    var seen: Set<String> = []
    for id in sourceChain + locales.flatMap(catalogs.chainTags) where seen.insert(id.tag).inserted {
      files.append(id)
    }
    let sourceTags = Set(sourceChain.map(\.tag))

    // 1. Read and parse each catalog, on every core.
    let units = files.map { CatalogUnit(locale: $0) }
    let catalogs = self.catalogs
    Parallel.forEach(units.indices) { k in
      units[k].read(from: catalogs)
    }
    for unit in units { if let error = unit.error { throw error } }
    let source = try catalogs.resolved(sourceLocale)
    var sourceMessages: [String: Message] = [:]
    for unit in units where sourceTags.contains(unit.locale.tag) {
      for (key, message) in unit.messages where sourceMessages[key] == nil {
        if source[key]?.from.locale.tag == unit.locale.tag { sourceMessages[key] = message }
      }
    }

    // 2. Plurals and arguments, against the source, on every core.
    let strict = options.cldrStrict
    let frozenSource = sourceMessages
    Parallel.forEach(units.indices) { k in
      let unit = units[k]
      let isSource = sourceTags.contains(unit.locale.tag)
      unit.compare(with: isSource ? nil : frozenSource, cldrStrict: strict)
    }

    var findings = Findings()
    var statistics: [CheckReport.Statistics] = []
    for unit in units { findings.append(contentsOf: unit.findings.items) }

    // 3. Coverage: obsolete once per catalog file, missing per asked-for locale.
    for unit in units where !sourceTags.contains(unit.locale.tag) {
      guard let catalog = unit.catalog else { continue }
      for key in catalog.keys where source[key] == nil {
        findings.add(
          .obsolete, "the source (\(sourceLocale.tag)) has no such message",
          at: catalog[key]!.location, locale: catalog.locale.tag, key: key)
      }
    }
    let sourceKeys = source.keys
    statistics.append(
      .init(locale: sourceLocale.tag, translated: sourceKeys.count, missing: 0, obsolete: 0))
    for locale in locales {
      let resolved = try catalogs.resolved(locale)
      guard !resolved.chain.isEmpty else {
        let why =
          options.listedBy.map { "\($0) \(locale.tag)" } ?? "\(locale.tag) was asked for"
        let have = catalogs.available.joined(separator: ", ")
        findings.add(
          .noCatalog,
          "\(why), but there is no catalog for it (catalogs: \(have.isEmpty ? "none" : have))",
          at: .init(file: catalogs.directory), locale: locale.tag, key: nil)
        statistics.append(
          .init(locale: locale.tag, translated: 0, missing: sourceKeys.count, obsolete: 0))
        continue
      }
      var missing = 0
      // A key whose value is no message (null, a list) is reported as that, not missing.
      let invalid = resolved.chain.reduce(into: Set<String>()) { $0.formUnion($1.invalidKeys) }
      for key in sourceKeys where resolved[key] == nil && !invalid.contains(key) {
        missing += 1
        findings.add(
          .missing, "missing in \(locale.tag) (the \(sourceLocale.tag) message is here)",
          at: source[key]!.message.location, locale: locale.tag, key: key)
      }
      let keys = resolved.keys
      let obsolete = keys.filter { source[$0] == nil }.count
      statistics.append(
        .init(
          locale: locale.tag, translated: keys.count - obsolete, missing: missing,
          obsolete: obsolete))
    }
    return Result(
      findings: findings.items, statistics: statistics, source: source,
      sourceMessages: sourceMessages)
  }
}

/// One catalog file set being checked (filled on a worker thread).
private final class CatalogUnit: @unchecked Sendable {
  let locale: LocaleID
  var catalog: Catalog?
  var error: LetterError?
  var messages: [String: Message] = [:]
  var findings = Findings()

  init(locale: LocaleID) { self.locale = locale }

  func read(from catalogs: Catalogs) {
    do throws(LetterError) {
      let catalog = try catalogs.catalog(locale)
      self.catalog = catalog
      findings.append(contentsOf: catalog.problems)
      let check = MessageCheck(locale: locale)
      for key in catalog.keys {
        if let message = check.check(catalog[key]!, into: &findings) { messages[key] = message }
      }
    } catch {
      self.error = error
    }
  }

  /// Plurals by the locale's rules; arguments against the source (nil: this is the source).
  func compare(with source: [String: Message]?, cldrStrict: Bool) {
    guard let catalog else { return }
    let plurals = PluralCheck(locale: locale, cldrStrict: cldrStrict)
    let arguments = ArgumentCheck(locale: locale)
    var parsed: [(key: String, message: Message)] = []
    for key in catalog.keys {
      guard let message = messages[key] else { continue }
      parsed.append((key, message))
      let original = source?[key]
      plurals.check(message, source: source == nil ? message : original, key: key, into: &findings)
      if let original {
        arguments.check(message, catalog[key]!, against: original, into: &findings)
      }
    }
    if let warning = plurals.noDataFinding(parsed) { findings.items.append(warning) }
  }
}
