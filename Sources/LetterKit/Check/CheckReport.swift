/// What `check` found: every finding, and per-locale counts like `msgfmt --statistics`.
public struct CheckReport: Sendable {
  public var findings: [Diagnostic]
  public var statistics: [Statistics]

  /// Per locale: messages translated, missing and obsolete against the source.
  public struct Statistics: Sendable, Hashable {
    public var locale: String
    public var translated: Int
    public var missing: Int
    public var obsolete: Int
  }

  public var errors: Int { findings.filter { $0.severity == .error }.count }
  public var warnings: Int { findings.filter { $0.severity == .warning }.count }

  /// `N errors, M warnings in K locales`.
  public var summary: String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return
      "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(statistics.count, "locale"))"
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
