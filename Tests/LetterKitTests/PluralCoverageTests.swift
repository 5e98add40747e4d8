import Testing

@testable import LetterKit

@Suite("Plural categories an exact arm stands in for (CLDR rules through ICU)")
struct PluralCoverageTests {
  @Test(arguments: [
    // English `one` is exactly 1: `=1` covers it.
    ("en", false, "one", [1.0], 0.0, true),
    // Russian `one` is 1, 21, 31, …: `=1` does not.
    ("ru", false, "one", [1.0], 0.0, false),
    // English ordinal `one` is 1st, 21st, 31st, …
    ("en", true, "one", [1.0], 0.0, false),
    // With offset:1, `one` is n = 2 (2 − 1 = 1), and n = 0 too (0 − 1 = −1, which CLDR
    // reads by its absolute value): `=0` and `=2` together cover it, `=2` alone does not.
    ("en", false, "one", [0.0, 2.0], 1.0, true),
    ("en", false, "one", [2.0], 1.0, false),
    ("en", false, "one", [1.0], 1.0, false),
  ])
  func exactArmsCover(
    locale: String, ordinal: Bool, category: String, exact: [Double], offset: Double, covered: Bool
  ) throws {
    let id = try LocaleID(locale)
    let rules = try PluralRules(locale: id, kind: ordinal ? .ordinal : .cardinal)
    let numbers = try NumberFormatter(locale: id, skeleton: NumberStyle.defaultSkeleton)
    #expect(
      PluralCheck.exactArmsCover(
        category, exact: Set(exact), offset: offset, rules: rules, numbers: numbers)
        == covered)
  }

  @Test func categoriesComeFromCLDR() throws {
    #expect(try PluralRules(locale: LocaleID("ja")).categories == ["other"])
    #expect(try PluralRules(locale: LocaleID("en")).categories == ["one", "other"])
    #expect(try PluralRules(locale: LocaleID("ru")).categories == ["one", "few", "many", "other"])
    #expect(
      try PluralRules(locale: LocaleID("en"), kind: .ordinal).categories == [
        "one", "two", "few", "other",
      ])
  }
}
