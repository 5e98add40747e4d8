/// Where something is in an input file: 1-based line and column (column in characters,
/// as editors count them). Either may be absent when not known.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file as the user named it (relative paths stay relative).
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:col`, or as much of it as is known.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }
}
