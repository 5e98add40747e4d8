import Foundation
import Testing

/// Whether `letter readings` can run MeCab here (a probe run); the tests that need it
/// are skipped with the reason when it cannot.
private let mecabInstalled: Bool = {
  guard let dir = try? CLI.temporaryDirectory() else { return false }
  defer { try? FileManager.default.removeItem(at: dir) }
  let file = dir.appendingPathComponent("probe.csv")
  guard (try? Data("name\n東京\n".utf8).write(to: file)) != nil,
    let r = try? CLI.run(
      ["readings", file.path],
      env: ProcessInfo.processInfo.environment.filter { $0.key == "LETTER_MECAB_LIBRARY" })
  else { return false }
  return r.status == 0
}()

private let noMeCab = Comment(
  rawValue: "MeCab with IPADIC is not installed (apt-get install libmecab2 mecab-ipadic-utf8)")

/// The 47 prefectures in 五十音 order of their published readings (あいち, あおもり, …).
private let prefecturesInGojuonOrder = [
  "愛知県", "青森県", "秋田県", "石川県", "茨城県", "岩手県", "愛媛県", "大分県", "大阪府", "岡山県", "沖縄県", "香川県",
  "鹿児島県", "神奈川県", "岐阜県", "京都府", "熊本県", "群馬県", "高知県", "埼玉県", "佐賀県", "滋賀県", "静岡県", "島根県",
  "千葉県", "東京都", "徳島県", "栃木県", "鳥取県", "富山県", "長崎県", "長野県", "奈良県", "新潟県", "兵庫県", "広島県",
  "福井県", "福岡県", "福島県", "北海道", "三重県", "宮城県", "宮崎県", "山形県", "山口県", "山梨県", "和歌山県",
]

@Suite("letter readings, end to end")
struct ReadingsCommandTests {
  @Test func missingLibraryNamesTheDebianPackages() throws {
    let r = try CLI.run(
      ["readings", CLI.fixture("readings/prefectures.csv")],
      env: ["LETTER_MECAB_LIBRARY": "libmecab-absent.so.9"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("error: letter readings needs MeCab"))
    #expect(r.stderr.contains("apt-get install libmecab2 mecab-ipadic-utf8"))
    #expect(r.stdout.isEmpty)
  }

  @Test func missingDictionary() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run([
      "readings", CLI.fixture("readings/prefectures.csv"), "--dictionary", dir.path,
    ])
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "\(dir.path): error: not a MeCab dictionary (no dicrc and sys.dic in this folder)\n")
    let named = try CLI.run([
      "readings", CLI.fixture("readings/prefectures.csv"), "--dictionary", "juman",
    ])
    #expect(named.status == 2)
  }

  /// Bad input: the same errors, at the same places, as `letter sort`.
  @Test func badInputAsSort() throws {
    let file = CLI.fixture("readings/unterminated.csv")
    let readings = try CLI.run(["readings", file])
    let sort = try CLI.run(["sort", file, "--locale", "ja"])
    #expect(readings.status == 2)
    #expect(readings.stderr == sort.stderr)
    #expect(readings.stderr.contains("unterminated.csv:3:1: error: unterminated quoted field"))
    let missing = try CLI.run(["readings", "no-such-list.csv"])
    #expect(missing.status == 2)
    #expect(missing.stderr == "no-such-list.csv: error: no such file or directory\n")
  }

  @Test func onlyJapanese() throws {
    let r = try CLI.run(["readings", CLI.fixture("readings/prefectures.csv"), "--locale", "fr"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("Japanese readings only"))
  }

  @Test func aTextListCannotHoldTheStatus() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("names.txt").path
    let r = try CLI.run(["readings", CLI.fixture("readings/prefectures.csv"), "-o", out])
    #expect(r.status == 2)
    #expect(r.stderr.contains("cannot tell which table format to write"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// `letter sort` warns for every reading still marked suggested.
  @Test func sortWarnsUnconfirmedReadings() throws {
    let file = CLI.fixture("readings/pending.csv")
    let r = try CLI.run(["sort", file, "--locale", "ja", "--format", "text"])
    #expect(r.status == 0)
    #expect(r.stdout == "河野\n佐藤\n中島\n渡辺\n")
    let warnings = r.stderr.split(separator: "\n")
    #expect(warnings.count == 2)
    #expect(
      warnings[0].hasPrefix("\(file):2: warning: [unconfirmed-reading] 河野: the reading 'こうの'"))
    #expect(
      warnings[1].hasPrefix("\(file):5: warning: [unconfirmed-reading] 渡辺: the reading 'わたなべ'"))
  }

  /// Confirming needs no MeCab; the file is rewritten whole, other rows untouched.
  @Test func confirmWithoutMeCab() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("list.csv").path
    try FileManager.default.copyItem(atPath: CLI.fixture("readings/pending.csv"), toPath: file)
    let absent = ["LETTER_MECAB_LIBRARY": "libmecab-absent.so.9"]
    let r = try CLI.run(["readings", file, "--confirm", "2", "5=わたべ", "-o", file], env: absent)
    #expect(r.status == 0)
    #expect(r.stdout == "2 readings confirmed.\n")
    #expect(
      try String(contentsOfFile: file, encoding: .utf8)
        == "name.ja,reading.ja,reading.ja.status\n河野,こうの,confirmed\n佐藤,さとう,\n中島,なかじま,confirmed\n渡辺,わたべ,confirmed\n"
    )
    let sort = try CLI.run(["sort", file, "--locale", "ja"])
    #expect(sort.stderr.isEmpty)
    // Without -o the table goes to standard output, the count to standard error.
    let toStdout = try CLI.run(
      ["readings", CLI.fixture("readings/pending.csv"), "--confirm", "all"], env: absent)
    #expect(toStdout.status == 0)
    #expect(toStdout.stderr == "2 readings confirmed.\n")
    #expect(
      toStdout.stdout
        == "name.ja,reading.ja,reading.ja.status\n河野,こうの,confirmed\n佐藤,さとう,\n中島,なかじま,confirmed\n渡辺,わたなべ,confirmed\n"
    )
    // A line with nothing to confirm: an error, and the file is left as it was.
    let before = try String(contentsOfFile: file, encoding: .utf8)
    let bad = try CLI.run(["readings", file, "--confirm", "3", "-o", file], env: absent)
    #expect(bad.status == 2)
    #expect(
      bad.stderr.contains("\(file):3: error: 佐藤: --confirm 3: this record has no suggested reading")
    )
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
  }

  /// Suggest → review → confirm → sort: the prefectures come out in the published 五十音
  /// order, with no warning left.
  @Test(.enabled(if: mecabInstalled, noMeCab))
  func roundTripSuggestConfirmSort() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("prefectures.csv").path
    try FileManager.default.copyItem(
      atPath: CLI.fixture("readings/prefectures.csv"), toPath: file)

    // Suggest: every row listed for review with its line; the table gets the columns.
    let suggest = try CLI.run(["readings", file, "-o", file])
    #expect(suggest.status == 0)
    let review = suggest.stdout.split(separator: "\n")
    #expect(review.count == 48)
    #expect(review[0].hasPrefix("\(file):2: 北海道 → ほっかいどう"))
    #expect(review[47].hasPrefix("47 suggested readings to review"))
    let table = try String(contentsOfFile: file, encoding: .utf8)
    #expect(table.hasPrefix("name.ja,code,reading.ja,reading.ja.status\n北海道,01,ほっかいどう,suggested\n"))

    // Until confirmed, sort warns for each one.
    let pending = try CLI.run(["sort", file, "--locale", "ja", "--format", "text"])
    #expect(pending.stderr.split(separator: "\n").count == 47)
    #expect(
      pending.stderr.split(separator: "\n").allSatisfy { $0.contains("[unconfirmed-reading]") })

    // Run again: nothing new, the 47 still listed as earlier suggestions.
    let again = try CLI.run(["readings", file])
    #expect(
      again.stdout.split(separator: "\n").filter { $0.contains("suggested earlier") }.count == 47)

    // Confirm every one, then sort: 五十音 order, no warning.
    let confirm = try CLI.run(["readings", file, "--confirm", "all", "-o", file])
    #expect(confirm.status == 0)
    #expect(confirm.stdout == "47 readings confirmed.\n")
    let sorted = try CLI.run(["sort", file, "--locale", "ja", "--format", "text"])
    #expect(sorted.status == 0)
    #expect(sorted.stderr.isEmpty)
    #expect(sorted.stdout.split(separator: "\n").map(String.init) == prefecturesInGojuonOrder)
  }

  /// Text lists and JSON: read as by sort; the table in the asked format.
  @Test(.enabled(if: mecabInstalled, noMeCab))
  func textListToJSONTable() throws {
    let r = try CLI.run(
      ["readings", "-", "--format", "json"], stdin: Data("河野\n佐藤\tさとう\nさくら\n".utf8))
    #expect(r.status == 0)
    #expect(
      r.stdout
        == """
        [
          {
            "name": "河野",
            "reading.ja": "こうの",
            "reading.ja.status": "suggested"
          },
          {
            "name": "佐藤",
            "reading.ja": "さとう",
            "reading.ja.status": ""
          },
          {
            "name": "さくら",
            "reading.ja": "",
            "reading.ja.status": ""
          }
        ]

        """)
    // The review list goes to standard error when standard output has the table.
    #expect(r.stderr.hasPrefix("<stdin>:1: 河野 → こうの  (or: かわの"))
  }
}
