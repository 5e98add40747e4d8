/// A strict RFC 4180 CSV reader over UTF-8 bytes.
///
/// Why not a library: the CSV packages available here do not report an unterminated
/// quote (the rest of the file silently becomes one field) and mishandle `"ab"c`
/// (DESIGN.md). This reader reports every such fault with its line and column.
///
/// Accepted: a header row; fields separated by commas; CRLF or LF line ends; quoted
/// fields with `""` for a quote and line breaks inside; a UTF-8 byte order mark at the
/// start. Refused: a quote inside an unquoted field, text after a closing quote, an
/// unterminated quote, a row whose field count differs from the header's.
package struct CSVTable: Sendable {
  package var header: [String]
  package var rows: [[String]]
  /// The line each row starts on (1-based, the header is line 1 or more).
  package var lines: [Int]

  package static func parse(_ bytes: [UInt8], file: String) throws(LetterError) -> CSVTable {
    try UTF8Validation.validate(bytes, file: file)
    var reader = CSVReader(bytes: bytes, file: file)
    return try reader.table()
  }
}

struct CSVReader {
  let bytes: [UInt8]
  let file: String
  var i = 0
  var line = 1
  var lineStart = 0

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      i = 3
      lineStart = 3
    }
  }

  private func location(_ offset: Int, line: Int, lineStart: Int) -> SourceLocation {
    var column = 1
    var k = lineStart
    while k < offset {
      if bytes[k] & 0xC0 != 0x80 { column += 1 }
      k += 1
    }
    return SourceLocation(file: file, line: line, column: column)
  }

  mutating func table() throws(LetterError) -> CSVTable {
    var errors: [Diagnostic] = []
    var header: [String]?
    var rows: [[String]] = []
    var lines: [Int] = []
    while i < bytes.count {
      let rowLine = line
      // A blank line (not inside quotes) is skipped.
      if bytes[i] == 0x0A || bytes[i] == 0x0D {
        i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        line += 1
        lineStart = i
        continue
      }
      let row: [String]
      do throws(LetterError) {
        row = try readRow()
      } catch {
        errors.append(contentsOf: error.diagnostics)
        if error.diagnostics.contains(where: { $0.message.hasPrefix("unterminated") }) { break }
        skipToNextLine()
        continue
      }
      if let header {
        if row.count != header.count {
          errors.append(
            Diagnostic(
              .error,
              "this row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(header.count)",
              at: SourceLocation(file: file, line: rowLine)))
          continue
        }
        rows.append(row)
        lines.append(rowLine)
      } else {
        header = row
      }
    }
    if !errors.isEmpty { throw .input(errors) }
    guard let header else {
      throw .input("empty CSV file: it needs a header row", at: .init(file: file))
    }
    return CSVTable(header: header, rows: rows, lines: lines)
  }

  private mutating func skipToNextLine() {
    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
    if i < bytes.count {
      i += 1
      line += 1
      lineStart = i
    }
  }

  /// Reads one record, leaving `i` after its line end.
  private mutating func readRow() throws(LetterError) -> [String] {
    var fields: [String] = []
    while true {
      let fieldStart = i
      if i < bytes.count && bytes[i] == 0x22 {
        let startLine = line
        let startLineStart = lineStart
        i += 1
        var value: [UInt8] = []
        var closed = false
        while i < bytes.count {
          let c = bytes[i]
          if c == 0x22 {
            if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
              value.append(0x22)
              i += 2
              continue
            }
            i += 1
            closed = true
            break
          }
          if c == 0x0A {
            line += 1
            lineStart = i + 1
          }
          value.append(c)
          i += 1
        }
        if !closed {
          throw .input([
            Diagnostic(
              .error, "unterminated quoted field (the quote opened here is never closed)",
              at: location(fieldStart, line: startLine, lineStart: startLineStart))
          ])
        }
        if i < bytes.count && bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D {
          throw .input([
            Diagnostic(
              .error, "text after a closing quote (write a quote inside a quoted field as \"\")",
              at: location(i, line: line, lineStart: lineStart))
          ])
        }
        fields.append(String(decoding: value, as: UTF8.self))
      } else {
        while i < bytes.count {
          let c = bytes[i]
          // A line ends at LF, CRLF, or a bare CR (old Mac files).
          if c == 0x2C || c == 0x0A || c == 0x0D { break }
          if c == 0x22 {
            throw .input([
              Diagnostic(
                .error,
                "a quote inside an unquoted field (quote the whole field and double the quote)",
                at: location(i, line: line, lineStart: lineStart))
            ])
          }
          i += 1
        }
        fields.append(String(decoding: bytes[fieldStart..<i], as: UTF8.self))
      }
      if i >= bytes.count { return fields }
      switch bytes[i] {
      case 0x2C:
        i += 1
      case 0x0D:
        // CRLF, or a bare CR: either ends the line; no byte after it is skipped.
        i += i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        line += 1
        lineStart = i
        return fields
      default:
        i += 1
        line += 1
        lineStart = i
        return fields
      }
    }
  }
}

extension CSVTable {
  /// Writes a table as RFC 4180 CSV (fields quoted when they need it), CRLF-free.
  package static func encode(header: [String], rows: [[String]]) -> [UInt8] {
    var out: [UInt8] = []
    // Quoted when it holds a delimiter, a quote or a line end; when it is a row's only
    // field and empty (else the row would read back as a blank line, which is skipped);
    // and at the very start when it begins with U+FEFF (else it would read as a BOM).
    func field(_ s: String, alone: Bool) {
      if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
        || (alone && s.isEmpty) || (out.isEmpty && s.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
      {
        out.append(0x22)
        for b in s.utf8 {
          if b == 0x22 { out.append(0x22) }
          out.append(b)
        }
        out.append(0x22)
      } else {
        out.append(contentsOf: s.utf8)
      }
    }
    for row in [header] + rows {
      for (k, value) in row.enumerated() {
        if k > 0 { out.append(0x2C) }
        field(value, alone: row.count == 1)
      }
      out.append(0x0A)
    }
    return out
  }
}
