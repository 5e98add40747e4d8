import Testing

@testable import LetterKit

/// Sorts (name, reading) pairs and returns the names in order.
func sortedNames(
  _ rows: [(String, String?)], locale: String = "ja", latin: CollatorOptions.LatinPlacement? = nil,
  legalForms: Bool = true, strength: CollatorOptions.Strength? = nil
) throws -> [String] {
  var options = CollatorOptions(ignorePunctuation: true, numeric: true, latin: latin)
  options.strength = strength
  let policy = SortPolicy(
    locale: try LocaleID(locale), collation: options, setAsideLegalForms: legalForms)
  let sorter = try SignatorySorter(policy: policy)
  let result = sorter.sort(names: rows.map(\.0), readings: rows.map(\.1))
  return result.order.map { rows[$0].0 }
}

func sortedNames(
  _ names: [String], locale: String = "ja", latin: CollatorOptions.LatinPlacement? = nil
)
  throws -> [String]
{
  try sortedNames(names.map { ($0, nil) }, locale: locale, latin: latin)
}

@Suite("Japanese order by reading (ICU ja collation)")
struct JapaneseOrderTests {
  @Test func readingsBeatKanjiCodeOrder() throws {
    // JIS X 0208 order of the kanji would be 高橋 < 佐藤 < 鈴木 …; 五十音 order of the
    // readings is さとう < しょうじ < すずき < たかはし < わたなべ.
    let rows: [(String, String?)] = [
      ("渡辺", "わたなべ"), ("高橋", "たかはし"), ("東海林", "しょうじ"), ("佐藤", "さとう"), ("鈴木", "すずき"),
    ]
    #expect(try sortedNames(rows) == ["佐藤", "東海林", "鈴木", "高橋", "渡辺"])
  }

  @Test func withoutReadingsKanjiWouldSortByCodeNotReading() throws {
    // The reason readings are required: ICU's ja order for bare kanji is JIS order.
    let collator = try Collator(locale: LocaleID("ja"))
    #expect(collator.compare("高橋", "佐藤") == .ascending)
    #expect(collator.compare("たかはし", "さとう") == .descending)
  }

  @Test(arguments: [
    // voicing marks are secondary: は < ば < ぱ, and a whole-word primary match first
    (["ぱぱ", "ばば", "はば", "はは"], ["はは", "はば", "ばば", "ぱぱ"]),
    // small kana are tertiary: しっけ (small っ) before しつけ
    (["しつけ", "しっけ"], ["しっけ", "しつけ"]),
    // きゃく (small ゃ) before きやく
    (["きやく", "きゃく"], ["きゃく", "きやく"]),
    // ー repeats the vowel before it: かーど sorts as かあど, before かいろ
    (["かいろ", "かーど", "かあ"], ["かあ", "かーど", "かいろ"]),
  ])
  func kanaDetails(input: [String], expected: [String]) throws {
    #expect(try sortedNames(input) == expected)
  }

  @Test func iterationMarkSortsWithTheSpelledOutForm() throws {
    // ゝ expands to the kana before it: こゝろ and こころ are adjacent, with nothing between.
    let sorted = try sortedNames(["こさめ", "こゝろ", "ここ", "こころ", "こころえ"])
    let a = sorted.firstIndex(of: "こゝろ")!
    let b = sorted.firstIndex(of: "こころ")!
    #expect(abs(a - b) == 1)
    #expect(sorted.first == "ここ")
    #expect(sorted.last == "こさめ")
  }

  @Test func hiraganaKatakanaAndHalfWidthTiesAreDeterministic() throws {
    // At tertiary strength さくら = サクラ = ｻｸﾗ; the tie goes to the display name at
    // identical strength (hiragana < katakana < half-width), whatever the input order.
    let forms = ["ｻｸﾗ", "サクラ", "さくら"]
    let expected = ["さくら", "サクラ", "ｻｸﾗ"]
    #expect(try sortedNames(forms) == expected)
    #expect(try sortedNames(forms.reversed()) == expected)
    #expect(try sortedNames(["サクラ", "ｻｸﾗ", "さくら"]) == expected)
  }

  @Test func identicalNamesKeepInputOrder() throws {
    let rows: [(String, String?)] = [("京都YWCA", "きょうと"), ("京都YWCA", "きょうと"), ("大阪", "おおさか")]
    let policy = SortPolicy(locale: try LocaleID("ja"))
    let result = try SignatorySorter(policy: policy).sort(
      names: rows.map(\.0), readings: rows.map(\.1))
    #expect(result.order == [2, 0, 1])
  }

  @Test func latinFirstIsICUsDefaultAndLastOnRequest() throws {
    let names = ["BDS東京", "あかり", "ANT-Hiroshima"]
    let rows: [(String, String?)] = [("BDS東京", "BDS とうきょう"), ("あかり", nil), ("ANT-Hiroshima", nil)]
    #expect(try sortedNames(rows) == ["ANT-Hiroshima", "BDS東京", "あかり"])
    #expect(try sortedNames(rows, latin: .last) == ["あかり", "ANT-Hiroshima", "BDS東京"])
    _ = names
  }

  @Test func latinLastWithinTheSamePrefix() throws {
    // The seed's members: after 特定非営利活動法人, kana names come before Latin ones.
    let rows: [(String, String?)] = [
      ("特定非営利活動法人APLA", "とくていひえいりかつどうほうじん APLA"),
      ("特定非営利活動法人アフリカ日本協議会", "とくていひえいりかつどうほうじん あふりかにほんきょうぎかい"),
      ("特定非営利活動法人ANT-Hiroshima", "とくていひえいりかつどうほうじん ANT-Hiroshima"),
      ("特定非営利活動法人地雷廃絶日本キャンペーン", "とくていひえいりかつどうほうじん じらいはいぜつにっぽんきゃんぺーん"),
    ]
    #expect(
      try sortedNames(rows, latin: .last, legalForms: false) == [
        "特定非営利活動法人アフリカ日本協議会", "特定非営利活動法人地雷廃絶日本キャンペーン",
        "特定非営利活動法人ANT-Hiroshima", "特定非営利活動法人APLA",
      ])
  }

  @Test func numbersCompareByValue() throws {
    let rows: [(String, String?)] = [("10条の会", "10じょうのかい"), ("9条の会", "9じょうのかい")]
    #expect(try sortedNames(rows) == ["9条の会", "10条の会"])
    #expect(
      try sortedNames(["item 10", "item 9", "item 100"], locale: "en") == [
        "item 9", "item 10", "item 100",
      ])
  }

  @Test func punctuationAndSpacesAreIgnoredSoVariantsStayTogether() throws {
    let sorted = try sortedNames(
      ["ANTS", "ANT-Hiroshima", "ANTHEM", "ANT Hiroshima", "ANTARES"], locale: "en")
    let a = sorted.firstIndex(of: "ANT-Hiroshima")!
    let b = sorted.firstIndex(of: "ANT Hiroshima")!
    #expect(abs(a - b) == 1)
    #expect(sorted == ["ANTARES", "ANTHEM", "ANT Hiroshima", "ANT-Hiroshima", "ANTS"])
  }

  @Test func kanjiWithoutReadingIsNotPlacedButListedLastInInputOrder() throws {
    let rows: [(String, String?)] = [
      ("山田", nil), ("さくら", nil), ("佐藤", nil), ("鈴木", "すずき"), ("アオイ", nil),
    ]
    let policy = SortPolicy(locale: try LocaleID("ja"))
    let result = try SignatorySorter(policy: policy).sort(
      names: rows.map(\.0), readings: rows.map(\.1))
    #expect(result.order.map { rows[$0].0 } == ["アオイ", "さくら", "鈴木", "山田", "佐藤"])
    #expect(Array(result.unplaced) == [0, 2])
  }

  @Test func kanaOnlyNamesNeedNoReading() throws {
    #expect(
      try sortedNames(["ヒューマンライツ・ナウ", "アムネスティ", "ピースボート"]) == ["アムネスティ", "ピースボート", "ヒューマンライツ・ナウ"])
  }
}

@Suite("Legal-entity forms")
struct LegalFormTests {
  @Test(arguments: [
    "特定非営利活動法人", "認定特定非営利活動法人", "認定NPO法人", "NPO法人", "一般社団法人", "一般財団法人",
    "公益社団法人", "公益財団法人", "社会福祉法人", "学校法人", "宗教法人", "株式会社", "有限会社", "合同会社",
  ])
  func prefixIsSetAside(form: String) throws {
    // あ… with the form sorts before か… without one.
    let names = ["かたわら", "\(form)あおぞら"]
    #expect(try sortedNames(names) == ["\(form)あおぞら", "かたわら"])
    #expect(try sortedNames(names.map { ($0, nil) }, legalForms: true) == ["\(form)あおぞら", "かたわら"])
  }

  @Test(arguments: ["株式会社", "NPO法人", "一般社団法人"])
  func suffixAndSpacesAreSetAside(form: String) throws {
    for name in [
      "あおぞら\(form)", "あおぞら \(form)", "あおぞら\u{3000}\(form)", "\(form) あおぞら", "\(form)\u{3000}あおぞら",
    ] {
      #expect(try sortedNames([("かたわら", nil), (name, nil)]) == [name, "かたわら"])
    }
  }

  @Test func keepingLegalFormsReadsThemAsPartOfTheName() throws {
    let rows: [(String, String?)] = [
      ("特定非営利活動法人アフリカ日本協議会", "とくていひえいりかつどうほうじん あふりかにほんきょうぎかい"),
      ("一般社団法人ピースセルプロジェクト", "いっぱんしゃだんほうじん ぴーすせるぷろじぇくと"),
      ("イラク戦争の検証を求めるネットワーク", "いらくせんそうのけんしょうをもとめるねっとわーく"),
    ]
    // Kept: い(っぱん) < い(らく) < と(くてい). Set aside: あ(ふりか) < い(らく) < ぴ(ーす).
    #expect(
      try sortedNames(rows, legalForms: false) == [
        "一般社団法人ピースセルプロジェクト", "イラク戦争の検証を求めるネットワーク", "特定非営利活動法人アフリカ日本協議会",
      ])
    #expect(
      try sortedNames(rows, legalForms: true) == [
        "特定非営利活動法人アフリカ日本協議会", "イラク戦争の検証を求めるネットワーク", "一般社団法人ピースセルプロジェクト",
      ])
  }

  @Test func englishLeadingTheIsSetAside() throws {
    let names = [
      "The Japan Civil Liberties Union", "Kyoto YWCA", "Africa Japan Forum", "Theatre Group",
    ]
    #expect(
      try sortedNames(names, locale: "en") == [
        "Africa Japan Forum", "The Japan Civil Liberties Union", "Kyoto YWCA", "Theatre Group",
      ])
    #expect(
      try sortedNames(names.map { ($0, nil) }, locale: "en", legalForms: false) == [
        "Africa Japan Forum", "Kyoto YWCA", "Theatre Group", "The Japan Civil Liberties Union",
      ])
  }

  @Test func aNameThatIsOnlyALegalFormKeepsIt() throws {
    #expect(try sortedNames(["株式会社", "あ"]) == ["あ", "株式会社"])
  }
}

@Suite("Index headings")
struct HeadingTests {
  func headings(
    _ rows: [(String, String?)], locale: String = "ja", latin: CollatorOptions.LatinPlacement? = nil
  )
    throws -> [String: String]
  {
    let policy = SortPolicy(
      locale: try LocaleID(locale),
      collation: CollatorOptions(ignorePunctuation: true, numeric: true, latin: latin))
    let result = try SignatorySorter(policy: policy, headings: true).sort(
      names: rows.map(\.0), readings: rows.map(\.1))
    var map: [String: String] = [:]
    for (position, i) in result.order.enumerated() {
      map[rows[i].0] = result.headings![position].label
    }
    return map
  }

  @Test(arguments: [
    ("ヴィオラ", "あ"),  // ヴ is read as う
    ("っぽい", "た"),  // small っ is つ at primary strength
    ("ｶﾀｶﾅ", "か"),  // half-width katakana
    ("をかし", "わ"),  // を in the わ row
    ("んご", "わ"),  // ん after わ
    ("「ひ」", "は"),  // the leading bracket is ignored
    ("ばら", "は"), ("ぱんだ", "は"), ("アオイ", "あ"), ("ゆき", "や"), ("ろうそく", "ら"), ("みなと", "ま"),
  ])
  func japaneseBuckets(name: String, label: String) throws {
    #expect(try headings([(name, nil)])[name] == label)
  }

  @Test func readingDecidesTheBucket() throws {
    #expect(try headings([("佐藤", "さとう"), ("渡辺", "わたなべ")]) == ["佐藤": "さ", "渡辺": "わ"])
  }

  @Test func namesThatFitNoBucketGetAPlainOne() throws {
    let map = try headings([("BDS東京", "BDS とうきょう"), ("9条の会", "9じょうのかい"), ("山田", nil), ("あい", nil)])
    #expect(map["BDS東京"] == "A–Z")
    #expect(map["9条の会"] == "0–9")
    #expect(map["山田"] == "?")
    #expect(map["あい"] == "あ")
    // Latin placed last must not fall into the わ bucket.
    #expect(try headings([("BDS", nil), ("わに", nil)], latin: .last) == ["BDS": "A–Z", "わに": "わ"])
  }

  @Test(arguments: [
    ("apple", "A"), ("Éclair", "E"), ("zebra", "Z"), ("The Quiet", "Q"), ("“Quoted”", "Q"),
  ])
  func englishBuckets(name: String, label: String) throws {
    #expect(try headings([(name, nil)], locale: "en")[name] == label)
  }

  @Test func indexCharactersComeFromCLDR() throws {
    #expect(
      try IndexCharacters.of(LocaleID("ja")) == ["あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"])
    #expect(try IndexCharacters.of(LocaleID("en")).joined() == "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
  }

  @Test func japaneseHeadingsReadAsRows() throws {
    let ja = try LocaleID("ja")
    #expect(IndexHeading(label: "か", kind: .letter).display(locale: ja) == "か行")
    #expect(IndexHeading(label: "A", kind: .letter).display(locale: try LocaleID("en")) == "A")
  }
}
