import Testing

@testable import LetterKit

@Suite("Message inputs: JSON numbers, dates, locale keywords")
struct MessageInputTests {
  @Test(arguments: [
    ("9007199254740993", MessageValue.integer(9_007_199_254_740_993)),
    ("-9223372036854775808", .integer(.min)),
    ("9223372036854775807", .integer(.max)),
    ("-0", .integer(0)),
    ("1.0", .number(1.0)),
    ("1e2", .number(100)),
    ("9223372036854775808", .number(9_223_372_036_854_775_808.0)),
    (#""\u00e9\ud83d\ude00""#, .string("é😀")),
    ("true", .string("true")),
  ])
  func jsonKeepsNumbersAsWritten(text: String, value: MessageValue) throws {
    #expect(try MessageValue(json: text) == value)
  }

  @Test func jsonNegativeZeroIsADouble() throws {
    guard case .number(let d) = try MessageValue(json: "-0.0") else {
      Issue.record("not a double")
      return
    }
    #expect(d == 0 && d.sign == .minus)
  }

  @Test(arguments: ["{", "[1,]", "01", "1.", "\"a", "nul", "{\"a\" 1}", "1 2", "\"\\ud800\""])
  func jsonErrorsSayWhere(text: String) {
    #expect(throws: LetterError.self) { try MessageValue(json: text) }
  }

  @Test(arguments: [
    ("2025-04-23T10:00:00+99:99", CalendarDate.Problem.offsetOutOfRange("+99:99")),
    ("2025-04-23T10:00:00-24:00", .offsetOutOfRange("-24:00")),
    ("2025-04-23T10:00:00+05:60", .offsetOutOfRange("+05:60")),
    ("1582-10-14", .beforeGregorian),
    ("1500-03-01", .beforeGregorian),
    ("0001-01-01", .beforeGregorian),
    ("1582-10-15T00:30:00+01:00", .beforeGregorian),
    ("2025-04-23T10:00:00+0900", .notISO),
  ])
  func datesICUWouldShowWrongAreRefused(text: String, problem: CalendarDate.Problem) {
    guard case .failure(let p) = CalendarDate.parse(iso: text) else {
      Issue.record("\(text) was accepted")
      return
    }
    #expect(p == problem)
  }

  @Test func theFirstGregorianDayIsAccepted() throws {
    let d = try CalendarDate.parse(iso: "1582-10-15").get()
    #expect(d.millisecondsSince1970 == CalendarDate.gregorianStart)
    #expect(CalendarDate(iso: "2025-04-23T10:00:00-23:59") != nil)
  }

  @Test(arguments: [
    ("ja-u-nu-foo", "nu", "foo"), ("en-u-ca-nonsense", "ca", "nonsense"),
    ("de-u-co-xyzzy", "co", "xyzzy"),
  ])
  func unknownKeywordValuesAreRefused(tag: String, key: String, value: String) {
    #expect {
      _ = try LocaleID(tag)
    } throws: { error in
      guard case .unknownKeywordValue(_, let k, let v, _, let known) = error as? LocaleError
      else { return false }
      return k == key && v == value && !known.isEmpty
    }
  }

  @Test(arguments: [
    "ja-u-ca-japanese", "de-u-co-phonebk", "th-u-nu-thai", "en-u-ca-gregory", "ar-u-nu-latn",
    "ja-u-kr-kana-latn",
  ])
  func knownKeywordValuesAreAccepted(tag: String) throws {
    _ = try LocaleID(tag)
  }
}
