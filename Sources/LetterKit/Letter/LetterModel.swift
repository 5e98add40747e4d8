import Yams

/// The template model, `Templates/<name>/letter.yaml`: the letter's id, its source
/// locale and locales, its values (a `{en: …, ja: …}` map is localized; any other value
/// is the same in every locale), and its signatory groups.
public struct LetterModel: Sendable {
  /// The template folder.
  public let directory: String
  /// The path of letter.yaml.
  public let file: String
  public let id: String
  public let sourceLocale: LocaleID
  public let locales: [LocaleID]
  /// The signatory file, a path inside the template folder, if any.
  public let signatoryFile: String?
  /// Where letter.yaml names it.
  let signatoryFileLocation: SourceLocation?
  /// The largest count a group may give (`count`, `unnamed`), so that sums never overflow.
  public static let maxCount = 1_000_000_000
  public let groups: [Group]
  let values: [(String, Value)]

  /// A group of signatories under a heading.
  public struct Group: Sendable {
    public enum Order: Sendable, Hashable {
      /// As listed in the file.
      case listed
      /// The rendering locale's own order.
      case locale
      /// A given locale's order in every rendering (the seed's members: `ja`).
      case tag(LocaleID)
    }

    public let id: String
    /// The message key of the heading; it gets `{count}`.
    public let heading: String?
    public let order: Order
    public let setAsideLegalForms: Bool
    public let latin: CollatorOptions.LatinPlacement?
    /// Signatories counted but not named (shown with `unnamedMessage`, which gets
    /// `{count}` = this number).
    public let unnamed: Int
    public let unnamedMessage: String?
    /// A count given outright (a group counted, not named).
    public let count: Int?
    public let location: SourceLocation
  }

  indirect enum Value: Sendable {
    case scalar(String, plain: Bool, SourceLocation)
    case localized([String: Value], SourceLocation)
    case map([(String, Value)])
    case list([Value])
  }

  /// Reads `letter.yaml` in a template folder.
  public static func load(directory: String) throws(LetterError) -> LetterModel {
    let file = "\(directory)/letter.yaml"
    guard FileIO.exists(file) else {
      throw .input("no letter.yaml in the template folder \(directory)", at: .init(file: directory))
    }
    let document = try YAMLDocument.load(file)
    guard let root = document.root, case .mapping(let top) = root else {
      throw .input(
        "letter.yaml is a mapping (id, source-locale, locales, ...)",
        at: .init(file: file, line: 1, column: 1))
    }
    var errors: [Diagnostic] = []
    func text(_ key: String) -> (String, Node)? {
      guard let node = top[key] else { return nil }
      guard let s = node.scalarText else {
        errors.append(
          Diagnostic(.error, "'\(key)' must be a single value", at: document.location(of: node)))
        return nil
      }
      return (s, node)
    }
    func locale(_ s: String, _ node: Node) -> LocaleID? {
      do throws(LocaleError) {
        return try LocaleID(s)
      } catch {
        errors.append(Diagnostic(.error, error.description, at: document.location(of: node)))
        return nil
      }
    }
    var id = FileIO.basename(of: directory)
    if let (s, node) = text("id") {
      // The id names output files (<id>.<locale>.<ext>): a plain file name only.
      if let problem = LetterModel.fileNameProblem(s) {
        errors.append(Diagnostic(.error, "'id' \(problem)", at: document.location(of: node)))
      } else {
        id = s
      }
    }
    var source: LocaleID?
    if let (s, node) = text("source-locale") {
      source = locale(s, node)
    } else {
      errors.append(
        Diagnostic(
          .error, "letter.yaml needs 'source-locale' (the language the letter is written in first)",
          at: .init(file: file, line: 1, column: 1)))
    }
    var locales: [LocaleID] = []
    if let node = top["locales"] {
      if case .sequence(let items) = node {
        for item in items {
          if let s = item.scalarText, let l = locale(s, item) { locales.append(l) }
        }
      } else {
        errors.append(
          Diagnostic(.error, "'locales' is a list: [en, ja]", at: document.location(of: node)))
      }
    }
    if let source, !locales.contains(source) { locales.insert(source, at: 0) }
    let tags = Set(locales.map(\.tag))

    var values: [(String, Value)] = []
    var signatoryFile: String?
    var signatoryFileLocation: SourceLocation?
    var groups: [Group] = []
    for (k, v) in top {
      guard let key = k.scalarText else { continue }
      switch key {
      case "id", "source-locale", "locales": continue
      case "signatories":
        (signatoryFile, groups) = readSignatories(v, document: document, errors: &errors)
        if case .mapping(let m) = v, let f = m["file"] {
          signatoryFileLocation = document.location(of: f)
        }
      default:
        values.append((key, value(v, tags: tags, document: document, errors: &errors)))
      }
    }
    if !errors.isEmpty { throw .input(errors) }
    return LetterModel(
      directory: directory, file: file, id: id, sourceLocale: source!, locales: locales,
      signatoryFile: signatoryFile, signatoryFileLocation: signatoryFileLocation,
      groups: groups, values: values)
  }

  /// Why a name cannot be a file name, or nil if it can.
  static func fileNameProblem(_ name: String) -> String? {
    if name.isEmpty { return "is empty; it names the output files" }
    if name.contains("/") || name.contains("\\") {
      return "'\(name)' has a '/'; it names the output files, so it is a plain file name"
    }
    if name == "." || name == ".." || name.hasPrefix(".") {
      return "'\(name)' starts with '.'; it names the output files, so it is a plain file name"
    }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return "has a control character; it names the output files"
    }
    if name.utf8.count > 200 { return "is longer than 200 bytes; it names the output files" }
    return nil
  }

  private static func value(
    _ node: Node, tags: Set<String>, document: YAMLDocument, errors: inout [Diagnostic]
  ) -> Value {
    switch node {
    case .scalar(let s):
      // A YAML null (`~`, `null`, nothing) is no value: an error here, not the text "null".
      if s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
        errors.append(
          Diagnostic(
            .error, "this value is empty (YAML null); give a value or remove the key",
            at: document.location(of: node), id: "model-value"))
      }
      return .scalar(s.string, plain: s.style == .plain, document.location(of: node))
    case .mapping(let m):
      let keys = m.keys.compactMap(\.scalarText)
      if !keys.isEmpty, keys.count == m.count, keys.allSatisfy({ tags.contains($0) }) {
        var localized: [String: Value] = [:]
        for (k, v) in m {
          localized[k.scalarText!] = value(v, tags: tags, document: document, errors: &errors)
        }
        return .localized(localized, document.location(of: node))
      }
      return .map(
        m.compactMap { k, v in
          k.scalarText.map { ($0, value(v, tags: tags, document: document, errors: &errors)) }
        }
      )
    case .sequence(let items):
      return .list(items.map { value($0, tags: tags, document: document, errors: &errors) })
    case .alias:
      return .list([])
    }
  }

  private static func readSignatories(
    _ node: Node, document: YAMLDocument, errors: inout [Diagnostic]
  )
    -> (String?, [Group])
  {
    guard case .mapping(let m) = node else {
      errors.append(
        Diagnostic(.error, "'signatories' has 'file' and 'groups'", at: document.location(of: node))
      )
      return (nil, [])
    }
    let file = m["file"]?.scalarText
    var groups: [Group] = []
    guard let groupsNode = m["groups"] else { return (file, []) }
    guard case .sequence(let items) = groupsNode else {
      errors.append(
        Diagnostic(.error, "'groups' is a list of groups", at: document.location(of: groupsNode)))
      return (file, [])
    }
    for item in items {
      guard case .mapping(let g) = item, let id = g["id"]?.scalarText else {
        errors.append(
          Diagnostic(
            .error, "a group is a mapping with at least an 'id'", at: document.location(of: item)))
        continue
      }
      func int(_ key: String) -> Int? {
        guard let n = g[key] else { return nil }
        guard let s = n.scalarText, let v = Int(s), v >= 0, v <= LetterModel.maxCount else {
          errors.append(
            Diagnostic(
              .error, "'\(key)' is a whole number from 0 to \(LetterModel.maxCount)",
              at: document.location(of: n)))
          return nil
        }
        return v
      }
      var order = Group.Order.listed
      if let n = g["order"], let s = n.scalarText {
        switch s {
        case "listed": order = .listed
        case "locale": order = .locale
        default:
          do throws(LocaleError) {
            order = .tag(try LocaleID(s))
          } catch {
            errors.append(
              Diagnostic(
                .error, "order is 'listed', 'locale' or a locale tag: \(error)",
                at: document.location(of: n)))
          }
        }
      }
      var setAside = true
      if let n = g["legal-forms"] {
        switch n.scalarText {
        case "keep": setAside = false
        case "set-aside": setAside = true
        default:
          errors.append(
            Diagnostic(.error, "legal-forms is 'keep' or 'set-aside'", at: document.location(of: n))
          )
        }
      }
      var latin: CollatorOptions.LatinPlacement?
      if let n = g["latin"] {
        if let l = n.scalarText.flatMap(CollatorOptions.LatinPlacement.init(rawValue:)) {
          latin = l
        } else {
          errors.append(
            Diagnostic(.error, "latin is 'first' or 'last'", at: document.location(of: n)))
        }
      }
      for (k, _) in g {
        let known = [
          "id", "heading", "order", "legal-forms", "latin", "unnamed", "unnamed-message", "count",
        ]
        if let name = k.scalarText, !known.contains(name) {
          errors.append(
            Diagnostic(
              .error, "unknown group setting '\(name)' (\(known.joined(separator: ", ")))",
              at: document.location(of: k)))
        }
      }
      groups.append(
        Group(
          id: id, heading: g["heading"]?.scalarText, order: order, setAsideLegalForms: setAside,
          latin: latin,
          unnamed: int("unnamed") ?? 0, unnamedMessage: g["unnamed-message"]?.scalarText,
          count: int("count"),
          location: document.location(of: item)))
    }
    return (file, groups)
  }

  /// The model's values for a locale, as message arguments: localized values resolved,
  /// plain numbers as numbers. A localized value without this locale is an error.
  public func arguments(for locale: LocaleID) throws(LetterError) -> [String: MessageValue] {
    var errors: [Diagnostic] = []
    var result: [String: MessageValue] = [:]
    for (key, value) in values {
      if let v = resolve(value, locale: locale, path: key, errors: &errors) { result[key] = v }
    }
    if !errors.isEmpty { throw .content(errors) }
    return result
  }

  private func resolve(_ value: Value, locale: LocaleID, path: String, errors: inout [Diagnostic])
    -> MessageValue?
  {
    switch value {
    case .scalar(let s, let plain, _):
      if plain, s.first != "+", let n = MessageValue(numberText: s) { return n }
      return .string(s)
    case .localized(let byLocale, let location):
      for tag in locale.fallbackChain {
        if let v = byLocale[tag] { return resolve(v, locale: locale, path: path, errors: &errors) }
      }
      errors.append(
        Diagnostic(
          .error, "'\(path)' has no value for \(locale.tag)", at: location, id: "model-value",
          locale: locale.tag, key: path))
      return nil
    case .map(let entries):
      var m: [String: MessageValue] = [:]
      for (k, v) in entries {
        if let r = resolve(v, locale: locale, path: "\(path).\(k)", errors: &errors) { m[k] = r }
      }
      return .map(m)
    case .list(let items):
      return .list(items.compactMap { resolve($0, locale: locale, path: path, errors: &errors) })
    }
  }

  /// Every value path the model has (`recipient.title`, `date`, …).
  public var valuePaths: Set<String> {
    var paths: Set<String> = []
    func walk(_ v: Value, _ path: String) {
      paths.insert(path)
      switch v {
      case .map(let entries): for (k, child) in entries { walk(child, "\(path).\(k)") }
      case .localized(let byLocale, _): for child in byLocale.values { walk(child, path) }
      default: break
      }
    }
    for (k, v) in values { walk(v, k) }
    // Each group's count, for any message: {groups.members.count}.
    paths.insert("groups")
    for group in groups {
      paths.insert("groups.\(group.id)")
      paths.insert("groups.\(group.id).count")
    }
    return paths
  }

  /// The model with some values replaced, each by a text at its dotted path (a
  /// recipient's `recipient.name`), the same in every locale. Paths must be ones the
  /// model has (`valuePaths`).
  public func replacing(_ replacements: [(path: String, text: String, location: SourceLocation)])
    -> LetterModel
  {
    var values = self.values
    func set(
      _ parts: ArraySlice<Substring>, _ text: String, _ location: SourceLocation,
      in entries: inout [(String, Value)]
    ) {
      guard let head = parts.first else { return }
      let name = String(head)
      let index = entries.firstIndex { $0.0 == name }
      if parts.count == 1 {
        let value = Value.scalar(text, plain: false, location)
        if let index { entries[index].1 = value } else { entries.append((name, value)) }
        return
      }
      var children: [(String, Value)] = []
      if let index, case .map(let m) = entries[index].1 { children = m }
      set(parts.dropFirst(), text, location, in: &children)
      if let index {
        entries[index].1 = .map(children)
      } else {
        entries.append((name, .map(children)))
      }
    }
    for r in replacements {
      set(r.path.split(separator: ".")[...], r.text, r.location, in: &values)
    }
    return LetterModel(
      directory: directory, file: file, id: id, sourceLocale: sourceLocale, locales: locales,
      signatoryFile: signatoryFile, signatoryFileLocation: signatoryFileLocation, groups: groups,
      values: values)
  }
}
