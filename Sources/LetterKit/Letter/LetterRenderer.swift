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

  public init(model: LetterModel, catalogs: Catalogs, format: LayoutSet.Format) throws(LetterError)
  {
    self.model = model
    self.catalogs = catalogs
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
    var arguments: [String: MessageValue]
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

  public func render(_ locale: LocaleID, allowFallback: Bool = false) throws(LetterError)
    -> Rendered
  {
    let letter = try localize(
      locale, keys: layouts.usedKeys(for: locale), allowFallback: allowFallback)
    let text = layouts.render(context(letter), locale: locale)
    return Rendered(locale: locale, text: text, warnings: letter.warnings)
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
        letters.append(try localize(locale, keys: keys, allowFallback: allowFallback))
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

  func localize(_ locale: LocaleID, keys: [LayoutSet.KeyUse], allowFallback: Bool)
    throws(LetterError) -> Localized
  {
    let own = try catalogs.chain(locale)
    let source =
      locale.tag == model.sourceLocale.tag ? nil : try? catalogs.catalog(model.sourceLocale)
    var warnings: [Diagnostic] = []
    var errors: [Diagnostic] = []

    // Every key the layout and the groups use, in order, once.
    var needed: [(String, SourceLocation)] = []
    var seen: Set<String> = []
    for use in keys where seen.insert(use.key).inserted { needed.append((use.key, use.location)) }
    for group in model.groups {
      for key in [group.heading, group.unnamedMessage].compactMap({ $0 })
      where seen.insert(key).inserted {
        needed.append((key, group.location))
      }
    }

    // Find each message: the locale's own chain; then, if allowed, the source locale.
    var found: [String: CatalogMessage] = [:]
    var foundLocale: [String: LocaleID] = [:]
    for (key, usedAt) in needed {
      if let (m, c) = own.lazy.compactMap({ c in c[key].map { ($0, c) } }).first {
        found[key] = m
        foundLocale[key] = c.locale
        continue
      }
      if allowFallback, let source, let m = source[key] {
        found[key] = m
        foundLocale[key] = source.locale
        warnings.append(
          Diagnostic(
            .warning, "missing in \(locale.tag); using the \(source.locale.tag) text",
            at: m.location, id: "fallback",
            locale: locale.tag, key: key))
        continue
      }
      if let m = source?[key] {
        errors.append(
          Diagnostic(
            .error, "missing in \(locale.tag) (the \(model.sourceLocale.tag) message is here)",
            at: m.location,
            id: "missing", locale: locale.tag, key: key))
      } else {
        errors.append(
          Diagnostic(
            .error, "no catalog has this key, which the layout uses", at: usedAt, id: "unknown-key",
            locale: locale.tag, key: key))
      }
    }
    if !errors.isEmpty { throw .content(errors) }

    let arguments = try model.arguments(for: locale)
    let modelArgs = MessageValue.map(arguments)
    var compiled: [String: CompiledMessage] = [:]
    for (key, message) in found {
      let (parsed, syntax) = message.parse()
      guard let parsed else {
        errors += syntax.map {
          var d = $0; d.locale = locale.tag; return d
        }
        continue
      }
      do throws(LetterError) {
        // The rendering locale's rules (its region, its -u- keywords such as the Japanese
        // calendar), except for text borrowed from the source language, which keeps its own.
        let borrowed = foundLocale[key].map { !locale.fallbackChain.contains($0.tag) } ?? false
        compiled[key] = try formatter(borrowed ? foundLocale[key]! : locale).compile(
          parsed, key: key)
      } catch {
        errors += error.diagnostics
      }
    }
    if !errors.isEmpty { throw .content(errors) }

    func format(_ key: String, _ args: MessageValue) -> String? {
      guard let c = compiled[key] else { return nil }
      do throws(LetterError) {
        return try c.format(args)
      } catch {
        errors += error.diagnostics.map {
          var d = $0; d.locale = locale.tag; return d
        }
        return nil
      }
    }
    let groupKeys = Set(model.groups.flatMap { [$0.heading, $0.unnamedMessage].compactMap { $0 } })
    var messages: [String: String] = [:]
    for (key, _) in needed where !groupKeys.contains(key) {
      if let text = format(key, modelArgs) { messages[key] = text }
    }
    var groups: [RenderedGroup] = []
    for (spec, members) in try members(for: locale, errors: &errors, warnings: &warnings) {
      let count = spec.count ?? (members.count + spec.unnamed)
      var args = arguments
      args["count"] = .number(Double(count))
      var unnamedArgs = arguments
      unnamedArgs["count"] = .number(Double(spec.unnamed))
      groups.append(
        RenderedGroup(
          id: spec.id, heading: spec.heading.flatMap { format($0, .map(args)) }, count: count,
          members: members,
          unnamed: spec.unnamed,
          unnamedText: spec.unnamed > 0
            ? spec.unnamedMessage.flatMap { format($0, .map(unnamedArgs)) } : nil))
    }
    if !errors.isEmpty { throw .content(errors) }
    return Localized(
      locale: locale, messages: messages, groups: groups, arguments: arguments, warnings: warnings)
  }

  /// The signatories of each group, in the group's order, with their fields for the
  /// locale: `name`, `reading`, `index` (their index heading when sorted), and every
  /// column of the file by its own name.
  func members(for locale: LocaleID, errors: inout [Diagnostic], warnings: inout [Diagnostic])
    throws(LetterError)
    -> [(LetterModel.Group, [[String: String]])]
  {
    guard !model.groups.isEmpty else { return [] }
    let table: SignatoryTable
    if let t = signatoryTable {
      table = t
    } else if let loaded = try model.loadSignatories() {
      table = loaded
      signatoryTable = table
    } else {
      return model.groups.map { ($0, []) }
    }
    let nameColumn = table.column("name", for: locale)
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
        let name = nameColumn.map { table.rows[r][$0].trimmingWhitespace } ?? ""
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
                locale: locale.tag,
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

  /// What the layout sees: `t` (messages by key segments), the model's values, `locale`,
  /// `lang`, `groups`.
  func context(_ letter: Localized) -> [String: Any] {
    var context: [String: Any] = [:]
    for (k, v) in letter.arguments { context[k] = LetterRenderer.mustacheValue(v) }
    context["locale"] = letter.locale.tag
    context["lang"] = letter.locale.tag
    context["t"] = LetterRenderer.tree(letter.messages)
    context["groups"] = letter.groups.map { g -> [String: Any] in
      var d: [String: Any] = ["id": g.id, "count": g.count, "members": g.members]
      if let h = g.heading { d["heading"] = h }
      if g.unnamed > 0 { d["unnamed"] = g.unnamed }
      if let u = g.unnamedText { d["unnamed_text"] = u }
      return d
    }
    return context
  }

  static func mustacheValue(_ v: MessageValue) -> Any {
    switch v {
    case .list(let items): items.map(mustacheValue)
    case .map(let m): m.mapValues(mustacheValue)
    default: v.description
    }
  }

  /// `a.b.c: text` → `["a": ["b": ["c": text]]]`.
  static func tree(_ messages: [String: String]) -> [String: Any] {
    var root: [String: Any] = [:]
    func insert(_ parts: ArraySlice<Substring>, _ text: String, into node: inout [String: Any]) {
      let head = String(parts.first!)
      if parts.count == 1 {
        if node[head] == nil { node[head] = text }
        return
      }
      var child = node[head] as? [String: Any] ?? [:]
      insert(parts.dropFirst(), text, into: &child)
      node[head] = child
    }
    for (key, text) in messages.sorted(by: { $0.key < $1.key }) {
      insert(key.split(separator: ".")[...], text, into: &root)
    }
    return root
  }
}
