import Testing

@testable import LetterKit

@Suite("ICU and CLDR versions")
struct ICUVersionTests {
  @Test func versionsAreThoseOfTheLinkedICU() throws {
    let icu = ICUVersion.icu.split(separator: ".").compactMap { Int($0) }
    let cldr = try #require(ICUVersion.cldr).split(separator: ".").compactMap { Int($0) }
    #expect(icu.count >= 2 && cldr.count >= 1)
    // ICU 67 and later carry the CLDR release numbered 30 below them (ICU 72: CLDR 42).
    #expect(icu[0] >= 67)
    #expect(cldr[0] == icu[0] - 30)
    #expect(ICUVersion.summary == "ICU \(ICUVersion.icu), CLDR \(ICUVersion.cldr!)")
  }
}
