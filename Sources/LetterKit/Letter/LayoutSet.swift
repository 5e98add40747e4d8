import Mustache

/// The Mustache layouts of a template for one output format: `letter.<format>.mustache`
/// and the locale overrides `letter.<locale>.<format>.mustache`, which share the rest
/// through Mustache template inheritance (`{{<letter.txt}}{{$block}}…{{/block}}…`).
///
/// Mustache renders a missing variable as nothing, so the layer above the engine must
/// know which message keys a layout uses: `usedKeys(for:)` reads them from the files.
public struct LayoutSet: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case md, txt, html
  }

  public let directory: String
  public let format: Format
  /// File name without `.mustache` → path.
  public let files: [String: String]
  private let texts: [String: String]
  let library: MustacheLibrary

  /// Reads the layouts. `compile: false` only reads them and checks their tags nest
  /// (for `check`: swift-mustache's parser takes time quadratic in a layout's length).
  public init(directory: String, format: Format, compile: Bool = true) throws(LetterError) {
    self.directory = directory
    self.format = format
    var files: [String: String] = [:]
    var texts: [String: String] = [:]
    var library = MustacheLibrary()
    var errors: [Diagnostic] = []
    for entry in FileIO.list(directory)
    where entry.hasSuffix(".\(format.rawValue).mustache") && entry.hasPrefix("letter.") {
      let name = String(entry.dropLast(".mustache".count))
      let path = "\(directory)/\(entry)"
      do throws(LetterError) {
        let text = try FileIO.readText(path)
        files[name] = path
        texts[name] = text
        if !compile {
          errors += LayoutSet.checkNesting(text, file: path)
          continue
        }
        do {
          library.register(try MustacheTemplate(string: text), named: name)
        } catch let error as MustacheTemplate.ParserError {
          errors.append(
            Diagnostic(
              .error, "Mustache: \(error.error)",
              at: SourceLocation(
                file: path, line: error.context.lineNumber, column: error.context.columnNumber)))
        } catch {
          errors.append(Diagnostic(.error, "Mustache: \(error)", at: SourceLocation(file: path)))
        }
      } catch {
        errors += error.diagnostics
      }
    }
    if !errors.isEmpty { throw .input(errors) }
    guard files["letter.\(format.rawValue)"] != nil else {
      throw .input(
        "no layout letter.\(format.rawValue).mustache in this template (it has: \(files.keys.sorted().joined(separator: ", ")))",
        at: .init(file: directory))
    }
    self.files = files
    self.texts = texts
    self.library = library
  }

  /// The layout a locale renders with: its own override if there is one.
  public func templateName(for locale: LocaleID) -> String {
    for tag in locale.fallbackChain where files["letter.\(tag).\(format.rawValue)"] != nil {
      return "letter.\(tag).\(format.rawValue)"
    }
    return "letter.\(format.rawValue)"
  }

  /// A message key a layout uses, and where.
  public struct KeyUse: Hashable, Sendable {
    public let key: String
    public let location: SourceLocation
  }

  /// The message keys (`{{t.key}}`) the locale's layout uses, in order: the override's
  /// own, and the base layout's outside the blocks the override replaces.
  public func usedKeys(for locale: LocaleID) -> [KeyUse] {
    let name = templateName(for: locale)
    let base = "letter.\(format.rawValue)"
    guard name != base, let override = texts[name] else {
      return keys(in: base, skippingBlocks: [])
    }
    let replaced = Set(
      LayoutSet.tags(in: override).compactMap {
        $0.text.hasPrefix("$") ? String($0.text.dropFirst()) : nil
      })
    return keys(in: name, skippingBlocks: []) + keys(in: base, skippingBlocks: replaced)
  }

  /// Every key any layout of this format uses (for `check`).
  public var allUsedKeys: [KeyUse] {
    files.keys.sorted().flatMap { keys(in: $0, skippingBlocks: []) }
  }

  private func keys(in name: String, skippingBlocks skipped: Set<String>) -> [KeyUse] {
    guard let text = texts[name], let path = files[name] else { return [] }
    var result: [KeyUse] = []
    var skipping: String?
    for tag in LayoutSet.tags(in: text) {
      if let block = skipping {
        if tag.text == "/\(block)" { skipping = nil }
        continue
      }
      if tag.text.hasPrefix("$"), skipped.contains(String(tag.text.dropFirst())) {
        skipping = String(tag.text.dropFirst())
        continue
      }
      var body = Substring(tag.text)
      if let first = body.first, "#^/&{".contains(first) { body = body.dropFirst() }
      body = Substring(String(body).trimmingWhitespace)
      if body.hasPrefix("t.") {
        result.append(
          KeyUse(
            key: String(body.dropFirst(2)),
            location: SourceLocation(file: path, line: tag.line, column: tag.column)))
      }
    }
    return result
  }

  /// Sections (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) must close (`{{/x}}`) in order.
  static func checkNesting(_ text: String, file: String) -> [Diagnostic] {
    var open: [(name: String, line: Int, column: Int)] = []
    var errors: [Diagnostic] = []
    for tag in tags(in: text) {
      guard let first = tag.text.first else { continue }
      let name = String(tag.text.dropFirst()).trimmingWhitespace
      if "#^$<".contains(first) {
        open.append((name, tag.line, tag.column))
      } else if first == "/" {
        if let last = open.last, last.name == name {
          open.removeLast()
        } else {
          let expected =
            open.last.map { "'{{/\($0.name)}}' (opened at \($0.line):\($0.column))" } ?? "nothing"
          errors.append(
            Diagnostic(
              .error,
              "Mustache: '{{/\(name)}}' closes a section that is not open; expected \(expected)",
              at: SourceLocation(file: file, line: tag.line, column: tag.column)))
        }
      }
    }
    for section in open {
      errors.append(
        Diagnostic(
          .error, "Mustache: section '\(section.name)' is never closed",
          at: SourceLocation(file: file, line: section.line, column: section.column)))
    }
    return errors
  }

  /// The `{{…}}` tags of a Mustache text, with the line and column of each.
  static func tags(in text: String) -> [(text: String, line: Int, column: Int)] {
    var result: [(String, Int, Int)] = []
    let scalars = Array(text.unicodeScalars)
    var i = 0
    var line = 1
    var column = 1
    func advance() {
      if scalars[i] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += 1
    }
    while i < scalars.count {
      if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
        let (startLine, startColumn) = (line, column)
        var j = i + 2
        var body = String.UnicodeScalarView()
        while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") {
          body.append(scalars[j])
          j += 1
        }
        var tag = String(body).trimmingWhitespace
        if tag.hasSuffix("}") && tag.hasPrefix("{") { tag = String(tag.dropFirst().dropLast()) }
        result.append((tag.trimmingWhitespace, startLine, startColumn))
        while i < min(j + 2, scalars.count) { advance() }
        continue
      }
      advance()
    }
    return result
  }

  func render(_ context: [String: Any], locale: LocaleID) -> String {
    library.render(context, withTemplate: templateName(for: locale)) ?? ""
  }
}
