/// One Mustache layout file, parsed: a tree of text, interpolations, sections, partials,
/// and the blocks and parents of template inheritance, each tag with its place.
///
/// letter reads Mustache itself (see ARCHITECTURE.md, "Layouts") so that parsing is
/// linear in the file's length, every tag keeps its line and column, nesting is bounded,
/// and the renderer knows exactly which message keys a letter uses.
struct Layout: Sendable {
  /// The layout's name: its file name without `.mustache` (`letter.ja.txt`).
  let name: String
  /// The file it was read from.
  let file: String
  let nodes: [Node]

  /// How deep sections, blocks and parents may nest in one file.
  static let maxNesting = 64
  /// The largest layout file letter reads.
  static let maxBytes = 4 << 20

  /// A tag's name and where it stands.
  struct Tag: Sendable {
    /// The name as written (`t.icc-japan.date`, `.`).
    let name: String
    let location: SourceLocation

    /// The dotted name's parts; empty for the implicit iterator `.`.
    var path: [Substring] {
      name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false)
    }
  }

  indirect enum Node: Sendable {
    case text(String)
    /// `{{name}}`: escaped for the output format.
    case variable(Tag)
    /// `{{{name}}}` or `{{&name}}`: inserted as it is.
    case raw(Tag)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(Tag, [Node], inverted: Bool)
    /// `{{>name}}`; a standalone partial indents each of its lines.
    case partial(Tag, indent: String)
    /// `{{$name}}default{{/name}}`: a block a child layout may replace.
    case block(Tag, [Node])
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: the parent layout, with these blocks
    /// replaced.
    case parent(Tag, overrides: [String: [Node]], indent: String)
  }
}
