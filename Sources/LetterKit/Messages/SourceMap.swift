/// Maps positions in a message's text (in Unicode scalars) to places in its file.
///
/// For a message in a YAML catalog, the text is the scalar's value after YAML has taken
/// away quotes, escapes and line folding. The map reads the raw scalar again the way YAML
/// does — plain, 'single-quoted' (`''`), "double-quoted" (`\n`, `\t`, `\uXXXX`, `\x41`,
/// escaped line breaks), literal `|` and folded `>` block scalars, with line folding —
/// and notes where each character of the value came from, so an error inside a long,
/// folded or escaped message points at its exact line and column.
///
/// The alignment is worked out only when a position is asked for (an error), not for
/// every message read.
public struct SourceMap: Sendable {
  public let file: String
  private let start: Position
  /// The file's lines and the scalar's text, for the alignment (absent for a message on
  /// a line of its own, such as the playground's).
  private let source: (lines: [Substring], value: String)?

  struct Position: Hashable, Sendable {
    var line: Int
    var column: Int
  }

  /// A message that is all of `file` on one line at `line`:`column` (the playground).
  public init(file: String, line: Int = 1, column: Int = 1) {
    self.file = file
    self.start = Position(line: line, column: column)
    self.source = nil
  }

  /// A message found at `line`:`column` (the YAML scalar's mark: its first character,
  /// quote or block indicator) in a file whose lines are `lines`.
  package init(file: String, line: Int, column: Int, value: String, lines: [Substring]) {
    self.file = file
    self.start = Position(line: line, column: column)
    self.source = (lines, value)
  }

  /// The place of a scalar offset in the message.
  public func location(at offset: Int) -> SourceLocation {
    guard let source else {
      return SourceLocation(file: file, line: start.line, column: start.column + offset)
    }
    let offset = max(offset, 0)
    if let p = YAMLScalarReader(lines: source.lines, start: start).position(
      of: offset, in: source.value)
    {
      return SourceLocation(file: file, line: p.line, column: p.column)
    }
    return SourceLocation(file: file, line: start.line, column: start.column + offset)
  }
}

/// Reads a YAML scalar from its raw lines as YAML does, noting the place of each
/// character it gives.
struct YAMLScalarReader {
  typealias Position = SourceMap.Position
  let lines: [[Unicode.Scalar]]
  let start: Position

  init(lines: [Substring], start: Position) {
    // Only the lines from the scalar on matter (a scalar of more than `window` lines
    // is placed by its mark). A CRLF pair is one Character, so a CRLF file split by
    // Character is one line: split it again by scalar.
    let window = 500
    let first = max(start.line - 1, 0)
    var slice: ArraySlice<Substring>
    if first < lines.count, !(lines.first?.contains("\r\n") ?? false) {
      slice = lines[first..<min(first + window, lines.count)]
    } else {
      slice = []
      var all: [Substring] = []
      for line in lines {
        for part in line.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
          all.append(Substring(String(String.UnicodeScalarView(part))))
        }
      }
      if first < all.count { slice = all[first..<min(first + window, all.count)] }
    }
    self.lines = slice.map { line in
      var s = Array(line.unicodeScalars)
      if s.last == "\r" { s.removeLast() }
      return s
    }
    self.start = start
  }

  /// The place of the value's scalar number `offset` (or just past the value's end);
  /// nil if what the raw text gives is not the value (an unforeseen form).
  func position(of offset: Int, in value: String) -> Position? {
    let want = Array(value.unicodeScalars)
    var k = 0
    var result: Position?
    var end: Position?
    let complete = read { scalar, at in
      guard k < want.count, scalar == want[k] else { return false }
      if k == offset { result = at }
      k += 1
      end = at
      return k < want.count
    }
    if let result { return result }
    guard complete || k == want.count else { return nil }
    // Past the end: just after the last character.
    guard let end else { return Position(line: start.line, column: start.column) }
    return Position(line: end.line, column: end.column + 1)
  }

  /// Calls `emit` with each character of the value and its place (1-based), until it
  /// returns false. Returns false if the raw text ended or did not match.
  private func read(_ emit: (Unicode.Scalar, Position) -> Bool) -> Bool {
    guard let first = lines.first, start.column - 1 < first.count || start.column == 1 else {
      return false
    }
    let c0 = start.column - 1
    let indicator: Unicode.Scalar? = c0 < first.count ? first[c0] : nil
    switch indicator {
    case "\"": return readFlow(from: c0 + 1, quote: "\"", emit)
    case "'": return readFlow(from: c0 + 1, quote: "'", emit)
    case "|", ">": return readBlock(folded: indicator == ">", emit)
    default: return readFlow(from: c0, quote: nil, emit)
    }
  }

  private func at(_ l: Int, _ c: Int) -> Position {
    Position(line: start.line + l, column: c + 1)
  }

  private static func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" }

  /// Plain, single- and double-quoted scalars: escapes, `''`, and line folding (a line
  /// break is a space; n empty lines are n line breaks; blanks around breaks go).
  private func readFlow(
    from c0: Int, quote: Unicode.Scalar?, _ emit: (Unicode.Scalar, Position) -> Bool
  ) -> Bool {
    var l = 0
    var c = c0
    while l < lines.count {
      let line = lines[l]
      // Blanks at the end of a line that breaks inside the scalar are not part of it.
      var contentEnd = line.count
      while contentEnd > c && YAMLScalarReader.isBlank(line[contentEnd - 1]) { contentEnd -= 1 }
      var escapedBreak = false
      while c < line.count {
        let s = line[c]
        if s == quote {
          if quote == "'" && c + 1 < line.count && line[c + 1] == "'" {
            guard emit("'", at(l, c)) else { return true }
            c += 2
            continue
          }
          return false  // the closing quote before the value's end
        }
        if c >= contentEnd { break }
        if quote == "\"" && s == "\\" {
          guard c + 1 < line.count else {
            escapedBreak = true
            break
          }
          guard let (decoded, length) = YAMLScalarReader.escape(line, at: c + 1) else {
            return false
          }
          guard emit(decoded, at(l, c)) else { return true }
          c += 1 + length
          continue
        }
        guard emit(s, at(l, c)) else { return true }
        c += 1
      }
      // The line breaks inside the scalar.
      let breakAt = at(l, contentEnd)
      l += 1
      var emptyLines = 0
      while l < lines.count && lines[l].allSatisfy(YAMLScalarReader.isBlank) {
        emptyLines += 1
        l += 1
      }
      guard l < lines.count else { return false }
      if !escapedBreak {
        if emptyLines == 0 {
          guard emit(" ", breakAt) else { return true }
        } else {
          for e in 0..<emptyLines {
            guard emit("\n", at(l - emptyLines + e, 0)) else { return true }
          }
        }
      }
      c = 0
      while c < lines[l].count && YAMLScalarReader.isBlank(lines[l][c]) { c += 1 }
    }
    return false
  }

  /// A double-quoted escape after its backslash: the character and how many raw
  /// characters (after the backslash) it takes.
  static func escape(_ line: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
    func hex(_ n: Int) -> (Unicode.Scalar, Int)? {
      guard i + n < line.count else { return nil }
      var v: UInt32 = 0
      for s in line[(i + 1)...(i + n)] {
        guard let d = Int(String(s), radix: 16) else { return nil }
        v = v * 16 + UInt32(d)
      }
      return Unicode.Scalar(v).map { ($0, n + 1) }
    }
    let simple: [Unicode.Scalar: Unicode.Scalar] = [
      "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}",
      "f": "\u{C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
      "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
    ]
    let s = line[i]
    if let d = simple[s] { return (d, 1) }
    switch s {
    case "x": return hex(2)
    case "u": return hex(4)
    case "U": return hex(8)
    default: return nil
    }
  }

  /// Literal (`|`) and folded (`>`) block scalars: the lines after the indicator, less
  /// their common indentation; folded lines join with a space unless more indented.
  private func readBlock(folded: Bool, _ emit: (Unicode.Scalar, Position) -> Bool) -> Bool {
    // The indentation of the first line with text.
    var l = 1
    var indent: Int?
    while l < lines.count {
      let line = lines[l]
      if let first = line.firstIndex(where: { $0 != " " }),
        !line[first...].allSatisfy({ $0 == "\t" })
      {
        indent = first
        break
      }
      l += 1
    }
    guard let indent else { return false }
    l = 1
    var pendingBreaks: [Position] = []
    var previousWasText = false
    var previousMoreIndented = false
    while l < lines.count {
      let line = lines[l]
      let blank = line.allSatisfy { $0 == " " }
      if blank {
        pendingBreaks.append(at(l, min(line.count, indent)))
        l += 1
        continue
      }
      let leading = line.prefix { $0 == " " }.count
      if leading < indent { break }  // the scalar ended
      let moreIndented = leading > indent || (indent < line.count && line[indent] == "\t")
      if previousWasText {
        // The break that ended the previous text line, then the empty lines.
        let breaks = pendingBreaks
        if folded && !moreIndented && !previousMoreIndented {
          if breaks.count == 1 {
            guard emit(" ", breaks[0]) else { return true }
          } else {
            for p in breaks.dropFirst() { guard emit("\n", p) else { return true } }
          }
        } else {
          for p in breaks { guard emit("\n", p) else { return true } }
        }
      } else {
        for p in pendingBreaks.dropFirst(0) { guard emit("\n", p) else { return true } }
      }
      pendingBreaks = []
      for c in indent..<line.count {
        guard emit(line[c], at(l, c)) else { return true }
      }
      pendingBreaks.append(at(l, line.count))
      previousWasText = true
      previousMoreIndented = moreIndented
      l += 1
    }
    // The final line break (clip and keep chomping; strip has none).
    for p in pendingBreaks { guard emit("\n", p) else { return true } }
    return false
  }
}
