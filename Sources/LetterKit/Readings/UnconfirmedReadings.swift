/// `unconfirmed-reading` (warning): a reading the analyzer suggested (`letter readings`)
/// that no person has confirmed yet: its status column (`reading.ja.status`) says
/// `suggested`. A suggestion is never taken silently.
public enum UnconfirmedReadings {
  public static let id = "unconfirmed-reading"

  /// The warnings for a table: the reading column is the locale's (`reading.ja-JP`,
  /// `reading.ja`, then `reading`), its status column the same name with `.status`.
  public static func check(_ table: SignatoryTable, locale: LocaleID) -> [Diagnostic] {
    guard let reading = table.column("reading", for: locale) else { return [] }
    return check(
      file: table.file, header: table.header, rows: table.rows, lines: table.lines,
      name: table.column("name", for: locale), reading: reading)
  }

  /// The warnings for a list read by `letter sort` (text lists hold no status).
  public static func check(_ list: SignatoryList) -> [Diagnostic] {
    guard list.kind != .text, let readingColumn = list.readingColumn,
      let reading = list.columns.firstIndex(of: readingColumn)
    else { return [] }
    return check(
      file: list.file, header: list.columns, rows: list.rows, lines: list.lines,
      name: list.columns.firstIndex(of: list.nameColumn), reading: reading)
  }

  static func check(
    file: String, header: [String], rows: [[String]], lines: [Int], name: Int?, reading: Int
  ) -> [Diagnostic] {
    let statusColumn = "\(header[reading]).status"
    guard let status = header.firstIndex(of: statusColumn) else { return [] }
    var found: [Diagnostic] = []
    for (k, row) in rows.enumerated()
    where row[status].trimmingWhitespace.lowercased() == ReadingStatus.suggested.rawValue {
      let text = row[reading].trimmingWhitespace
      found.append(
        Diagnostic(
          .warning,
          "the reading '\(text)' was suggested by MeCab and is not confirmed (check it, then: letter readings \(file) --confirm \(lines[k]) -o \(file), or set \(statusColumn) to confirmed)",
          at: SourceLocation(file: file, line: lines[k]), id: id,
          key: name.map { row[$0].trimmingWhitespace }))
    }
    return found
  }
}
