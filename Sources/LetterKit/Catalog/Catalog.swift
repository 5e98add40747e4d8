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
/// ```
/// Nested maps give dotted keys (`common.closing`); a value is a string, or a map with
/// `text` and `note`.
public struct Catalog: Sendable {
  public let locale: LocaleID
  /// The files it was read from.
  public let files: [String]
  public let messages: [String: CatalogMessage]
  /// Keys in file order.
  public let keys: [String]

  public subscript(key: String) -> CatalogMessage? { messages[key] }

  /// Reads the catalog of `locale` from a `Locales` folder.
  public static func load(_ locale: LocaleID, from directory: String) throws(LetterError) -> Catalog
  {
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
    for file in files {
      do throws(LetterError) {
        let document = try YAMLDocument.load(file)
        for message in try read(document, locale: locale, errors: &errors) {
          if let first = messages[message.key] {
            errors.append(
              Diagnostic(
                .error, "'\(message.key)' is defined twice: first at \(first.location)",
                at: message.location,
                id: "duplicate-key", locale: locale.tag, key: message.key))
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
    return Catalog(locale: locale, files: files, messages: messages, keys: keys)
  }

  private static func read(_ document: YAMLDocument, locale: LocaleID, errors: inout [Diagnostic])
    throws(LetterError)
    -> [CatalogMessage]
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
              .error, "this file is for '\(locale.tag)' (by its name) but says locale: \(declared)",
              at: document.location(of: v)))
        }
      case "messages":
        sawMessages = true
        walk(v, prefix: "", document: document, into: &result, errors: &errors)
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

  private static func walk(
    _ node: Node, prefix: String, document: YAMLDocument, into result: inout [CatalogMessage],
    errors: inout [Diagnostic]
  ) {
    switch node {
    case .scalar(let s):
      guard !prefix.isEmpty else {
        errors.append(
          Diagnostic(
            .error, "'messages' must be a mapping of keys to messages",
            at: document.location(of: node)))
        return
      }
      result.append(message(prefix, text: s.string, note: nil, node: node, document: document))
    case .mapping(let m):
      let names = m.keys.compactMap(\.scalarText)
      if !prefix.isEmpty, names.contains("text"), Set(names).isSubset(of: ["text", "note"]) {
        guard let textNode = m["text"], let text = textNode.scalarText else {
          errors.append(
            Diagnostic(
              .error, "'text' must be a string", at: document.location(of: node), key: prefix))
          return
        }
        result.append(
          message(
            prefix, text: text, note: m["note"]?.scalarText, node: textNode, document: document))
        return
      }
      for (k, v) in m {
        guard let name = k.scalarText, !name.isEmpty, !name.contains(".") else {
          errors.append(
            Diagnostic(
              .error, "a key is a word without dots (nest maps for dotted keys)",
              at: document.location(of: k)))
          continue
        }
        walk(
          v, prefix: prefix.isEmpty ? name : "\(prefix).\(name)", document: document, into: &result,
          errors: &errors)
      }
    case .sequence where prefix.isEmpty:
      errors.append(
        Diagnostic(
          .error, "'messages' must be a mapping of keys to messages",
          at: document.location(of: node)))
    case .sequence:
      errors.append(
        Diagnostic(
          .error, "a message is a string (or {text, note}), not a list",
          at: document.location(of: node), key: prefix))
    case .alias:
      errors.append(
        Diagnostic(
          .error, "aliases are not supported", at: document.location(of: node), key: prefix))
    }
  }

  private static func message(
    _ key: String, text: String, note: String?, node: Node, document: YAMLDocument
  )
    -> CatalogMessage
  {
    CatalogMessage(
      key: key, text: text, note: note, location: document.location(of: node),
      sourceMap: document.sourceMap(of: node, value: text))
  }
}
