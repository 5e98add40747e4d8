/// The checks of `letter check` (DESIGN.md, Checks): against the source locale, for every
/// other locale of the template — missing, obsolete and empty messages; syntax errors;
/// arguments that differ from the source; plural arms the locale's CLDR rules need or
/// can never use; layout keys no catalog has and catalog keys nothing uses; signatories
/// without a name or a reading, or listed twice; model values the messages need.
///
/// Each finding has a stable id, a severity and the file:line:col of what it is about.
public final class Checker {
  public let model: LetterModel
  public let catalogs: Catalogs
  /// A signatory file given on the command line instead of the model's.
  public var signatories: String?
  private var findings: [Diagnostic] = []
  private var statistics: [CheckReport.Statistics] = []

  public init(model: LetterModel, catalogs: Catalogs) {
    self.model = model
    self.catalogs = catalogs
  }

  /// Runs every check for `locales` (default: the template's). Throws only when the
  /// input cannot be read at all (no source catalog, unreadable files).
  public func run(locales requested: [LocaleID] = []) throws(LetterError) -> CheckReport {
    findings = []
    statistics = []
    let locales = requested.isEmpty ? model.locales : requested
    let layoutKeys = try layoutKeyUses()
    let groupKeys = Set(model.groups.flatMap { [$0.heading, $0.unnamedMessage].compactMap { $0 } })
    let usedKeys = Set(layoutKeys.map(\.key)).union(groupKeys)
    let modelPaths = model.valuePaths

    // Read and check every catalog on its own, on as many threads as there are cores.
    let all = [model.sourceLocale] + locales.filter { $0.tag != model.sourceLocale.tag }
    let results = all.map { _ in LocaleResult() }
    let directory = catalogs.directory
    let checker = UncheckedSendable(self)
    // A locale without its own catalog is checked through its fallback chain (ja-JP → ja).
    let available = Set(catalogs.available)
    let catalogLocales = all.map { locale in
      locale.fallbackChain.first { available.contains($0) }.flatMap { try? LocaleID($0) } ?? locale
    }
    Parallel.forEach(all.indices) { k in
      let result = results[k]
      do throws(LetterError) {
        result.catalog = try Catalog.load(catalogLocales[k], from: directory)
        result.messages = checker.value.checkCatalog(
          result.catalog!, usedKeys: usedKeys, groupKeys: groupKeys, modelPaths: modelPaths,
          into: &result.findings)
      } catch {
        result.error = error
      }
    }
    // A catalog that exists but cannot be read stops the check (exit status 2).
    for (k, result) in results.enumerated()
    where result.error != nil && (k == 0 || available.contains(catalogLocales[k].tag)) {
      throw result.error!
    }
    guard let source = results[0].catalog else {
      throw results[0].error ?? .input("no source catalog", at: nil)
    }
    findings += results[0].findings
    let sourceMessages = results[0].messages

    for use in layoutKeys where source[use.key] == nil {
      add(
        .error, "unknown-key",
        "the layout uses this key, but the \(source.locale.tag) catalog has no such message",
        use.location, source.locale, use.key)
    }
    for group in model.groups {
      for key in [group.heading, group.unnamedMessage].compactMap({ $0 }) where source[key] == nil {
        add(
          .error, "unknown-key",
          "group '\(group.id)' uses this key, but the \(source.locale.tag) catalog has no such message",
          group.location, source.locale, key)
      }
    }
    for key in source.keys where !usedKeys.contains(key) {
      add(
        .warning, "unused", "no layout or group uses this message", source[key]!.location,
        source.locale, key)
    }
    statistics.append(
      .init(locale: source.locale.tag, translated: source.keys.count, missing: 0, obsolete: 0))

    // Translations' arguments against the source's, again on every core.
    let sourceArguments = sourceMessages.mapValues { m in
      Dictionary(m.arguments.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
    Parallel.forEach(1..<all.count) { k in
      let result = results[k]
      guard let catalog = result.catalog else { return }
      for key in catalog.keys {
        guard let message = result.messages[key], let original = sourceArguments[key] else {
          continue
        }
        Checker.compareArguments(
          message, catalog[key]!, with: original, locale: all[k], into: &result.findings)
      }
    }

    // Every other locale against the source.
    for (k, locale) in all.enumerated().dropFirst() {
      let result = results[k]
      guard let catalog = result.catalog else {
        let why =
          model.locales.contains(locale)
          ? "the template lists \(locale.tag)" : "\(locale.tag) was asked for"
        let have = available.sorted().joined(separator: ", ")
        add(
          .error, "no-catalog",
          "\(why), but there is no catalog for it (catalogs: \(have.isEmpty ? "none" : have))",
          .init(file: catalogs.directory), locale, nil)
        statistics.append(
          .init(locale: locale.tag, translated: 0, missing: source.keys.count, obsolete: 0))
        continue
      }
      findings += result.findings
      var missing = 0
      var obsolete = 0
      for key in source.keys where catalog[key] == nil {
        missing += 1
        add(
          .error, "missing", "missing in \(locale.tag) (the \(source.locale.tag) message is here)",
          source[key]!.location, locale, key)
      }
      for key in catalog.keys where source[key] == nil {
        obsolete += 1
        add(
          .warning, "obsolete", "the source (\(source.locale.tag)) has no such message",
          catalog[key]!.location, locale, key)
      }
      statistics.append(
        .init(
          locale: locale.tag, translated: catalog.keys.count - obsolete, missing: missing,
          obsolete: obsolete))
    }

    try checkSignatories(locales)
    // What render would refuse, found by rendering (see RenderCheck).
    findings += try RenderCheck(model: model, catalogs: catalogs, signatories: signatories)
      .findings(locales: all, besides: findings)
    findings.sort { a, b in
      let la = a.location
      let lb = b.location
      if la?.file != lb?.file { return (la?.file ?? "") < (lb?.file ?? "") }
      if la?.line != lb?.line { return (la?.line ?? 0) < (lb?.line ?? 0) }
      if la?.column != lb?.column { return (la?.column ?? 0) < (lb?.column ?? 0) }
      return (a.locale ?? "") < (b.locale ?? "")
    }
    return CheckReport(findings: findings, statistics: statistics)
  }

  /// One locale's catalog and what checking it alone found (filled on a worker thread).
  private final class LocaleResult: @unchecked Sendable {
    var catalog: Catalog?
    var messages: [String: Message] = [:]
    var findings: [Diagnostic] = []
    var error: LetterError?
  }

  private func add(
    _ severity: Diagnostic.Severity, _ id: String, _ message: String, _ location: SourceLocation?,
    _ locale: LocaleID,
    _ key: String?
  ) {
    findings.append(
      Diagnostic(severity, message, at: location, id: id, locale: locale.tag, key: key))
  }

  /// The message keys every layout of every format uses.
  private func layoutKeyUses() throws(LetterError) -> [LayoutSet.KeyUse] {
    var uses: [LayoutSet.KeyUse] = []
    for format in LayoutSet.Format.allCases {
      let any = FileIO.list(model.directory).contains {
        $0.hasSuffix(".\(format.rawValue).mustache")
      }
      guard any else { continue }
      uses += try LayoutSet(directory: model.directory, format: format, compile: false).allUsedKeys
    }
    return uses
  }

  /// Checks each message of a catalog on its own: empty, syntax, plural arms, the model
  /// values it needs. Returns the parsed messages.
  private func checkCatalog(
    _ catalog: Catalog, usedKeys: Set<String>, groupKeys: Set<String>, modelPaths: Set<String>,
    into findings: inout [Diagnostic]
  ) -> [String: Message] {
    let locale = catalog.locale
    var parsed: [String: Message] = [:]
    let cardinal = try? PluralRules(locale: locale)
    let ordinal = try? PluralRules(locale: locale, kind: .ordinal)
    let numbers = try? NumberFormatter(locale: locale, skeleton: NumberStyle.defaultSkeleton)
    func add(
      _ severity: Diagnostic.Severity, _ id: String, _ text: String, _ location: SourceLocation?,
      _ locale: LocaleID, _ key: String?
    ) {
      findings.append(
        Diagnostic(severity, text, at: location, id: id, locale: locale.tag, key: key))
    }
    for key in catalog.keys {
      let entry = catalog[key]!
      if entry.text.trimmingWhitespace.isEmpty {
        add(.error, "empty", "the message is empty", entry.location, locale, key)
        continue
      }
      let (message, errors) = entry.parse()
      findings += errors.map {
        var d = $0; d.locale = locale.tag; return d
      }
      guard let message else { continue }
      parsed[key] = message
      for choice in message.choices {
        guard case .plural(_, let arms, let isOrdinal) = choice.kind,
          let rules = isOrdinal ? ordinal : cardinal
        else { continue }
        let needed = rules.categories
        let have = Set(
          arms.compactMap { arm -> String? in
            if case .keyword(let k) = arm.selector { k } else { nil }
          })
        let exact = Set(
          arms.compactMap { arm -> Double? in
            if case .exact(let v) = arm.selector { v } else { nil }
          })
        var offset = 0.0
        if case .plural(let o, _, _) = choice.kind { offset = o }
        let missing = needed.subtracting(have).subtracting(["other"]).filter { category in
          // `=1 {…}` stands in for English `one` (which is only 1), not for Russian `one`.
          guard !exact.isEmpty, let numbers else { return true }
          return !Checker.exactArmsCover(
            category, exact: exact, offset: offset, rules: rules, numbers: numbers)
        }
        if !missing.isEmpty {
          add(
            .error, "plural-category",
            "'\(choice.name)' lacks the \(locale.tag) \(isOrdinal ? "ordinal" : "plural") categor\(missing.count == 1 ? "y" : "ies") \(missing.sorted(by: categoryOrder).joined(separator: ", ")) (CLDR: \(needed.sorted(by: categoryOrder).joined(separator: ", ")))",
            message.sourceMap.location(at: choice.range.lowerBound), locale, key)
        }
        for arm in arms {
          if case .keyword(let k) = arm.selector, !needed.contains(k) {
            add(
              .warning, "plural-unused",
              "'\(k)' is never used in \(locale.tag) (CLDR \(isOrdinal ? "ordinal" : "plural") categories: \(needed.sorted(by: categoryOrder).joined(separator: ", ")))",
              message.sourceMap.location(at: arm.selectorRange.lowerBound), locale, key)
          }
        }
      }
      // Values the message needs from the model (group headings also get `count`).
      guard usedKeys.contains(key) else { continue }
      for argument in message.arguments {
        if groupKeys.contains(key) && argument.name == "count" { continue }
        if !modelPaths.contains(argument.name) {
          add(
            .error, "model-value",
            "the message needs '\(argument.name)', which the model (\(model.file)) does not have",
            message.sourceMap.location(at: argument.range.lowerBound), locale, key)
        }
      }
    }
    return parsed
  }

  /// Whether every number the rules put in `category` (sampled: 0…1000 and tenths up
  /// to 10) has an exact arm (`=N`), so the message never needs the category's own arm.
  static func exactArmsCover(
    _ category: String, exact: Set<Double>, offset: Double, rules: PluralRules,
    numbers: NumberFormatter
  ) -> Bool {
    guard let index = PluralRules.categoryNames.firstIndex(of: category) else { return false }
    var scratch: [UInt8] = []
    let samples = (0...1000).map(Double.init) + (1...99).map { Double($0) / 10 }
    for n in samples {
      scratch.removeAll(keepingCapacity: true)
      if rules.select(n - offset, formattedBy: numbers, appendingTo: &scratch) == index
        && !exact.contains(n)
      {
        return false
      }
    }
    return true
  }

  private func categoryOrder(_ a: String, _ b: String) -> Bool {
    let order = ["zero", "one", "two", "few", "many", "other"]
    return (order.firstIndex(of: a) ?? 9) < (order.firstIndex(of: b) ?? 9)
  }

  /// The translation's arguments against the source's: the same names, of compatible
  /// kinds (compared on the parsed messages, not the text).
  private static func compareArguments(
    _ message: Message, _ entry: CatalogMessage,
    with theirs: [String: (name: String, kind: ArgumentKind, range: SourceRange)], locale: LocaleID,
    into findings: inout [Diagnostic]
  ) {
    func add(
      _ severity: Diagnostic.Severity, _ id: String, _ text: String, _ location: SourceLocation?,
      _ locale: LocaleID, _ key: String?
    ) {
      findings.append(
        Diagnostic(severity, text, at: location, id: id, locale: locale.tag, key: key))
    }
    let arguments = message.arguments
    let mine = Dictionary(arguments.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for (name, arg) in theirs.sorted(by: { $0.key < $1.key }) where mine[name] == nil {
      let kind = arg.kind == .any ? "" : " (\(arg.kind.rawValue))"
      add(
        .error, "arguments",
        "the source uses the argument '\(name)'\(kind); this translation does not", entry.location,
        locale, entry.key)
    }
    for arg in arguments {
      guard let source = theirs[arg.name] else {
        add(
          .error, "arguments", "'\(arg.name)' is not an argument of the source message",
          message.sourceMap.location(at: arg.range.lowerBound), locale, entry.key)
        continue
      }
      if arg.kind != source.kind && arg.kind != .any && source.kind != .any {
        add(
          .error, "arguments",
          "'\(arg.name)' is \(arg.kind.rawValue) here but \(source.kind.rawValue) in the source",
          message.sourceMap.location(at: arg.range.lowerBound), locale, entry.key)
      }
    }
  }

  /// Signatories: a name in every rendered locale; a reading for Japanese names with
  /// kanji in groups sorted in Japanese; nobody twice in a group.
  private func checkSignatories(_ locales: [LocaleID]) throws(LetterError) {
    guard !model.groups.isEmpty, let table = try model.loadSignatories(file: signatories) else {
      return
    }
    let groupColumn = table.column("group")
    let known = Set(model.groups.map(\.id))
    if let groupColumn {
      for (r, row) in table.rows.enumerated() where !known.contains(row[groupColumn]) {
        add(
          .warning, "signatory-group",
          "group '\(row[groupColumn])' is not one of the template's groups (\(model.groups.map(\.id).joined(separator: ", ")))",
          SourceLocation(file: table.file, line: table.lines[r]), model.sourceLocale,
          row[groupColumn])
      }
    }
    for group in model.groups {
      let rows = table.rows(inGroup: group.id, onlyGroup: model.groups.count == 1)
      for locale in locales {
        guard let name = table.column("name", for: locale) else {
          if !rows.isEmpty {
            add(
              .error, "signatory-name",
              "no column name.\(locale.tag) (or name): the signatories have no names for \(locale.tag)",
              SourceLocation(file: table.file, line: table.headerLine), locale, group.id)
          }
          continue
        }
        for r in rows where table.rows[r][name].trimmingWhitespace.isEmpty {
          add(
            .error, "signatory-name", "this signatory has no name for \(locale.tag)",
            SourceLocation(file: table.file, line: table.lines[r]), locale, group.id)
        }
      }
      // Japanese order needs readings for names with kanji.
      let sortLocales: [LocaleID] =
        switch group.order {
        case .listed: []
        case .locale: locales
        case .tag(let t): [t]
        }
      for sortLocale in sortLocales where sortLocale.language == "ja" {
        let name = table.column("name", for: sortLocale)
        let reading = table.column("reading", for: sortLocale)
        for r in rows {
          let text = name.map { table.rows[r][$0].trimmingWhitespace } ?? ""
          let read = reading.map { table.rows[r][$0].trimmingWhitespace } ?? ""
          guard read.isEmpty, !text.isEmpty else { continue }
          let han = Array(text.utf8).withUnsafeBufferPointer {
            SignatorySorter.containsHan($0)
          }
          if han {
            add(
              .warning, "no-reading",
              "'\(text)' has kanji but no reading, so it cannot be placed in Japanese order (add reading.\(sortLocale.tag))",
              SourceLocation(file: table.file, line: table.lines[r]), sortLocale, group.id)
          }
        }
      }
      // The same signatory twice in a group (same name in the source locale).
      let sourceName = table.column("name", for: model.sourceLocale)
      var seen: [String: Int] = [:]
      for r in rows {
        guard let c = sourceName else { break }
        let n = table.rows[r][c].trimmingWhitespace.lowercased()
        guard !n.isEmpty else { continue }
        if let first = seen[n] {
          add(
            .warning, "duplicate-signatory",
            "'\(table.rows[r][c])' is already in group '\(group.id)' (line \(table.lines[first]))",
            SourceLocation(file: table.file, line: table.lines[r]), model.sourceLocale, group.id)
        } else {
          seen[n] = r
        }
      }
    }
  }
}
