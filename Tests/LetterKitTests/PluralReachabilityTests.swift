import Testing

@testable import LetterKit

@Suite("Plural categories that numbers reach (CLDR rules through ICU)")
struct PluralReachabilityTests {
  @Test func frenchManyIsOnlyExactMillions() throws {
    let fr = try #require(PluralReachability.of(LocaleID("fr"), ordinal: false))
    #expect(fr.categories == ["one", "many", "other"])
    #expect(!fr.reachedByIntegers("many"))
    #expect(!fr.reachedByDecimals("many"))
    #expect(fr.millions["many"]?.first == 1_000_000)
    #expect(fr.meaning("many") == "many: 1000000, 2000000, 3000000 …")
  }
}

extension PluralReachabilityTests {
  /// The samples find the same categories as asking ICU about every integer below
  /// 1,000,000, for locales whose rules use %10, %100, %1000, %100000 and %1000000
  /// (Cornish, Breton, French).
  @Test(arguments: [("fr", false), ("kw", false), ("br", false)])
  func samplesFindWhatEveryIntegerFinds(locale: String, ordinal: Bool) throws {
    let id = try LocaleID(locale)
    let sampled = try #require(PluralReachability.of(id, ordinal: ordinal))
    let rules = try PluralRules(locale: id, kind: ordinal ? .ordinal : .cardinal)
    let numbers = try NumberFormatter(locale: id, skeleton: "precision-integer")
    var scratch: [UInt8] = []
    var every: Set<String> = []
    for n in 0..<PluralReachability.limit {
      scratch.removeAll(keepingCapacity: true)
      every.insert(
        PluralRules.categoryNames[
          rules.select(Double(n), formattedBy: numbers, appendingTo: &scratch)])
    }
    #expect(Set(sampled.integers.keys) == every)
  }
}
