/// Output formats for a sorted list.
public enum ListFormat: String, Sendable, CaseIterable {
  /// Text input: its lines, byte for byte; other input: one name per line. With
  /// headings, a line `# <heading>` before each bucket.
  case text
  /// A header row, then the columns tab-separated.
  case tsv
  /// RFC 4180, every column kept.
  case csv
  /// An array of `{name, reading, heading, line, fields}`.
  case json
}

extension SignatoryList {
  /// Sorts the list, with a warning for each member that could not be placed.
  public func sorted(by sorter: SignatorySorter) -> (result: SortResult, diagnostics: [Diagnostic])
  {
    let result = sorter.sort(input)
    let diagnostics = result.unplaced.map { i in
      Diagnostic(
        .warning,
        "has kanji but no reading, so it cannot be placed in Japanese order; listed last (add a reading)",
        at: SourceLocation(file: file, line: lines[i]), id: "no-reading", key: name(i))
    }
    return (result, diagnostics)
  }

  /// The sorted list in a format, handed to `emit` in pieces (about a megabyte each).
  public func render(
    _ result: SortResult, format: ListFormat, headings: Bool, locale: LocaleID,
    emit: (UnsafeRawBufferPointer) throws(LetterError) -> Void
  ) throws(LetterError) {
    if format == .text {
      try renderText(result, headings: headings, locale: locale, emit: emit)
      return
    }
    let bytes = render(result, format: format, headings: headings, locale: locale)
    try bytes.withUnsafeBytes { b in Result { () throws(LetterError) in try emit(b) } }.get()
  }

  /// The sorted list as bytes in a format.
  public func render(_ result: SortResult, format: ListFormat, headings: Bool, locale: LocaleID)
    -> [UInt8]
  {
    switch format {
    case .text:
      var out: [UInt8] = []
      try? renderText(result, headings: headings, locale: locale) { out.append(contentsOf: $0) }
      return out
    case .tsv, .csv:
      var (header, rows) = table(result)
      if headings, let labels = result.headings {
        header.append("heading")
        // The same heading text in every format: "あ行", as the text output shows it.
        for k in rows.indices { rows[k].append(labels[k].display(locale: locale)) }
      }
      if format == .csv { return CSVTable.encode(header: header, rows: rows) }
      var out: [UInt8] = []
      for row in [header] + rows {
        let clean = row.map { String($0.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        out.append(contentsOf: clean.joined(separator: "\t").utf8)
        out.append(0x0A)
      }
      return out
    case .json: return renderJSON(result, locale: locale)
    }
  }

  private func renderText(
    _ result: SortResult, headings: Bool, locale: LocaleID,
    emit: (UnsafeRawBufferPointer) throws(LetterError) -> Void
  ) throws(LetterError) {
    let capacity = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }
    var used = 0
    // A byte order mark at the start of a text file stays at the start.
    if kind == .text && input.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      buffer.copyBytes(from: [0xEF, 0xBB, 0xBF])
      used = 3
    }
    var last: IndexHeading?
    let spans = kind == .text ? lineSpans : input.names
    try input.bytes.withUnsafeBytes { all in
      Result { () throws(LetterError) in
        func put(_ bytes: UnsafeRawBufferPointer) throws(LetterError) {
          if used + bytes.count > capacity {
            try emit(UnsafeRawBufferPointer(rebasing: buffer[..<used]))
            used = 0
          }
          if bytes.count > capacity {
            try emit(bytes)
          } else {
            (buffer.baseAddress! + used).copyMemory(
              from: bytes.baseAddress!, byteCount: bytes.count)
            used += bytes.count
          }
        }
        do {
          for (position, i) in result.order.enumerated() {
            if headings, let heading = result.headings?[position], heading != last {
              var text = "\(last == nil ? "" : "\n")# \(heading.display(locale: locale))\n"
              try text.withUTF8 { t in
                Result { () throws(LetterError) in try put(UnsafeRawBufferPointer(t)) }
              }.get()
              last = heading
            }
            let span = spans[i]
            let end = Int(span.start + span.count)
            try put(UnsafeRawBufferPointer(rebasing: all[Int(span.start)..<end]))
            // The line's own end: CRLF stays CRLF (text output is the input's bytes).
            let crlf = kind == .text && end < all.count && all[end] == 0x0D
            if used + 2 > capacity {
              try emit(UnsafeRawBufferPointer(rebasing: buffer[..<used]))
              used = 0
            }
            if crlf {
              buffer[used] = 0x0D
              used += 1
            }
            buffer[used] = 0x0A
            used += 1
          }
        }
        if used > 0 { try emit(UnsafeRawBufferPointer(rebasing: buffer[..<used])) }
      }
    }.get()
  }

  private func table(_ result: SortResult) -> ([String], [[String]]) {
    if kind == .text {
      return (["name", "reading"], result.order.map { [name($0), reading($0) ?? ""] })
    }
    return (columns, result.order.map { rows[$0] })
  }

  private func renderJSON(_ result: SortResult, locale: LocaleID) -> [UInt8] {
    var json = JSONWriter()
    json.raw("[")
    for (position, i) in result.order.enumerated() {
      json.raw(position == 0 ? "\n  " : ",\n  ")
      var fields: [(String, (inout JSONWriter) -> Void)] = [
        ("name", { $0.string(name(i)) }),
        ("reading", { $0.string(reading(i)) }),
        ("heading", { $0.string(result.headings?[position].display(locale: locale)) }),
        ("line", { $0.number(lines[i]) }),
      ]
      if kind != .text {
        let row = rows[i]
        fields.append(
          (
            "fields",
            { w in
              w.object(
                columns.enumerated().map { k, column in (column, { $0.string(row[k]) }) }, indent: 4
              )
            }
          ))
      }
      json.object(fields, indent: 2)
    }
    json.raw(result.order.isEmpty ? "]\n" : "\n]\n")
    return json.bytes
  }
}
