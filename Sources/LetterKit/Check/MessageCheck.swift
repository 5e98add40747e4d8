/// One message on its own: empty, syntax errors (a translated plural keyword said as
/// such, once), and the parsed message for the checks that follow.
struct MessageCheck {
  let locale: LocaleID

  /// The parsed message, or nil when it is empty or has syntax errors.
  func check(_ entry: CatalogMessage, into findings: inout Findings) -> Message? {
    if entry.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
      findings.add(
        .empty, "the message is empty", at: entry.location, locale: locale.tag, key: entry.key)
      return nil
    }
    let (partial, errors) = MessageParser.parseWithErrors(entry.text, map: entry.sourceMap)
    guard !errors.isEmpty else { return partial }
    let source = Array(entry.text.unicodeScalars)
    // A keyword that is no CLDR category, in a plural: most often a translated `other`.
    var translatedKeyword = false
    var rewritten: [(Finding.ID, String, Int)] = []
    for error in errors {
      let range = error.range.lowerBound..<min(error.range.upperBound, source.count)
      let word = range.isEmpty ? "" : String(String.UnicodeScalarView(source[range]))
      if error.id == Finding.ID.syntax.rawValue, error.message.contains("is not a plural category"),
        !word.isEmpty, word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
      {
        translatedKeyword = true
        rewritten.append((.pluralKeyword, keywordHint(word), error.range.lowerBound))
      } else {
        rewritten.append(
          (Finding.ID(rawValue: error.id) ?? .syntax, error.message, error.range.lowerBound))
      }
    }
    for (id, text, offset) in rewritten {
      // A translated `other` is one fault: not also a plural without `other`.
      if id == .noOther && translatedKeyword { continue }
      findings.add(
        id, text, at: entry.sourceMap.location(at: offset), locale: locale.tag, key: entry.key)
    }
    return nil
  }

  private func keywordHint(_ word: String) -> String {
    var text =
      "'\(word)' is not a plural keyword: plural keywords stay in English (zero, one, two, few, many, other"
    if let rules = try? PluralRules(locale: locale) {
      let own = rules.categories.sorted(by: PluralRules.categoryOrder).joined(separator: ", ")
      text += "; \(locale.tag) uses \(own)"
    }
    return text + ")"
  }
}

extension PluralRules {
  /// CLDR's order of categories: zero, one, two, few, many, other.
  static func categoryOrder(_ a: String, _ b: String) -> Bool {
    (categoryNames.firstIndex(of: a) ?? 9) < (categoryNames.firstIndex(of: b) ?? 9)
  }
}
