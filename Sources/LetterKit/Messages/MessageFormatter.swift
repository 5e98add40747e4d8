/// Formats messages for one locale by its own rules: plural and ordinal categories from
/// ICU's plural rules, numbers from ICU's number formatter, dates from ICU's date
/// formatter and pattern generator, lists from ICU's list formatter.
///
/// Formatters are built once per locale and style and reused; compile a message once
/// (`compile`), then format it many times. Not safe to share between threads.
public final class MessageFormatter {
  public let locale: LocaleID
  public let timeZone: String
  private let cardinal: PluralRules
  private var ordinal: PluralRules?
  private var numbers: [String: NumberFormatter] = [:]
  private var styles: [MessageNumberFormat.Style: MessageNumberFormat] = [:]
  private var selectors: [PluralSelectorKey: PluralSelector] = [:]
  private var dateTime: DateFormatter?
  private var dates: [DateStyle: DateFormatter] = [:]
  private var times: [DateStyle: DateFormatter] = [:]
  private var lists: [ListFormatter.Kind: ListFormatter] = [:]
  /// Output buffer reused by every message this formatter compiled.
  let scratch = Scratch()

  final class Scratch {
    var bytes: [UInt8] = []
    init() { bytes.reserveCapacity(1024) }
  }

  public init(locale: LocaleID, timeZone: String = "UTC") throws(LocaleError) {
    self.locale = locale
    self.timeZone = timeZone
    self.cardinal = try PluralRules(locale: locale)
  }

  /// The plural categories the locale uses (cardinal or ordinal).
  public func pluralCategories(ordinal: Bool) -> Set<String> {
    (ordinal ? (try? ordinalRules()) ?? cardinal : cardinal).categories
  }

  private func ordinalRules() throws(LocaleError) -> PluralRules {
    if let ordinal { return ordinal }
    let rules = try PluralRules(locale: locale, kind: .ordinal)
    ordinal = rules
    return rules
  }

  func number(_ skeleton: String) throws(FormatterError) -> NumberFormatter {
    if let f = numbers[skeleton] { return f }
    let f = try NumberFormatter(locale: locale, skeleton: skeleton)
    numbers[skeleton] = f
    return f
  }

  func style(_ style: MessageNumberFormat.Style) throws(FormatterError) -> MessageNumberFormat {
    if let f = styles[style] { return f }
    let f = try MessageNumberFormat(locale: locale, style: style)
    styles[style] = f
    return f
  }

  private struct PluralSelectorKey: Hashable {
    var ordinal: Bool
    /// nil: the number itself decides.
    var style: MessageNumberFormat.Style?
  }

  private func selector(ordinal: Bool, style: MessageNumberFormat.Style?) throws(FormatterError)
    -> PluralSelector
  {
    let key = PluralSelectorKey(ordinal: ordinal, style: style)
    if let s = selectors[key] { return s }
    let rules: PluralRules
    do throws(LocaleError) {
      rules = ordinal ? try ordinalRules() : cardinal
    } catch {
      throw FormatterError.unavailable("plural rules", error.description)
    }
    let s = PluralSelector(
      rules: rules, format: try style.map { s throws(FormatterError) in try self.style(s) },
      pound: try self.style(.default))
    selectors[key] = s
    return s
  }

  /// What `{d}` shows for a date: ICU's short date and time.
  private func defaultDateTime() throws(FormatterError) -> DateFormatter {
    if let dateTime { return dateTime }
    let f = try DateFormatter(locale: locale, date: .short, time: .short, timeZone: timeZone)
    dateTime = f
    return f
  }

  private func date(_ style: DateStyle, time: Bool) throws(FormatterError) -> DateFormatter {
    if let f = (time ? times : dates)[style] { return f }
    let f: DateFormatter
    switch style {
    case .style(let s):
      f = try DateFormatter(
        locale: locale, date: time ? nil : s, time: time ? s : nil, timeZone: timeZone)
    case .skeleton(let skeleton):
      // ICU shows a skeleton with no field it knows as nothing at all: refuse it.
      guard !DateFormatter.pattern(forSkeleton: skeleton, locale: locale).isEmpty else {
        throw .badSkeleton(skeleton, offset: 0, "it names no date or time field")
      }
      f = try DateFormatter(locale: locale, skeleton: skeleton, timeZone: timeZone)
    case .pattern(let pattern):
      f = try DateFormatter(locale: locale, pattern: pattern, timeZone: timeZone)
    }
    if time { times[style] = f } else { dates[style] = f }
    return f
  }

  private func list(_ kind: ListFormatter.Kind) throws(FormatterError) -> ListFormatter {
    if let f = lists[kind] { return f }
    let f = try ListFormatter(locale: locale, kind: kind)
    lists[kind] = f
    return f
  }

  private func numberFormat(_ style: NumberStyle) throws(FormatterError)
    -> CompiledMessage.NumberFormat
  {
    switch style {
    case .skeleton(let s): .skeleton(try number(s))
    default: .style(try self.style(MessageFormatter.messageStyle(style)!))
    }
  }

  static func messageStyle(_ style: NumberStyle) -> MessageNumberFormat.Style? {
    switch style {
    case .default: .default
    case .integer: .integer
    case .percent: .percent
    case .currency: .currency
    case .pattern(let p): .pattern(p)
    case .spellout(let r): .spellout(r)
    case .ordinal(let r): .ordinal(r)
    case .duration(let r): .duration(r)
    case .skeleton: nil
    }
  }

  /// The format whose result decides a plural's category, as ICU's MessageFormat finds
  /// it: in the first `other` arm, the first of `#` or a simple argument of the plural's
  /// own name, skipping nested plurals and selects. `#` or none: the default format. A
  /// DecimalFormat style (`integer`, `percent`, `currency`, a pattern): that format's
  /// result. A skeleton, a spellout or a date: nil (the number itself decides).
  static func categoryStyle(_ name: String, _ arms: [Arm]) -> MessageNumberFormat.Style? {
    guard let other = arms.first(where: { $0.selector == .keyword("other") }) else {
      return .default
    }
    for node in other.nodes {
      switch node {
      case .text: continue
      case .pound: return .default
      case .placeholder(let p):
        guard p.name == name else { continue }
        switch p.kind {
        case .simple: return .default
        case .number(let style):
          switch style {
          case .default, .integer, .percent, .currency, .pattern: return messageStyle(style)
          default: return nil
          }
        case .date: return nil
        case .plural, .select, .list: continue
        }
      }
    }
    return .default
  }

  /// Binds a message to this locale's formatters. Fails (with diagnostics at the place
  /// of each fault) for a skeleton ICU refuses.
  public func compile(_ message: Message, key: String? = nil) throws(LetterError) -> CompiledMessage
  {
    var errors: [Diagnostic] = []
    let nodes = compile(message.nodes, message: message, key: key, errors: &errors)
    if !errors.isEmpty { throw .content(errors) }
    return CompiledMessage(message: message, key: key, nodes: nodes, scratch: scratch)
  }

  private func compile(
    _ nodes: [MessageNode], message: Message, key: String?, errors: inout [Diagnostic]
  )
    -> [CompiledMessage.Node]
  {
    nodes.map { node in
      switch node {
      case .text(let s, _): return .text(Array(s.utf8))
      case .pound: return .pound
      case .placeholder(let p):
        let path = p.name.split(separator: ".").map(String.init)
        do throws(FormatterError) {
          switch p.kind {
          case .simple:
            return .simple(.init(p, path, (try style(.default), try defaultDateTime())))
          case .number(let numberStyle):
            return .number(.init(p, path, try numberFormat(numberStyle)))
          case .date(let style, let time): return .date(.init(p, path, try date(style, time: time)))
          case .list(let kind): return .list(.init(p, path, try list(kind)))
          case .select(let arms):
            var table: [String: [CompiledMessage.Node]] = [:]
            for arm in arms {
              if case .keyword(let k) = arm.selector {
                table[k] = compile(arm.nodes, message: message, key: key, errors: &errors)
              }
            }
            return .select(.init(p, path, table))
          case .plural(let offset, let arms, let isOrdinal):
            var exact: [(Double, [CompiledMessage.Node])] = []
            var table = [[CompiledMessage.Node]?](
              repeating: nil, count: PluralRules.categoryNames.count)
            for arm in arms {
              let body = compile(arm.nodes, message: message, key: key, errors: &errors)
              switch arm.selector {
              case .exact(let v): exact.append((v, body))
              case .keyword(let k):
                // The first arm of a category counts (as in ICU); an unknown word never
                // matches.
                if let index = PluralRules.categoryNames.firstIndex(of: k), table[index] == nil {
                  table[index] = body
                }
              }
            }
            return .plural(
              .init(
                p, path,
                CompiledMessage.Plural(
                  offset: offset, exact: exact, arms: table,
                  selector: try selector(
                    ordinal: isOrdinal, style: MessageFormatter.categoryStyle(p.name, arms)))))
          }
        } catch {
          errors.append(
            Diagnostic(
              .error, error.description, at: message.sourceMap.location(at: p.range.lowerBound),
              id: "syntax", key: key))
          return .text([])
        }
      }
    }
  }
}
