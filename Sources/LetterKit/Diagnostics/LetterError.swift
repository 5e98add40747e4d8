/// An error carrying the diagnostics that explain it.
///
/// `.input`: the input could not be read or parsed (the tool exits 2).
/// `.content`: the input was read but has problems that stop the job (exit 1).
public enum LetterError: Error, Sendable, CustomStringConvertible {
  case input([Diagnostic])
  case content([Diagnostic])

  public var diagnostics: [Diagnostic] {
    switch self {
    case .input(let d), .content(let d): d
    }
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }

  /// An input error with one diagnostic.
  static func input(_ message: String, at location: SourceLocation? = nil) -> LetterError {
    .input([Diagnostic(.error, message, at: location)])
  }
}
