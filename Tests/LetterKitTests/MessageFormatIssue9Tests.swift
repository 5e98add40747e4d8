import Foundation
import Testing

@testable import LetterKit

/// One message, its arguments (JSON text) and what ICU4C 72's own icu::MessageFormat
/// printed for them (named arguments, UTC), computed with scripts/icu-fixtures/mf_batch.cpp —
/// not by this code.
struct ICUExpectation: CustomTestStringConvertible, Sendable {
  let name: String
  let locale: String
  let pattern: String
  let args: String
  let expected: String

  init(_ name: String, _ locale: String, _ pattern: String, args: String, _ expected: String) {
    self.name = name
    self.locale = locale
    self.pattern = pattern
    self.args = args
    self.expected = expected
  }

  var testDescription: String { name }
}

/// Formats as `letter format` does: what ICU accepts is accepted (warnings aside).
func formatFollowingICU(_ pattern: String, locale: String, json: String) throws -> String {
  let (message, diagnostics) = MessageParser.parse(
    pattern, map: SourceMap(file: "<test>"), followingICU: true)
  guard let message else { throw LetterError.input(diagnostics) }
  let formatter = try MessageFormatter(locale: LocaleID(locale))
  return try formatter.compile(message).format(try MessageValue(json: json))
}

@Suite("MessageFormat: each cause of issue 9 against ICU4C")
struct MessageFormatIssue9Tests {
  static let cases: [ICUExpectation] = [
    ICUExpectation(
      "currency style, no currency code", "en", "{n, number, currency}", args: "{\"n\": 5}", "¤5.00"
    ),
    ICUExpectation(
      "currency style in Japanese", "ja", "{n, number, currency}", args: "{\"n\": 1234}",
      "XXX\u{A0}1,234.00"),
    ICUExpectation(
      "currency skeleton", "en", "{n, number, ::currency/JPY}", args: "{\"n\": 1234.5}", "¥1,234"),
    ICUExpectation(
      "number pattern keeps its space", "en", "{n, number, #,##0.00}", args: "{\"n\": 1234.5}",
      " 1,234.50"),
    ICUExpectation(
      "number pattern with a currency sign", "de", "{n,number,#,##0.00 ¤}", args: "{\"n\": 1234.5}",
      "1.234,50 XXX"),
    ICUExpectation(
      "date pattern", "en", "{d, date, yyyy-MM-dd}", args: "{\"d\": \"2025-04-23T15:30:00Z\"}",
      " 2025-04-23"),
    ICUExpectation(
      "time pattern", "en", "{d, time, HH:mm}", args: "{\"d\": \"2025-04-23T15:30:00Z\"}", " 15:30"),
    ICUExpectation(
      "time pattern with a quoted word", "ja", "{d,time,H'時'mm'分'}",
      args: "{\"d\": \"2025-04-23T15:30:00Z\"}", "15時30分"),
    ICUExpectation(
      "2^53 + 1", "en", "{n}", args: "{\"n\": 9007199254740993}", "9,007,199,254,740,993"),
    ICUExpectation(
      "Int64.max", "en", "{n, number}", args: "{\"n\": 9223372036854775807}",
      "9,223,372,036,854,775,807"),
    ICUExpectation(
      "Int64.min, integer style", "en", "{n, number, integer}",
      args: "{\"n\": -9223372036854775808}", "-9,223,372,036,854,775,808"),
    ICUExpectation(
      "Int64.max in a plural", "ru",
      "{n, plural, one {# один} few {# few} many {# many} other {# other}}",
      args: "{\"n\": 9223372036854775807}",
      "9\u{A0}223\u{A0}372\u{A0}036\u{A0}854\u{A0}775\u{A0}807 many"),
    ICUExpectation(
      "big integer, skeleton", "en", "{n, number, ::group-off}", args: "{\"n\": 12345678901234567}",
      "12345678901234567"),
    ICUExpectation(
      "negative zero", "en",
      "{n}|{n, number, integer}|{n, number, ::percent}|{n, plural, other {#}}",
      args: "{\"n\": -0.0}", "-0|-0|-0%|-0"),
    ICUExpectation("integer zero written -0", "en", "{n}", args: "{\"n\": -0}", "0"),
    ICUExpectation(
      "Polish grouping in {n}", "pl", "{n}|{n, number}|{n, plural, other {#}}",
      args: "{\"n\": 1000}", "1\u{A0}000|1\u{A0}000|1\u{A0}000"),
    ICUExpectation(
      "Spanish percent grouping", "es", "{n, number, percent}", args: "{\"n\": 12.34}",
      "1.234\u{A0}%"),
    ICUExpectation(
      "Portuguese percent grouping", "pt-PT", "{n, number, percent}", args: "{\"n\": 12.34}",
      "1\u{A0}234%"),
    ICUExpectation(
      "plural from the integer format of the other arm", "en",
      "{n, plural, one {one: {n, number, integer}} other {other: {n, number, integer}}}",
      args: "{\"n\": 1.4}", "one: 1"),
    ICUExpectation(
      "plural from the percent format", "en",
      "{n, plural, one {a {n, number, percent}} other {b {n, number, percent}}}",
      args: "{\"n\": 0.01}", "a 1%"),
    ICUExpectation(
      "plural from the currency format", "en",
      "{n, plural, one {a {n, number, currency}} other {b {n, number, currency}}}",
      args: "{\"n\": 1}", "b ¤1.00"),
    ICUExpectation(
      "plural from a skeleton: the number itself", "en",
      "{n, plural, one {a {n, number, ::precision-integer}} other {b {n, number, ::precision-integer}}}",
      args: "{\"n\": 1.4}", "b 1"),
    ICUExpectation(
      "plural: # before the inner format decides", "en",
      "{n, plural, one {a} other {# {n, number, integer}}}", args: "{\"n\": 1.4}", "1.4 1"),
    ICUExpectation(
      "plural: a nested select is skipped", "en",
      "{n, plural, one {a} other {{g, select, other {x}} {n, number, percent}}}",
      args: "{\"n\": 0.01, \"g\": \"y\"}", "a"),
    ICUExpectation(
      "offset with no space before the selector", "en",
      "{n, plural, offset:1one {# other} other {# others}}", args: "{\"n\": 2}", "1 other"),
    ICUExpectation(
      "offset: the number less the offset is a double", "en", "{n, plural, offset:1 other {#}}",
      args: "{\"n\": 9223372036854775807}", "9,223,372,036,854,776,000"),
    ICUExpectation(
      "=N compares the number itself", "en",
      "{n, plural, offset:1 =1 {exactly one} other {# more}}", args: "{\"n\": 1}", "exactly one"),
    ICUExpectation(
      "LRM after a style keyword", "en", "{n, number, integer\u{200E}}|{d, date, short\u{200F}}",
      args: "{\"n\": 1.5, \"d\": \"2025-04-23\"}", "2|4/23/25"),
    ICUExpectation("a top-level } is text", "en", "a } {n} }", args: "{\"n\": 1}", "a } 1 }"),
    ICUExpectation(
      "upper-case types and styles", "en",
      "{n, PLURAL, one {a} other {b}} {d, DATE, SHORT} {n, Number, PERCENT}",
      args: "{\"n\": 1, \"d\": \"2025-04-23\"}", "a 4/23/25 100%"),
    ICUExpectation(
      "unknown plural keyword and a repeated selector", "en",
      "{n, plural, several {x} one {a} one {b} other {c}}", args: "{\"n\": 1}", "a"),
    ICUExpectation(
      "spellout, ordinal, duration", "en",
      "{n, spellout} / {n, ordinal} / {n, duration} / {n, spellout, %spellout-ordinal}",
      args: "{\"n\": 3661}",
      "three thousand six hundred sixty-one / 3,661st / 1:01:01 / three thousand six hundred sixty-one"
    ),
    ICUExpectation(
      "number style that is no pattern", "en", "{n, number, fancy}", args: "{\"n\": 3}", " fancy3"),
  ]

  @Test(arguments: cases)
  func matchesICU(_ c: ICUExpectation) throws {
    #expect(try formatFollowingICU(c.pattern, locale: c.locale, json: c.args) == c.expected)
  }

  /// Fixtures/messageformat-random.json: random valid messages over 25 locales
  /// (scripts/icu-fixtures/generate-random.sh, seed 2026), expected text from ICU4C.
  static let random: [ICUCase] = {
    let url = Bundle.module.url(
      forResource: "Fixtures/messageformat-random", withExtension: "json")!
    let array = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
    return array.map { c in
      ICUCase(
        id: c["id"] as! String, locale: c["locale"] as! String, pattern: c["pattern"] as! String,
        argsJSON: c["args"] as! String, expected: c["expected"] as! String)
    }
  }()

  @Test(arguments: random)
  func randomMessagesMatchICU(_ c: ICUCase) throws {
    #expect(try formatFollowingICU(c.pattern, locale: c.locale, json: c.argsJSON) == c.expected)
  }

  @Test func theRandomFixtureIsBroad() {
    #expect(MessageFormatIssue9Tests.random.count >= 300)
    #expect(Set(MessageFormatIssue9Tests.random.map(\.locale)).count >= 15)
    for word in ["offset:", "selectordinal", "::", "currency", "'{'", "=", "#", "spellout"] {
      #expect(MessageFormatIssue9Tests.random.contains { $0.pattern.contains(word) }, "\(word)")
    }
  }

  @Test func aDateValueInAPlainArgumentIsShortDateAndTime() throws {
    // ICU: {d} of a date is DateFormat::createDateTimeInstance(kShort, kShort).
    let date = try #require(CalendarDate(iso: "2025-04-23T15:30:00Z"))
    for (locale, expected) in [("en", "4/23/25, 3:30\u{202F}PM"), ("ja", "2025/04/23 15:30")] {
      let (message, _) = MessageParser.parse("{d}", map: SourceMap(file: "<test>"))
      let formatter = try MessageFormatter(locale: LocaleID(locale))
      #expect(try formatter.compile(#require(message)).format(["d": .date(date)]) == expected)
    }
  }
}
