import Yams

/// The state of a reading, in the column `<reading column>.status` (`reading.ja.status`).
public enum ReadingStatus: String, Sendable, CaseIterable {
  /// Suggested by the analyzer, not yet reviewed: `check` and `sort` warn
  /// (`unconfirmed-reading`) until a person confirms it.
  case suggested
  /// Reviewed by a person. (An empty status means the reading was written by a person.)
  case confirmed
}

/// Output formats of `letter readings`.
public enum ReadingsFormat: String, Sendable, CaseIterable {
  /// The review list: one line per suggestion with its file and line.
  case text
  /// The table with the reading and status columns, tab-separated (for a spreadsheet).
  case tsv
  /// The table as RFC 4180 CSV.
  case csv
  /// The table as a JSON list of records (readable by letter again).
  case json
  /// The table as a YAML list of records (readable by letter again).
  case yaml

  /// The table format a file's name asks for (.csv, .tsv, .json, .yaml, .yml).
  public static func forFile(_ path: String) -> ReadingsFormat? {
    let lower = path.lowercased()
    for format in [csv, tsv, json, yaml] where lower.hasSuffix(".\(format.rawValue)") {
      return format
    }
    return lower.hasSuffix(".yml") ? .yaml : nil
  }
}

/// A signatory list with a reading column and a status column, for suggesting and
/// confirming readings. Rows and columns are the list's own, in its order; the two
/// columns are added if the list lacks them. Readings already there are never changed.
public struct ReadingsTable: Sendable {
  public let list: SignatoryList
  public private(set) var header: [String]
  public private(set) var rows: [[String]]
  public let nameIndex: Int
  public let readingIndex: Int
  public let statusIndex: Int

  /// One row under review.
  public struct Entry: Sendable, Hashable {
    public var row: Int
    public var line: Int
    public var name: String
    /// The reading in the table (nil: none).
    public var reading: String?
    public var alternatives: [String]
    /// Words with kanji the analyzer could not read (the row got no suggestion).
    public var unread: [String]
    /// Whether the reading was suggested in this run.
    public var isNew: Bool
  }

  /// The table of a list. `readingColumn` names the reading column (added if the list
  /// has none); by default the list's own, else `reading.<language>`.
  public init(list: SignatoryList, locale: LocaleID, readingColumn: String?) {
    self.list = list
    if list.kind == .text {
      header = ["name", "reading.\(locale.language)"]
      rows = (0..<list.count).map { [list.name($0), list.reading($0) ?? ""] }
      nameIndex = 0
    } else {
      header = list.columns
      rows = list.rows
      nameIndex = list.columns.firstIndex(of: list.nameColumn) ?? 0
    }
    let readingName: String
    if list.kind == .text {
      readingName = header[1]
    } else {
      readingName = readingColumn ?? list.readingColumn ?? "reading.\(locale.language)"
    }
    if let k = header.firstIndex(of: readingName) {
      readingIndex = k
    } else {
      header.append(readingName)
      for k in rows.indices { rows[k].append("") }
      readingIndex = header.count - 1
    }
    let statusName = "\(readingName).status"
    if let k = header.firstIndex(of: statusName) {
      statusIndex = k
    } else {
      header.append(statusName)
      for k in rows.indices { rows[k].append("") }
      statusIndex = header.count - 1
    }
  }

  public var file: String { list.file }
  public func name(_ row: Int) -> String { rows[row][nameIndex].trimmingWhitespace }
  public func reading(_ row: Int) -> String? {
    let r = rows[row][readingIndex].trimmingWhitespace
    return r.isEmpty ? nil : r
  }
  public func status(_ row: Int) -> ReadingStatus? {
    ReadingStatus(rawValue: rows[row][statusIndex].trimmingWhitespace.lowercased())
  }

  /// The rows with kanji and no reading: the ones a suggestion is for.
  public var unreadRows: [Int] {
    rows.indices.filter { reading($0) == nil && ReadingSuggester.needsDictionary(name($0)) }
  }

  /// Suggests a reading for every row with kanji and no reading, marks each `suggested`,
  /// and returns what a person must review: every suggested row (new or from an earlier
  /// run, with alternatives) and every row that got no suggestion, in row order.
  public mutating func suggest(with suggester: ReadingSuggester) -> [Entry] {
    var entries: [Entry] = []
    for row in rows.indices {
      let name = name(row)
      if let existing = reading(row) {
        guard status(row) == .suggested else { continue }
        // Still to review from an earlier run: shown again, with its alternatives.
        var s = suggester.suggest(name)
        s.alternatives = ([s.reading].compactMap { $0 } + s.alternatives).filter {
          $0 != existing
        }
        entries.append(
          Entry(
            row: row, line: list.lines[row], name: name, reading: existing,
            alternatives: Array(s.alternatives.prefix(suggester.maximumAlternatives)), unread: [],
            isNew: false))
        continue
      }
      guard ReadingSuggester.needsDictionary(name) else { continue }
      let s = suggester.suggest(name)
      if let r = s.reading {
        rows[row][readingIndex] = r
        rows[row][statusIndex] = ReadingStatus.suggested.rawValue
      }
      entries.append(
        Entry(
          row: row, line: list.lines[row], name: name, reading: s.reading,
          alternatives: s.alternatives, unread: s.unread, isNew: true))
    }
    return entries
  }

  /// A confirmation asked for: the row on `line` (its reading as it is, or `reading`).
  public struct Confirmation: Sendable, Hashable {
    public var line: Int?  // nil: every suggested row
    public var reading: String?

    /// `LINE`, `LINE=READING` or `all`.
    public init(parsing text: String) throws(LetterError) {
      if text == "all" {
        line = nil
        reading = nil
        return
      }
      let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let n = Int(parts[0]), n > 0 else {
        throw .input(
          "--confirm: '\(text)' is not a line number (give LINE, LINE=READING or all, as the review list shows them)"
        )
      }
      line = n
      reading = parts.count > 1 ? String(parts[1]).trimmingWhitespace : nil
      if let r = reading {
        if r.isEmpty { throw .input("--confirm: '\(text)' gives an empty reading") }
        if ReadingSuggester.needsDictionary(r) {
          throw .input("--confirm: '\(text)': a reading is written in kana, not kanji")
        }
      }
    }
  }

  /// Marks rows confirmed. Each line must hold a record; without a reading of its own it
  /// must have a suggested one. Returns the rows confirmed.
  public mutating func confirm(_ requests: [Confirmation]) throws(LetterError) -> [Int] {
    var rowOfLine: [Int: Int] = [:]
    for (row, line) in list.lines.enumerated() where rowOfLine[line] == nil {
      rowOfLine[line] = row
    }
    var errors: [Diagnostic] = []
    var done: [Int] = []
    for request in requests {
      guard let line = request.line else {
        for row in rows.indices where status(row) == .suggested {
          rows[row][statusIndex] = ReadingStatus.confirmed.rawValue
          done.append(row)
        }
        continue
      }
      let place = SourceLocation(file: list.file, line: line)
      guard let row = rowOfLine[line] else {
        errors.append(
          Diagnostic(.error, "--confirm \(line): no record starts on this line", at: place))
        continue
      }
      if let r = request.reading {
        rows[row][readingIndex] = r
      } else if status(row) != .suggested || reading(row) == nil {
        errors.append(
          Diagnostic(
            .error,
            "--confirm \(line): this record has no suggested reading to confirm (give one: --confirm \(line)=READING)",
            at: place, key: name(row)))
        continue
      }
      rows[row][statusIndex] = ReadingStatus.confirmed.rawValue
      done.append(row)
    }
    if !errors.isEmpty { throw .input(errors) }
    return done
  }

  /// The table in a format (not `text`: see `review`).
  public func encode(_ format: ReadingsFormat) throws(LetterError) -> [UInt8] {
    switch format {
    case .csv: return CSVTable.encode(header: header, rows: rows)
    case .text, .tsv:
      var out: [UInt8] = []
      for row in [header] + rows {
        let clean = row.map { String($0.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        out.append(contentsOf: clean.joined(separator: "\t").utf8)
        out.append(0x0A)
      }
      return out
    case .json:
      var json = JSONWriter()
      json.raw("[")
      for (k, row) in rows.enumerated() {
        json.raw(k == 0 ? "\n  " : ",\n  ")
        json.object(
          header.enumerated().map { c, column in (column, { $0.string(row[c]) }) }, indent: 2)
      }
      json.raw(rows.isEmpty ? "]\n" : "\n]\n")
      return json.bytes
    case .yaml:
      let records = rows.map { row in
        Node.mapping(
          Node.Mapping(
            header.enumerated().map { c, column in
              (Node(column), Node(row[c], Tag(.str), .doubleQuoted))
            }))
      }
      do {
        return Array(
          try Yams.serialize(node: .sequence(Node.Sequence(records)), allowUnicode: true).utf8)
      } catch {
        throw .input("cannot write YAML: \(error)")
      }
    }
  }

  /// The review list: `file:line: name → reading (also: …)` per entry, then a summary.
  public func review(_ entries: [Entry]) -> String {
    var text = ""
    for e in entries {
      text += "\(list.file):\(e.line): \(e.name)"
      if let r = e.reading {
        text += " → \(r)"
        if !e.alternatives.isEmpty { text += "  (or: \(e.alternatives.joined(separator: ", ")))" }
        if !e.isNew { text += "  [suggested earlier, not yet confirmed]" }
      } else {
        text +=
          ": no suggestion (no reading in the dictionary for \(e.unread.joined(separator: ", "))); write one"
      }
      text += "\n"
    }
    let pending = entries.filter { $0.reading != nil }
    let none = entries.count - pending.count
    if entries.isEmpty {
      text += "No name needs a reading.\n"
    } else {
      var parts: [String] = []
      if !pending.isEmpty {
        parts.append(
          "\(pending.count) suggested reading\(pending.count == 1 ? "" : "s") to review; confirm with --confirm LINE… (or LINE=READING), or set \(header[statusIndex]) to confirmed"
        )
      }
      if none > 0 { parts.append("\(none) name\(none == 1 ? "" : "s") with no suggestion") }
      text += parts.joined(separator: "; ") + "\n"
    }
    return text
  }
}
