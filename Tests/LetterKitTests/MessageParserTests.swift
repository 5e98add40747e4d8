import Testing

@testable import LetterKit

@Suite("MessageFormat parser: every error, with its place")
struct MessageParserTests {
  func errors(_ pattern: String) -> [(String, Int)] {
    let (_, diagnostics) = MessageParser.parse(
      pattern, map: SourceMap(file: "m", line: 1, column: 1))
    return diagnostics.map { ($0.message, $0.location?.column ?? 0) }
  }

  @Test(arguments: [
    ("Hello {name", "unclosed '{'", 7),
    ("Hello name}", "unmatched '}'", 11),
    ("{}", "empty placeholder", 1),
    ("{, number}", "expected an argument name", 2),
    ("{n, nombre}", "unknown argument type 'nombre'", 5),
    ("{n, number, fancy}", "the number style 'fancy' is neither", 13),
    ("{d, date, longish}", "'l' is no date field letter", 11),
    ("{xs, list, maybe}", "unknown list style 'maybe'", 12),
    ("{n, plural}", "'plural' needs arms", 5),
    ("{n, plural, one {#}}", "'plural' needs an 'other' arm", 1),
    ("{g, select, a {x} b {y}}", "'select' needs an 'other' arm", 1),
    ("{n, plural, several {x} other {y}}", "'several' is not a plural category", 13),
    ("{n, plural, one {a} one {b} other {c}}", "this selector appears twice", 21),
    ("{n, plural, offset:x other {#}}", "offset needs a number", 20),
    ("{n, plural, =x {a} other {b}}", "'=' needs a number", 14),
    ("{g, select, =1 {a} other {b}}", "'=' selectors are for plural", 13),
    ("{n, plural, one # other {x}}", "expected '{' to open the text of this arm", 17),
    ("{n x}", "expected ',' or '}' after the argument name 'n'", 4),
    ("{.name}", "is not an argument name", 2),
  ])
  func reportsErrorAt(pattern: String, message: String, column: Int) {
    let found = errors(pattern)
    #expect(found.contains { $0.0.contains(message) && $0.1 == column }, "\(found)")
  }

  @Test func reportsEveryErrorNotOnlyTheFirst() {
    let found = errors("{a, nombre} and {b, number, fancy} and {n, plural, one {x}} and }")
    #expect(found.count == 4, "\(found)")
    #expect(found.map(\.1) == [5, 29, 40, 65])
  }

  @Test func nestingIsBounded() {
    var pattern = "x"
    for _ in 0..<20 { pattern = "{n, select, other {\(pattern)}}" }
    #expect(errors(pattern).contains { $0.0.contains("nested more than") })
    var ok = "x"
    for _ in 0..<5 { ok = "{n, select, other {\(ok)}}" }
    #expect(errors(ok).isEmpty)
  }

  @Test func hugeInputIsRefused() {
    let pattern = String(repeating: "a", count: MessageParser.maxLength + 1)
    #expect(errors(pattern).first?.0.contains("too long") == true)
  }

  @Test func astKeepsRanges() throws {
    let (message, _) = MessageParser.parse(
      "Dear {recipient.name}, {n, plural, one {# org} other {# orgs}}", map: SourceMap(file: "m"))
    let m = try #require(message)
    #expect(m.arguments.map(\.name) == ["recipient.name", "n"])
    #expect(m.arguments.map(\.kind) == [.any, .number])
    guard case .placeholder(let p) = m.nodes[1] else { Issue.record("not a placeholder"); return }
    #expect(p.range == SourceRange(5, 21))
    #expect(p.nameRange == SourceRange(6, 20))
    #expect(m.choices.count == 1)
  }

  @Test func positionsInsideAYAMLFile() throws {
    // The message starts at line 3, column 14 (the quote), in a file of these lines.
    let file = "locale: en\nmessages:\n  greeting: \"Hello {name\"\n"
    let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
    let map = SourceMap(file: "en.yaml", line: 3, column: 13, value: "Hello {name", lines: lines)
    let (_, d) = MessageParser.parse("Hello {name", map: map, key: "greeting")
    #expect(d.first?.location == SourceLocation(file: "en.yaml", line: 3, column: 20))
    #expect(d.first?.key == "greeting")
  }

  @Test func positionsInAFoldedMultiLineMessage() throws {
    let file = "m:\n  k: >-\n    first line\n    second {x line\n"
    let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
    let value = "first line second {x line"
    let map = SourceMap(file: "f.yaml", line: 2, column: 6, value: value, lines: lines)
    let (_, d) = MessageParser.parse(value, map: map)
    // "{x line": after the name x comes "line" where ',' or '}' should be: line 4, column 15.
    #expect(d.first?.location == SourceLocation(file: "f.yaml", line: 4, column: 15))
    #expect(d.first?.message.contains("expected ',' or '}'") == true)
  }
}
