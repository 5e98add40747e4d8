/// One finding about the input: an error, a warning or a note, with its place.
///
/// `check` and `render` report the same values; the command-line tool prints them
/// compiler style (`Locales/ja.yaml:12:5: error: [missing] icc-japan.intro: ...`).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable, Codable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  public var severity: Severity
  public var location: SourceLocation?
  /// A stable identifier of the kind of finding (`missing`, `syntax`, ...), if any.
  public var id: String?
  /// The locale the finding is about, if any.
  public var locale: String?
  /// The message key or record the finding is about, if any.
  public var key: String?
  public var message: String

  public init(
    _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
    id: String? = nil, locale: String? = nil, key: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.id = id
    self.locale = locale
    self.key = key
  }

  /// `path:line:col: error: [id] key: message`.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += "\(severity.rawValue): "
    if let id { text += "[\(id)] " }
    if let key { text += "\(key): " }
    return text + message
  }
}
