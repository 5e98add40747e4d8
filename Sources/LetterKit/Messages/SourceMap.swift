/// Maps positions in a message's text (in Unicode scalars) to places in its file.
///
/// For a message in a YAML catalog, the text is the scalar's value after YAML has taken
/// away quotes, escapes and line folding. The map lines the value up with the raw file
/// text from the scalar's start, skipping what YAML removed, so an error inside a long,
/// folded message still points at its line and column.
public struct SourceMap: Hashable, Sendable {
  public let file: String
  /// Line and column of each scalar of the message, and one past the end.
  private let positions: [Position]
  private let start: Position

  struct Position: Hashable, Sendable {
    var line: Int
    var column: Int
  }

  /// A message that is all of `file` on one line at `line`:`column` (the playground).
  public init(file: String, line: Int = 1, column: Int = 1) {
    self.file = file
    self.start = Position(line: line, column: column)
    self.positions = []
  }

  /// A message found at `line`:`column` (the YAML scalar's mark) in a file whose lines
  /// are `lines`.
  package init(file: String, line: Int, column: Int, value: String, lines: [Substring]) {
    self.file = file
    self.start = Position(line: line, column: column)
    var positions: [Position] = []
    positions.reserveCapacity(value.unicodeScalars.count + 1)
    var l = line - 1
    guard l >= 0 && l < lines.count else {
      self.positions = []
      return
    }
    var raw = Array(lines[l].unicodeScalars)
    var c = column - 1
    var aligned = true
    for scalar in value.unicodeScalars {
      if aligned {
        // Find the scalar in the raw text, skipping what YAML folded away.
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
        if found {
          positions.append(Position(line: l + 1, column: max(c, 0) + 1))
          c += 1
          continue
        }
        aligned = false
      }
      positions.append(positions.last ?? start)
    }
    positions.append(Position(line: l + 1, column: max(c, 0) + 1))
    self.positions = aligned ? positions : []
  }

  /// The place of a scalar offset in the message.
  public func location(at offset: Int) -> SourceLocation {
    if positions.isEmpty {
      return SourceLocation(file: file, line: start.line, column: start.column + offset)
    }
    let p = positions[min(max(offset, 0), positions.count - 1)]
    return SourceLocation(file: file, line: p.line, column: p.column)
  }
}
