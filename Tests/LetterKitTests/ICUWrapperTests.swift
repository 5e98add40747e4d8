import Testing

@testable import LetterKit

@Suite("Locales")
struct LocaleTests {
  @Test(arguments: [("ja", "ja"), ("en-GB", "en"), ("ja_JP", "ja"), ("ja-u-kr-kana-latn", "ja")])
  func acceptsTags(tag: String, language: String) throws {
    #expect(try LocaleID(tag).language == language)
  }

  @Test func jpIsARegionAndTheSuggestionIsJa() {
    #expect(throws: LocaleError.unknownLanguage("jp", suggestion: "ja")) { try LocaleID("jp") }
    let message = String(describing: LocaleError.unknownLanguage("jp", suggestion: "ja"))
    #expect(message.contains("'jp' is not a language"))
    #expect(message.contains("did you mean 'ja'"))
  }

  @Test func englishNamesSuggestTheirCode() {
    #expect(throws: LocaleError.unknownLanguage("japanese", suggestion: "ja")) {
      try LocaleID("japanese")
    }
  }

  @Test(arguments: ["", "  ", "ja--JP", "a", "toolonglanguage", "ja JP"])
  func malformedTagsAreRefused(tag: String) {
    #expect(throws: LocaleError.self) { try LocaleID(tag) }
  }

  @Test func unknownLanguageWithoutSuggestion() {
    #expect(throws: LocaleError.unknownLanguage("qq", suggestion: nil)) { try LocaleID("qq") }
  }

  @Test func fallbackChain() throws {
    #expect(try LocaleID("ja-JP").fallbackChain == ["ja-JP", "ja"])
    #expect(try LocaleID("en").fallbackChain == ["en"])
  }
}

@Suite("Collator")
struct CollatorTests {
  @Test func strengthLevels() throws {
    let ja = try LocaleID("ja")
    let tertiary = try Collator(locale: ja)
    let quaternary = try Collator(locale: ja, options: .init(strength: .quaternary))
    let identical = try Collator(locale: ja, options: .init(strength: .identical))
    let primary = try Collator(locale: ja, options: .init(strength: .primary))
    #expect(tertiary.compare("さくら", "サクラ") == .same)
    #expect(quaternary.compare("さくら", "サクラ") == .ascending)
    #expect(quaternary.compare("サクラ", "ｻｸﾗ") == .same)
    #expect(identical.compare("サクラ", "ｻｸﾗ") == .ascending)
    #expect(primary.compare("は", "ぱ") == .same)
    #expect(tertiary.compare("は", "ぱ") == .ascending)
  }

  @Test func sortKeysOrderAsCompareDoes() throws {
    let c = try Collator(locale: LocaleID("ja"))
    let words = ["ぱぱ", "はは", "ばば", "はば", "カード", "かいろ", "ABC", "漢字"]
    let byKey = words.sorted { c.sortKey($0).lexicographicallyPrecedes(c.sortKey($1)) }
    let byCompare = words.sorted { c.compare($0, $1) == .ascending }
    #expect(byKey == byCompare)
    #expect(c.sortKey("はは").last == 0)
  }

  @Test func reorderingThroughTheTagAndTheOption() throws {
    let viaTag = try Collator(locale: LocaleID("ja-u-kr-kana-hani-latn"))
    let viaOption = try Collator(locale: LocaleID("ja"), options: .init(latin: .last))
    let plain = try Collator(locale: LocaleID("ja"))
    #expect(plain.compare("Z", "あ") == .ascending)
    #expect(viaTag.compare("Z", "あ") == .descending)
    #expect(viaOption.compare("Z", "あ") == .descending)
    #expect(viaOption.compare("あ", "漢") == .ascending)
  }

  @Test func punctuationShifted() throws {
    let shifted = try Collator(locale: LocaleID("en"), options: .init(ignorePunctuation: true))
    #expect(shifted.compare("ANT-Hiroshima", "ANT Hiroshima") == .same)
    #expect(shifted.compare("ANT-Hiroshima", "ANTHiroshima") == .same)
  }

  @Test func numericOption() throws {
    let numeric = try Collator(locale: LocaleID("en"), options: .init(numeric: true))
    let plain = try Collator(locale: LocaleID("en"))
    #expect(numeric.compare("9", "10") == .ascending)
    #expect(plain.compare("9", "10") == .descending)
  }
}

@Suite("Transliterator")
struct TransliteratorTests {
  @Test func kanaAndWidth() throws {
    // ICU's Katakana-Hiragana writes ー as the vowel it lengthens.
    #expect(try Transliterator.katakanaToHiragana()("ヒューマンライツ") == "ひゅうまんらいつ")
    #expect(try Transliterator.hiraganaToKatakana()("さくら") == "サクラ")
    #expect(try Transliterator.halfwidthToFullwidth()("ｶﾀｶﾅ") == "カタカナ")
    #expect(try Transliterator.fullwidthToHalfwidth()("ＡＢＣ１２３") == "ABC123")
  }

  @Test func unknownIDIsAnError() {
    #expect(throws: TransliteratorError.self) { try Transliterator(id: "Klingon-Latin") }
  }
}
