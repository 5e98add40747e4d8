import Foundation
import Testing

@testable import LetterKit

func fixturePath(_ path: String) -> String {
  Bundle.module.url(forResource: "Fixtures/\(path)", withExtension: nil)!.path
}

@Suite("Catalogs")
struct CatalogTests {
  @Test func nestedKeysNotesAndPlaces() throws {
    let dir = fixturePath("catalogs/good")
    let en = try Catalog.load(LocaleID("en"), from: dir)
    #expect(en.keys == ["common.closing", "common.others", "letter.salutation"])
    #expect(en["common.others"]?.note == "count is the number of organizations not named")
    #expect(
      en["common.closing"]?.location == SourceLocation(file: "\(dir)/en.yaml", line: 4, column: 14))
    #expect(en["letter.salutation"]?.text == "Dear {recipient.title} {recipient.name},")
  }

  @Test func aFolderIsMerged() throws {
    let ja = try Catalog.load(LocaleID("ja"), from: fixturePath("catalogs/good"))
    #expect(Set(ja.keys) == ["common.closing", "common.others", "letter.salutation"])
    #expect(ja.files.count == 2)
  }

  @Test func aKeyDefinedTwiceNamesBothPlaces() throws {
    let dir = fixturePath("catalogs/dup")
    #expect(throws: LetterError.self) { try Catalog.load(LocaleID("ja"), from: dir) }
    do {
      _ = try Catalog.load(LocaleID("ja"), from: dir)
    } catch let e as LetterError {
      let d = try #require(e.diagnostics.first)
      #expect(d.location == SourceLocation(file: "\(dir)/ja/b.yaml", line: 4, column: 13))
      #expect(d.message == "'common.others' is defined twice: first at \(dir)/ja/a.yaml:5:13")
    }
  }

  @Test func fallbackChainIsExplicit() throws {
    let catalogs = Catalogs(directory: fixturePath("catalogs/good"))
    #expect(try catalogs.chain(LocaleID("ja-JP")).map(\.locale.tag) == ["ja-JP", "ja"])
    #expect(try catalogs.chain(LocaleID("ja")).map(\.locale.tag) == ["ja"])
    // No other language unless asked.
    #expect(
      try catalogs.chain(LocaleID("ja"), fallback: LocaleID("en")).map(\.locale.tag) == [
        "ja", "en",
      ])
    #expect(throws: LetterError.self) { try catalogs.chain(LocaleID("fr")) }
    #expect(catalogs.available == ["en", "ja", "ja-JP"])
  }

  @Test func aListForAMessageIsAProblemAtItsPlaceNotAFailure() throws {
    let dir = fixturePath("catalogs/bad")
    let en = try Catalog.load(LocaleID("en"), from: dir)
    #expect(en.problems.map(\.location?.line) == [5])
    #expect(en.problems.map(\.id) == ["message-form"])
    #expect(en.problems.first?.message.contains("not a list") == true)
    #expect(en.keys == ["greeting", "fine", "broken"])
  }

  @Test func syntaxErrorsArePlacedInTheFile() throws {
    let dir = fixturePath("catalogs/good")
    let en = try Catalog.load(LocaleID("en"), from: dir)
    let (message, errors) = try #require(en["letter.salutation"]).parse()
    #expect(message != nil && errors.isEmpty)
    // A broken message: the error is at its line and column in bad/en.yaml.
    let text = try String(contentsOfFile: "\(fixturePath("catalogs/bad"))/en.yaml", encoding: .utf8)
    let document = try YAMLDocument.parse(text, file: "en.yaml")
    guard case .mapping(let top)? = document.root, case .mapping(let messages)? = top["messages"],
      let node = messages["greeting"], let value = node.scalarText
    else { Issue.record("fixture shape"); return }
    let (_, d) = MessageParser.parse(
      value, map: document.sourceMap(of: node, value: value), key: "greeting")
    // `  greeting: "Hello {name"`: the quote is column 13, the brace column 20.
    #expect(d.first?.location == SourceLocation(file: "en.yaml", line: 3, column: 20))
  }
}
