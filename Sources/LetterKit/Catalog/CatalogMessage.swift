/// One message of a catalog: its key, its ICU MessageFormat text, an optional note for
/// the translator, the source's arguments it drops on purpose, and where it is.
public struct CatalogMessage: Sendable {
  public let key: String
  public let text: String
  public let note: String?
  /// Arguments of the source message this translation leaves out on purpose
  /// (`{text: …, drops: [title]}`).
  public let drops: [String]
  /// The place of the text (a YAML scalar) in its file.
  public let location: SourceLocation
  public let sourceMap: SourceMap

  /// The parsed message, or its syntax errors (placed in the file).
  public func parse() -> (Message?, [Diagnostic]) {
    MessageParser.parse(text, map: sourceMap, key: key)
  }
}
