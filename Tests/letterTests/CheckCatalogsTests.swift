import Foundation
import Testing

/// `letter check --catalogs DIR` with no template, on catalogs in the shapes real
/// crowd-translated catalogs have (messages written for these tests). Each folder under
/// Fixtures/check-catalogs is one class of finding, true or false; positions are those
/// of the character the finding is about, counted in the fixture files.
@Suite("letter check, catalogs alone")
struct CheckCatalogsTests {
  static let root = URL(fileURLWithPath: CLI.fixture("check-catalogs"))

  struct Found: Equatable, CustomStringConvertible {
    var id: String
    var severity: String
    var place: String
    var key: String
    var message: String
    var description: String { "\(place) \(severity) [\(id)] \(key): \(message)" }
  }

  /// The findings of `letter check --catalogs <folder> args…`, as (id, severity,
  /// file:line:col, key, message); and the exit status.
  static func check(_ folder: String, _ args: [String] = []) throws -> ([Found], Int32) {
    let r = try CLI.run(
      ["check", "--catalogs", folder, "--format", "json"] + args, in: root)
    let json = try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [[String: Any]] ?? []
    let found = json.map { f in
      Found(
        id: f["id"] as? String ?? "", severity: f["severity"] as? String ?? "",
        place:
          "\(f["file"] as? String ?? ""):\((f["line"] as? Int).map(String.init) ?? "-"):\((f["column"] as? Int).map(String.init) ?? "-")",
        key: f["key"] as? String ?? "", message: f["message"] as? String ?? "")
    }
    return (found, r.status)
  }

  // MARK: - What used to be noise: no finding (or only a note).

  @Test func manyOnlyForExactMillionsIsANoteAndAnErrorWithCLDRStrict() throws {
    let (found, status) = try Self.check("many-millions")
    #expect(status == 0)
    #expect(found.count == 10)
    #expect(found.allSatisfy { $0.id == "plural-category" && $0.severity == "note" })
    #expect(
      found.first?.message
        == "'n' has no plural arm for many (many: 1000000, 2000000, 3000000 …: only exact millions); 'other' stands in (an error with --cldr-strict)"
    )
    let (strict, strictStatus) = try Self.check("many-millions", ["--cldr-strict"])
    #expect(strictStatus == 1)
    #expect(strict.count == 10 && strict.allSatisfy { $0.severity == "error" })
  }

  @Test func argumentsOnlyInArmsTheLocaleCannotReachMayGo() throws {
    // zh/ja/ko have only `other`: a plural that chooses a word, and a name shown only in
    // the source's `one` arm, are not needed there. Russian has four forms: it needs the
    // plural.
    let (found, _) = try Self.check("unreachable-arguments")
    #expect(
      found.map(\.description) == [
        "unreachable-arguments/ru.yaml:3:11 error [arguments] shares: the source chooses its words by the number 'n', and ru has plural forms (one, few, many, other); this translation does not (if on purpose, say so: {text: …, drops: [n]})"
      ])
  }

  @Test func aLanguageWithoutICUPluralDataIsOneWarningPerLocale() throws {
    let (found, status) = try Self.check("no-plural-data")
    #expect(status == 0)
    #expect(found.map(\.id) == ["no-plural-data", "no-plural-data"])
    #expect(found.map(\.place) == ["no-plural-data/co.yaml:3:11", "no-plural-data/oc.yaml:3:11"])
  }

  @Test func realKeysNamedTextAndNoteAreKeys() throws {
    // The source has `more.text` and `more.title`; a partial translation with only
    // `more: {text: …}` is the key more.text (by the source's shape), not a message
    // `more`. `field.text`/`field.note` are written in the message form in the source.
    let (found, status) = try Self.check("text-keys")
    #expect(status == 1)
    #expect(
      found.map(\.description) == [
        "text-keys/en.yaml:5:12 error [missing] more.title: missing in ja (the en message is here)"
      ])
  }

  @Test func aDeclaredDropIsAccepted() throws {
    let (found, _) = try Self.check("drops")
    #expect(found.map(\.place) == ["drops/de.yaml:3:15"])
    #expect(found.first?.message.contains("'title'") == true)
  }

  // MARK: - True problems: one finding each, at its place, with a hint.

  @Test func aRenamedArgumentIsOneErrorWithTheLikelyName() throws {
    let (found, _) = try Self.check("renamed")
    #expect(found.map(\.place) == ["renamed/de.yaml:3:14", "renamed/de.yaml:4:26"])
    #expect(found.allSatisfy { $0.id == "arguments" })
    #expect(found[0].message.contains("did you mean 'recognized'?"))
    #expect(found[1].message.contains("did you mean 'name'?"))
  }

  @Test func aTranslatedPluralKeywordSaysKeywordsStayInEnglish() throws {
    let (found, _) = try Self.check("keywords")
    #expect(
      found.map(\.place) == [
        "keywords/es.yaml:3:57", "keywords/id.yaml:3:23", "keywords/pl.yaml:3:66",
      ])
    #expect(found.allSatisfy { $0.id == "plural-keyword" })
    #expect(
      found[2].message
        == "'inne' is not a plural keyword: plural keywords stay in English (zero, one, two, few, many, other; pl uses one, few, many, other)"
    )
  }

  @Test func apostrophesThatQuoteAPlaceholderAreSaid() throws {
    let (found, _) = try Self.check("apostrophe")
    #expect(found.map(\.place) == ["apostrophe/de.yaml:3:20", "apostrophe/fr.yaml:3:23"])
    #expect(found.allSatisfy { $0.id == "arguments" && $0.message.contains("literal text") })
  }

  @Test func aChangeOfKindIsAnError() throws {
    let (found, _) = try Self.check("kind")
    #expect(
      found.map(\.description) == [
        "kind/de.yaml:3:20 error [arguments] sent: 'when' is used as a date here but as a value shown as it is ({x}) in the source"
      ])
  }

  @Test func aRussianOneArmWithoutTheNumberIsAWarning() throws {
    let (found, _) = try Self.check("pound")
    #expect(found.map(\.place) == ["pound/ru.yaml:3:23"])
    #expect(found.first?.id == "plural-pound")
    #expect(found.first?.severity == "warning")
  }

  @Test func decimalsNeedTheCategoriesDecimalsSelect() throws {
    // Czech `many` is for decimals: needed where the source shows one decimal, a note
    // where it shows whole numbers.
    let (found, _) = try Self.check("decimals")
    #expect(found.map(\.place) == ["decimals/cs.yaml:3:12", "decimals/cs.yaml:4:11"])
    #expect(found.map(\.severity) == ["error", "note"])
  }

  @Test func nullBooleansAndNumbersAreErrorsAtTheirPlace() throws {
    let (found, status) = try Self.check("values")
    #expect(status == 1)
    #expect(
      found.map(\.place) == ["values/de.yaml:3:12", "values/de.yaml:4:10", "values/de.yaml:5:11"])
    #expect(found.allSatisfy { $0.id == "not-a-string" })
  }

  // MARK: - Options.

  @Test func oneLocaleAndTheSourceLocale() throws {
    let (found, _) = try Self.check("many-millions", ["--locale", "fr"])
    #expect(found.allSatisfy { $0.place.hasPrefix("many-millions/fr.yaml") })
    #expect(found.count == 2)
    // French as the source: English is checked against it (and the French plurals by
    // French rules: the notes).
    let (asSource, status) = try Self.check(
      "many-millions", ["--source-locale", "fr", "--locale", "en"])
    #expect(status == 0)
    #expect(asSource.map(\.place) == ["many-millions/fr.yaml:3:11", "many-millions/fr.yaml:4:10"])
    let none = try CLI.run(
      ["check", "--catalogs", "many-millions", "--source-locale", "de"], in: Self.root)
    #expect(none.status == 2)
    #expect(none.stderr.contains("no catalog for the source locale de"))
  }

  @Test func aLocaleWithoutACatalogIsNamed() throws {
    let (found, _) = try Self.check("kind", ["--locale", "sv"])
    #expect(found.map(\.id) == ["no-catalog"])
    #expect(
      found.first?.message.hasPrefix("sv was asked for, but there is no catalog for it") == true)
  }
}
