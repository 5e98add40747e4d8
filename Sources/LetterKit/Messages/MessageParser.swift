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
    /// ICU's MessageFormat accepts this and formats the message anyway (an unknown
    /// plural keyword, a selector given twice, a `}` outside any placeholder): `letter
    /// format` follows ICU and only warns; catalogs treat it as an error.
    public var icuAccepts = false
  }

  private let text: [Unicode.Scalar]
  private var i = 0
  private var errors: [SyntaxError] = []

  private init(_ source: String) { text = Array(source.unicodeScalars) }

  /// Parses a message. Syntax errors come back as diagnostics placed through `map`.
  /// With `followingICU`, what ICU's MessageFormat accepts (`SyntaxError.icuAccepts`)
  /// comes back as a warning and the message is still returned.
  public static func parse(
    _ source: String, map: SourceMap, key: String? = nil, followingICU: Bool = false
  ) -> (Message?, [Diagnostic]) {
    let (message, errors) = parseWithErrors(source, map: map)
    let diagnostics = errors.map {
      Diagnostic(
        followingICU && $0.icuAccepts ? .warning : .error, $0.message,
        at: map.location(at: $0.range.lowerBound), id: $0.id, key: key)
    }
    let fatal = errors.contains { !(followingICU && $0.icuAccepts) }
    return (fatal ? nil : message, diagnostics)
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
    _ message: String, _ from: Int, _ to: Int? = nil, id: String = "syntax",
    icuAccepts: Bool = false
  ) {
    errors.append(
      SyntaxError(
        message: message, range: SourceRange(from, to ?? from + 1), id: id, icuAccepts: icuAccepts)
    )
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
        // ICU shows a `}` outside any placeholder as it is.
        fail("unmatched '}' (write '}' in apostrophes to show a brace)", i, icuAccepts: true)
        if literal.isEmpty { literalStart = i }
        literal.append(c)
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

  /// A number as ICU reads one after `offset:` or `=`: digits, signs, `.`, `e`, `E`, `∞`.
  private mutating func numberText() -> (String, SourceRange) {
    let start = i
    var s = String.UnicodeScalarView()
    while let c = peek(),
      ("0"..."9").contains(c) || c == "+" || c == "-" || c == "." || c == "e" || c == "E"
        || c == "\u{221E}"
    {
      s.append(c)
      i += 1
    }
    return (String(s), SourceRange(start, i))
  }

  /// A pattern's characters outside apostrophe quotes.
  static func unquoted(_ pattern: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    var quoted = false
    for c in pattern.unicodeScalars {
      if c == "'" {
        quoted.toggle()
      } else if !quoted {
        out.append(c)
      }
    }
    return out
  }

  /// ICU's Pattern_White_Space: the spaces it trims around a style keyword (with the
  /// left-to-right and right-to-left marks, U+200E and U+200F).
  static func trimPatternSpace(_ s: String) -> Substring {
    let scalars = s.unicodeScalars
    var lo = scalars.startIndex
    var hi = scalars.endIndex
    while lo < hi, scalars[lo].properties.isPatternWhitespace { lo = scalars.index(after: lo) }
    while lo < hi, scalars[scalars.index(before: hi)].properties.isPatternWhitespace {
      hi = scalars.index(before: hi)
    }
    return Substring(scalars[lo..<hi])
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
    let (typeWritten, typeRange) = word()
    // ICU reads argument types and style keywords in any case (PLURAL, Date, SHORT).
    let type = typeWritten.lowercased()
    skipSpace()
    let hasStyle = peek() == ","
    if hasStyle { i += 1 }
    func finish(_ kind: PlaceholderKind) -> Placeholder {
      Placeholder(name: name, nameRange: nameRange, range: SourceRange(open, i), kind: kind)
    }
    switch type {
    case "number", "date", "time", "list", "spellout", "ordinal", "duration":
      var style = ""
      var styleStart = i
      if hasStyle {
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
          "'\(typeWritten)' needs arms: {\(name), \(type), \(type == "select" ? "key" : "one") {…} other {…}}",
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
          // As ICU reads it: a number, which may run straight into the first selector
          // (`offset:1one {…}`).
          let (number, range) = numberText()
          if let value = Double(number), value.isFinite {
            offset = value
          } else {
            fail(
              "offset needs a number, found '\(number)'", range.lowerBound,
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
          let (number, range) = numberText()
          guard let value = Double(number), value.isFinite else {
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
              range.lowerBound, range.upperBound, icuAccepts: true)
          }
          selector = .keyword(keyword)
        }
        let selectorRange = SourceRange(selectorStart, i)
        if seen.contains(selector) {
          // ICU takes the first arm with a selector.
          fail(
            "this selector appears twice", selectorRange.lowerBound, selectorRange.upperBound,
            icuAccepts: true)
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
    case "choice":
      fail(
        "'choice' is not supported (ICU deprecates it): use plural, with =N for exact numbers",
        typeRange.lowerBound, typeRange.upperBound)
      recover()
      return nil
    default:
      fail(
        "unknown argument type '\(typeWritten)' (number, date, time, plural, selectordinal, select or list)",
        typeRange.lowerBound, typeRange.upperBound)
      recover()
      return nil
    }
  }

  /// A simple argument's style: text to the matching `}` (quotes and nested braces
  /// respected), as written (ICU keeps a pattern's spaces); `i` is left at the `}`. nil
  /// at the end of the text.
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
        if level == 0 { return String(s) }
        level -= 1
      }
      s.append(c)
      i += 1
    }
    return nil
  }

  /// The kind of a simple argument from its type and its style as written. As ICU's
  /// MessageFormat: a keyword (`integer`, `SHORT`) is matched trimmed of Pattern_White_Space
  /// and in any case; `::` starts a skeleton; anything else is a DecimalFormat or
  /// SimpleDateFormat pattern, spaces and all (` yyyy-MM-dd` prints its leading space).
  private mutating func simpleKind(_ type: String, style: String, at styleStart: Int)
    -> PlaceholderKind?
  {
    let leading = style.unicodeScalars.drop { $0.properties.isPatternWhitespace }
    let start = styleStart + (style.unicodeScalars.count - leading.count)
    let end = start + max(MessageParser.trimPatternSpace(style).unicodeScalars.count, 1)
    let keyword = MessageParser.trimPatternSpace(style).lowercased()
    if leading.starts(with: "::".unicodeScalars), ["number", "date", "time"].contains(type) {
      let skeleton = String(String.UnicodeScalarView(leading.dropFirst(2)))
      if MessageParser.trimPatternSpace(skeleton).isEmpty {
        // ICU shows `{d, date, ::}` as nothing at all: refuse it rather than print a blank.
        fail(
          "empty skeleton '::': name the fields to show (\(type == "number" ? "::percent, ::currency/EUR, ::.00" : "::yMMMd, ::Hm"))",
          start, end)
        return nil
      }
      return type == "number"
        ? .number(.skeleton(skeleton)) : .date(.skeleton(skeleton), time: type == "time")
    }
    switch type {
    case "number":
      switch keyword {
      case "": return .number(.default)
      case "integer": return .number(.integer)
      case "percent": return .number(.percent)
      case "currency": return .number(.currency)
      default:
        if !MessageParser.unquoted(style).contains(where: {
          "0123456789#@".unicodeScalars.contains($0)
        }) {
          fail(
            "the number style '\(keyword)' is neither integer, percent, currency, a ::skeleton nor a pattern with digits (#,##0.00): ICU shows it as text beside the number",
            start, end, icuAccepts: true)
        }
        return .number(.pattern(style))
      }
    case "date", "time":
      if keyword.isEmpty { return .date(.style(.medium), time: type == "time") }
      if let s = DateFormatter.Style(rawValue: keyword) {
        return .date(.style(s), time: type == "time")
      }
      // SimpleDateFormat's field letters (ICU 72); any other ASCII letter shows nothing.
      let fields = "GyMdkHmsSEDFwWahKzYeugAZvcLQqVUOXxrbB".unicodeScalars
      if let bad = MessageParser.unquoted(style).first(where: {
        $0.isASCII && $0.properties.isAlphabetic && !fields.contains($0)
      }) {
        fail(
          "the \(type) style '\(keyword)' is neither short, medium, long, full, a ::skeleton nor a pattern: '\(bad)' is no date field letter (ICU shows nothing for it)",
          start, end, icuAccepts: true)
      }
      return .date(.pattern(style), time: type == "time")
    // The rule set as written: ICU 72 does not trim it, so `{n, spellout, %spellout-ordinal}`
    // (with its space) finds no rule set and shows the default one, as here.
    case "spellout": return .number(.spellout(style))
    case "ordinal": return .number(.ordinal(style))
    case "duration": return .number(.duration(style))
    default:
      switch keyword {
      case "": return .list(.and)
      case "or": return .list(.or)
      case "unit": return .list(.unit)
      default:
        fail(
          "unknown list style '\(MessageParser.trimPatternSpace(style))' (or, unit, or none for 'and')",
          start, end)
        return nil
      }
    }
  }
}
