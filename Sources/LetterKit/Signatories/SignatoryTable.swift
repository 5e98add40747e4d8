/// Signatory records as a table: a header and rows of text, each row with its line.
/// From CSV (RFC 4180 with a header row) or a YAML/JSON list of mappings.
public struct SignatoryTable: Sendable {
  public let file: String
  public let header: [String]
  public let rows: [[String]]
  public let lines: [Int]
  /// The line the column names are on (CSV: the header; YAML: the first record).
  public let headerLine: Int

  public static func load(_ path: String) throws(LetterError) -> SignatoryTable {
    let lower = path.lowercased()
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") {
      return try fromYAML(YAMLDocument.load(path))
    }
    let table = try CSVTable.parse(FileIO.read(path), file: path)
    return SignatoryTable(
      file: path, header: table.header, rows: table.rows, lines: table.lines, headerLine: 1)
  }

  /// The index of a column, if there is one.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The column of a field for a locale: `name.ja-JP`, then `name.ja`, then `name`.
  public func column(_ field: String, for locale: LocaleID) -> Int? {
    for tag in locale.fallbackChain { if let c = column("\(field).\(tag)") { return c } }
    return column(field)
  }

  /// The rows of a group: by the `group` column, or every row if there is none and the
  /// template has a single group.
  public func rows(inGroup id: String, onlyGroup: Bool) -> [Int] {
    guard let c = column("group") else { return onlyGroup ? Array(rows.indices) : [] }
    return rows.indices.filter { rows[$0][c] == id }
  }

  static func fromYAML(_ document: YAMLDocument) throws(LetterError) -> SignatoryTable {
    guard let root = document.root, case .sequence(let records) = root else {
      throw .input(
        "expected a list of records, each a mapping of column: value",
        at: document.root.map(document.location(of:)) ?? .init(file: document.file))
    }
    var header: [String] = []
    var known: Set<String> = []  // the header's names: a record of 150,000 keys stays linear
    var maps: [[String: String]] = []
    var lines: [Int] = []
    var errors: [Diagnostic] = []
    for record in records {
      guard case .mapping(let mapping) = record else {
        errors.append(
          Diagnostic(
            .error, "a record must be a mapping (name: ..., reading: ...)",
            at: document.location(of: record)))
        continue
      }
      var fields: [String: String] = [:]
      for (key, value) in mapping {
        guard let k = key.scalarText else { continue }
        guard let v = value.scalarText else {
          errors.append(
            Diagnostic(
              .error, "field '\(k)' must be a single value", at: document.location(of: value)))
          continue
        }
        if known.insert(k).inserted { header.append(k) }
        fields[k] = v
      }
      maps.append(fields)
      lines.append(record.mark?.line ?? 0)
    }
    if !errors.isEmpty { throw .input(errors) }
    return SignatoryTable(
      file: document.file, header: header, rows: maps.map { m in header.map { m[$0] ?? "" } },
      lines: lines,
      headerLine: records.first?.mark?.line ?? 1)
  }
}
