/// Renders a template's letter in a locale: every message the layout uses, formatted by
/// the locale's rules against the model; the signatory groups in their order; the layout.
///
/// A locale that lacks a message the layout uses is refused (each missing key is named
/// with the place of the source message), unless fallback is allowed: then the chain
/// ends with the source locale and each borrowed message is a warning.
public final class LetterRenderer {
  public let model: LetterModel
  public let catalogs: Catalogs
  public let layouts: LayoutSet
  private var signatoryTable: SignatoryTable?
  private var formatters: [String: MessageFormatter] = [:]
  /// Sorters by policy: opened once, whatever the number of locales rendered.
  private var sorters: [SortPolicy: SignatorySorter] = [:]
  /// Each locale's messages, compiled once (by locale and whether fallback is allowed).
  private var messagesCache: [String: LocaleMessages] = [:]
  /// Each locale's groups, sorted once (with what sorting them found).
  private var membersCache:
    [String: (
      members: [(LetterModel.Group, [[String: String]])], errors: [Diagnostic],
      warnings: [Diagnostic]
    )] = [:]

  /// A signatory list given on the command line instead of the model's.
  let signatoriesFile: String?

  /// - Parameter signatories: a signatory file to use instead of the one the model names
  ///   (which must be inside the template folder).
  public init(
    model: LetterModel, catalogs: Catalogs, format: LayoutSet.Format, signatories: String? = nil
  ) throws(LetterError) {
    self.model = model
    self.catalogs = catalogs
    self.signatoriesFile = signatories
    self.layouts = try LayoutSet(directory: model.directory, format: format)
  }

  /// A rendered letter and the warnings it came with.
  public struct Rendered: Sendable {
    public let locale: LocaleID
    public let text: String
    public let warnings: [Diagnostic]
  }

  /// One locale's letter before layout: formatted messages and groups.
  struct Localized {
    var locale: LocaleID
    var messages: [String: String]
    var groups: [RenderedGroup]
    var warnings: [Diagnostic]
  }

  struct RenderedGroup {
    var id: String
    var heading: String?
    var count: Int
    var members: [[String: String]]
    var unnamed: Int
    var unnamedText: String?
  }

  /// The letter in `locale`. `values`: the model's values for this one letter (a
  /// recipient's), in place of the renderer's model's; its groups stay the renderer's.
  public func render(_ locale: LocaleID, allowFallback: Bool = false, values: LetterModel? = nil)
    throws(LetterError) -> Rendered
  {
    let (lookup, groups, memberWarnings) = try prepare(
      locale, allowFallback: allowFallback, values: values)
    let (text, layoutErrors, layoutWarnings) = layouts.render(
      context(locale: locale, arguments: lookup.arguments, groups: groups), locale: locale,
      messages: lookup)
    let errors = lookup.errors + layoutErrors
    if !errors.isEmpty {
      throw errors.contains { $0.id == "layout" } ? .input(errors) : .content(errors)
    }
    return Rendered(
      locale: locale, text: text, warnings: lookup.warnings + memberWarnings + layoutWarnings)
  }

  /// One HTML page with the locales in parallel columns, paragraph beside paragraph: a
  /// row for each message the source layout uses, in its order, then the groups.
  public func renderSideBySide(_ locales: [LocaleID], allowFallback: Bool = false)
    throws(LetterError) -> Rendered
  {
    let keys = layouts.usedKeys(for: model.sourceLocale)
    var letters: [Localized] = []
    var errors: [Diagnostic] = []
    var unreadable = false
    for locale in locales {
      do throws(LetterError) {
        let (lookup, groups, warnings) = try prepare(locale, allowFallback: allowFallback)
        var messages: [String: String] = [:]
        for use in keys where messages[use.key] == nil {
          if let text = lookup.text(of: use.key, usedAt: use.location) { messages[use.key] = text }
        }
        if !lookup.errors.isEmpty { throw LetterError.content(lookup.errors) }
        letters.append(
          Localized(
            locale: locale, messages: messages, groups: groups,
            warnings: lookup.warnings + warnings))
      } catch {
        errors += error.diagnostics
        if case .input = error { unreadable = true }
      }
    }
    if !errors.isEmpty { throw unreadable ? .input(errors) : .content(errors) }
    let title =
      keys.first { $0.key.hasSuffix(".title") }.flatMap { letters.first?.messages[$0.key] }
      ?? model.id
    let text = SideBySide.html(title: title, keys: keys.map(\.key), letters: letters)
    return Rendered(locale: locales[0], text: text, warnings: letters.flatMap(\.warnings))
  }

  private func formatter(_ locale: LocaleID) throws(LetterError) -> MessageFormatter {
    if let f = formatters[locale.tag] { return f }
    do throws(LocaleError) {
      let f = try MessageFormatter(locale: locale)
      formatters[locale.tag] = f
      return f
    } catch {
      throw .input(error.description, at: .init(file: model.file))
    }
  }

  /// The locale's messages, found and compiled once for every letter rendered in it.
  private func localeMessages(_ locale: LocaleID, allowFallback: Bool) throws(LetterError)
    -> LocaleMessages
  {
    let cacheKey = "\(locale.tag)|\(allowFallback)"
    if let cached = messagesCache[cacheKey] { return cached }
    let own = try catalogs.chain(locale)
    let source =
      locale.tag == model.sourceLocale.tag ? nil : try? catalogs.catalog(model.sourceLocale)
    let messages = LocaleMessages(
      locale: locale, own: own, source: source, allowFallback: allowFallback,
      formatter: { (l: LocaleID) throws(LetterError) in try self.formatter(l) })
    messagesCache[cacheKey] = messages
    return messages
  }

  /// What sorting the signatory groups for `locale` finds (`no-reading`: a name the
  /// group's order cannot place), whether or not the letter itself can be rendered.
  func signatoryWarnings(for locale: LocaleID) -> [Diagnostic] {
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    _ = try? members(for: locale, allowFallback: false, errors: &errors, warnings: &warnings)
    return warnings
  }

  /// A locale's letter before layout: its message lookup (with the model's values), and
  /// the signatory groups with their headings formatted.
  func prepare(_ locale: LocaleID, allowFallback: Bool, values: LetterModel? = nil)
    throws(LetterError) -> (MessageLookup, [RenderedGroup], [Diagnostic])
  {
    let messages = try localeMessages(locale, allowFallback: allowFallback)
    var arguments = try (values ?? model).arguments(for: locale)
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    let members = try members(
      for: locale, allowFallback: allowFallback, errors: &errors, warnings: &warnings)
    // Group counts for any message: {groups.members.count}.
    var counts: [String: MessageValue] = [:]
    for (spec, names) in members {
      counts[spec.id] = .map(["count": .number(Double(spec.count ?? (names.count + spec.unnamed)))])
    }
    arguments["groups"] = .map(counts)
    let lookup = MessageLookup(messages: messages, arguments: .map(arguments))
    var groups: [RenderedGroup] = []
    for (spec, members) in members {
      // Counts are bounded (LetterModel.maxCount), so the sum cannot overflow.
      let count = spec.count ?? (members.count + spec.unnamed)
      var args = arguments
      args["count"] = .number(Double(count))
      var unnamedArgs = arguments
      unnamedArgs["count"] = .number(Double(spec.unnamed))
      groups.append(
        RenderedGroup(
          id: spec.id,
          heading: spec.heading.flatMap { lookup.format($0, .map(args), usedAt: spec.location) },
          count: count, members: members, unnamed: spec.unnamed,
          unnamedText: spec.unnamed > 0
            ? spec.unnamedMessage.flatMap {
              lookup.format($0, .map(unnamedArgs), usedAt: spec.location)
            } : nil))
    }
    if !errors.isEmpty || !lookup.errors.isEmpty { throw .content(lookup.errors + errors) }
    return (lookup, groups, warnings)
  }

  /// The signatories of each group, in the group's order, with their fields for the
  /// locale: `name`, `reading`, `index` (their index heading when sorted), and every
  /// column of the file by its own name.
  func members(
    for locale: LocaleID, allowFallback: Bool, errors: inout [Diagnostic],
    warnings: inout [Diagnostic]
  ) throws(LetterError) -> [(LetterModel.Group, [[String: String]])] {
    // Members depend on the locale only: sorted once, whatever the number of letters.
    let cacheKey = "\(locale.tag)|\(allowFallback)"
    if let cached = membersCache[cacheKey] {
      errors += cached.errors
      warnings += cached.warnings
      return cached.members
    }
    var ownErrors: [Diagnostic] = []
    var ownWarnings: [Diagnostic] = []
    let result = try sortedMembers(
      for: locale, allowFallback: allowFallback, errors: &ownErrors, warnings: &ownWarnings)
    membersCache[cacheKey] = (result, ownErrors, ownWarnings)
    errors += ownErrors
    warnings += ownWarnings
    return result
  }

  private func sortedMembers(
    for locale: LocaleID, allowFallback: Bool, errors: inout [Diagnostic],
    warnings: inout [Diagnostic]
  ) throws(LetterError) -> [(LetterModel.Group, [[String: String]])] {
    guard !model.groups.isEmpty else { return [] }
    let table: SignatoryTable
    if let t = signatoryTable {
      table = t
    } else if let loaded = try model.loadSignatories(file: signatoriesFile) {
      table = loaded
      signatoryTable = table
    } else {
      return model.groups.map { ($0, []) }
    }
    let nameColumn = table.column("name", for: locale)
    // With fallback allowed, a name missing in the locale is the source locale's.
    let fallbackColumn = allowFallback ? table.column("name", for: model.sourceLocale) : nil
    var result: [(LetterModel.Group, [[String: String]])] = []
    for group in model.groups {
      let rows = table.rows(inGroup: group.id, onlyGroup: model.groups.count == 1)
      guard !rows.isEmpty else {
        result.append((group, []))
        continue
      }
      // Display names in the rendering locale; every named member needs one.
      var display: [String] = []
      for r in rows {
        var name = nameColumn.map { table.rows[r][$0].trimmingWhitespace } ?? ""
        if name.isEmpty, let c = fallbackColumn, !table.rows[r][c].trimmingWhitespace.isEmpty {
          name = table.rows[r][c].trimmingWhitespace
          warnings.append(
            Diagnostic(
              .warning,
              "this signatory has no name for \(locale.tag); using its \(table.header[c]) name '\(name)'",
              at: SourceLocation(file: table.file, line: table.lines[r]), id: "fallback",
              locale: locale.tag, key: group.id))
        }
        if name.isEmpty {
          errors.append(
            Diagnostic(
              .error, "this signatory has no name for \(locale.tag) (column name.\(locale.tag))",
              at: SourceLocation(file: table.file, line: table.lines[r]), id: "signatory-name",
              locale: locale.tag,
              key: group.id))
        }
        display.append(name)
      }
      var order = Array(rows.indices)
      var headings: [IndexHeading]?
      let sortLocale: LocaleID? =
        switch group.order {
        case .listed: nil
        case .locale: locale
        case .tag(let tag): tag
        }
      if let sortLocale {
        // Sort by the names and readings of the sort locale, whatever the display locale.
        let sortNames = table.column("name", for: sortLocale)
        let readings = table.column("reading", for: sortLocale)
        var input = SortInput()
        for (k, r) in rows.enumerated() {
          let name =
            sortNames.map { table.rows[r][$0].trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
            ?? display[k]
          let reading = readings.map { table.rows[r][$0].trimmingWhitespace }.flatMap {
            $0.isEmpty ? nil : $0
          }
          input.append(name: name, reading: reading)
        }
        let policy = SortPolicy(
          locale: sortLocale,
          collation: CollatorOptions(ignorePunctuation: true, numeric: true, latin: group.latin),
          setAsideLegalForms: group.setAsideLegalForms)
        do throws(LocaleError) {
          let sorter: SignatorySorter
          if let cached = sorters[policy] {
            sorter = cached
          } else {
            sorter = try SignatorySorter(policy: policy, headings: true)
            sorters[policy] = sorter
          }
          let sorted = sorter.sort(input)
          order = sorted.order
          headings = sorted.headings
          for k in sorted.unplaced {
            warnings.append(
              Diagnostic(
                .warning,
                "'\(input.name(k))' has kanji but no reading, so it cannot be placed in \(sortLocale.tag) order; it is listed last (add reading.\(sortLocale.tag))",
                at: SourceLocation(file: table.file, line: table.lines[rows[k]]), id: "no-reading",
                locale: sortLocale.tag,
                key: group.id))
          }
        } catch {
          throw .input(error.description, at: group.location)
        }
      }
      let readingColumn = table.column("reading", for: locale)
      let members: [[String: String]] = order.enumerated().map { position, k in
        let r = rows[k]
        var fields: [String: String] = [:]
        for (c, name) in table.header.enumerated() { fields[name] = table.rows[r][c] }
        fields["name"] = display[k]
        fields["reading"] = readingColumn.map { table.rows[r][$0] } ?? ""
        fields["index"] = headings.map { $0[position].display(locale: locale) } ?? ""
        fields["_row"] = String(r)
        return fields
      }
      result.append((group, members))
    }
    return result
  }

  /// What the layout sees: the model's values, `locale`, `lang`, `groups` (and `t`, the
  /// messages, which the layout set adds).
  func context(locale: LocaleID, arguments: MessageValue, groups: [RenderedGroup])
    -> [String: LayoutValue]
  {
    var context: [String: LayoutValue] = [:]
    if case .map(let m) = arguments { for (k, v) in m { context[k] = LayoutValue(v) } }
    context["locale"] = .text(locale.tag)
    context["lang"] = .text(locale.tag)
    context["groups"] = .list(
      groups.map { g in
        var d: [String: LayoutValue] = [
          "id": .text(g.id), "count": .number(g.count), "heading": .text(g.heading ?? ""),
          "members": .list(g.members.map { .map($0.mapValues(LayoutValue.text)) }),
        ]
        if g.unnamed > 0 { d["unnamed"] = .number(g.unnamed) }
        if let u = g.unnamedText { d["unnamed_text"] = .text(u) }
        return .map(d)
      })
    return context
  }
}
