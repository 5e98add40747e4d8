/// A value a layout sees: text, a number, a flag, a list, a map of named values, or the
/// letter's messages under a key prefix (`t`, `t.icc-japan`), looked up as they are used.
enum LayoutValue: Sendable {
  case text(String)
  case number(Int)
  case flag(Bool)
  case list([LayoutValue])
  case map([String: LayoutValue])
  /// The messages whose keys start with `prefix` (`""` for `t` itself).
  case messages(prefix: String)

  /// A message argument as the layout sees it (numbers and dates as their text).
  init(_ value: MessageValue) {
    switch value {
    case .list(let items): self = .list(items.map(LayoutValue.init))
    case .map(let m): self = .map(m.mapValues(LayoutValue.init))
    default: self = .text(value.description)
    }
  }

  /// What a section does with the value: nothing for false, nil, empty text or an empty
  /// list; once per item of a list; otherwise once, with the value on the stack.
  var isFalsy: Bool {
    switch self {
    case .text(let s): s.isEmpty
    case .number(let n): n == 0
    case .flag(let b): !b
    case .list(let l): l.isEmpty
    case .map, .messages: false
    }
  }

  var kindName: String {
    switch self {
    case .text: "text"
    case .number: "a number"
    case .flag: "a flag"
    case .list: "a list"
    case .map: "a group of values"
    case .messages: "a group of messages"
    }
  }
}

/// Where a layout finds the letter's messages while it renders: the renderer of a letter
/// formats each message the first time the layout uses it, and records why one cannot be
/// had (missing in the locale, no catalog has it, a value it needs is absent).
protocol LayoutMessages: AnyObject {
  /// Whether `key` is a message key, or a prefix of some (`icc-japan`), of any catalog the
  /// letter reads.
  func contains(_ key: String) -> (isKey: Bool, isPrefix: Bool)
  /// The formatted message, or nil when it cannot be had (the reason is recorded).
  func text(of key: String, usedAt: SourceLocation) -> String?
  /// A key the layout uses that no catalog has.
  func unknown(_ key: String, usedAt: SourceLocation)
}
