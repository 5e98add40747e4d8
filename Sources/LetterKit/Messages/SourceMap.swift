/// Maps positions in a message's text (in Unicode scalars) to places in its file.
///
/// For a message in a YAML catalog, the text is the scalar's value after YAML has taken
/// away quotes, escapes and line folding. The map lines the value up with the raw file
/// text from the scalar's start, skipping what YAML removed, so an error inside a long,
/// folded message still points at its line and column.
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

  /// A message found at `line`:`column` (the YAML scalar's mark) in a file whose lines
  /// are `lines`.
  package init(file: String, line: Int, column: Int, value: String, lines: [Substring]) {
    self.file = file
    self.start = Position(line: line, column: column)
    self.source = (lines, value)
  }

  /// The place of a scalar offset in the message.
  public func location(at offset: Int) -> SourceLocation {
    guard let source, let p = align(source.lines, source.value, upTo: max(offset, 0)) else {
      return SourceLocation(file: file, line: start.line, column: start.column + offset)
    }
    return SourceLocation(file: file, line: p.line, column: p.column)
  }

  /// Lines the value up with the raw text from the scalar's start, skipping what YAML
  /// folded away, as far as scalar `offset`; nil if the two cannot be lined up.
  private func align(_ lines: [Substring], _ value: String, upTo offset: Int) -> Position? {
    var l = start.line - 1
    guard l >= 0 && l < lines.count else { return nil }
    var raw = Array(lines[l].unicodeScalars)
    var c = start.column - 1
    var k = 0
    for scalar in value.unicodeScalars {
      // Find the scalar in the raw text.
      var found = false
      var steps = 0
      while steps < 400 {
        if c < raw.count {
          if raw[c] == scalar {
            found = true
            break
          }
          c += 1
        } else if l + 1 < lines.count {
          l += 1
          raw = Array(lines[l].unicodeScalars)
          c = 0
          if scalar == "\n" {
            found = true
            c = -1
            break
          }
        } else {
          break
        }
        steps += 1
      }
      guard found else { return nil }
      if k == offset { return Position(line: l + 1, column: max(c, 0) + 1) }
      c += 1
      k += 1
    }
    return Position(line: l + 1, column: max(c, 0) + 1)
  }
}
