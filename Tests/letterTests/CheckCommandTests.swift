import Foundation
import Testing

@Suite("letter check, end to end")
struct CheckCommandTests {
  static let checks = URL(fileURLWithPath: CLI.fixture("checks"))

  @Test func theShippedTemplatePassesStrictWithNoFinding() throws {
    let r = try CLI.run(["check", "--strict"])
    #expect(r.status == 0)
    #expect(r.stdout == "0 errors, 0 warnings in 3 locales\n")
  }

  /// Every fault in the faulty template, each at the place a translator would fix it
  /// (positions counted by hand in the fixture files).
  static let expected:
    [(id: String, file: String, line: Int?, column: Int?, locale: String, key: String)] = [
      ("unused", "Locales/en.yaml", 7, 13, "en", "f.unused"),
      ("missing", "Locales/en.yaml", 7, 13, "ja", "f.unused"),
      ("plural-unused", "Locales/ja.yaml", 5, 25, "ja", "f.count"),
      ("empty", "Locales/ja.yaml", 6, 11, "ja", "f.date"),
      ("obsolete", "Locales/ja.yaml", 7, 12, "ja", "f.extra"),
      // A renamed argument: one finding, at the new name (not also missing, not also
      // a model value).
      ("arguments", "Locales/ja.yaml", 8, 20, "ja", "f.needs"),
      ("syntax", "Locales/ja.yaml", 9, 15, "ja", "f.heading"),
      ("plural-category", "Locales/ru.yaml", 5, 13, "ru", "f.count"),
      ("arguments", "Locales/ru.yaml", 6, 13, "ru", "f.date"),
      ("unknown-key", "Templates/faulty/letter.txt.mustache", 5, 1, "en", "f.nope"),
      // A value the model lacks: once, against the model.
      ("model-value", "Templates/faulty/letter.yaml", nil, nil, "en", "f.needs"),
      ("no-reading", "Templates/faulty/signatories.csv", 3, nil, "ja", "members"),
      ("signatory-name", "Templates/faulty/signatories.csv", 4, nil, "ru", "members"),
      ("duplicate-signatory", "Templates/faulty/signatories.csv", 5, nil, "en", "members"),
      ("signatory-group", "Templates/faulty/signatories.csv", 6, nil, "en", "guests"),
    ]

  @Test func aTemplateWithSeveralFaultsReportsAllOfThemInOneRun() throws {
    let r = try CLI.run(["check", "faulty", "--format", "json"], in: Self.checks)
    #expect(r.status == 1)
    let findings = try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [[String: Any]]
    let got = findings.map { f in
      "\(f["id"] as! String) \(f["file"] as! String):\((f["line"] as? Int).map(String.init) ?? "-"):\((f["column"] as? Int).map(String.init) ?? "-") \(f["locale"] as! String) \(f["key"] as! String)"
    }
    let want = Self.expected.map {
      "\($0.id) \($0.file):\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-") \($0.locale) \($0.key)"
    }
    #expect(got == want)
    #expect(
      findings.allSatisfy {
        ["error", "warning"].contains($0["severity"] as! String)
          && !($0["message"] as! String).isEmpty
      })
  }

  @Test func textOutputIsCompilerStyleWithASummary() throws {
    let r = try CLI.run(["check", "faulty"], in: Self.checks)
    #expect(r.status == 1)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == Self.expected.count + 1)
    #expect(
      lines.first
        == "Locales/en.yaml:7:13: warning: [unused] f.unused: no layout or group uses this message")
    #expect(
      lines.contains(
        "Locales/ru.yaml:5:13: error: [plural-category] f.count: 'n' lacks the ru plural categories few, many (few: 2, 3, 4, 22, 23, 24 …; many: 0, 5, 6, 7, 8, 9 …)"
      ))
    #expect(lines.last == "9 errors, 6 warnings in 3 locales")
  }

  @Test func oneLocaleAndStatistics() throws {
    let r = try CLI.run(["check", "faulty", "--locale", "ru", "--stats"], in: Self.checks)
    #expect(
      r.stdout.hasSuffix(
        "locale  translated  missing  obsolete\nen               6        0         0\nru               6        0         0\n"
      ))
    #expect(!r.stdout.contains("Locales/ja.yaml"))
  }

  @Test func warningsFailOnlyWithStrict() throws {
    // A copy of the shipped template whose Japanese has an extra, obsolete message.
    let root = try CLI.copyOfShippedLetter()
    let ja = root.appendingPathComponent("Locales/ja.yaml")
    try (try String(contentsOf: ja, encoding: .utf8) + "  extra:\n    old: 古い\n").write(
      to: ja, atomically: true, encoding: .utf8)
    let lenient = try CLI.run(["check"], in: root)
    #expect(lenient.status == 0)
    #expect(lenient.stdout.contains("warning: [obsolete] extra.old"))
    let strict = try CLI.run(["check", "--strict"], in: root)
    #expect(strict.status == 1)
  }

  @Test(arguments: ["--catalogs", "--locales"])
  func ordinalCategoriesSelectWithoutOtherAndAMissingCatalog(option: String) throws {
    // A second template, with its catalogs in a folder named by --catalogs (or its old
    // spelling, --locales).
    let gaps = URL(fileURLWithPath: CLI.fixture("gaps"))
    let r = try CLI.run(["check", "Templates/gaps", option, "Locales"], in: gaps)
    #expect(r.status == 1)
    #expect(
      r.stdout == """
        Locales: error: [no-catalog] the template lists fr, but there is no catalog for it (catalogs: en, ko)
        Locales/en.yaml:4:12: error: [plural-category] g.rank: 'rank' lacks the en ordinal categories two, few (two: 2, 22, 32, 42, 52, 62 …; few: 3, 23, 33, 43, 53, 63 …)
        Locales/ko.yaml:5:11: error: [no-other] g.who: 'select' needs an 'other' arm (used when nothing else matches)
        3 errors, 0 warnings in 3 locales

        """)
  }

  @Test func jsonWithStatisticsIsOneObject() throws {
    let r = try CLI.run(["check", "--format", "json", "--stats"])
    let object = try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any]
    #expect((object["findings"] as! [Any]).isEmpty)
    let stats = object["statistics"] as! [[String: Any]]
    #expect(stats.map { $0["locale"] as! String } == ["en", "ja", "fr"])
    #expect(stats.map { $0["translated"] as! Int } == [23, 23, 23])
  }

  @Test func aBrokenCatalogIsUnreadableInput() throws {
    let root = try CLI.copyOfShippedLetter()
    try Data([0x6C, 0x6F, 0xFF, 0x0A]).write(to: root.appendingPathComponent("Locales/ja.yaml"))
    let r = try CLI.run(["check"], in: root)
    #expect(r.status == 2)
    #expect(r.stderr.contains("Locales/ja.yaml:1:3: error: invalid UTF-8 (byte 0xFF)"))
  }

  @Test func unreadableInputExits2() throws {
    let r = try CLI.run(["check", "nonesuch"], in: Self.checks)
    #expect(r.status == 2)
  }
}
