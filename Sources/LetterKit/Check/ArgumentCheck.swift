/// A translation's arguments against the source message's, by what the translation can
/// reach: an argument is required only where the source shows it in a part the target
/// locale can reach (an arm of a category the locale has, an exact arm, text outside
/// plurals), and a plural that only chooses a word may go where the locale has one
/// category. A renamed argument is one finding with the likely name; an argument
/// quoted into literal text (`'{status}'`) is said so; a change of kind (`{x}` →
/// `{x, date}`) is an error; `drops: [name]` in the message form declares an
/// intentional drop.
struct ArgumentCheck {
  let locale: LocaleID
  private let cardinal: Set<String>
  private let ordinal: Set<String>

  init(locale: LocaleID) {
    self.locale = locale
    let hasData = PluralReachability.hasData(locale)
    cardinal = hasData ? (try? PluralRules(locale: locale))?.categories ?? ["other"] : ["other"]
    ordinal =
      hasData
      ? (try? PluralRules(locale: locale, kind: .ordinal))?.categories ?? ["other"] : ["other"]
  }

  func check(
    _ message: Message, _ entry: CatalogMessage, against source: Message,
    into findings: inout Findings
  ) {
    let theirs = ArgumentCheck.kinds(source)
    let required = requiredArguments(source)
    let mine = message.arguments
    let mineNames = Set(mine.map(\.name))
    let drops = Set(entry.drops)
    var missing = theirs.keys.filter {
      required[$0] != nil && !mineNames.contains($0) && !drops.contains($0)
    }.sorted()
    var extra = mine.filter { theirs[$0.name] == nil }
    let tag = locale.tag
    let key = entry.key

    // A name the apostrophes made literal text: `'{status}'`.
    let text = Array(entry.text.unicodeScalars)
    for name in missing {
      if let offset = ArgumentCheck.quotedPlaceholder(name, in: text) {
        findings.add(
          .arguments,
          "'{\(name)}' is literal text here: the apostrophe before it quotes it (in MessageFormat, ' starts quoted text before { and }; write '' for an apostrophe)",
          at: message.sourceMap.location(at: offset), locale: tag, key: key)
        missing.removeAll { $0 == name }
      }
    }
    // A renamed argument: one finding at the new name, with the source's.
    for e in extra {
      guard let guess = e.name.closest(among: missing, alone: extra.count == 1)
      else { continue }
      findings.add(
        .arguments,
        "'\(e.name)' is not an argument of the source message; did you mean '\(guess)'? (argument names stay as in the source)",
        at: message.sourceMap.location(at: e.range.lowerBound), locale: tag, key: key)
      missing.removeAll { $0 == guess }
      extra.removeAll { $0.name == e.name }
    }
    for name in missing {
      let kind = theirs[name].map { $0 == .any ? "" : " (\($0.rawValue))" } ?? ""
      let what =
        switch required[name] {
        case .choosesPlural:
          "the source chooses its words by the number '\(name)', and \(tag) has plural forms (\(cardinal.sorted(by: PluralRules.categoryOrder).joined(separator: ", "))); this translation does not"
        case .choosesSelect:
          "the source chooses its words by '\(name)' (select); this translation does not"
        default: "the source shows the argument '\(name)'\(kind); this translation does not"
        }
      findings.add(
        .arguments, "\(what) (if on purpose, say so: {text: …, drops: [\(name)]})",
        at: entry.location, locale: tag, key: key)
    }
    for e in extra {
      findings.add(
        .arguments, "'\(e.name)' is not an argument of the source message",
        at: message.sourceMap.location(at: e.range.lowerBound), locale: tag, key: key)
    }
    for name in entry.drops where theirs[name] == nil {
      findings.add(
        .arguments, "drops: '\(name)' is not an argument of the source message",
        at: entry.location, locale: tag, key: key)
    }
    // Kinds: every use in the translation against the source's kind.
    for use in ArgumentCheck.uses(message) {
      guard let expected = theirs[use.name], !ArgumentCheck.compatible(use.kind, expected)
      else { continue }
      findings.add(
        .arguments,
        "'\(use.name)' is used as \(ArgumentCheck.describe(use.kind)) here but as \(ArgumentCheck.describe(expected)) in the source",
        at: message.sourceMap.location(at: use.range.lowerBound), locale: tag, key: key)
    }
  }

  /// The arguments the translation must have: shown in a part of the source the locale
  /// reaches, or chosen on by a select, or by a plural where the locale has more than
  /// one category.
  private func requiredArguments(_ source: Message) -> [String: Need] {
    var result: [String: Need] = [:]
    func shows(_ name: String) { result[name] = .shows }
    func chooses(_ name: String, _ need: Need) { if result[name] == nil { result[name] = need } }
    func walk(_ nodes: [MessageNode]) {
      for node in nodes {
        guard case .placeholder(let p) = node else { continue }
        switch p.kind {
        case .plural(_, let arms, let isOrdinal):
          let categories = isOrdinal ? ordinal : cardinal
          if categories.count > 1 { chooses(p.name, .choosesPlural) }
          for arm in arms {
            let reachable =
              arm.exactValue != nil || arm.keyword == "other"
              || categories.contains(arm.keyword ?? "")
            guard reachable else { continue }
            if arm.nodes.containsPound { shows(p.name) }
            walk(arm.nodes)
          }
        case .select(let arms):
          chooses(p.name, .choosesSelect)
          for arm in arms { walk(arm.nodes) }
        default:
          shows(p.name)
        }
      }
    }
    walk(source.nodes)
    return result
  }

  /// Why a translation needs an argument: the source shows it, or chooses by it.
  private enum Need { case shows, choosesPlural, choosesSelect }

  /// Each argument's kind in a message (its first use; `any` gives way to a kind).
  static func kinds(_ message: Message) -> [String: ArgumentKind] {
    var result: [String: ArgumentKind] = [:]
    for use in uses(message) where result[use.name] == nil || result[use.name] == .any {
      result[use.name] = use.kind
    }
    return result
  }

  /// Every use of every argument, with its kind and place.
  static func uses(_ message: Message) -> [(name: String, kind: ArgumentKind, range: SourceRange)] {
    var result: [(String, ArgumentKind, SourceRange)] = []
    func walk(_ nodes: [MessageNode]) {
      for node in nodes {
        guard case .placeholder(let p) = node else { continue }
        result.append((p.name, p.kind.argumentKind, p.nameRange))
        for arm in p.kind.arms { walk(arm.nodes) }
      }
    }
    walk(message.nodes)
    return result
  }

  /// Kinds a value can be both: the same, or shown as it is (`{x}`) and a number or a
  /// string.
  static func compatible(_ a: ArgumentKind, _ b: ArgumentKind) -> Bool {
    if a == b { return true }
    let plain: Set<ArgumentKind> = [.any, .number, .string]
    return (a == .any || b == .any) && plain.contains(a) && plain.contains(b)
  }

  static func describe(_ kind: ArgumentKind) -> String {
    switch kind {
    case .any: "a value shown as it is ({x})"
    case .number: "a number"
    case .date: "a date"
    case .string: "a string (select)"
    case .list: "a list"
    }
  }

  /// The offset of the apostrophe in `'{name}` or `'{name,`, if the text has one.
  static func quotedPlaceholder(_ name: String, in text: [Unicode.Scalar]) -> Int? {
    let needle = Array("'{\(name)".unicodeScalars)
    guard text.count > needle.count else { return nil }
    for i in 0...(text.count - needle.count) where text[i] == "'" {
      if Array(text[i..<(i + needle.count)]) == needle {
        let after = i + needle.count
        if after == text.count || text[after] == "}" || text[after] == "," || text[after] == " " {
          return i
        }
      }
    }
    return nil
  }
}

extension Array where Element == MessageNode {
  /// Whether `#` appears here (not inside a nested plural, whose `#` is its own).
  var containsPound: Bool {
    for node in self {
      switch node {
      case .pound: return true
      case .text: continue
      case .placeholder(let p):
        if case .plural = p.kind { continue }
        if p.kind.arms.contains(where: { $0.nodes.containsPound }) { return true }
      }
    }
    return false
  }
}
