/// The Mustache layouts of a template for one output format: `letter.<format>.mustache`,
/// the locale overrides `letter.<locale>.<format>.mustache` (which share the rest through
/// template inheritance, `{{<letter.txt}}{{$block}}…{{/block}}{{/letter.txt}}`), and the
/// template's other `*.mustache` files, which layouts include as partials
/// (`{{>print.css}}` is `print.css.mustache`).
///
/// Escaping follows the format: HTML escapes every value, Markdown puts a backslash before
/// what Markdown would read as markup, plain text prints values as they are.
public struct LayoutSet: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case md, txt, html
  }

  public let directory: String
  public let format: Format
  /// Layout name (file name without `.mustache`) → path.
  public let files: [String: String]
  let layouts: [String: Layout]

  /// Reads and parses the layouts; every error in every file is reported.
  public init(directory: String, format: Format) throws(LetterError) {
    self.directory = directory
    self.format = format
    var files: [String: String] = [:]
    var layouts: [String: Layout] = [:]
    var errors: [Diagnostic] = []
    let suffix = ".\(format.rawValue).mustache"
    for entry in FileIO.list(directory) where entry.hasSuffix(".mustache") {
      // This format's letter layouts, and shared partials (not other formats' letters).
      let isLetter = entry.hasPrefix("letter.")
      guard !isLetter || entry.hasSuffix(suffix) else { continue }
      let name = String(entry.dropLast(".mustache".count))
      let path = "\(directory)/\(entry)"
      do throws(LetterError) {
        let text = try FileIO.readText(
          FileIO.confined(entry, within: directory), limit: Layout.maxBytes)
        layouts[name] = try Layout.parse(text, name: name, file: path)
        files[name] = path
      } catch {
        errors += error.diagnostics
      }
    }
    if !errors.isEmpty { throw .input(errors) }
    guard files["letter.\(format.rawValue)"] != nil else {
      let have = files.keys.filter { $0.hasPrefix("letter.") }.sorted()
      throw .input(
        "no layout letter.\(format.rawValue).mustache in this template"
          + (have.isEmpty ? "" : " (it has: \(have.joined(separator: ", ")))"),
        at: .init(file: directory))
    }
    self.files = files
    self.layouts = layouts
  }

  /// The formats a template folder has a `letter.<format>.mustache` for.
  public static func formats(in directory: String) -> [Format] {
    let entries = Set(FileIO.list(directory))
    return Format.allCases.filter { entries.contains("letter.\($0.rawValue).mustache") }
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

  /// The message keys (`{{t.key}}`) the locale's layout uses, in order, as its parents,
  /// blocks and partials put them together.
  public func usedKeys(for locale: LocaleID) -> [KeyUse] {
    var result: [KeyUse] = []
    var chain: [String] = []
    func walk(_ nodes: [Layout.Node], overrides: [String: [Layout.Node]]) {
      for node in nodes {
        switch node {
        case .text: break
        case .variable(let tag), .raw(let tag):
          if let use = LayoutSet.keyUse(tag) { result.append(use) }
        case .section(let tag, let children, _):
          if let use = LayoutSet.keyUse(tag) { result.append(use) }
          walk(children, overrides: overrides)
        case .block(let tag, let children):
          walk(overrides[tag.name] ?? children, overrides: overrides)
        case .partial(let tag, _):
          guard let layout = layouts[tag.name], !chain.contains(tag.name),
            chain.count < Layout.maxInclusion
          else { continue }
          chain.append(tag.name)
          walk(layout.nodes, overrides: [:])
          chain.removeLast()
        case .parent(let tag, let own, _):
          guard let layout = layouts[tag.name], !chain.contains(tag.name),
            chain.count < Layout.maxInclusion
          else { continue }
          var merged = own
          for (name, nodes) in overrides { merged[name] = nodes }
          chain.append(tag.name)
          walk(layout.nodes, overrides: merged)
          chain.removeLast()
        }
      }
    }
    let name = templateName(for: locale)
    if let layout = layouts[name] {
      chain = [name]
      walk(layout.nodes, overrides: [:])
    }
    return result
  }

  /// Every key any layout of this format names with `t.` (for `check`).
  public var allUsedKeys: [KeyUse] {
    var result: [KeyUse] = []
    func walk(_ nodes: [Layout.Node]) {
      for node in nodes {
        switch node {
        case .text, .partial: break
        case .variable(let tag), .raw(let tag):
          if let use = LayoutSet.keyUse(tag) { result.append(use) }
        case .section(let tag, let children, _):
          if let use = LayoutSet.keyUse(tag) { result.append(use) }
          walk(children)
        case .block(_, let children): walk(children)
        case .parent(_, let overrides, _):
          for name in overrides.keys.sorted() { walk(overrides[name]!) }
        }
      }
    }
    for name in layouts.keys.sorted() { walk(layouts[name]!.nodes) }
    return result
  }

  private static func keyUse(_ tag: Layout.Tag) -> KeyUse? {
    guard tag.name.hasPrefix("t.") else { return nil }
    return KeyUse(key: String(tag.name.dropFirst(2)), location: tag.location)
  }

  /// Renders the locale's layout: the text, and the errors and warnings met (a message
  /// that cannot be had, a name the letter lacks, a layout that includes itself).
  func render(_ context: [String: LayoutValue], locale: LocaleID, messages: LayoutMessages?)
    -> (text: String, errors: [Diagnostic], warnings: [Diagnostic])
  {
    var context = context
    if messages != nil { context["t"] = .messages(prefix: "") }
    var rendering = Layout.Rendering(layouts: layouts, format: format, messages: messages)
    rendering.render(templateName(for: locale), context: .map(context))
    return (rendering.output, rendering.errors, rendering.warnings)
  }
}
