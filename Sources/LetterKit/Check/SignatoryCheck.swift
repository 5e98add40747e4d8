/// Signatories: a name in every rendered locale; a reading for Japanese names with
/// kanji in groups sorted in Japanese; nobody twice in a group; no unknown group.
struct SignatoryCheck {
  let model: LetterModel
  /// A signatory file given on the command line instead of the model's.
  var signatories: String? = nil

  func run(_ locales: [LocaleID], into findings: inout Findings) throws(LetterError) {
    guard !model.groups.isEmpty, let table = try model.loadSignatories(file: signatories) else {
      return
    }
    // Readings the analyzer suggested that nobody has confirmed, for each sort locale.
    var sortLocales: [String: LocaleID] = [:]
    for group in model.groups {
      switch group.order {
      case .listed: break
      case .locale: for l in locales { sortLocales[l.tag] = l }
      case .tag(let l): sortLocales[l.tag] = l
      }
    }
    var seenReadings: Set<String> = []
    for tag in sortLocales.keys.sorted() {
      for d in UnconfirmedReadings.check(table, locale: sortLocales[tag]!)
      where seenReadings.insert(d.description).inserted {
        findings.append(contentsOf: [d])
      }
    }
    let groupColumn = table.column("group")
    let known = Set(model.groups.map(\.id))
    if let groupColumn {
      for (r, row) in table.rows.enumerated() where !known.contains(row[groupColumn]) {
        findings.add(
          .signatoryGroup,
          "group '\(row[groupColumn])' is not one of the template's groups (\(model.groups.map(\.id).joined(separator: ", ")))",
          at: SourceLocation(file: table.file, line: table.lines[r]),
          locale: model.sourceLocale.tag, key: row[groupColumn])
      }
    }
    for group in model.groups {
      let rows = table.rows(inGroup: group.id, onlyGroup: model.groups.count == 1)
      for locale in locales {
        guard let name = table.column("name", for: locale) else {
          if !rows.isEmpty {
            findings.add(
              .signatoryName,
              "no column name.\(locale.tag) (or name): the signatories have no names for \(locale.tag)",
              at: SourceLocation(file: table.file, line: table.headerLine), locale: locale.tag,
              key: group.id)
          }
          continue
        }
        for r in rows where table.rows[r][name].trimmingWhitespace.isEmpty {
          findings.add(
            .signatoryName, "this signatory has no name for \(locale.tag)",
            at: SourceLocation(file: table.file, line: table.lines[r]), locale: locale.tag,
            key: group.id)
        }
      }
      // A name that cannot be placed in its group's order (kanji and no reading, after
      // legal forms are set aside) is decided by the sorter itself: render reports it as
      // `no-reading`, and RenderCheck passes render's finding on.
      // The same signatory twice in a group (same name in the source locale).
      let sourceName = table.column("name", for: model.sourceLocale)
      var seen: [String: Int] = [:]
      for r in rows {
        guard let c = sourceName else { break }
        let n = table.rows[r][c].trimmingWhitespace.lowercased()
        guard !n.isEmpty else { continue }
        if let first = seen[n] {
          findings.add(
            .duplicateSignatory,
            "'\(table.rows[r][c])' is already in group '\(group.id)' (line \(table.lines[first]))",
            at: SourceLocation(file: table.file, line: table.lines[r]),
            locale: model.sourceLocale.tag, key: group.id)
        } else {
          seen[n] = r
        }
      }
    }
  }
}
