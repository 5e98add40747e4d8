import Foundation
import Testing

/// `letter render --recipients`: one letter per row, in the row's locale, all or nothing.
@Suite("letter render --recipients, end to end")
struct RecipientsTests {
  static func write(_ text: String) throws -> (root: URL, file: String) {
    let root = try CLI.copyOfShippedLetter()
    let file = root.appendingPathComponent("recipients.csv")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (root, file.path)
  }

  @Test func theShippedRecipientsGetOneLetterEachInTheirLanguage() throws {
    let out = try CLI.temporaryDirectory()
    let r = try CLI.run([
      "render", "--recipients", "Templates/icc-japan/recipients.csv", "-o", out.path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(
      files == [
        "icc-japan.belgium-fr.fr.txt", "icc-japan.canada-en.en.txt",
        "icc-japan.canada-fr.fr-CA.txt",
        "icc-japan.france-meae.fr.txt", "icc-japan.mofa-japan-en.en.txt",
        "icc-japan.mofa-japan.ja.txt",
      ])
    func letter(_ name: String) throws -> String {
      try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
    }
    // Each in its language, by its locale's rules (CLDR: "23 avril 2025" in French, the
    // Japanese date with 年月日), addressed by the catalog's select on the gender.
    #expect(
      try letter("icc-japan.canada-fr.fr-CA.txt").hasPrefix(
        "23 avril 2025\n\nMadame la Ministre,\n"))
    #expect(
      try letter("icc-japan.belgium-fr.fr.txt").hasPrefix(
        "23 avril 2025\n\nMonsieur le Ministre,\n"))
    #expect(
      try letter("icc-japan.canada-en.en.txt").hasPrefix(
        "April 23, 2025\n\nDear Minister Mélanie Joly,\n"))
    #expect(try letter("icc-japan.mofa-japan.ja.txt").hasPrefix("2025年4月23日\n\n外務大臣　岩屋　毅　様\n"))
    // The rest of the letter is the template's: same text as a plain render in that locale.
    let plain = try CLI.run(["render", "--locale", "ja"])
    #expect(try letter("icc-japan.mofa-japan.ja.txt") == plain.stdout)
    #expect(
      r.stderr.hasSuffix("6 letters in 4 locales (en, fr, fr-CA, ja) written to \(out.path)\n"))
  }

  @Test(arguments: [
    (
      "id,locale,recipient.titel\na,en,Minister\n",
      "recipients.csv:1: error: unknown column 'recipient.titel' (column 3): the model has no such value; did you mean 'recipient.title'?"
    ),
    ("id,locale\na,en\na,fr\n", "recipients.csv:3: error: the id 'a' is also on line 2"),
    ("id,locale\n../x,en\n", "recipients.csv:2: error: 'id' (column 1) '../x' has a '/'"),
    ("id,locale\na,\n", "recipients.csv:2: error: no locale (column 2) for 'a'"),
    (
      "id,locale\na,jp\n",
      "recipients.csv:2: error: locale (column 2): 'jp' is not a language ICU knows"
    ),
    (
      "id,name\na,b\n",
      "recipients.csv:1: error: a recipients file has the columns 'id' and 'locale'"
    ),
  ])
  func badRecipientsAreRefusedAtTheirRowAndNothingIsWritten(text: String, expected: String) throws {
    let (root, file) = try Self.write(text)
    let out = root.appendingPathComponent("out")
    let r = try CLI.run(["render", "--recipients", file, "-o", out.path], in: root)
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "\(r.stderr)")
    let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
    #expect(written.isEmpty)
  }

  @Test func aRecipientsFileThatIsNotAListSaysWhatItNeeds() throws {
    let root = try CLI.copyOfShippedLetter()
    let file = root.appendingPathComponent("recipients.yaml")
    try "just text\n".write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["render", "--recipients", file.path, "-o", "out"], in: root)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains(
        "recipients.yaml:1:1: error: expected a list of records, each a mapping of column: value"),
      "\(r.stderr)")
  }

  @Test func aLetterThatWouldBeRefusedStopsAllOfThemWithItsRow() throws {
    // German has no catalog: that letter cannot be rendered, so none is written.
    let (root, file) = try Self.write("id,locale\na,en\nb,de\nc,ja\n")
    let out = root.appendingPathComponent("out")
    let r = try CLI.run(["render", "--recipients", file, "-o", out.path], in: root)
    #expect(r.status == 2 || r.status == 1)
    #expect(
      r.stderr.contains("recipients.csv:3: error: letter 'b' in de: no catalog for 'de'"),
      "\(r.stderr)")
    #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
  }

  @Test func aRowsValuesReplaceTheModelsForItsLetterOnly() throws {
    let (root, file) = try Self.write(
      "id,locale,recipient.name,recipient.gender\nx,fr,Anne Exemple,female\ny,fr,,\n")
    let out = root.appendingPathComponent("out")
    let r = try CLI.run(["render", "--recipients", file, "-o", out.path], in: root)
    #expect(r.status == 0, "\(r.stderr)")
    let x = try String(
      contentsOf: out.appendingPathComponent("icc-japan.x.fr.txt"), encoding: .utf8)
    let y = try String(
      contentsOf: out.appendingPathComponent("icc-japan.y.fr.txt"), encoding: .utf8)
    #expect(x.contains("Madame la Ministre,"))
    // An empty cell keeps the model's value (gender: male).
    #expect(y.contains("Monsieur le Ministre,"))
  }

  @Test func groupCountsAreValuesForMessages() throws {
    let root = try CLI.copyOfShippedLetter()
    let en = root.appendingPathComponent("Locales/en.yaml")
    let text = try String(contentsOf: en, encoding: .utf8).replacingOccurrences(
      of: "text: \"Sincerely,\"",
      with: "text: \"We, the {groups.members.count} undersigned organizations.\"")
    try text.write(to: en, atomically: true, encoding: .utf8)
    let r = try CLI.run(["render", "--locale", "en"], in: root)
    #expect(r.status == 0, "\(r.stderr)")
    // 23 named members and 2 unnamed, as the model says.
    #expect(r.stdout.contains("We, the 25 undersigned organizations."))
  }

  @Test func namesFallBackToTheSourceLocaleWhenAllowed() throws {
    let root = try CLI.copyOfShippedLetter()
    let csv = root.appendingPathComponent("Templates/icc-japan/signatories.csv")
    var lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
    // Blank the French name of the first coordinator (the last column).
    var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[fields.count - 1] = ""
    lines[1] = fields.joined(separator: ",")
    try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
    let refused = try CLI.run(["render", "--locale", "fr"], in: root)
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains("signatories.csv:2: error: [signatory-name]"), "\(refused.stderr)")
    let allowed = try CLI.run(["render", "--locale", "fr", "--allow-fallback"], in: root)
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(
      allowed.stderr.contains(
        "signatories.csv:2: warning: [fallback] coordinators: this signatory has no name for fr; using its name.en name 'Human Rights Watch'"
      ), "\(allowed.stderr)")
    #expect(allowed.stdout.contains("Human Rights Watch"))
  }

  @Test func sortTakesOneGroupOfAGroupedList() throws {
    let r = try CLI.run([
      "sort", "Templates/icc-japan/signatories.csv", "--locale", "ja", "--group", "coordinators",
      "--format", "text",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "ヒューマン・ライツ・ウォッチ\nヒューマンライツ・ナウ\n")
    let none = try CLI.run([
      "sort", "Templates/icc-japan/signatories.csv", "--locale", "ja", "--group", "guests",
    ])
    #expect(none.status == 2)
    #expect(
      none.stderr.contains("no record is in the group 'guests' (groups: coordinators, members)"))
  }

  @Test func headingsReadTheSameInEveryFormat() throws {
    let input = Data("渡辺\tわたなべ\n佐藤\tさとう\n".utf8)
    let text = try CLI.run(["sort", "-", "--locale", "ja", "--headings"], stdin: input)
    #expect(text.stdout.contains("# さ行\n佐藤"))
    let tsv = try CLI.run(
      ["sort", "-", "--locale", "ja", "--headings", "--format", "tsv"], stdin: input)
    #expect(tsv.stdout == "name\treading\theading\n佐藤\tさとう\tさ行\n渡辺\tわたなべ\tわ行\n")
    let json = try CLI.run(["sort", "-", "--locale", "ja", "--format", "json"], stdin: input)
    #expect(json.stdout.contains("\"heading\": \"さ行\""))
  }
}
