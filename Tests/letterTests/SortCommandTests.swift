import Foundation
import Testing

@Suite("letter sort, end to end")
struct SortCommandTests {
  @Test func textInputComesOutAsTheSameLinesSorted() throws {
    let r = try CLI.run(["sort", CLI.fixture("sort/names.tsv"), "--locale", "ja"])
    #expect(r.status == 0)
    #expect(r.stdout == "佐藤\tさとう\n東海林\tしょうじ\n鈴木\tすずき\n高橋\tたかはし\n渡辺\tわたなべ\n山田\n")
    #expect(r.stderr.contains("names.tsv:7: warning: [no-reading] 山田: has kanji but no reading"))
  }

  @Test func headings() throws {
    let r = try CLI.run(["sort", CLI.fixture("sort/names.tsv"), "--locale", "ja", "--headings"])
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        # さ行
        佐藤\tさとう
        東海林\tしょうじ
        鈴木\tすずき

        # た行
        高橋\tたかはし

        # わ行
        渡辺\tわたなべ

        # 読みなし
        山田

        """)
  }

  @Test func standardInputAndLocaleFromTheEnvironment() throws {
    let input = Data("Zebra\nähnlich\napple\n".utf8)
    let r = try CLI.run(["sort", "-"], stdin: input, env: ["LANG": "en_US.UTF-8"])
    #expect(r.status == 0)
    #expect(r.stdout == "ähnlich\napple\nZebra\n")
    let sv = try CLI.run(["sort", "-"], stdin: input, env: ["LC_ALL": "sv_SE.UTF-8"])
    // Swedish sorts ä after z.
    #expect(sv.stdout == "apple\nZebra\nähnlich\n")
  }

  @Test func csvKeepsEveryColumnAndUsesTheLocaleColumns() throws {
    let r = try CLI.run(["sort", CLI.fixture("sort/members.csv"), "--locale", "ja"])
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        group,name.en,name.ja,reading.ja
        members,YWCA of Osaka,大阪YWCA,おおさかわいだぶりゅーしーえー
        members,"Alter Trade Japan, Inc.",株式会社オルター・トレード・ジャパン,かぶしきがいしゃおるたーとれーどじゃぱん
        members,Kyoto YWCA,京都YWCA,きょうとわいだぶりゅーしーえー

        """)
    let kept = try CLI.run([
      "sort", CLI.fixture("sort/members.csv"), "--locale", "ja", "--keep-legal-forms", "--format",
      "tsv",
    ])
    #expect(
      kept.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[1] } == [
        "YWCA of Osaka", "Alter Trade Japan, Inc.", "Kyoto YWCA",
      ])
    let en = try CLI.run([
      "sort", CLI.fixture("sort/members.csv"), "--locale", "en", "--format", "text",
    ])
    #expect(en.stdout == "Alter Trade Japan, Inc.\nKyoto YWCA\nYWCA of Osaka\n")
  }

  @Test func json() throws {
    let r = try CLI.run(["sort", CLI.fixture("sort/members.yaml"), "--locale", "ja"])
    #expect(r.status == 0)
    let array = try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [[String: Any]]
    #expect(array.map { $0["name"] as? String } == ["アオイ", "京都YWCA"])
    #expect(array.map { $0["heading"] as? String } == ["あ行", "か行"])
    #expect(array[0]["reading"] is NSNull)
    #expect(array[1]["reading"] as? String == "きょうと")
  }

  @Test func outputFileIsWrittenWhole() throws {
    let dir = try CLI.temporaryDirectory()
    let out = dir.appendingPathComponent("sorted.tsv").path
    let r = try CLI.run(["sort", CLI.fixture("sort/good.tsv"), "--locale", "ja", "-o", out])
    #expect(r.status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "高橋\tたかはし\n渡辺\tわたなべ\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["sorted.tsv"])
  }

  @Test(arguments: [
    (
      ["sort", "no-such-file.tsv", "--locale", "ja"],
      "no-such-file.tsv: error: no such file or directory"
    ),
    (["sort", "sort/bad-utf8.txt", "--locale", "ja"], "bad-utf8.txt:2:1: error: invalid UTF-8"),
    (
      ["sort", "sort/unterminated.csv", "--locale", "ja"],
      "unterminated.csv:3:1: error: unterminated quoted field"
    ),
    (
      ["sort", "sort/wrong-count.csv", "--locale", "ja"],
      "wrong-count.csv:3: error: this row has 3 fields, the header has 2"
    ),
    (
      ["sort", "sort/members.csv", "--locale", "ja", "--column", "nom"],
      "members.csv:1: error: no column 'nom'; the columns are: group, name.en, name.ja, reading.ja"
    ),
    (
      ["sort", "sort/members.csv", "--locale", "fr"],
      "members.csv:1: error: no name column (looked for name.fr, name); the columns are: group, name.en, name.ja, reading.ja"
    ),
    (
      ["sort", "sort/good.tsv", "--locale", "jp"],
      "error: --locale: 'jp' is not a language ICU knows ('JP' is a region code); did you mean 'ja'?"
    ),
    (
      ["sort", "sort/empty-name.csv", "--locale", "ja"],
      "empty-name.csv:2: error: record has an empty name"
    ),
    (
      ["sort", "sort/empty-name.yaml", "--locale", "ja"],
      "empty-name.yaml:5: error: record has an empty name"
    ),
    (
      ["sort", "sort/bomb.yaml", "--locale", "ja"], "bomb.yaml:2:4: error: YAML anchors and aliases"
    ),
  ])
  func badInputExits2WithThePlaceAndWritesNothing(args: [String], expected: String) throws {
    let dir = try CLI.temporaryDirectory()
    let out = dir.appendingPathComponent("out.txt").path
    let resolved = args.map { $0.hasPrefix("sort/") ? CLI.fixture($0) : $0 }
    let r = try CLI.run(resolved + ["-o", out])
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "stderr: \(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func textOutputKeepsTheInputsBytes() throws {
    // CRLF line ends and a byte order mark come out as they went in.
    let r = try CLI.run(
      ["sort", "-", "--locale", "en"], stdin: Data([0xEF, 0xBB, 0xBF] + Array("b\r\na\r\n".utf8)))
    #expect(r.stdoutBytes == Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8)))
  }

  @Test func environmentLocaleErrorsNameTheVariable() throws {
    let r = try CLI.run(["sort", CLI.fixture("sort/good.tsv")], env: ["LANG": "garbage"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("the environment's collation locale (LANG=garbage)"))
  }

  @Test func blankLinesInTextAreSkipped() throws {
    let r = try CLI.run(["sort", "-", "--locale", "en"], stdin: Data("b\n\n\na\n".utf8))
    #expect(r.stdout == "a\nb\n")
  }

  @Test func strengthFromTheCommandLine() throws {
    // Quaternary strength tells hiragana from katakana (hiragana first, CLDR ja); at the
    // default, tertiary, they tie and the display name decides the same way.
    let input = Data("サクラ\nさくら\nさくらんぼ\n".utf8)
    let q = try CLI.run(["sort", "-", "--locale", "ja", "--strength", "quaternary"], stdin: input)
    #expect(q.stdout == "さくら\nサクラ\nさくらんぼ\n")
    let p = try CLI.run(["sort", "-", "--locale", "ja", "--strength", "primary"], stdin: input)
    #expect(p.stdout == "さくら\nサクラ\nさくらんぼ\n")
    let bad = try CLI.run(["sort", "-", "--strength", "strong"], stdin: input)
    #expect(bad.status == 64)
  }

  @Test func latinLast() throws {
    let r = try CLI.run(
      ["sort", "-", "--locale", "ja", "--latin", "last"],
      stdin: Data("BDS東京\tBDS とうきょう\nあかり\n".utf8))
    #expect(r.stdout == "あかり\nBDS東京\tBDS とうきょう\n")
  }
}
