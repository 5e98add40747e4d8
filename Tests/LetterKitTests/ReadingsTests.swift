import Foundation
import Testing

@testable import LetterKit

/// MeCab with a dictionary, if this machine has them (the tests that need it are skipped,
/// with the reason, when it does not).
enum InstalledMeCab {
  static func open(_ kind: MeCabDictionary.Kind) -> MeCab? {
    guard let dictionary = try? MeCabDictionary.find(kind.rawValue) else { return nil }
    return try? MeCab(dictionary: dictionary, library: library)
  }
  /// LETTER_MECAB_LIBRARY, as the command reads it (a missing one shows the skips).
  static let library =
    ProcessInfo.processInfo.environment["LETTER_MECAB_LIBRARY"] ?? MeCab.defaultLibrary
  static let ipadic = open(.ipadic) != nil
  static let unidic = open(.unidic) != nil

  static func suggester(_ kind: MeCabDictionary.Kind = .ipadic) throws -> ReadingSuggester {
    try ReadingSuggester(
      mecab: MeCab(dictionary: MeCabDictionary.find(kind.rawValue), library: library))
  }
}

/// A list with its published readings (Fixtures/readings): names and readings by row.
private func publishedList(_ file: String) throws -> SignatoryList {
  try SignatoryList.load(
    fixturePath("readings/\(file)"), locale: LocaleID("ja"), nameColumn: "name",
    readingColumn: nil)
}

/// Spaces and middle dots are not compared (the sort ignores them too).
private func normalized(_ s: String) -> String {
  String(s.filter { $0 != " " && $0 != "\u{3000}" && $0 != "・" })
}

private let noIPADIC =
  "MeCab with IPADIC is not installed (apt-get install libmecab2 mecab-ipadic-utf8)"
private let noUniDic = "MeCab with UniDic is not installed (apt-get install libmecab2 unidic-mecab)"

@Suite("Readings suggested by MeCab")
struct ReadingSuggesterTests {
  /// Exact-match rates on the lists, with a floor a regression would break (the figures
  /// themselves are in README). The published readings are independent of MeCab.
  @Test(
    .enabled(if: InstalledMeCab.ipadic, Comment(rawValue: noIPADIC)),
    arguments: [
      ("family-names.csv", 0.9), ("places.csv", 0.9), ("organizations.csv", 0.8),
      ("people.csv", 0.6),
    ])
  func accuracyOnPublishedReadings(file: String, floor: Double) throws {
    let suggester = try InstalledMeCab.suggester()
    let list = try publishedList(file)
    let published = list.columns.firstIndex(of: "published")!
    var exact = 0
    for row in 0..<list.count {
      let s = suggester.suggest(list.name(row))
      if let r = s.reading, normalized(r) == normalized(list.rows[row][published]) { exact += 1 }
    }
    #expect(Double(exact) / Double(list.count) >= floor, "\(file): \(exact) of \(list.count)")
  }

  /// Every suggestion, right or wrong, is marked suggested and reported until a person
  /// confirms it: the wrong ones are never taken silently.
  @Test(.enabled(if: InstalledMeCab.ipadic, Comment(rawValue: noIPADIC)))
  func wrongSuggestionsAreFlagged() throws {
    let suggester = try InstalledMeCab.suggester()
    let list = try publishedList("places.csv")
    var table = ReadingsTable(list: list, locale: try LocaleID("ja"), readingColumn: nil)
    let entries = table.suggest(with: suggester)
    let published = table.header.firstIndex(of: "published")!
    let wrong = table.rows.indices.filter {
      table.reading($0).map(normalized) != normalized(table.rows[$0][published])
    }
    // 行方市 is なめがたし; a dictionary reads 行方 ゆくえ (whereabouts).
    let namegata = table.rows.firstIndex { $0[table.nameIndex] == "行方市" }!
    #expect(wrong.contains(namegata))
    #expect(!wrong.isEmpty)
    for row in wrong where table.reading(row) != nil {
      #expect(table.status(row) == .suggested, "\(table.name(row))")
      #expect(entries.contains { $0.row == row })
    }
    // The table as written: sort and check warn for each suggested row, at its line.
    let bytes = try table.encode(.csv)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "letter-readings-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("places.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let warnings = UnconfirmedReadings.check(
      try SignatoryTable.load(path), locale: try LocaleID("ja"))
    #expect(warnings.count == table.rows.indices.filter { table.status($0) == .suggested }.count)
    let flagged = Set(warnings.compactMap(\.location?.line))
    for row in wrong where table.reading(row) != nil {
      #expect(flagged.contains(list.lines[row]), "\(table.name(row)) not flagged")
    }
    #expect(warnings.allSatisfy { $0.id == "unconfirmed-reading" && $0.severity == .warning })
  }

  /// MeCab's N-best: the other readings of a name are shown.
  @Test(.enabled(if: InstalledMeCab.ipadic, Comment(rawValue: noIPADIC)))
  func alternativesFromNBest() throws {
    let s = try InstalledMeCab.suggester().suggest("河野")
    #expect(s.reading == "こうの")
    #expect(s.alternatives.contains("かわの"))
  }

  @Test(.enabled(if: InstalledMeCab.unidic, Comment(rawValue: noUniDic)))
  func alternativesFromNBestUniDic() throws {
    let s = try InstalledMeCab.suggester(.unidic).suggest("中島")
    #expect(s.reading == "なかじま")
    #expect(s.alternatives.contains("なかしま"))
  }

  /// Legal-entity forms are read by the sort's own table, at the start or the end.
  @Test(.enabled(if: InstalledMeCab.ipadic, Comment(rawValue: noIPADIC)))
  func legalFormsReadByTheSortTable() throws {
    let suggester = try InstalledMeCab.suggester()
    let body = suggester.suggest("平和").reading!
    for form in LegalForms.standard.forms {
      let text = String(decoding: form.text, as: UTF8.self)
      let reading = String(decoding: form.reading, as: UTF8.self)
      #expect(suggester.suggest(text + "平和").reading == reading + body, "\(text)")
      #expect(suggester.suggest("平和 " + text).reading == body + " " + reading, "\(text)")
    }
  }

  /// Katakana become hiragana (the long-vowel mark stays); Latin letters and digits stay.
  @Test(.enabled(if: InstalledMeCab.ipadic, Comment(rawValue: noIPADIC)))
  func kanaLatinAndDigits() throws {
    let suggester = try InstalledMeCab.suggester()
    let toHiragana = try Transliterator.katakanaToHiragana()
    let tokyo = suggester.suggest("東京").reading!
    #expect(tokyo == "とうきょう")
    #expect(suggester.suggest("ピースボート東京").reading == "ぴーすぼーと" + tokyo)
    #expect(suggester.suggest("ｶﾀｶﾅ東京").reading == toHiragana("カタカナ") + tokyo)
    #expect(suggester.suggest("NGO東京").reading == "NGO" + tokyo)
    #expect(suggester.suggest("9条の会").reading == "9じょうのかい")
    #expect(suggester.suggest("山田　太郎").reading == "やまだ\u{3000}たろう")
    // A line break inside a CSV field stays a separator (MeCab never sees it).
    #expect(suggester.suggest("東京\n大阪").reading == "とうきょう\nおおさか")
    #expect(suggester.suggest("EOS東京").reading == "EOS" + tokyo)
  }

  /// A kanji the dictionary has no reading for: no suggestion, and it says which.
  @Test(.enabled(if: InstalledMeCab.ipadic, Comment(rawValue: noIPADIC)))
  func unreadKanjiGiveNoSuggestion() throws {
    let s = try InstalledMeCab.suggester().suggest("𠮷野家")
    #expect(s.reading == nil)
    #expect(s.unread.contains { $0.contains("𠮷") })
  }
}

@Suite("Readings table, confirmation and the unconfirmed-reading check")
struct ReadingsTableTests {
  func table(_ csv: String) throws -> ReadingsTable {
    let bytes = Array(csv.utf8)
    let parsed = try CSVTable.parse(bytes, file: "list.csv")
    let list = try SignatoryList.fromTable(
      kind: .csv, file: "list.csv", header: parsed.header, headerLine: 1, rows: parsed.rows,
      lines: parsed.lines, locale: LocaleID("ja"), nameColumn: nil, readingColumn: nil)
    return ReadingsTable(list: list, locale: try LocaleID("ja"), readingColumn: nil)
  }

  @Test func columnsAddedAndExistingReadingsKept() throws {
    let t = try table("name.ja,reading.ja\n河野,かわの\n佐藤,\n")
    #expect(t.header == ["name.ja", "reading.ja", "reading.ja.status"])
    #expect(t.reading(0) == "かわの")
    #expect(t.unreadRows == [1])
  }

  @Test(.enabled(if: InstalledMeCab.ipadic, Comment(rawValue: noIPADIC)))
  func existingReadingsAreNeverChanged() throws {
    var t = try table("name.ja,reading.ja\n河野,かわの\n佐藤,\nさくら,\n")
    let entries = t.suggest(with: try InstalledMeCab.suggester())
    #expect(t.rows[0] == ["河野", "かわの", ""])
    #expect(t.rows[1] == ["佐藤", "さとう", "suggested"])
    #expect(t.rows[2] == ["さくら", "", ""])  // kana: sorts as it is, nothing to suggest
    #expect(entries.map(\.line) == [3])
  }

  @Test func confirmByLineAndWithAnotherReading() throws {
    var t = try table(
      "name.ja,reading.ja,reading.ja.status\n河野,こうの,suggested\n中島,なかじま,suggested\n佐藤,さとう,\n")
    let done = try t.confirm([
      .init(parsing: "2"), .init(parsing: "3=なかしま"),
    ])
    #expect(done == [0, 1])
    #expect(t.rows[0] == ["河野", "こうの", "confirmed"])
    #expect(t.rows[1] == ["中島", "なかしま", "confirmed"])
    // Line 4 has a reading a person wrote: nothing to confirm there.
    #expect(throws: LetterError.self) { try t.confirm([.init(parsing: "4")]) }
    #expect(throws: LetterError.self) { try t.confirm([.init(parsing: "9")]) }
    #expect(throws: LetterError.self) { try ReadingsTable.Confirmation(parsing: "two") }
    #expect(throws: LetterError.self) { try ReadingsTable.Confirmation(parsing: "2=河野") }
  }

  @Test func unconfirmedReadingsFromATable() throws {
    let csv = "name.ja,reading.ja,reading.ja.status\n河野,こうの,suggested\n中島,なかじま,confirmed\n佐藤,さとう,\n"
    let table = SignatoryTable(
      file: "list.csv", header: ["name.ja", "reading.ja", "reading.ja.status"],
      rows: try CSVTable.parse(Array(csv.utf8), file: "list.csv").rows, lines: [2, 3, 4],
      headerLine: 1)
    let found = UnconfirmedReadings.check(table, locale: try LocaleID("ja"))
    #expect(found.count == 1)
    #expect(found.first?.id == "unconfirmed-reading")
    #expect(found.first?.severity == .warning)
    #expect(found.first?.key == "河野")
    #expect(found.first?.location == SourceLocation(file: "list.csv", line: 2))
  }
}
