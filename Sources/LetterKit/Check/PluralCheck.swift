/// Plural and selectordinal arms against the locale's CLDR rules (through ICU):
///
/// - `plural-category`: a category is missing that some integer below 1,000,000 selects
///   (or a decimal, when the source shows decimals). A category only exact millions
///   reach (French `many`: 1000000) is a note, an error with `--cldr-strict`.
/// - `plural-unused`: an arm for a category the locale does not have.
/// - `plural-pound`: a `one` arm without `#` where `one` is more than 1 (ru: 21, 31 …)
///   while the source shows the number.
/// - `no-plural-data`: ICU has no rules for the language; said once per catalog.
struct PluralCheck {
  let locale: LocaleID
  let cldrStrict: Bool
  private let cardinal: PluralRules?
  private let ordinal: PluralRules?
  private let numbers: NumberFormatter?
  /// Whether ICU has plural data for the language (else: root's rules, only `other`).
  let hasData: Bool

  init(locale: LocaleID, cldrStrict: Bool) {
    self.locale = locale
    self.cldrStrict = cldrStrict
    cardinal = try? PluralRules(locale: locale)
    ordinal = try? PluralRules(locale: locale, kind: .ordinal)
    numbers = try? NumberFormatter(locale: locale, skeleton: NumberStyle.defaultSkeleton)
    hasData = PluralReachability.hasData(locale)
  }

  /// Checks every plural of a message; `source` is the source locale's message for the
  /// same key (nil for the source itself).
  func check(
    _ message: Message, source: Message?, key: String, into findings: inout Findings
  ) {
    for choice in message.choices {
      guard case .plural(let offset, let arms, let isOrdinal) = choice.kind,
        let rules = isOrdinal ? ordinal : cardinal
      else { continue }
      let kind = isOrdinal ? "ordinal" : "plural"
      let needed = rules.categories
      let have = Set(arms.compactMap(\.keyword))
      let exact = Set(arms.compactMap(\.exactValue))
      guard hasData else { continue }

      let missing = needed.subtracting(have).subtracting(["other"]).filter { category in
        // `=1 {…}` stands in for English `one` (which is only 1), not for Russian `one`.
        guard !exact.isEmpty, let numbers else { return true }
        return !PluralCheck.exactArmsCover(
          category, exact: exact, offset: offset, rules: rules, numbers: numbers)
      }
      if !missing.isEmpty, let reach = PluralReachability.of(locale, ordinal: isOrdinal) {
        let decimals = !isOrdinal && (source ?? message).showsDecimals(choice.name)
        let sorted = missing.sorted(by: PluralRules.categoryOrder)
        let needs = sorted.filter {
          reach.reachedByIntegers($0) || (decimals && reach.reachedByDecimals($0))
        }
        let rare = sorted.filter { !needs.contains($0) }
        let at = message.sourceMap.location(at: choice.range.lowerBound)
        if !needs.isEmpty {
          findings.add(
            .pluralCategory,
            "'\(choice.name)' lacks the \(locale.tag) \(kind) categor\(needs.count == 1 ? "y" : "ies") \(needs.joined(separator: ", ")) (\(needs.map(reach.meaning).joined(separator: "; ")))",
            at: at, locale: locale.tag, key: key)
        }
        if !rare.isEmpty {
          let why = rare.map { category in
            reach.decimals[category] != nil
              ? "\(reach.meaning(category)): decimals, and the source shows whole numbers"
              : "\(reach.meaning(category)): only exact millions"
          }
          findings.add(
            .pluralCategory,
            "'\(choice.name)' has no \(kind) arm for \(rare.joined(separator: ", ")) (\(why.joined(separator: "; "))); 'other' stands in\(cldrStrict ? "" : " (an error with --cldr-strict)")",
            at: at, locale: locale.tag, key: key, severity: cldrStrict ? .error : .note)
        }
      }
      for arm in arms {
        if let k = arm.keyword, !needed.contains(k) {
          findings.add(
            .pluralUnused,
            "'\(k)' is never used in \(locale.tag) (CLDR \(kind) categories: \(needed.sorted(by: PluralRules.categoryOrder).joined(separator: ", ")))",
            at: message.sourceMap.location(at: arm.selectorRange.lowerBound), locale: locale.tag,
            key: key)
        }
      }
      if !isOrdinal, let source, source.showsNumber(of: choice.name),
        let one = arms.first(where: { $0.keyword == "one" }), !one.nodes.shows(choice.name),
        let reach = PluralReachability.of(locale, ordinal: false),
        let ones = reach.integers["one"], ones.contains(where: { $0 != 1 })
      {
        findings.add(
          .pluralPound,
          "the '\(choice.name)' 'one' arm has no '#', but in \(locale.tag) it is also for \(ones.filter { $0 != 1 }.prefix(3).map(String.init).joined(separator: ", ")) … (\(reach.meaning("one"))): show the number with #",
          at: message.sourceMap.location(at: one.selectorRange.lowerBound), locale: locale.tag,
          key: key)
      }
    }
  }

  /// The one warning for a catalog in a language ICU has no plural rules for, at its
  /// first plural (nil when it has none, or the rules are there).
  func noDataFinding(_ messages: [(key: String, message: Message)]) -> Diagnostic? {
    guard !hasData else { return nil }
    for (key, message) in messages {
      guard
        let choice = message.choices.first(where: {
          if case .plural = $0.kind { true } else { false }
        })
      else { continue }
      return Diagnostic(
        .noPluralData,
        "ICU has no plural rules for \(locale.tag): every number is 'other' here, so other arms are never chosen (plural arms are not checked for this locale)",
        at: message.sourceMap.location(at: choice.range.lowerBound), locale: locale.tag, key: key)
    }
    return nil
  }

  /// Whether every number the rules put in `category` (sampled: 0…1000 and tenths up
  /// to 10) has an exact arm (`=N`), so the message never needs the category's own arm.
  static func exactArmsCover(
    _ category: String, exact: Set<Double>, offset: Double, rules: PluralRules,
    numbers: NumberFormatter
  ) -> Bool {
    guard let index = PluralRules.categoryNames.firstIndex(of: category) else { return false }
    var scratch: [UInt8] = []
    let samples = (0...1000).map(Double.init) + (1...99).map { Double($0) / 10 }
    for n in samples {
      scratch.removeAll(keepingCapacity: true)
      if rules.select(n - offset, formattedBy: numbers, appendingTo: &scratch) == index
        && !exact.contains(n)
      {
        return false
      }
    }
    return true
  }
}

extension Arm {
  var keyword: String? {
    if case .keyword(let k) = selector { k } else { nil }
  }
  var exactValue: Double? {
    if case .exact(let v) = selector { v } else { nil }
  }
}

extension Array where Element == MessageNode {
  /// Whether these nodes show the plural's number: `#`, or `{name}` as a value (not
  /// inside another plural, whose `#` is its own).
  func shows(_ name: String) -> Bool {
    for node in self {
      switch node {
      case .pound: return true
      case .text: continue
      case .placeholder(let p):
        if p.name == name, p.kind.arms.isEmpty { return true }
        if case .plural = p.kind { continue }
        if p.kind.arms.contains(where: { $0.nodes.shows(name) }) { return true }
      }
    }
    return false
  }
}

extension Message {
  /// Whether the message shows the number of the plural on `name` anywhere.
  func showsNumber(of name: String) -> Bool {
    func walk(_ nodes: [MessageNode]) -> Bool {
      for node in nodes {
        guard case .placeholder(let p) = node else { continue }
        if p.name == name {
          if p.kind.arms.isEmpty { return true }
          if case .plural = p.kind, p.kind.arms.contains(where: { $0.nodes.shows(name) }) {
            return true
          }
        }
        if p.kind.arms.contains(where: { walk($0.nodes) }) { return true }
      }
      return false
    }
    return walk(nodes)
  }

  /// Whether the message formats `name` with decimals: a number skeleton with fraction
  /// digits (`::.00`, `::.0#`, significant digits), or a non-integer exact arm.
  func showsDecimals(_ name: String) -> Bool {
    func walk(_ nodes: [MessageNode]) -> Bool {
      for node in nodes {
        guard case .placeholder(let p) = node else { continue }
        if p.name == name {
          switch p.kind {
          case .number(.skeleton(let s)):
            if s.contains(".0") || s.contains(".#") || s.contains("@") { return true }
          case .plural(_, let arms, false):
            if arms.contains(where: { ($0.exactValue ?? 0).rounded() != ($0.exactValue ?? 0) }) {
              return true
            }
          default: break
          }
        }
        if p.kind.arms.contains(where: { walk($0.nodes) }) { return true }
      }
      return false
    }
    return walk(nodes)
  }
}
