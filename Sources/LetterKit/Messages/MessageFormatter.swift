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

  private func date(_ style: DateStyle, time: Bool) throws(FormatterError) -> DateFormatter {
    if let f = (time ? times : dates)[style] { return f }
    let f: DateFormatter
    switch style {
    case .style(let s):
      f = try DateFormatter(
        locale: locale, date: time ? nil : s, time: time ? s : nil, timeZone: timeZone)
    case .skeleton(let skeleton):
      f = try DateFormatter(locale: locale, skeleton: skeleton, timeZone: timeZone)
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
          case .simple: return .simple(p, path, try number(NumberStyle.defaultSkeleton))
          case .number(let style): return .number(p, path, try number(style.skeleton))
          case .date(let style, let time): return .date(p, path, try date(style, time: time))
          case .list(let kind): return .list(p, path, try list(kind))
          case .select(let arms):
            var table: [String: [CompiledMessage.Node]] = [:]
            for arm in arms {
              if case .keyword(let k) = arm.selector {
                table[k] = compile(arm.nodes, message: message, key: key, errors: &errors)
              }
            }
            return .select(p, path, table)
          case .plural(let offset, let arms, let isOrdinal):
            var exact: [(Double, [CompiledMessage.Node])] = []
            var table = [[CompiledMessage.Node]?](
              repeating: nil, count: PluralRules.categoryNames.count)
            for arm in arms {
              let body = compile(arm.nodes, message: message, key: key, errors: &errors)
              switch arm.selector {
              case .exact(let v): exact.append((v, body))
              case .keyword(let k):
                if let index = PluralRules.categoryNames.firstIndex(of: k) { table[index] = body }
              }
            }
            let rules: PluralRules
            do throws(LocaleError) {
              rules = isOrdinal ? try ordinalRules() : cardinal
            } catch {
              throw FormatterError.unavailable("plural rules", error.description)
            }
            return .plural(
              p, path,
              CompiledMessage.Plural(
                offset: offset, exact: exact, arms: table, rules: rules,
                number: try number(NumberStyle.defaultSkeleton)))
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
