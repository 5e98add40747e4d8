/// What `check` found: every finding, and per-locale counts like `msgfmt --statistics`.
public struct CheckReport: Sendable {
  /// In file order: file, line, column, then locale.
  public var findings: [Diagnostic]
  public var statistics: [Statistics]

  public init(findings: [Diagnostic], statistics: [Statistics]) {
    self.findings = findings.sorted { a, b in
      let la = a.location
      let lb = b.location
      if la?.file != lb?.file { return (la?.file ?? "") < (lb?.file ?? "") }
      if la?.line != lb?.line { return (la?.line ?? 0) < (lb?.line ?? 0) }
      if la?.column != lb?.column { return (la?.column ?? 0) < (lb?.column ?? 0) }
      if a.locale != b.locale { return (a.locale ?? "") < (b.locale ?? "") }
      if a.id != b.id { return (a.id ?? "") < (b.id ?? "") }
      return a.message < b.message
    }
    self.statistics = statistics
  }

  /// Per locale: messages translated, missing and obsolete against the source.
  public struct Statistics: Sendable, Hashable {
    public var locale: String
    public var translated: Int
    public var missing: Int
    public var obsolete: Int
  }

  public var errors: Int { findings.filter { $0.severity == .error }.count }
  public var warnings: Int { findings.filter { $0.severity == .warning }.count }
  public var notes: Int { findings.filter { $0.severity == .note }.count }

  /// `N errors, M warnings in K locales`.
  public var summary: String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let notes = notes > 0 ? ", \(plural(notes, "note"))" : ""
    return
      "\(plural(errors, "error")), \(plural(warnings, "warning"))\(notes) in \(plural(statistics.count, "locale"))"
  }

  /// `path:line:col: severity: [id] key: message`, one line each.
  public var text: String {
    findings.map { "\($0)\n" }.joined()
  }

  /// An array of findings: `id`, `severity`, `file`, `line`, `column`, `locale`, `key`,
  /// `message`.
  public var json: String {
    var w = JSONWriter()
    w.raw("[")
    for (k, f) in findings.enumerated() {
      w.raw(k == 0 ? "\n  " : ",\n  ")
      w.object(
        [
          ("id", { $0.string(f.id) }),
          ("severity", { $0.string(f.severity.rawValue) }),
          ("file", { $0.string(f.location?.file) }),
          ("line", { $0.number(f.location?.line) }),
          ("column", { $0.number(f.location?.column) }),
          ("locale", { $0.string(f.locale) }),
          ("key", { $0.string(f.key) }),
          ("message", { $0.string(f.message) }),
        ], indent: 2)
    }
    w.raw(findings.isEmpty ? "]\n" : "\n]\n")
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// `{"findings": [...], "statistics": [{locale, translated, missing, obsolete}]}`.
  public var jsonWithStatistics: String {
    var w = JSONWriter()
    w.raw("{\n  \"findings\": ")
    w.raw(json.trimmingWhitespace.replacingOccurrences("\n", with: "\n  "))
    w.raw(",\n  \"statistics\": [")
    for (k, s) in statistics.enumerated() {
      w.raw(k == 0 ? "\n    " : ",\n    ")
      w.object(
        [
          ("locale", { $0.string(s.locale) }), ("translated", { $0.number(s.translated) }),
          ("missing", { $0.number(s.missing) }), ("obsolete", { $0.number(s.obsolete) }),
        ], indent: 4)
    }
    w.raw("\n  ]\n}\n")
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// A table: locale, translated, missing, obsolete.
  public var statisticsText: String {
    var lines = ["locale  translated  missing  obsolete"]
    for s in statistics {
      func pad(_ v: String, _ n: Int) -> String {
        String(repeating: " ", count: max(0, n - v.count)) + v
      }
      lines.append(
        "\(s.locale)\(String(repeating: " ", count: max(1, 6 - s.locale.count)))  \(pad(String(s.translated), 10))  \(pad(String(s.missing), 7))  \(pad(String(s.obsolete), 8))"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
