import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile and careless input, end to end: each gets a clear error at its place and the
/// documented exit status; nothing crashes, hangs, escapes the template or is half-written.
@Suite("Trust: hostile input, limits, output")
struct TrustTests {
  /// A copy of the shipped letter with one file replaced.
  static func copy(
    replacing file: String? = nil, with text: String? = nil,
    edit: ((String) -> String)? = nil
  ) throws -> URL {
    let root = try CLI.copyOfShippedLetter()
    if let file {
      let url = root.appendingPathComponent(file)
      let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
      try (text ?? edit!(old)).write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  static let model = "Templates/icc-japan/letter.yaml"
  static let txt = "Templates/icc-japan/letter.txt.mustache"

  /// How many lines the shipped file has (a line appended to it is the next).
  static func end(of file: String) throws -> Int {
    try String(contentsOf: CLI.packageRoot.appendingPathComponent(file), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).count - 1
  }

  /// The line of the shipped model that holds `text` (expected places are read from the
  /// input, so that editing the shipped letter does not move them by hand).
  static func line(of text: String, in file: String = model) throws -> Int {
    let lines = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent(file), encoding: .utf8
    )
    .split(separator: "\n", omittingEmptySubsequences: false)
    return lines.firstIndex { $0.contains(text) }! + 1
  }

  @Test func aHugeUnnamedCountIsAnErrorAtItsPlaceNotACrash() throws {
    let root = try Self.copy(replacing: Self.model) {
      $0.replacingOccurrences(of: "unnamed: 2 ", with: "unnamed: 9223372036854775807 ")
    }
    for command in [["check"], ["render"]] {
      let r = try CLI.run(command, in: root)
      #expect(r.status == 2)
      #expect(
        r.stderr.contains(
          "Templates/icc-japan/letter.yaml:\(try Self.line(of: "unnamed: 2")):16: error: 'unnamed' is a whole number from 0 to 1000000000"
        ), "\(r.stderr)")
    }
  }

  @Test func aLayoutThatIncludesItselfIsNamedWithItsChain() throws {
    let root = try Self.copy(replacing: "Templates/icc-japan/letter.txt.mustache") {
      "{{>letter.txt}}\n" + $0
    }
    for command in [["check"], ["render", "--locale", "en"]] {
      let r = try CLI.run(command, in: root)
      #expect(r.status == 2)
      #expect(
        r.stderr.contains(
          "Templates/icc-japan/letter.txt.mustache:1:1: error: [layout] layout includes itself: letter.txt → letter.txt"
        ), "\(r.stderr)")
    }
    let inherits = try Self.copy(
      replacing: "Templates/icc-japan/letter.ja.txt.mustache",
      with: "{{<letter.ja.txt}}{{/letter.ja.txt}}\n")
    let r = try CLI.run(["render", "--locale", "ja"], in: inherits)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains(
        "letter.ja.txt.mustache:1:1: error: [layout] layout includes itself: letter.ja.txt → letter.ja.txt"
      ), "\(r.stderr)")
  }

  @Test func deeplyNestedSectionsAreRefused() throws {
    let deep =
      String(repeating: "{{#a}}", count: 5000) + "x" + String(repeating: "{{/a}}", count: 5000)
    let root = try Self.copy(replacing: "Templates/icc-japan/letter.md.mustache", with: deep)
    let r = try CLI.run(["check"], in: root)
    #expect(r.status == 2)
    // The 65th opening tag: 64 levels are allowed.
    #expect(
      r.stderr.contains(
        "letter.md.mustache:1:385: error: [layout] sections, blocks and parents nested deeper than 64 levels"
      ), "\(r.stderr)")
  }

  @Test func aMissingPartialIsRefusedByCheckAsByRender() throws {
    let root = try Self.copy(replacing: "Templates/icc-japan/letter.txt.mustache") {
      $0 + "{{>footer}}\n"
    }
    for command in [["check"], ["render"]] {
      let r = try CLI.run(command, in: root)
      #expect(r.status == 2)
      #expect(
        r.stderr.contains(
          "letter.txt.mustache:\(try Self.end(of: Self.txt) + 1):1: error: [layout] no layout 'footer' to include"
        ), "\(r.stderr)")
    }
  }

  @Test func checkFindsKeysReachedThroughSectionsAndOtherDelimiters() throws {
    let root = try Self.copy(replacing: "Templates/icc-japan/letter.txt.mustache") {
      $0 + "{{#t}}{{icc-japan.nope}}{{/t}}\n{{=<% %>=}}<%t.common.zzz%>\n"
    }
    let r = try CLI.run(["check"], in: root)
    #expect(r.status == 1)
    #expect(
      r.stdout.contains(
        "letter.txt.mustache:\(try Self.end(of: Self.txt) + 1):7: error: [unknown-key] icc-japan.nope: no catalog has this key"
      ),
      "\(r.stdout)")
    #expect(
      r.stdout.contains(
        "letter.txt.mustache:\(try Self.end(of: Self.txt) + 2):12: error: [unknown-key] common.zzz"),
      "\(r.stdout)"
    )
    let rendered = try CLI.run(["render"], in: root)
    #expect(rendered.status == 1)
    #expect(rendered.stdout.isEmpty)
  }

  @Test func aModelValueWithoutTheLocalesValueFailsCheckAsRender() throws {
    let root = try Self.copy(replacing: Self.model) {
      $0.replacingOccurrences(of: "ja: 岩屋　毅, ", with: "")
    }
    let check = try CLI.run(["check"], in: root)
    #expect(check.status == 1)
    #expect(
      check.stdout.contains(
        "Templates/icc-japan/letter.yaml:\(try Self.line(of: "ja: 岩屋　毅")):9: error: [model-value] recipient.name: 'recipient.name' has no value for ja"
      ), "\(check.stdout)")
    let render = try CLI.run(["render", "--locale", "ja"], in: root)
    #expect(render.status == 1)
  }

  @Test func aNullModelValueIsAnErrorNotTheWordNull() throws {
    let root = try Self.copy(replacing: Self.model) {
      $0.replacingOccurrences(of: "date: 2025-04-23", with: "date: null")
    }
    let r = try CLI.run(["render"], in: root)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains(
        "Templates/icc-japan/letter.yaml:7:7: error: [model-value] this value is empty (YAML null)"),
      "\(r.stderr)")
  }

  @Test func tripleMustacheOnCatalogTextIsARawHTMLWarning() throws {
    let root = try Self.copy(replacing: "Templates/icc-japan/letter.html.mustache") {
      $0 + "{{{t.common.closing}}}{{&t.common.closing}}\n"
    }
    let r = try CLI.run(["check", "--strict"], in: root)
    #expect(r.status == 1)
    #expect(
      r.stdout.contains(
        "letter.html.mustache:\(try Self.end(of: "Templates/icc-japan/letter.html.mustache") + 1):1: warning: [raw-html] common.closing"
      ),
      "\(r.stdout)")
    #expect(
      r.stdout.contains(
        "letter.html.mustache:\(try Self.end(of: "Templates/icc-japan/letter.html.mustache") + 1):23: warning: [raw-html] common.closing"
      ),
      "\(r.stdout)")
  }

  @Test func markdownOutputPrintsATranslatorsMarkupLiterally() throws {
    let root = try Self.copy(replacing: "Locales/en.yaml") {
      $0.replacingOccurrences(
        of: "text: \"Sincerely,\"", with: "text: \"*Yours* <script>x</script> [a](b) # 1. _x_\"")
    }
    let r = try CLI.run(["render", "--format", "md"], in: root)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(#"\*Yours\* \<script\>x\</script\> \[a\](b) # 1. \_x\_"#), "\(r.stdout)")
    let html = try CLI.run(["render", "--format", "html"], in: root)
    #expect(html.stdout.contains("*Yours* &lt;script&gt;x&lt;/script&gt; [a](b)"))
    let txt = try CLI.run(["render", "--format", "txt"], in: root)
    #expect(txt.stdout.contains("*Yours* <script>x</script> [a](b) # 1. _x_"))
  }

  @Test func aTemplateIdIsAPlainFileName() throws {
    for (id, problem) in [
      ("../../x", "'../../x' has a '/'"), ("\"\"", "is empty"),
      (".hidden", "'.hidden' starts with '.'"),
    ] {
      let root = try Self.copy(replacing: Self.model) {
        $0.replacingOccurrences(of: "id: icc-japan", with: "id: \(id)")
      }
      let out = try CLI.temporaryDirectory()
      let r = try CLI.run(["render", "-o", out.path], in: root)
      #expect(r.status == 2)
      #expect(
        r.stderr.contains("Templates/icc-japan/letter.yaml:4:5: error: 'id' \(problem)"),
        "\(r.stderr)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
  }

  @Test(arguments: [
    (
      "/etc/passwd",
      "error: signatories file '/etc/passwd': an absolute path"
    ),
    (
      "../../Locales/en.yaml",
      "error: signatories file '../../Locales/en.yaml': climbs out of the template folder"
    ),
  ])
  func aTemplateReadsOnlyItsOwnFolder(file: String, expected: String) throws {
    let root = try Self.copy(replacing: Self.model) {
      $0.replacingOccurrences(of: "file: signatories.csv", with: "file: \(file)")
    }
    for command in [["render"], ["check"]] {
      let r = try CLI.run(command, in: root)
      #expect(r.status == 2)
      let place =
        "Templates/icc-japan/letter.yaml:\(try Self.line(of: "file: signatories.csv")):9: "
      #expect(r.stderr.hasPrefix(place + expected), "\(r.stderr)")
      #expect(!r.stderr.contains("root:"))
    }
  }

  @Test func aSymbolicLinkOutOfTheTemplateIsRefused() throws {
    let root = try CLI.copyOfShippedLetter()
    let csv = root.appendingPathComponent("Templates/icc-japan/signatories.csv")
    try FileManager.default.removeItem(at: csv)
    try FileManager.default.createSymbolicLink(atPath: csv.path, withDestinationPath: "/etc/passwd")
    let r = try CLI.run(["render"], in: root)
    #expect(r.status == 2)
    #expect(r.stderr.contains("leads outside the template folder"), "\(r.stderr)")
  }

  @Test func aListKeptElsewhereIsGivenOnTheCommandLine() throws {
    let root = try CLI.copyOfShippedLetter()
    let elsewhere = try CLI.temporaryDirectory().appendingPathComponent("list.csv")
    try FileManager.default.moveItem(
      at: root.appendingPathComponent("Templates/icc-japan/signatories.csv"), to: elsewhere)
    let r = try CLI.run(["render", "--signatories", elsewhere.path], in: root)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Human Rights Watch"))
    #expect(
      try CLI.run(["check", "--strict", "--signatories", elsewhere.path], in: root).status == 0)
  }

  @Test func aNamedPipeOrADeviceIsNotReadNorWritten() throws {
    let dir = try CLI.temporaryDirectory()
    let fifo = dir.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let read = try CLI.run(["sort", fifo, "--locale", "ja"])
    #expect(read.status == 2)
    #expect(read.stderr == "\(fifo): error: is a named pipe (FIFO), not a regular file\n")
    let zero = try CLI.run(["sort", "/dev/zero", "--locale", "ja"])
    #expect(zero.stderr == "/dev/zero: error: is a device, not a regular file\n")
    let list = CLI.packageRoot.appendingPathComponent("Templates/icc-japan/signatories.csv").path
    let write = try CLI.run(["sort", list, "--locale", "ja", "-o", fifo])
    #expect(write.status == 2)
    #expect(
      write.stderr.contains(
        "\(fifo): error: cannot write: it is a named pipe (FIFO), not a regular file (-o writes regular files only)"
      ), "\(write.stderr)")
    let null = try CLI.run(["sort", list, "--locale", "ja", "-o", "/dev/null"])
    #expect(null.status == 2)
    #expect(null.stderr.contains("/dev/null: error: cannot write: it is a device"))
    var st = stat()
    #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
  }

  @Test func aReplacedFileKeepsItsPermissions() throws {
    let dir = try CLI.temporaryDirectory()
    let out = dir.appendingPathComponent("sorted.csv").path
    #expect(FileManager.default.createFile(atPath: out, contents: Data("old\n".utf8)))
    #expect(chmod(out, 0o640) == 0)
    let list = CLI.packageRoot.appendingPathComponent("Templates/icc-japan/signatories.csv").path
    let r = try CLI.run(["sort", list, "--locale", "ja", "-o", out])
    #expect(r.status == 0, "\(r.stderr)")
    var st = stat()
    #expect(stat(out, &st) == 0)
    #expect(st.st_mode & 0o777 == 0o640)
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("group,"))
  }

  @Test func anInputOverTheLimitIsRefusedWithTheLimit() throws {
    let dir = try CLI.temporaryDirectory()
    let big = dir.appendingPathComponent("big.txt").path
    #expect(FileManager.default.createFile(atPath: big, contents: nil))
    #expect(truncate(big, 256 << 20 + 1) == 0)  // sparse: no disk used
    let r = try CLI.run(["sort", big, "--locale", "en"])
    #expect(r.status == 2)
    #expect(r.stderr == "\(big): error: is larger than 256 MiB, the most letter reads\n")
  }

  @Test func aWriteErrorOnStandardOutputIsReported() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["render"]
    process.currentDirectoryURL = CLI.packageRoot
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let err = Pipe()
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 2)
    #expect(text == "error: cannot write to standard output: no space left on device\n")
  }

  @Test func aSignalDuringSortLeavesNoTemporaryFile() throws {
    let dir = try CLI.temporaryDirectory()
    // Standard input that never ends: sort waits, its temporary output file open.
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = [
      "sort", "-", "--locale", "en", "-o", dir.appendingPathComponent("out.txt").path,
    ]
    let input = Pipe()
    process.standardInput = input
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data("b\na\n".utf8))
    // sort opens its temporary output first, then reads standard input, which stays open.
    var sawTemporary = false
    for _ in 0..<200 where !sawTemporary {
      sawTemporary = (try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains {
        $0.hasPrefix(".out.txt.")
      }
      if !process.isRunning { break }
      usleep(1000)
    }
    #expect(sawTemporary)
    process.terminate()  // SIGTERM
    process.waitUntilExit()
    try input.fileHandleForWriting.close()
    #expect(process.terminationReason == .uncaughtSignal)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
      $0.hasPrefix(".")
    }
    #expect(left.isEmpty, "\(left)")
  }

  @Test func aBareCRInACSVEndsALineAndDropsNoByte() throws {
    let csv = try CLI.temporaryDirectory().appendingPathComponent("cr.csv")
    try Data("name\r\"Zed\"\rAmy\rBob".utf8).write(to: csv)
    let r = try CLI.run(["sort", csv.path, "--locale", "en"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "name\nAmy\nBob\nZed\n")
  }

  /// `no-reading` is the sorter's own decision, after legal forms are set aside: a name
  /// whose only kanji are its legal form sorts by its kana, in check as in render.
  @Test func aNameWhoseOnlyKanjiIsItsLegalFormNeedsNoReading() throws {
    let root = try Self.copy(replacing: Self.model) {
      $0.replacingOccurrences(of: "legal-forms: keep", with: "legal-forms: set-aside")
    }
    let csv = root.appendingPathComponent("Templates/icc-japan/signatories.csv")
    let row = "members,Tsunagari House,一般社団法人つながりハウス,,,Tsunagari House\n"
    try (try String(contentsOf: csv, encoding: .utf8) + row).write(
      to: csv, atomically: true, encoding: .utf8)
    let check = try CLI.run(["check", "--strict"], in: root)
    #expect(check.status == 0, "\(check.stdout)")
    let render = try CLI.run(["render", "--locale", "ja"], in: root)
    #expect(render.status == 0)
    #expect(!render.stderr.contains("no-reading"), "\(render.stderr)")
    #expect(render.stdout.contains("一般社団法人つながりハウス"))
    // With the legal form read as part of the name, its kanji need a reading: both say so.
    let kept = try Self.copy(replacing: "Templates/icc-japan/signatories.csv") { $0 + row }
    let warned = try CLI.run(["check", "--strict"], in: kept)
    #expect(warned.status == 1)
    #expect(
      warned.stdout.contains(
        "warning: [no-reading] members: '一般社団法人つながりハウス' has kanji but no reading"),
      "\(warned.stdout)")
    #expect(try CLI.run(["render", "--locale", "ja"], in: kept).stderr.contains("[no-reading]"))
  }
}
