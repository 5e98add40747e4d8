/// The report for CI: SARIF 2.1.0 for code-scanning UIs, and GitHub workflow commands.
extension CheckReport {
  /// SARIF 2.1.0 (OASIS): one run of the tool `letter check`, its rules (every
  /// `Finding.ID` with its default level and doc line), and one result per finding with
  /// its rule, level, message and place (a file relative to where check ran).
  public var sarif: String {
    var w = JSONWriter()
    w.object(
      [
        ("$schema", { $0.string("https://json.schemastore.org/sarif-2.1.0.json") }),
        ("version", { $0.string("2.1.0") }),
        (
          "runs",
          { w in
            w.raw("[")
            w.object(
              [
                (
                  "tool",
                  { w in
                    w.object(
                      [("driver", { w in CheckReport.writeDriver(&w) })], indent: 6)
                  }
                ),
                ("results", { w in self.writeResults(&w) }),
              ], indent: 4)
            w.raw("]")
          }
        ),
      ], indent: 0)
    w.raw("\n")
    return String(decoding: w.bytes, as: UTF8.self)
  }

  private static func level(_ s: Diagnostic.Severity) -> String {
    switch s {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  private static func writeDriver(_ w: inout JSONWriter) {
    w.object(
      [
        ("name", { $0.string("letter check") }),
        ("informationUri", { $0.string("https://github.com/letter/letter#letter-check") }),
        (
          "rules",
          { w in
            w.raw("[")
            for (k, id) in Finding.ID.allCases.enumerated() {
              w.raw(k == 0 ? "\n          " : ",\n          ")
              w.object(
                [
                  ("id", { $0.string(id.rawValue) }),
                  (
                    "shortDescription",
                    { w in w.object([("text", { $0.string(id.doc) })], indent: 10) }
                  ),
                  (
                    "defaultConfiguration",
                    { w in
                      w.object([("level", { $0.string(level(id.defaultSeverity)) })], indent: 10)
                    }
                  ),
                ], indent: 10)
            }
            w.raw("\n        ]")
          }
        ),
      ], indent: 8)
  }

  private func writeResults(_ w: inout JSONWriter) {
    w.raw("[")
    let rules = Dictionary(
      uniqueKeysWithValues: Finding.ID.allCases.enumerated().map { ($1.rawValue, $0) })
    for (k, f) in findings.enumerated() {
      w.raw(k == 0 ? "\n        " : ",\n        ")
      var fields: [(String, (inout JSONWriter) -> Void)] = []
      if let id = f.id {
        fields.append(("ruleId", { $0.string(id) }))
        if let index = rules[id] { fields.append(("ruleIndex", { $0.number(index) })) }
      }
      fields.append(("level", { $0.string(CheckReport.level(f.severity)) }))
      let text = (f.key.map { "\($0): " } ?? "") + f.message
      fields.append(("message", { w in w.object([("text", { $0.string(text) })], indent: 8) }))
      if let location = f.location {
        fields.append(
          (
            "locations",
            { w in
              w.raw("[")
              CheckReport.writeLocation(location, &w)
              w.raw("]")
            }
          ))
      }
      var properties: [(String, (inout JSONWriter) -> Void)] = []
      if let locale = f.locale { properties.append(("locale", { $0.string(locale) })) }
      if let key = f.key { properties.append(("key", { $0.string(key) })) }
      if !properties.isEmpty {
        fields.append(("properties", { w in w.object(properties, indent: 10) }))
      }
      w.object(fields, indent: 8)
    }
    w.raw(findings.isEmpty ? "]" : "\n      ]")
  }

  private static func writeLocation(_ location: SourceLocation, _ w: inout JSONWriter) {
    var physical: [(String, (inout JSONWriter) -> Void)] = [
      (
        "artifactLocation",
        { w in w.object([("uri", { $0.string(uri(location.file)) })], indent: 14) }
      )
    ]
    if let line = location.line, line >= 1 {
      var region: [(String, (inout JSONWriter) -> Void)] = [("startLine", { $0.number(line) })]
      if let column = location.column, column >= 1 {
        region.append(("startColumn", { $0.number(column) }))
      }
      physical.append(("region", { w in w.object(region, indent: 14) }))
    }
    w.object([("physicalLocation", { w in w.object(physical, indent: 12) })], indent: 10)
  }

  /// A file path as a URI reference: relative paths stay relative; absolute ones get
  /// `file://`; characters outside RFC 3986's unreserved set and `/` are %-escaped.
  static func uri(_ path: String) -> String {
    var out = path.hasPrefix("/") ? "file://" : ""
    for b in path.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let hex = String(b, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }

  /// GitHub Actions workflow commands, one line each:
  /// `::error file=…,line=…,col=…,title=[id] key::message` (notes as `::notice`).
  public var githubAnnotations: String {
    func escapeData(_ s: String) -> String {
      s.replacingOccurrences("%", with: "%25").replacingOccurrences("\r", with: "%0D")
        .replacingOccurrences("\n", with: "%0A")
    }
    func escapeProperty(_ s: String) -> String {
      escapeData(s).replacingOccurrences(":", with: "%3A").replacingOccurrences(",", with: "%2C")
    }
    var out = ""
    for f in findings {
      let command =
        switch f.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
      var properties: [String] = []
      if let location = f.location {
        properties.append("file=\(escapeProperty(location.file))")
        if let line = location.line { properties.append("line=\(line)") }
        if let column = location.column { properties.append("col=\(column)") }
      }
      var title = f.id.map { "[\($0)]" } ?? "letter check"
      if let key = f.key { title += " \(key)" }
      properties.append("title=\(escapeProperty(title))")
      out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(f.message))\n"
    }
    return out
  }
}
