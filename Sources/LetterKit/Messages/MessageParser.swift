/// Parses ICU MessageFormat text into a `Message`, reporting every syntax error it finds
/// (not only the first) with its place, and guarding against deep nesting and huge input.
public struct MessageParser {
  public static let maxDepth = 12
  public static let maxLength = 65_536

  /// A syntax error: what, and where in the message.
  public struct SyntaxError: Hashable, Sendable {
    public var message: String
    public var range: SourceRange
    /// `syntax`, or `no-other` for a plural or select without an `other` arm.
    public var id = "syntax"
  }

  private let text: [Unicode.Scalar]
  private var i = 0
  private var errors: [SyntaxError] = []

  private init(_ source: String) { text = Array(source.unicodeScalars) }

  /// Parses a message. Syntax errors come back as diagnostics placed through `map`.
  public static func parse(_ source: String, map: SourceMap, key: String? = nil) -> (
    Message?, [Diagnostic]
  ) {
    let (message, errors) = parseWithErrors(source, map: map)
    let diagnostics = errors.map {
      Diagnostic(.error, $0.message, at: map.location(at: $0.range.lowerBound), id: $0.id, key: key)
    }
    return (errors.isEmpty ? message : nil, diagnostics)
  }

  /// The message, and its syntax errors (the message is partial when there are some).
  public static func parseWithErrors(_ source: String, map: SourceMap) -> (Message, [SyntaxError]) {
    var parser = MessageParser(source)
    if parser.text.count > maxLength {
      return (
        Message(source: source, nodes: [], sourceMap: map),
        [
          SyntaxError(
            message: "message too long (\(parser.text.count) characters; at most \(maxLength))",
            range: SourceRange(0, 0))
        ]
      )
    }
    let nodes = parser.nodes(depth: 0, inPlural: false, open: nil)
    return (Message(source: source, nodes: nodes, sourceMap: map), parser.errors)
  }

  // MARK: - Text

  private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < text.count ? text[i + k] : nil }

  private mutating func fail(
    _ message: String, _ from: Int, _ to: Int? = nil, id: String = "syntax"
  ) {
    errors.append(SyntaxError(message: message, range: SourceRange(from, to ?? from + 1), id: id))
  }

  /// A message body: until `}` (nested, `open` is its `{`) or the end (top level).
  private mutating func nodes(depth: Int, inPlural: Bool, open: Int?) -> [MessageNode] {
    var nodes: [MessageNode] = []
    var literal = String.UnicodeScalarView()
    var literalStart = i
    func flush(_ nodes: inout [MessageNode], _ end: Int) {
      if !literal.isEmpty {
        nodes.append(.text(String(literal), SourceRange(literalStart, end)))
        literal = String.UnicodeScalarView()
      }
    }
    while let c = peek() {
      switch c {
      case "}":
        if open != nil {
          flush(&nodes, i)
          return nodes
        }
        fail("unmatched '}' (write '}' in apostrophes to show a brace)", i)
        i += 1
      case "{":
        flush(&nodes, i)
        if let p = placeholder(depth: depth) { nodes.append(.placeholder(p)) }
        literalStart = i
      case "#" where inPlural:
        flush(&nodes, i)
        nodes.append(.pound(SourceRange(i, i + 1)))
        i += 1
        literalStart = i
      case "'":
        if literal.isEmpty { literalStart = i }
        apostrophe(into: &literal, inPlural: inPlural)
      default:
        if literal.isEmpty { literalStart = i }
        literal.append(c)
        i += 1
      }
    }
    flush(&nodes, i)
    if let open { fail("unclosed '{': this brace is never closed", open) }
    return nodes
  }

  /// ICU's apostrophe rules: `''` is `'`; `'` before `{`, `}` (or `#` in a plural) starts
  /// quoted text up to the next lone `'` (or the end); any other `'` is itself.
  private mutating func apostrophe(into literal: inout String.UnicodeScalarView, inPlural: Bool) {
    let next = peek(1)
    if next == "'" {
      literal.append("'")
      i += 2
      return
    }
    guard let next, next == "{" || next == "}" || (next == "#" && inPlural) else {
      literal.append("'")
      i += 1
      return
    }
    i += 1
    while let c = peek() {
      if c == "'" {
        if peek(1) == "'" {
          literal.append("'")
          i += 2
          continue
        }
        i += 1
        return
      }
      literal.append(c)
      i += 1
    }
  }

  // MARK: - Placeholders

  private mutating func skipSpace() {
    while let c = peek(),
      c.value < 0x80
        ? (c == " " || (0x09...0x0D).contains(c.value)) : c.properties.isPatternWhitespace
    {
      i += 1
    }
  }

  @inline(__always)
  private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 {  // ASCII: letters, digits, _ - .
      let v = c.value
      return (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || (0x30...0x39).contains(v)
        || v == 0x5F
        || v == 0x2D || v == 0x2E
    }
    if c.properties.isPatternSyntax || c.properties.isPatternWhitespace { return false }
    return c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.isIDContinue
  }

  private mutating func word() -> (String, SourceRange) {
    let start = i
    var s = String.UnicodeScalarView()
    while let c = peek(), MessageParser.isNameScalar(c) {
      s.append(c)
      i += 1
    }
    return (String(s), SourceRange(start, i))
  }

  /// Skips to just after the `}` that closes the placeholder opened at `open`.
  private mutating func recover(depth: Int = 1) {
    var level = depth
    while let c = peek() {
      i += 1
      if c == "{" { level += 1 }
      if c == "}" {
        level -= 1
        if level == 0 { return }
      }
    }
  }

  private mutating func placeholder(depth: Int) -> Placeholder? {
    let open = i
    i += 1
    if depth >= MessageParser.maxDepth {
      fail("placeholders nested more than \(MessageParser.maxDepth) deep", open)
      recover()
      return nil
    }
    skipSpace()
    let (name, nameRange) = word()
    if name.isEmpty {
      if peek() == "}" {
        fail("empty placeholder '{}': name an argument", open, i + 1)
      } else if let c = peek() {
        fail("expected an argument name, found '\(c)'", i)
      } else {
        fail("unclosed '{': this brace is never closed", open)
      }
      recover()
      return nil
    }
    if name.first == "." || name.last == "." || name.contains("..") {
      fail(
        "'\(name)' is not an argument name (a dotted path needs a name between dots)",
        nameRange.lowerBound, nameRange.upperBound)
    }
    skipSpace()
    guard let c = peek() else {
      fail("unclosed '{': this brace is never closed", open)
      return nil
    }
    if c == "}" {
      i += 1
      return Placeholder(
        name: name, nameRange: nameRange, range: SourceRange(open, i), kind: .simple)
    }
    guard c == "," else {
      fail("expected ',' or '}' after the argument name '\(name)', found '\(c)'", i)
      recover()
      return nil
    }
    i += 1
    skipSpace()
    let (type, typeRange) = word()
    skipSpace()
    let hasStyle = peek() == ","
    if hasStyle { i += 1 }
    func finish(_ kind: PlaceholderKind) -> Placeholder {
      Placeholder(name: name, nameRange: nameRange, range: SourceRange(open, i), kind: kind)
    }
    switch type {
    case "number", "date", "time", "list":
      var style = ""
      var styleStart = i
      if hasStyle {
        skipSpace()
        styleStart = i
        guard let s = styleText() else {
          fail("unclosed '{': this brace is never closed", open)
          return nil
        }
        style = s
      } else {
        guard peek() == "}" else {
          fail("expected '}' to close the placeholder '\(name)'", i)
          recover()
          return nil
        }
      }
      i += 1  // the closing brace
      guard let kind = simpleKind(type, style: style, at: styleStart) else { return nil }
      return finish(kind)
    case "plural", "selectordinal", "select":
      guard hasStyle else {
        fail(
          "'\(type)' needs arms: {\(name), \(type), \(type == "select" ? "key" : "one") {…} other {…}}",
          typeRange.lowerBound, typeRange.upperBound)
        recover()
        return nil
      }
      let plural = type != "select"
      var offset = 0.0
      var arms: [Arm] = []
      var seen: Set<Arm.Selector> = []
      while true {
        skipSpace()
        guard let c = peek() else {
          fail("unclosed '{': this brace is never closed", open)
          return nil
        }
        if c == "}" {
          i += 1
          break
        }
        let selectorStart = i
        var selector: Arm.Selector
        if plural && arms.isEmpty && text[i...].starts(with: "offset:".unicodeScalars) {
          i += 7
          skipSpace()
          let (number, range) = word()
          if let value = Double(number), value >= 0, value.rounded() == value {
            offset = value
          } else {
            fail(
              "offset needs a whole number, found '\(number)'", range.lowerBound,
              max(range.upperBound, range.lowerBound + 1))
          }
          continue
        }
        if c == "=" {
          guard plural else {
            fail("'=' selectors are for plural and selectordinal, not select", i)
            recover()
            return nil
          }
          i += 1
          let (number, range) = word()
          guard let value = Double(number) else {
            fail(
              "'=' needs a number, found '\(number)'", range.lowerBound,
              max(range.upperBound, range.lowerBound + 1))
            recover()
            return nil
          }
          selector = .exact(value)
        } else {
          let (keyword, range) = word()
          if keyword.isEmpty {
            fail(
              "expected a selector (\(plural ? "=N, zero, one, two, few, many or other" : "a key or other")), found '\(c)'",
              i)
            recover()
            return nil
          }
          if plural && !["zero", "one", "two", "few", "many", "other"].contains(keyword) {
            fail(
              "'\(keyword)' is not a plural category (zero, one, two, few, many, other or =N)",
              range.lowerBound, range.upperBound)
          }
          selector = .keyword(keyword)
        }
        let selectorRange = SourceRange(selectorStart, i)
        if seen.contains(selector) {
          fail("this selector appears twice", selectorRange.lowerBound, selectorRange.upperBound)
        }
        seen.insert(selector)
        skipSpace()
        guard peek() == "{" else {
          fail("expected '{' to open the text of this arm", i)
          recover()
          return nil
        }
        let armOpen = i
        i += 1
        let body = nodes(depth: depth + 1, inPlural: plural, open: armOpen)
        guard peek() == "}" else { return nil }  // unclosed: already reported
        i += 1
        arms.append(Arm(selector: selector, selectorRange: selectorRange, nodes: body))
      }
      if !seen.contains(.keyword("other")) {
        fail(
          "'\(type)' needs an 'other' arm (used when nothing else matches)", open, i, id: "no-other"
        )
      }
      return finish(
        plural
          ? .plural(offset: offset, arms: arms, ordinal: type == "selectordinal")
          : .select(arms: arms))
    case "":
      fail(
        "expected an argument type after ',' (number, date, time, plural, selectordinal, select, list)",
        i)
      recover()
      return nil
    default:
      fail(
        "unknown argument type '\(type)' (number, date, time, plural, selectordinal, select or list)",
        typeRange.lowerBound, typeRange.upperBound)
      recover()
      return nil
    }
  }

  /// A simple argument's style: text to the matching `}` (quotes and nested braces
  /// respected), trimmed; `i` is left at the `}`. nil at the end of the text.
  private mutating func styleText() -> String? {
    var s = String.UnicodeScalarView()
    var level = 0
    while let c = peek() {
      if c == "'" {
        s.append(c)
        i += 1
        while let q = peek(), q != "'" {
          s.append(q)
          i += 1
        }
        if peek() == "'" {
          s.append("'")
          i += 1
        }
        continue
      }
      if c == "{" { level += 1 }
      if c == "}" {
        if level == 0 { return String(s).trimmingWhitespace }
        level -= 1
      }
      s.append(c)
      i += 1
    }
    return nil
  }

  private mutating func simpleKind(_ type: String, style: String, at start: Int) -> PlaceholderKind?
  {
    let end = start + max(style.unicodeScalars.count, 1)
    if style.hasPrefix("::") {
      let skeleton = String(style.dropFirst(2)).trimmingWhitespace
      switch type {
      case "number": return .number(.skeleton(skeleton))
      case "date", "time": return .date(.skeleton(skeleton), time: type == "time")
      default:
        fail("'\(type)' takes no skeleton", start, end)
        return nil
      }
    }
    switch (type, style) {
    case ("number", ""): return .number(.default)
    case ("number", "integer"): return .number(.integer)
    case ("number", "percent"): return .number(.percent)
    case ("number", "currency"):
      fail("say which currency with a skeleton: ::currency/JPY, ::currency/USD, …", start, end)
      return nil
    case ("number", _):
      fail("unknown number style '\(style)' (integer, percent, or a ::skeleton)", start, end)
      return nil
    case ("date", ""), ("time", ""):
      return .date(.style(.medium), time: type == "time")
    case ("date", _), ("time", _):
      guard let s = DateFormatter.Style(rawValue: style) else {
        fail(
          "unknown \(type) style '\(style)' (short, medium, long, full, or a ::skeleton)", start,
          end)
        return nil
      }
      return .date(.style(s), time: type == "time")
    case ("list", ""): return .list(.and)
    case ("list", "or"): return .list(.or)
    case ("list", "unit"): return .list(.unit)
    default:
      fail("unknown list style '\(style)' (or, unit, or none for 'and')", start, end)
      return nil
    }
  }
}
