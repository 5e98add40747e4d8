extension Layout {
  /// Parses a layout. Every error is reported (with its line and column), not only the
  /// first; a layout with errors is not returned. One pass over the bytes: time linear
  /// in the file's length.
  static func parse(_ text: String, name: String, file: String) throws(LetterError) -> Layout {
    var parser = Parser(bytes: Array(text.utf8), file: file)
    let nodes = parser.run()
    if !parser.errors.isEmpty { throw .input(parser.errors) }
    return Layout(name: name, file: file, nodes: nodes)
  }

  private struct Parser {
    let bytes: [UInt8]
    let file: String
    var errors: [Diagnostic] = []

    // Where the scan is: byte offset, line and column (in characters) of that byte.
    var position = 0
    var line = 1
    var column = 1
    /// The offset where the current line starts, and whether it holds only white space
    /// and no tag so far (a tag alone on its line is "standalone": the line goes).
    var lineStart = 0
    var lineIsBlank = true
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)
    var defaultDelimiters = true

    /// Open sections, blocks and parents; the bottom frame is the file itself.
    struct Frame {
      var kind: UInt8  // 0 for the file, else the sigil: # ^ $ <
      var tag: Tag?
      var nodes: [Node] = []
      var indent = ""
    }
    var stack: [Frame] = [Frame(kind: 0, tag: nil)]

    init(bytes: [UInt8], file: String) {
      self.bytes = bytes
      self.file = file
    }

    var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func error(_ message: String, at location: SourceLocation) {
      errors.append(Diagnostic(.error, message, at: location, id: "layout"))
    }

    /// Moves one byte on, keeping line and column.
    mutating func advance() {
      let b = bytes[position]
      position += 1
      if b == 0x0A {
        line += 1
        column = 1
        lineStart = position
        lineIsBlank = true
      } else if b & 0xC0 != 0x80 {
        column += 1
        if b != 0x20 && b != 0x09 && b != 0x0D { lineIsBlank = false }
      }
    }

    mutating func advance(by n: Int) {
      for _ in 0..<n where position < bytes.count { advance() }
    }

    func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
      guard offset + delimiter.count <= bytes.count else { return false }
      for k in 0..<delimiter.count where bytes[offset + k] != delimiter[k] { return false }
      return true
    }

    func string(_ range: Range<Int>) -> String {
      String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func append(_ node: Node) {
      stack[stack.count - 1].nodes.append(node)
    }

    mutating func run() -> [Node] {
      var textStart = 0
      while position < bytes.count {
        guard matches(open, at: position) else {
          advance()
          continue
        }
        let tagStart = position
        let tagLocation = location
        let blankBefore = lineIsBlank
        let startOfLine = lineStart
        advance(by: open.count)
        // The tag's body runs to the closing delimiter (`}}}` for a triple mustache).
        let triple = defaultDelimiters && position < bytes.count && bytes[position] == 0x7B
        let closing = triple ? [0x7D] + close : close
        let bodyStart = position
        while position < bytes.count, !matches(closing, at: position) { advance() }
        guard position < bytes.count else {
          error(
            "this tag is never closed (no '\(String(decoding: closing, as: UTF8.self))')",
            at: tagLocation)
          position = tagStart
          break
        }
        var body = string(bodyStart..<position).trimmingWhitespace
        if triple { body = String(body.dropFirst()).trimmingWhitespace }
        advance(by: closing.count)
        let sigil: UInt8 = triple ? 0x26 : (body.utf8.first ?? 0)

        // A standalone tag (alone on its line, not an interpolation) takes its line with it.
        var standalone = false
        let interpolation = !"#^/!>=<$%".utf8.contains(sigil) || triple
        if !interpolation && blankBefore {
          var k = position
          while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
          if k == bytes.count || bytes[k] == 0x0A
            || (bytes[k] == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A)
          {
            standalone = true
          }
        }
        let indent = standalone ? string(startOfLine..<tagStart) : ""
        let textEnd = standalone ? startOfLine : tagStart
        if textStart < textEnd { append(.text(string(textStart..<textEnd))) }
        if standalone {
          while position < bytes.count, bytes[position] != 0x0A { advance() }
          if position < bytes.count { advance() }
        } else {
          lineIsBlank = false
        }
        textStart = position
        tag(sigil: sigil, triple: triple, body: body, at: tagLocation, indent: indent)
        if stack.count > Layout.maxNesting + 1 {
          error(
            "sections, blocks and parents nested deeper than \(Layout.maxNesting) levels",
            at: tagLocation)
          return []
        }
      }
      if textStart < bytes.count { append(.text(string(textStart..<bytes.count))) }
      while stack.count > 1 {
        let frame = stack.removeLast()
        error("section '\(frame.tag!.name)' is never closed", at: frame.tag!.location)
      }
      return stack[0].nodes
    }

    /// The name in a tag's body after its sigil.
    mutating func name(_ body: Substring, at location: SourceLocation) -> Tag? {
      let name = String(body).trimmingWhitespace
      if name.isEmpty {
        error("a tag needs a name", at: location)
        return nil
      }
      if name.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) {
        error("'\(name)' is not a name (names have no spaces or braces)", at: location)
        return nil
      }
      if name != ".",
        name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
      {
        error("'\(name)' is not a name (an empty part between dots)", at: location)
        return nil
      }
      return Tag(name: name, location: location)
    }

    mutating func tag(
      sigil: UInt8, triple: Bool, body: String, at location: SourceLocation, indent: String
    ) {
      if triple {
        if let tag = name(Substring(body), at: location) { append(.raw(tag)) }
        return
      }
      let rest = Substring(body).dropFirst()
      switch sigil {
      case 0x21:  // ! comment
        return
      case 0x23, 0x5E, 0x24, 0x3C:  // # ^ $ <
        guard let tag = name(rest, at: location) else { return }
        if sigil == 0x3C || sigil == 0x24, tag.name == "." {
          error("'.' is not a layout or block name", at: location)
        }
        stack.append(Frame(kind: sigil, tag: tag, indent: indent))
      case 0x2F:  // / close
        guard let tag = name(rest, at: location) else { return }
        guard stack.count > 1, stack[stack.count - 1].tag!.name == tag.name else {
          let expected =
            stack.count > 1
            ? "'{{/\(stack.last!.tag!.name)}}' (opened at \(stack.last!.tag!.location.line!):\(stack.last!.tag!.location.column!))"
            : "nothing"
          error(
            "'{{/\(tag.name)}}' closes a section that is not open; expected \(expected)",
            at: location)
          return
        }
        let frame = stack.removeLast()
        let open = frame.tag!
        switch frame.kind {
        case 0x23: append(.section(open, frame.nodes, inverted: false))
        case 0x5E: append(.section(open, frame.nodes, inverted: true))
        case 0x24: append(.block(open, frame.nodes))
        default:
          // A parent's content counts only for the blocks it replaces.
          var overrides: [String: [Node]] = [:]
          for node in frame.nodes {
            guard case .block(let block, let nodes) = node else { continue }
            if overrides[block.name] != nil {
              error("the block '\(block.name)' is replaced twice here", at: block.location)
            }
            overrides[block.name] = nodes
          }
          append(.parent(open, overrides: overrides, indent: frame.indent))
        }
      case 0x3E:  // > partial
        guard let tag = name(rest, at: location) else { return }
        append(.partial(tag, indent: indent))
      case 0x3D:  // = set delimiters
        let spec = String(rest)
        guard spec.hasSuffix("="), spec.count >= 2 else {
          error("a delimiter change is written {{=<% %>=}}", at: location)
          return
        }
        let parts = spec.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
          error("a delimiter change is written {{=<% %>=}}: two delimiters, no '='", at: location)
          return
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
        defaultDelimiters = parts[0] == "{{" && parts[1] == "}}"
      case 0x25:  // % pragma
        let pragma = String(rest).trimmingWhitespace
        // Escaping follows the output format (HTML escaped, Markdown escaped, text as
        // it is); swift-mustache's content-type pragma is accepted and has no effect.
        if !pragma.hasPrefix("CONTENT_TYPE") {
          error("unknown pragma '\(pragma)' (letter knows CONTENT_TYPE only)", at: location)
        }
      case 0x26:  // & raw
        guard let tag = name(rest, at: location) else { return }
        append(.raw(tag))
      default:
        guard let tag = name(Substring(body), at: location) else { return }
        append(.variable(tag))
      }
    }
  }
}
