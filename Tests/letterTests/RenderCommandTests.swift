import Foundation
import Testing

@Suite("letter render, end to end")
struct RenderCommandTests {
  static let letters = URL(fileURLWithPath: CLI.fixture("letters"))

  func expected(_ name: String) throws -> String {
    try String(contentsOfFile: CLI.fixture("render/\(name)"), encoding: .utf8)
  }

  // The expected files were read through as a reader would: the English is the seed
  // letter (a missing comma restored), the Japanese a formal letter to the minister.
  @Test(arguments: ["en", "ja", "fr"], ["txt", "md", "html"])
  func shippedLetterMatchesTheReadExpectedFile(locale: String, format: String) throws {
    let r = try CLI.run(["render", "--locale", locale, "--format", format])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty)
    #expect(r.stdout == (try expected("icc-japan.\(locale).\(format)")))
  }

  @Test func seedOrderComesFromTheReadingsNotTheFileOrder() throws {
    // A copy of the shipped template with its member rows in another order.
    let root = try CLI.copyOfShippedLetter()
    let csv = root.appendingPathComponent("Templates/icc-japan/signatories.csv")
    let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
    let header = lines[0]
    let coordinators = lines.dropFirst().filter { $0.hasPrefix("coordinators,") }
    let members = lines.dropFirst().filter { $0.hasPrefix("members,") }
    for shuffle in [
      Array(members.reversed()), members.sorted(), members.sorted { $0.count < $1.count },
    ] {
      let text = ([header] + coordinators + shuffle).joined(separator: "\n") + "\n"
      try text.write(to: csv, atomically: true, encoding: .utf8)
      for locale in ["en", "ja", "fr"] {
        let r = try CLI.run(["render", "--locale", locale], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try expected("icc-japan.\(locale).txt")))
      }
    }
  }

  @Test func theEnglishMembersAreInTheSeedsOrder() throws {
    let r = try CLI.run(["render", "--locale", "en"])
    // The seed letter, as the project received it (a copy kept with the tests).
    let seed = try String(
      contentsOfFile: CLI.fixture("seed/icc-japan-letter.en.txt"), encoding: .utf8)
    func members(_ text: String, from: String, to: String) -> [String] {
      let start = text.range(of: from)!.upperBound
      let end = text.range(of: to, range: start..<text.endIndex)!.lowerBound
      return text[start..<end].split(separator: "\n").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    }
    let ours = members(
      r.stdout, from: "25 organizations, Japanese alphabetical order", to: "2 other organizations")
    let theirs = members(
      seed, from: "25 organizations, Japanese alphabetical order", to: "2 other organizations")
    #expect(ours.count == 23)
    #expect(ours == theirs)
  }

  @Test(arguments: [
    ("ja-u-ca-japanese", "令和7年4月23日"), ("en-GB", "23 April 2025"), ("en", "April 23, 2025"),
    ("ja", "2025年4月23日"),
  ])
  func theRenderingLocalesOwnRulesFormatTheLetter(locale: String, date: String) throws {
    // ja-u-ca-japanese and en-GB have no catalogs of their own: their chains end in ja and
    // en, but the dates follow the tag (CLDR: the Japanese calendar, British day-month).
    let r = try CLI.run(["render", "--locale", locale])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix(date + "\n"))
  }

  @Test func aNameThatCannotBePlacedIsAWarning() throws {
    let root = try CLI.copyOfShippedLetter()
    let csv = root.appendingPathComponent("Templates/icc-japan/signatories.csv")
    try (try String(contentsOf: csv, encoding: .utf8) + "members,New Org,山田会,,,New Org\n").write(
      to: csv, atomically: true, encoding: .utf8)
    let r = try CLI.run(["render", "--locale", "ja"], in: root)
    #expect(r.status == 0)
    #expect(
      r.stderr.contains(
        "signatories.csv:27: warning: [no-reading] members: '山田会' has kanji but no reading"))
    #expect(r.stdout.contains("BDS東京\n山田会\nほか2団体"))
  }

  @Test func localeOverrideLayoutInheritsTheRest() throws {
    let r = try CLI.run(["render", "mini", "--locale", "ja"], in: Self.letters)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout == "【2025年4月23日】\n例様\n本文です。\n会員（3団体）\n- 株式会社あるふぁ [あ行]\n- スクリプト [さ行]\n- ゼータ会 [さ行]\n")
  }

  @Test func aMissingMessageIsRefusedAndNothingIsWritten() throws {
    let out = try CLI.temporaryDirectory()
    let r = try CLI.run(["render", "mini", "--all-locales", "-o", out.path], in: Self.letters)
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "Locales/en.yaml:6:11: error: [missing] mini.body: missing in de (the en message is here)\n"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test func fallbackWhenAskedWithAWarning() throws {
    let r = try CLI.run(["render", "mini", "--locale", "de", "--allow-fallback"], in: Self.letters)
    #expect(r.status == 0)
    #expect(r.stderr.contains("warning: [fallback] mini.body: missing in de; using the en text"))
    #expect(r.stdout.contains("We write about <b>rights</b>"))
    #expect(r.stdout.contains("23. April 2025"))
  }

  @Test func htmlEscapesEveryValue() throws {
    let r = try CLI.run(["render", "mini", "--locale", "en", "--format", "html"], in: Self.letters)
    #expect(r.status == 0)
    #expect(r.stdout.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>"))
    #expect(r.stdout.contains("We write about &lt;b&gt;rights&lt;/b&gt; &amp; &#39;justice&#39;."))
    #expect(!r.stdout.contains("<script>"))
    #expect(r.stdout.contains("<html lang=\"en\">"))
  }

  @Test func outputFolderGetsOneFilePerLocale() throws {
    let out = try CLI.temporaryDirectory().appendingPathComponent("letters")
    let r = try CLI.run(["render", "--all-locales", "--format", "md", "-o", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
        "icc-japan.en.md", "icc-japan.fr.md", "icc-japan.ja.md",
      ])
    #expect(
      try String(contentsOf: out.appendingPathComponent("icc-japan.ja.md"), encoding: .utf8)
        == (try expected("icc-japan.ja.md")))
  }

  @Test func sideBySideHasAColumnPerLocaleWithItsLang() throws {
    let r = try CLI.run(["render", "--side-by-side", "--format", "html"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "<td lang=\"en\">Dear Foreign Minister Takeshi Iwaya,</td><td lang=\"ja\">外務大臣　岩屋　毅　様</td>")
    )
    #expect(r.stdout.contains("<td lang=\"en\">Sincerely,</td><td lang=\"ja\">以上</td>"))
  }

  @Test(arguments: [
    (["render", "nonesuch"], 2, "no template 'nonesuch'"),
    (["render", "--locale", "en", "--locale", "ja"], 64, "several locales need -o DIR"),
    (["render", "--side-by-side"], 64, "--side-by-side makes an HTML page"),
    (["render", "--locale", "de"], 2, "no catalog for 'de'"),
  ])
  func usageAndInputErrors(args: [String], status: Int32, message: String) throws {
    let r = try CLI.run(args)
    #expect(r.status == status)
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }
}
