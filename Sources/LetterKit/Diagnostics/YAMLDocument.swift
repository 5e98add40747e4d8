import Yams

/// A YAML file composed into nodes that keep their line and column.
///
/// Guarded against expansion bombs: anchors and aliases are refused (a letter's files
/// have no use for them, and Yams expands aliases without limit), nesting is bounded,
/// and so is the number of nodes.
package struct YAMLDocument {
  package let file: String
  package let root: Node?
  /// The file's lines, for placing positions inside scalars.
  package let lines: [Substring]

  package static let maxDepth = 64
  package static let maxNodes = 2_000_000

  package static func load(_ path: String) throws(LetterError) -> YAMLDocument {
    try parse(FileIO.readText(path), file: path)
  }

  /// A source map for the scalar `node`'s value.
  package func sourceMap(of node: Node, value: String) -> SourceMap {
    guard let mark = node.mark else { return SourceMap(file: file) }
    return SourceMap(file: file, line: mark.line, column: mark.column, value: value, lines: lines)
  }

  package static func parse(_ text: String, file: String) throws(LetterError) -> YAMLDocument {
    let root: Node?
    do {
      // The basic resolver: every scalar is text (no regex per scalar to guess types;
      // the model reads its own numbers).
      root = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw .input([diagnostic(error, file: file)])
    } catch {
      throw .input("cannot parse YAML: \(error)", at: SourceLocation(file: file))
    }
    let document = YAMLDocument(
      file: file, root: root, lines: text.split(separator: "\n", omittingEmptySubsequences: false))
    if let root {
      var count = 0
      var last = (line: 0, column: 0)
      try document.guardExpansion(root, depth: 0, count: &count, last: &last)
    }
    return document
  }

  /// Walks the tree in document order. Yams composes an alias as a copy of the anchored
  /// node (and drops the anchor), so an alias shows as scalars whose positions are not
  /// after the scalar visited before them.
  private func guardExpansion(
    _ node: Node, site: SourceLocation? = nil, depth: Int, count: inout Int,
    last: inout (line: Int, column: Int)
  ) throws(LetterError) {
    // The innermost container that is really at its place in the file: where an alias is.
    var site = site ?? location(of: node)
    if let mark = node.mark, (mark.line, mark.column) > last { site = location(of: node) }
    count += 1
    if count > YAMLDocument.maxNodes {
      throw .input(
        "too many YAML nodes (more than \(YAMLDocument.maxNodes))", at: location(of: node))
    }
    if depth > YAMLDocument.maxDepth {
      throw .input(
        "YAML nested deeper than \(YAMLDocument.maxDepth) levels", at: location(of: node))
    }
    if case .scalar = node, let mark = node.mark {
      if (mark.line, mark.column) <= last {
        throw .input(
          "YAML anchors and aliases (&, *) are not supported here", at: site)
      }
      last = (mark.line, mark.column)
    }
    switch node {
    case .scalar: break
    case .sequence(let s):
      for child in s {
        try guardExpansion(child, site: site, depth: depth + 1, count: &count, last: &last)
      }
    case .mapping(let m):
      for (k, v) in m {
        try guardExpansion(k, site: site, depth: depth + 1, count: &count, last: &last)
        try guardExpansion(v, site: site, depth: depth + 1, count: &count, last: &last)
      }
    case .alias:
      throw .input("YAML anchors and aliases (&, *) are not supported here", at: location(of: node))
    }
  }

  package func location(of node: Node) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
  }

  static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var text = problem
      if let context { text += " (\(context.text))" }
      return Diagnostic(
        .error, "YAML: \(text)",
        at: SourceLocation(file: file, line: mark.line, column: mark.column))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        .error,
        "YAML: duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.joined(separator: ", ")) in this mapping",
        at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
    case .reader(let problem, _, _, _):
      return Diagnostic(.error, "YAML: \(problem)", at: SourceLocation(file: file))
    default:
      return Diagnostic(.error, "YAML: \(error)", at: SourceLocation(file: file))
    }
  }
}

extension Node {
  /// The scalar's text, for any scalar (numbers and dates included, as written).
  package var scalarText: String? {
    if case .scalar(let s) = self { return s.string }
    return nil
  }
}
