import Yams

/// A list of signatories read from a file, with the columns that name and read them.
///
/// - Text (any file not .csv/.yaml/.yml/.json; `-` for standard input): one record per
///   line, `name` or `name<TAB>reading`; blank lines are skipped. The lines themselves
///   are kept, byte for byte, for output.
/// - CSV (RFC 4180 with a header row), YAML or JSON (a list of records): the name
///   column defaults to `name.<locale>` then `name`, the reading to `reading.<locale>`
///   then `reading`. Every column is kept.
public struct SignatoryList: Sendable {
  public enum Kind: String, Sendable {
    case text, csv, yaml, json
  }

  public let kind: Kind
  public let file: String
  /// Column names (text input: `name`, `reading`).
  public let columns: [String]
  /// Which columns name and read each record.
  public let nameColumn: String
  public let readingColumn: String?
  /// Every record's fields, in `columns` order (empty for text input, whose lines are
  /// kept as bytes instead).
  public let rows: [[String]]
  /// The line each record is on.
  public let lines: [Int]
  /// Names and readings as UTF-8 spans, ready to sort.
  package let input: SortInput
  /// Text input: each record's whole line (without its line end).
  package let lineSpans: [SortInput.Span]

  public var count: Int { input.count }

  public func name(_ i: Int) -> String { input.name(i) }
  public func reading(_ i: Int) -> String? { input.reading(i) }

  /// Reads a list. `nameColumn`/`readingColumn` override the defaults for `locale`.
  /// `group`: only the records whose `group` column is this (a grouped CSV or YAML list,
  /// like a template's signatories).
  public static func load(
    _ path: String, locale: LocaleID, nameColumn: String? = nil, readingColumn: String? = nil,
    group: String? = nil
  ) throws(LetterError) -> SignatoryList {
    let lower = path.lowercased()
    let isTable =
      lower.hasSuffix(".csv") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
      || lower.hasSuffix(".json")
    if let group, !isTable {
      throw .input(
        "--group \(group): a text list has no groups (a CSV or YAML list has a 'group' column)",
        at: .init(file: path))
    }
    guard isTable else {
      return try fromText(FileIO.read(path), file: path == "-" ? "<stdin>" : path)
    }
    let table: SignatoryTable = try SignatoryTable.load(path)
    var rows = table.rows
    var lines = table.lines
    if let group {
      guard let c = table.column("group") else {
        throw .input(
          "--group \(group): no 'group' column; the columns are: \(table.header.joined(separator: ", "))",
          at: .init(file: path, line: table.headerLine))
      }
      let keep = table.rows.indices.filter { table.rows[$0][c] == group }
      if keep.isEmpty {
        let groups = Set(table.rows.map { $0[c] }).sorted().joined(separator: ", ")
        throw .input(
          "no record is in the group '\(group)' (groups: \(groups))", at: .init(file: path))
      }
      rows = keep.map { table.rows[$0] }
      lines = keep.map { table.lines[$0] }
    }
    let kind: Kind = lower.hasSuffix(".csv") ? .csv : lower.hasSuffix(".json") ? .json : .yaml
    return try fromTable(
      kind: kind, file: path, header: table.header, headerLine: table.headerLine, rows: rows,
      lines: lines, locale: locale, nameColumn: nameColumn, readingColumn: readingColumn)
  }

  /// Lines parsed on one thread.
  private final class TextPart: @unchecked Sendable {
    var names: [SortInput.Span] = []
    var readings: [SortInput.Span] = []
    var spans: [SortInput.Span] = []
    var lines: [Int] = []
    var lineCount = 0
    var invalid: Int?
  }

  /// Text lines: `name` or `name<TAB>reading`. Validated and split on two threads.
  package static func fromText(_ bytes: [UInt8], file: String) throws(LetterError) -> SignatoryList
  {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    // Cut at line ends near the middle.
    var cuts = [start]
    for range in Parallel.split(bytes.count - start, minimumPerPart: 4 << 20).dropFirst() {
      var cut = start + range.lowerBound
      while cut < bytes.count && bytes[cut - 1] != 0x0A { cut += 1 }
      if cut > cuts.last! && cut < bytes.count { cuts.append(cut) }
    }
    cuts.append(bytes.count)
    let bounds = cuts
    let parts = (0..<cuts.count - 1).map { _ in TextPart() }
    bytes.withUnsafeBufferPointer { b in
      let all = UncheckedSendable(b)
      Parallel.forEach(parts.indices) { k in
        let part = parts[k]
        let range = bounds[k]..<bounds[k + 1]
        let b = all.value
        if let bad = UTF8Validation.firstInvalid(UnsafeBufferPointer(rebasing: b[range])) {
          part.invalid = range.lowerBound + bad
          return
        }
        let estimate = range.count / 24
        part.names.reserveCapacity(estimate)
        part.readings.reserveCapacity(estimate)
        part.spans.reserveCapacity(estimate)
        part.lines.reserveCapacity(estimate)
        var start = range.lowerBound
        var line = 1
        let n = range.upperBound
        while start < n {
          var end = start
          var tab = -1
          while end < n && b[end] != 0x0A {
            if b[end] == 0x09 && tab < 0 { tab = end }
            end += 1
          }
          var stop = end
          if stop > start && b[stop - 1] == 0x0D { stop -= 1 }
          if stop > start {
            let whole = SortInput.Span(start: Int32(start), count: Int32(stop - start))
            if tab >= 0 && tab < stop {
              part.names.append(.init(start: Int32(start), count: Int32(tab - start)))
              let reading = SortInput.Span(start: Int32(tab + 1), count: Int32(stop - tab - 1))
              part.readings.append(reading.count > 0 ? reading : .none)
            } else {
              part.names.append(whole)
              part.readings.append(.none)
            }
            part.spans.append(whole)
            part.lines.append(line)
          }
          start = end + 1
          line += 1
        }
        part.lineCount = line - 1
      }
    }
    if let bad = parts.compactMap(\.invalid).min() {
      let (line, column) = bytes.withUnsafeBufferPointer {
        UTF8Validation.position(of: bad, in: $0)
      }
      throw .input(
        "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
        at: SourceLocation(file: file, line: line, column: column))
    }
    var input = SortInput(bytes: bytes)
    var spans: [SortInput.Span] = []
    var lines: [Int] = []
    var lineOffset = 0
    for part in parts {
      input.names.append(contentsOf: part.names)
      input.readings.append(contentsOf: part.readings)
      spans.append(contentsOf: part.spans)
      lines.append(contentsOf: part.lines.lazy.map { $0 + lineOffset })
      lineOffset += part.lineCount
    }
    return SignatoryList(
      kind: .text, file: file, columns: ["name", "reading"], nameColumn: "name",
      readingColumn: "reading", rows: [], lines: lines, input: input, lineSpans: spans)
  }

  /// Records from a CSV table or from YAML/JSON.
  static func fromTable(
    kind: Kind, file: String, header: [String], headerLine: Int, rows: [[String]], lines: [Int],
    locale: LocaleID, nameColumn: String?, readingColumn: String?
  ) throws(LetterError) -> SignatoryList {
    let at = SourceLocation(file: file, line: headerLine)
    if rows.isEmpty && header.isEmpty {  // an empty YAML/JSON list
      return SignatoryList(
        kind: kind, file: file, columns: [], nameColumn: nameColumn ?? "name",
        readingColumn: readingColumn, rows: [],
        lines: [], input: SortInput(), lineSpans: [])
    }
    let nameIndex = try column(
      nameColumn, defaults: ["name.\(locale.tag)", "name.\(locale.language)", "name"], in: header,
      what: "name", at: at)!
    let readingIndex = try column(
      readingColumn, defaults: ["reading.\(locale.tag)", "reading.\(locale.language)", "reading"],
      in: header, what: "reading", at: at, required: false)
    var input = SortInput()
    var errors: [Diagnostic] = []
    for (k, row) in rows.enumerated() {
      let name = row[nameIndex].trimmingWhitespace
      if name.isEmpty {
        errors.append(
          Diagnostic(
            .error, "record has an empty name (column '\(header[nameIndex])')",
            at: .init(file: file, line: lines[k])))
      }
      let reading = readingIndex.map { row[$0].trimmingWhitespace }
      input.append(name: name, reading: reading?.isEmpty == false ? reading : nil)
    }
    if !errors.isEmpty { throw .input(errors) }
    return SignatoryList(
      kind: kind, file: file, columns: header, nameColumn: header[nameIndex],
      readingColumn: readingIndex.map { header[$0] }, rows: rows, lines: lines, input: input,
      lineSpans: [])
  }

  private static func column(
    _ requested: String?, defaults: [String], in header: [String], what: String,
    at: SourceLocation, required: Bool = true
  ) throws(LetterError) -> Int? {
    if let requested {
      if let i = header.firstIndex(of: requested) { return i }
      throw .input(
        "no column '\(requested)'; the columns are: \(header.joined(separator: ", "))", at: at)
    }
    for name in defaults { if let i = header.firstIndex(of: name) { return i } }
    if !required { return nil }
    var unique: [String] = []
    for d in defaults where !unique.contains(d) { unique.append(d) }
    throw .input(
      "no \(what) column (looked for \(unique.joined(separator: ", "))); the columns are: \(header.joined(separator: ", ")); choose one with --column",
      at: at)
  }

  /// A YAML or JSON list of records (mappings of scalars).
  static func fromYAML(
    _ document: YAMLDocument, kind: Kind, locale: LocaleID, nameColumn: String?,
    readingColumn: String?
  ) throws(LetterError) -> SignatoryList {
    let table = try SignatoryTable.fromYAML(document)
    return try fromTable(
      kind: kind, file: document.file, header: table.header, headerLine: table.headerLine,
      rows: table.rows, lines: table.lines, locale: locale, nameColumn: nameColumn,
      readingColumn: readingColumn)
  }
}
