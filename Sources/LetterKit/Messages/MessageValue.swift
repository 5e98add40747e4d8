/// A value a message's argument can take: text, a number, a date, a list, or a map of
/// values (so `{recipient.name}` finds `name` inside `recipient`).
public enum MessageValue: Hashable, Sendable, CustomStringConvertible {
  case string(String)
  case number(Double)
  /// A whole number kept exact (JSON `9007199254740993` is not rounded to a double).
  case integer(Int64)
  case date(CalendarDate)
  case list([MessageValue])
  case map([String: MessageValue])

  /// The value at a dotted path (`recipient.name`), or nil.
  public func value(at path: [String]) -> MessageValue? {
    var current = self
    for component in path {
      guard case .map(let m) = current, let next = m[component] else { return nil }
      current = next
    }
    return current
  }

  public var kindName: String {
    switch self {
    case .string: "text"
    case .number, .integer: "a number"
    case .date: "a date"
    case .list: "a list"
    case .map: "a map"
    }
  }

  public var description: String {
    switch self {
    case .string(let s): s
    case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    case .integer(let i): String(i)
    case .date(let d): d.text
    case .list(let l): l.map(\.description).joined(separator: ", ")
    case .map: "{…}"
    }
  }
}

extension MessageValue {
  /// A number from its text: a whole number that fits 64 bits stays exact (`.integer`),
  /// anything else that reads as a number is a double (`-0.0` keeps its sign). nil for
  /// text that is not a number.
  public init?(numberText text: String) {
    if let i = Int64(text) {
      self = .integer(i)
    } else if let d = Double(text), d.isFinite {
      self = .number(d)
    } else {
      return nil
    }
  }
}

extension MessageValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(arrayLiteral elements: MessageValue...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, MessageValue)...) {
    self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
