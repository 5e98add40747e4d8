/// A recipients file: one letter per row, each in its row's locale with its own values.
///
/// CSV (with a header row) or a YAML/JSON list of records. Columns: `id` (a plain file
/// name: it names the letter's file), `locale` (a BCP 47 tag; the letter is rendered
/// through its fallback chain, `fr-CA` → `fr`), and any model value by its dotted path
/// (`recipient.title`, `recipient.name`, `recipient.gender`), which replaces the model's
/// value for that letter. An empty cell keeps the model's value.
public struct Recipients: Sendable {
  public struct Recipient: Sendable {
    public let id: String
    public let locale: LocaleID
    /// The row's place (file and line).
    public let location: SourceLocation
    let replacements: [(path: String, text: String, location: SourceLocation)]
  }

  public let file: String
  public let rows: [Recipient]

  /// The most rows a recipients file may have.
  public static let maxRows = 100_000

  /// Reads and validates the file against the model: every problem is reported, with its
  /// row (and column, for a column's problem).
  public static func load(_ path: String, model: LetterModel) throws(LetterError) -> Recipients {
    let table = try SignatoryTable.load(path)
    var errors: [Diagnostic] = []
    let header = SourceLocation(file: path, line: table.headerLine)
    guard let idColumn = table.column("id"), let localeColumn = table.column("locale") else {
      throw .input(
        "a recipients file has the columns 'id' and 'locale', then model values by their path (recipient.name, …); its columns are: \(table.header.joined(separator: ", "))",
        at: header)
    }
    if table.rows.count > maxRows {
      throw .input("more than \(maxRows) recipients: split the file", at: .init(file: path))
    }
    let paths = model.valuePaths
    var valueColumns: [(index: Int, path: String)] = []
    for (c, name) in table.header.enumerated() where c != idColumn && c != localeColumn {
      if paths.contains(name) {
        valueColumns.append((c, name))
      } else {
        let known = paths.filter { !$0.hasPrefix("groups") }.sorted()
        let hint = name.closest(among: known).map { "; did you mean '\($0)'?" } ?? ""
        errors.append(
          Diagnostic(
            .error,
            "unknown column '\(name)' (column \(c + 1)): the model has no such value\(hint) (it has: \(known.joined(separator: ", ")))",
            at: header))
      }
    }
    var seen: [String: Int] = [:]
    var rows: [Recipient] = []
    for (r, fields) in table.rows.enumerated() {
      let place = SourceLocation(file: path, line: table.lines[r])
      let id = fields[idColumn].trimmingWhitespace
      if let problem = LetterModel.fileNameProblem(id) {
        errors.append(Diagnostic(.error, "'id' (column \(idColumn + 1)) \(problem)", at: place))
        continue
      }
      if let first = seen[id] {
        errors.append(
          Diagnostic(
            .error, "the id '\(id)' is also on line \(first): ids name files, so each is once",
            at: place))
        continue
      }
      seen[id] = table.lines[r]
      let tag = fields[localeColumn].trimmingWhitespace
      guard !tag.isEmpty else {
        errors.append(
          Diagnostic(.error, "no locale (column \(localeColumn + 1)) for '\(id)'", at: place))
        continue
      }
      let locale: LocaleID
      do throws(LocaleError) {
        locale = try LocaleID(tag)
      } catch {
        errors.append(
          Diagnostic(.error, "locale (column \(localeColumn + 1)): \(error)", at: place))
        continue
      }
      var replacements: [(String, String, SourceLocation)] = []
      for (c, path) in valueColumns where !fields[c].trimmingWhitespace.isEmpty {
        replacements.append((path, fields[c].trimmingWhitespace, place))
      }
      rows.append(Recipient(id: id, locale: locale, location: place, replacements: replacements))
    }
    if !errors.isEmpty { throw .input(errors) }
    return Recipients(file: path, rows: rows)
  }
}

extension LetterRenderer {
  /// What rendering a recipients file did.
  public struct RecipientsSummary: Sendable {
    public let letters: Int
    public let locales: [String]
    public let warnings: [Diagnostic]
  }

  /// Renders one letter per recipient into `directory` as
  /// `<template>.<id>.<locale>.<ext>`, all or nothing: each letter goes to a temporary
  /// file as soon as it is rendered (memory stays flat), and the files are put in place
  /// only when every letter has been rendered. A refused letter is reported at its row.
  /// `progress` is called after each letter with (done, total).
  public func render(
    recipients: Recipients, into directory: String, allowFallback: Bool = false,
    progress: (Int, Int) -> Void = { _, _ in }
  ) throws(LetterError) -> RecipientsSummary {
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var seenWarnings: Set<String> = []
    var files: [OutputFile] = []
    var locales: Set<String> = []
    if !FileIO.isDirectory(directory) { try FileIO.makeDirectory(directory) }
    for (k, recipient) in recipients.rows.enumerated() {
      let values = model.replacing(recipient.replacements)
      let letter: Rendered
      do throws(LetterError) {
        letter = try render(recipient.locale, allowFallback: allowFallback, values: values)
      } catch {
        files.removeAll()  // the temporary files go: nothing is written
        for d in error.diagnostics {
          let place = d.location.map { " (\($0))" } ?? ""
          errors.append(
            Diagnostic(
              d.severity,
              "letter '\(recipient.id)' in \(recipient.locale.tag): \(d.message)\(place)",
              at: recipient.location, id: d.id, locale: recipient.locale.tag, key: d.key))
        }
        progress(k + 1, recipients.rows.count)
        continue
      }
      for w in letter.warnings where seenWarnings.insert(w.description).inserted {
        warnings.append(w)
      }
      locales.insert(recipient.locale.tag)
      if errors.isEmpty {
        let name = "\(model.id).\(recipient.id).\(recipient.locale.tag).\(layouts.format.rawValue)"
        let file = try OutputFile(path: "\(directory)/\(name)")
        try file.write(Array(letter.text.utf8))
        try file.finish(sync: false)
        files.append(file)
      }
      progress(k + 1, recipients.rows.count)
    }
    if !errors.isEmpty { throw .content(errors) }
    // One flush for every letter (an fsync each took a fifth of the time), then in place.
    OutputFile.syncAll()
    for file in files { try file.commit() }
    return RecipientsSummary(letters: files.count, locales: locales.sorted(), warnings: warnings)
  }
}
