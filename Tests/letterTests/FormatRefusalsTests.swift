import Testing

/// `letter format` refuses what would print a blank or a wrong day (issue 16, item 4), and
/// follows ICU — with a warning — where ICU accepts what a catalog should not have.
@Suite("letter format: refusals and ICU's leniencies")
struct FormatRefusalsTests {
  @Test(arguments: [
    (
      ["{d, date, ::}", "--locale", "en", "--args", #"{"d": "2025-04-23"}"#],
      "<message>:1:11: error: [syntax] empty skeleton '::'"
    ),
    (
      ["x {n, number,  :: }", "--locale", "en", "--args", #"{"n": 1}"#],
      "<message>:1:16: error: [syntax] empty skeleton '::'"
    ),
    (
      ["{n}", "--locale", "ja-u-nu-foo", "--args", #"{"n": 1}"#],
      "error: --locale: 'ja-u-nu-foo': -u-nu-foo is not a numbering system ICU knows (adlm,"
    ),
    (
      ["{d, date}", "--locale", "en-u-ca-nonsense", "--args", #"{"d": "2025-04-23"}"#],
      "error: --locale: 'en-u-ca-nonsense': -u-ca-nonsense is not a calendar ICU knows ("
    ),
    (
      ["{n}", "--locale", "de-u-co-xyzzy", "--args", #"{"n": 1}"#],
      "error: --locale: 'de-u-co-xyzzy': -u-co-xyzzy is not a collation ICU knows ("
    ),
    (
      ["{d, date, long}", "--locale", "en", "--args", #"{"d": "1500-03-01"}"#],
      "<message>:1:2: error: [argument] the argument 'd' for 'date' is '1500-03-01': dates before 1582-10-15 are not supported"
    ),
    (
      ["{d, time, short}", "--locale", "en", "--args", #"{"d": "2025-04-23T10:00:00+99:99"}"#],
      "the UTC offset '+99:99' is out of range (hours 00–23, minutes 00–59)"
    ),
    (
      ["{d, time, ::\u{200E}}", "--locale", "en", "--args", #"{"d": "2025-04-23"}"#],
      "<message>:1:11: error: [syntax] empty skeleton '::'"
    ),
    (["{n}", "--locale", "en", "--args", #"{"n": null}"#], "error: --args: null is not a value"),
    (["{n}", "--locale", "en", "--args", #"{"n": 1e999}"#], "the number 1e999 is too large"),
  ])
  func refuses(args: [String], expected: String) throws {
    let r = try CLI.run(["format"] + args)
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test(arguments: [
    // Expected output from ICU4C 72's MessageFormat (scripts/icu-fixtures/mf_batch.cpp).
    (
      [
        "{n, plural, several {x} one {a} one {b} other {c}}", "--locale", "en", "--args",
        #"{"n": 1}"#,
      ],
      "a\n", ["'several' is not a plural category", "this selector appears twice"]
    ),
    (["a } b", "--locale", "en"], "a } b\n", ["unmatched '}'"]),
    (
      ["{n, number, fancy}", "--locale", "en", "--args", #"{"n": 3}"#], " fancy3\n",
      ["the number style 'fancy' is neither"]
    ),
  ])
  func followsICUWithAWarning(args: [String], expected: String, warnings: [String]) throws {
    let r = try CLI.run(["format"] + args)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == expected)
    for w in warnings { #expect(r.stderr.contains("warning: [syntax] \(w)"), "\(r.stderr)") }
  }

  @Test func exactIntegersAndNegativeZeroFromArgs() throws {
    // ICU4C: int64 9223372036854775807 and double -0.0 through {n}.
    let r = try CLI.run([
      "format", "{a}|{b}|{c}", "--locale", "en", "--args",
      #"{"a": 9223372036854775807, "b": -0.0, "c": 9007199254740993}"#,
    ])
    #expect(r.stdout == "9,223,372,036,854,775,807|-0|9,007,199,254,740,993\n", "\(r.stderr)")
  }
}
