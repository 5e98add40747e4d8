/// A parsed ICU MessageFormat ("MessageFormat 1") message: its nodes, with the source
/// range of each, and a map from positions in the message to places in its file.
///
/// Syntax (as ICU4C/ICU4J accept it): literal text with ICU's apostrophe rules;
/// `{arg}`; `{arg, number[, integer|percent|currency|::skeleton|pattern]}`;
/// `{arg, date|time[, short|medium|long|full|::skeleton|pattern]}`;
/// `{arg, spellout|ordinal|duration[, %rule-set]}`;
/// `{arg, plural|selectordinal, [offset:N] =N {…} one {…} other {…}}` with `#`;
/// `{arg, select, key {…} other {…}}`. Two extensions, documented as such: argument
/// names may be dotted paths into the letter model (`{recipient.name}`), and
/// `{arg, list[, or|unit]}` formats an array with ICU's list formatter.
public struct Message: Sendable {
  public let source: String
  public let nodes: [MessageNode]
  /// Where the message is: for errors that name the place.
  public let sourceMap: SourceMap

  /// Every argument the message uses, with the kind of value it needs (first use wins).
  public var arguments: [(name: String, kind: ArgumentKind, range: SourceRange)] {
    var seen: Set<String> = []
    var result: [(String, ArgumentKind, SourceRange)] = []
    func walk(_ nodes: [MessageNode]) {
      for node in nodes {
        guard case .placeholder(let p) = node else { continue }
        if !seen.contains(p.name) {
          seen.insert(p.name)
          result.append((p.name, p.kind.argumentKind, p.nameRange))
        }
        for arm in p.kind.arms { walk(arm.nodes) }
      }
    }
    walk(nodes)
    return result
  }

  /// Every plural, selectordinal and select placeholder, nested ones included.
  public var choices: [Placeholder] {
    var result: [Placeholder] = []
    func walk(_ nodes: [MessageNode]) {
      for node in nodes {
        guard case .placeholder(let p) = node else { continue }
        if !p.kind.arms.isEmpty { result.append(p) }
        for arm in p.kind.arms { walk(arm.nodes) }
      }
    }
    walk(nodes)
    return result
  }
}

/// A range of Unicode scalars within a message's text.
public struct SourceRange: Hashable, Sendable {
  public var lowerBound: Int
  public var upperBound: Int

  public init(_ lowerBound: Int, _ upperBound: Int) {
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }
}

public indirect enum MessageNode: Hashable, Sendable {
  case text(String, SourceRange)
  /// `#` in a plural arm: the number (less the offset), formatted.
  case pound(SourceRange)
  case placeholder(Placeholder)
}

/// `{name, type, style}`.
public struct Placeholder: Hashable, Sendable {
  public var name: String
  public var nameRange: SourceRange
  /// From `{` to `}`.
  public var range: SourceRange
  public var kind: PlaceholderKind
}

public enum PlaceholderKind: Hashable, Sendable {
  /// `{x}`: the value as it is (a number in the locale's format).
  case simple
  case number(NumberStyle)
  case date(DateStyle, time: Bool)
  case plural(offset: Double, arms: [Arm], ordinal: Bool)
  case select(arms: [Arm])
  case list(ListFormatter.Kind)

  public var arms: [Arm] {
    switch self {
    case .plural(_, let arms, _), .select(let arms): arms
    default: []
    }
  }

  public var argumentKind: ArgumentKind {
    switch self {
    case .simple: .any
    case .number, .plural: .number
    case .date: .date
    case .select: .string
    case .list: .list
    }
  }

  /// The type as written (`plural`, `number`, …).
  public var typeName: String {
    switch self {
    case .simple: "none"
    case .number(let style): style.typeName
    case .date(_, let time): time ? "time" : "date"
    case .plural(_, _, let ordinal): ordinal ? "selectordinal" : "plural"
    case .select: "select"
    case .list: "list"
    }
  }
}

/// What kind of value an argument must be.
public enum ArgumentKind: String, Hashable, Sendable {
  case any, number, date, string, list
}

public enum NumberStyle: Hashable, Sendable {
  case `default`, integer, percent, currency
  case skeleton(String)
  /// A DecimalFormat pattern, exactly as written (`#,##0.00`, with any spaces around it).
  case pattern(String)
  /// ICU's rule-based formats (`{n, spellout}`, `{n, ordinal}`, `{n, duration}`), with the
  /// name of a rule set or "".
  case spellout(String), ordinal(String), duration(String)

  /// The type as written (`number`, `spellout`, …).
  public var typeName: String {
    switch self {
    case .spellout: "spellout"
    case .ordinal: "ordinal"
    case .duration: "duration"
    default: "number"
    }
  }

  /// `#,##0.###`: what `{n}`, `{n, number}` and `#` show.
  static let defaultSkeleton = ".###"

}

public enum DateStyle: Hashable, Sendable {
  case style(DateFormatter.Style)
  case skeleton(String)
  /// A SimpleDateFormat pattern, exactly as written (` yyyy-MM-dd` keeps its space).
  case pattern(String)
}

/// One arm of a plural or select: `=0 {…}`, `one {…}`, `other {…}`.
public struct Arm: Hashable, Sendable {
  public enum Selector: Hashable, Sendable {
    case exact(Double)
    case keyword(String)
  }

  public var selector: Selector
  public var selectorRange: SourceRange
  public var nodes: [MessageNode]
}
