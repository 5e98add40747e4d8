import Yams

/// All messages of one locale: `Locales/<locale>.yaml`, or the YAML files of a folder
/// `Locales/<locale>/`, merged (a key defined twice is an error naming both places).
///
/// ```yaml
/// locale: ja
/// messages:
///   common:
///     closing: 敬具
///     others: {text: その他{count}団体, note: "count: organisations not named"}
///     greeting: {text: "{name}様", drops: [title]}
/// ```
/// Nested maps give dotted keys (`common.closing`). A message is a string, or the
/// message form: a map whose keys are only `text` (a string), `note` (a string) and
/// `drops` (a list of the source's arguments the translation leaves out on purpose).
/// Any other map is a group of keys, so a real key named `text` or `note` is written
/// in the message form (`text: {text: More}`), or is read as one because the source
/// catalog has it as a group.
public struct Catalog: Sendable {
  public let locale: LocaleID
  /// The files it was read from.
  public let files: [String]
  public let messages: [String: CatalogMessage]
  /// Keys in file order.
  public let keys: [String]
  /// What is wrong with single values (null, a number, a list), each at its place; the
  /// other messages are read.
  public let problems: [Diagnostic]

  public subscript(key: String) -> CatalogMessage? { messages[key] }

  /// Keys that are in the file but have no usable message (see `problems`).
  public var invalidKeys: Set<String> { Set(problems.compactMap(\.key)) }

  /// Reads the catalog of `locale` from a `Locales` folder. `groups`: key paths that
  /// are groups of keys in the source catalog, so a map there is read as a group even
  /// when it looks like the message form (`{text: …, note: …}`).
  ///
  /// Throws when a file cannot be read or parsed, or is not a catalog; problems with
  /// single messages are in `problems`.
  public static func load(
    _ locale: LocaleID, from directory: String, groups: Set<String> = []
  ) throws(LetterError) -> Catalog {
    var files: [String] = []
    let single = "\(directory)/\(locale.tag).yaml"
    if FileIO.exists(single) { files.append(single) }
    let folder = "\(directory)/\(locale.tag)"
    if FileIO.isDirectory(folder) {
      files += FileIO.list(folder).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        .map { "\(folder)/\($0)" }
    }
    guard !files.isEmpty else {
      throw .input(
        "no catalog for '\(locale.tag)' (looked for \(single) and \(folder)/*.yaml)",
        at: .init(file: directory))
    }
    var messages: [String: CatalogMessage] = [:]
    var keys: [String] = []
    var errors: [Diagnostic] = []
    var reader = Reader(locale: locale, groups: groups)
    for file in files {
      do throws(LetterError) {
        let document = try YAMLDocument.load(file)
        for message in try reader.read(document, errors: &errors) {
          if let first = messages[message.key] {
            errors.append(
              Diagnostic(
                .duplicateKey, "'\(message.key)' is defined twice: first at \(first.location)",
                at: message.location, locale: locale.tag, key: message.key))
            continue
          }
          messages[message.key] = message
          keys.append(message.key)
        }
      } catch {
        errors += error.diagnostics
      }
    }
    if !errors.isEmpty { throw .input(errors) }
    return Catalog(
      locale: locale, files: files, messages: messages, keys: keys, problems: reader.problems)
  }

  /// Every key path that is a group of keys (`common` for `common.closing`).
  public var groupPaths: Set<String> {
    var result: Set<String> = []
    for key in keys {
      var path = Substring(key)
      while let dot = path.lastIndex(of: ".") {
        path = path[..<dot]
        if !result.insert(String(path)).inserted { break }
      }
    }
    return result
  }

  /// Reads the `messages:` tree of the files of one catalog.
  private struct Reader {
    let locale: LocaleID
    let groups: Set<String>
    var problems: [Diagnostic] = []

    mutating func read(_ document: YAMLDocument, errors: inout [Diagnostic])
      throws(LetterError) -> [CatalogMessage]
    {
      guard let root = document.root, case .mapping(let top) = root else {
        throw .input(
          "a catalog is a mapping with 'locale' and 'messages'",
          at: SourceLocation(file: document.file, line: 1, column: 1))
      }
      var result: [CatalogMessage] = []
      var sawMessages = false
      for (k, v) in top {
        switch k.scalarText {
        case "locale":
          if let declared = v.scalarText, declared != locale.tag,
            (try? LocaleID(declared))?.tag != locale.tag
          {
            errors.append(
              Diagnostic(
                .error,
                "this file is for '\(locale.tag)' (by its name) but says locale: \(declared)",
                at: document.location(of: v)))
          }
        case "messages":
          sawMessages = true
          guard case .mapping = v else {
            errors.append(
              Diagnostic(
                .error, "'messages' must be a mapping of keys to messages",
                at: document.location(of: v)))
            continue
          }
          walk(v, prefix: "", document: document, into: &result)
        default:
          errors.append(
            Diagnostic(
              .error,
              "unknown top-level key '\(k.scalarText ?? "?")' (a catalog has 'locale' and 'messages')",
              at: document.location(of: k)))
        }
      }
      if !sawMessages {
        errors.append(
          Diagnostic(
            .error, "no 'messages:' in this catalog",
            at: SourceLocation(file: document.file, line: 1, column: 1)))
      }
      return result
    }

    private mutating func problem(
      _ id: Finding.ID, _ text: String, at node: Node, _ document: YAMLDocument, key: String?
    ) {
      problems.append(
        Diagnostic(id, text, at: document.location(of: node), locale: locale.tag, key: key))
    }

    /// Whether a map is the message form: only `text` (a string), `note` (a string) and
    /// `drops` (a list), with `text` — and not a group of the source catalog.
    private func isMessageForm(_ m: Node.Mapping, prefix: String) -> Bool {
      guard !prefix.isEmpty, !groups.contains(prefix), case .scalar? = m["text"] else {
        return false
      }
      for (k, v) in m {
        switch (k.scalarText, v) {
        case ("text", .scalar), ("note", .scalar), ("drops", .sequence): continue
        default: return false
        }
      }
      return true
    }

    private mutating func walk(
      _ node: Node, prefix: String, document: YAMLDocument, into result: inout [CatalogMessage]
    ) {
      switch node {
      case .scalar(let s):
        if let kind = Reader.nonString(s) {
          problem(
            .notAString,
            "this is \(kind), not a message (quote it if it is the text: \"\(s.string)\")",
            at: node, document, key: prefix)
          return
        }
        result.append(
          message(prefix, text: s.string, note: nil, drops: [], node: node, document: document))
      case .mapping(let m) where isMessageForm(m, prefix: prefix):
        let textNode = m["text"]!
        if case .scalar(let s) = textNode, let kind = Reader.nonString(s) {
          problem(
            .notAString,
            "'text' is \(kind), not a message (quote it if it is the text: \"\(s.string)\")",
            at: textNode, document, key: prefix)
          return
        }
        var drops: [String] = []
        if case .sequence(let names)? = m["drops"] {
          for name in names {
            guard let text = name.scalarText, !text.isEmpty else {
              problem(
                .messageForm, "'drops' lists argument names (drops: [title])", at: name, document,
                key: prefix)
              continue
            }
            drops.append(text)
          }
        }
        result.append(
          message(
            prefix, text: textNode.scalarText ?? "", note: m["note"]?.scalarText, drops: drops,
            node: textNode, document: document))
      case .mapping(let m):
        for (k, v) in m {
          guard let name = k.scalarText, !name.isEmpty, !name.contains(".") else {
            problem(
              .messageForm, "a key is a word without dots (nest maps for dotted keys)", at: k,
              document, key: prefix.isEmpty ? nil : prefix)
            continue
          }
          walk(
            v, prefix: prefix.isEmpty ? name : "\(prefix).\(name)", document: document,
            into: &result)
        }
      case .sequence:
        problem(
          .messageForm, "a message is a string (or {text, note, drops}), not a list", at: node,
          document, key: prefix)
      case .alias:
        problem(.messageForm, "aliases are not supported", at: node, document, key: prefix)
      }
    }

    /// What a plain scalar is when YAML's core schema reads it as no string: null
    /// (`~`, `null`, nothing), a boolean or a number.
    static func nonString(_ s: Node.Scalar) -> String? {
      guard s.style == .plain || s.style == .any else { return nil }
      let t = s.string
      switch t {
      case "", "~", "null", "Null", "NULL": return "YAML null"
      case "true", "True", "TRUE", "false", "False", "FALSE": return "a YAML boolean"
      case ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN": return "a YAML number"
      default: break
      }
      var u = Substring(t)
      if u.first == "-" || u.first == "+" { u = u.dropFirst() }
      guard let first = u.first, first.isASCII, first.isNumber || first == "." else { return nil }
      if u.hasPrefix("0x") || u.hasPrefix("0o") {
        return u.dropFirst(2).allSatisfy(\.isHexDigit) && u.count > 2 ? "a YAML number" : nil
      }
      // [0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)?
      var digits = 0
      var i = u.startIndex
      while i < u.endIndex, u[i].isASCII, u[i].isNumber {
        digits += 1
        i = u.index(after: i)
      }
      if i < u.endIndex, u[i] == "." {
        i = u.index(after: i)
        while i < u.endIndex, u[i].isASCII, u[i].isNumber {
          digits += 1
          i = u.index(after: i)
        }
      }
      guard digits > 0 else { return nil }
      if i < u.endIndex, u[i] == "e" || u[i] == "E" {
        i = u.index(after: i)
        if i < u.endIndex, u[i] == "-" || u[i] == "+" { i = u.index(after: i) }
        var exponent = 0
        while i < u.endIndex, u[i].isASCII, u[i].isNumber {
          exponent += 1
          i = u.index(after: i)
        }
        guard exponent > 0 else { return nil }
      }
      return i == u.endIndex ? "a YAML number" : nil
    }

    private func message(
      _ key: String, text: String, note: String?, drops: [String], node: Node,
      document: YAMLDocument
    ) -> CatalogMessage {
      CatalogMessage(
        key: key, text: text, note: note, drops: drops, location: document.location(of: node),
        sourceMap: document.sourceMap(of: node, value: text))
    }
  }
}
