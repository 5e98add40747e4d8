import Testing

@Suite("letter format, end to end")
struct FormatCommandTests {
  @Test(arguments: [
    (
      [
        "{n, plural, one {# signatory} other {# signatories}}", "--locale", "en", "--args",
        #"{"n": 1}"#,
      ], "1 signatory\n"
    ),
    (
      [
        "{n, plural, one {# signatory} other {# signatories}}", "--locale", "en", "--args",
        #"{"n": 2}"#,
      ], "2 signatories\n"
    ),
    (
      ["{d, date, long}", "--locale", "ja-u-ca-japanese", "--args", #"{"d": "2025-04-23"}"#],
      "令和7年4月23日\n"
    ),
    (["{d, date, long}", "--locale", "en", "--args", #"{"d": "2025-04-23"}"#], "April 23, 2025\n"),
    (["{xs, list}", "--locale", "ja", "--args", #"{"xs": ["A", "B", "C"]}"#], "A、B、C\n"),
    (
      [
        "Dear {r.title} {r.name},", "--locale", "en", "--args",
        #"{"r": {"title": "Minister", "name": "Iwaya"}}"#,
      ], "Dear Minister Iwaya,\n"
    ),
  ])
  func formats(args: [String], expected: String) throws {
    // TZ is America/Los_Angeles for every CLI test: a date stays the same day.
    let r = try CLI.run(["format"] + args)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == expected)
  }

  @Test(arguments: [
    (["Hello {name", "--locale", "en"], "<message>:1:7: error: [syntax] unclosed '{'"),
    (
      ["Hello {name}", "--locale", "en"],
      "<message>:1:8: error: [argument] no value for the argument 'name'"
    ),
    (["{n, number}", "--locale", "en", "--args", #"{"n": "x"}"#], "must be a number"),
    (["{x}", "--locale", "en", "--args", "{bad"], "error: --args:"),
    (["{x}", "--locale", "jp"], "did you mean 'ja'?"),
    (["{n}", "--locale", "en", "--args", "[1, 2]"], "--args must be a JSON object"),
  ])
  func errorsExit2(args: [String], expected: String) throws {
    let r = try CLI.run(["format"] + args)
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }
}
