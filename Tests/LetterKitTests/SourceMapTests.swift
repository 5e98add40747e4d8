import Testing

@testable import LetterKit

/// Places inside YAML scalars of every style, after escapes and folding: the place of a
/// marker character in the parsed value must be where the marker is in the raw text
/// (found by searching the file's lines, independently of the map).
@Suite("Source maps: exact places in every YAML scalar style")
struct SourceMapTests {
  static let yaml = """
    messages:
      plain: one two
        three ¶ four
      single: 'it''s a
        long ''x'' ¶ here'
      double: "tab\\there\\nnew \\u00e9\\x41 \\U0001F600 \\"q\\" \\\\ \\
        joined ¶ end"
      doubleFolded: "first
        second\\t

        ¶ third"
      literal: |
        first line
          more indented

        after empty ¶
      folded: >
        folded one
        folded two

        para ¶ end
      keep: |+
        kept ¶

      crlf: "a\\tb ¶"
    """

  static func place(of key: String, in text: String) throws -> (
    LetterKit.SourceLocation, LetterKit.SourceLocation
  ) {
    let document = try YAMLDocument.parse(text, file: "m.yaml")
    guard case .mapping(let top)? = document.root, case .mapping(let messages)? = top["messages"],
      let node = messages[key], let value = node.scalarText
    else { throw LetterError.input([]) }
    let map = document.sourceMap(of: node, value: value)
    let scalars = Array(value.unicodeScalars)
    let offset = try #require(scalars.firstIndex(of: "¶"))
    // The marker in the raw text.
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0)).trimmingSuffixCR
    }
    var raw: LetterKit.SourceLocation?
    // The marker's line is the first line at or after the key's line that has it.
    let keyLine = try #require(lines.firstIndex { $0.hasPrefix("  \(key):") })
    for l in keyLine..<lines.count {
      if let c = Array(lines[l].unicodeScalars).firstIndex(of: "¶") {
        raw = LetterKit.SourceLocation(file: "m.yaml", line: l + 1, column: c + 1)
        break
      }
    }
    return (map.location(at: offset), try #require(raw))
  }

  @Test(arguments: [
    "plain", "single", "double", "doubleFolded", "literal", "folded", "keep",
  ])
  func theMarkerIsWhereTheFileHasIt(key: String) throws {
    let (mapped, raw) = try Self.place(of: key, in: Self.yaml)
    #expect(mapped == raw)
  }

  @Test func crlfLineEndings() throws {
    let text = Self.yaml.replacingOccurrences("\n", with: "\r\n")
    for key in ["plain", "double", "literal", "folded"] {
      let (mapped, raw) = try Self.place(of: key, in: text)
      #expect(mapped == raw, "\(key)")
    }
  }

  @Test func aSyntaxErrorAfterEscapesIsAtItsBrace() throws {
    // `\t`, `\n` and `\u00e9` are one character each in the value, two and six in the
    // file: the unclosed brace is column 27 of line 2.
    let text = "m:\n  k: \"\\t\\n\\u00e9 \\\"x\\\" ok {name\"\n"
    let document = try YAMLDocument.parse(text, file: "e.yaml")
    guard case .mapping(let top)? = document.root, case .mapping(let m)? = top["m"],
      let node = m["k"], let value = node.scalarText
    else { Issue.record("fixture shape"); return }
    let (_, errors) = MessageParser.parse(value, map: document.sourceMap(of: node, value: value))
    let braceColumn = Array(text.split(separator: "\n")[1].unicodeScalars).firstIndex(of: "{")! + 1
    #expect(braceColumn == 27)
    #expect(
      errors.first?.location
        == LetterKit.SourceLocation(file: "e.yaml", line: 2, column: braceColumn))
  }
}

extension String {
  fileprivate var trimmingSuffixCR: String { hasSuffix("\r") ? String(dropLast()) : self }
}
