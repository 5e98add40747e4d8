/// The messages of one letter, formatted as its layout uses them: each key compiled by
/// the locale's `LocaleMessages` (once for every letter in the locale) and formatted
/// once against this letter's values. Why a message cannot be had is recorded once.
final class MessageLookup: LayoutMessages {
  let messages: LocaleMessages
  /// The model's values for the locale (a recipient's, for a recipient's letter).
  let arguments: MessageValue
  private var formatted: [String: String?] = [:]
  /// Keys whose problems (or borrowing warning) this letter has already recorded.
  private var reported: Set<String> = []
  private(set) var errors: [Diagnostic] = []
  private(set) var warnings: [Diagnostic] = []

  var locale: LocaleID { messages.locale }

  init(messages: LocaleMessages, arguments: MessageValue) {
    self.messages = messages
    self.arguments = arguments
  }

  func contains(_ key: String) -> (isKey: Bool, isPrefix: Bool) { messages.contains(key) }

  func unknown(_ key: String, usedAt: SourceLocation) {
    guard reported.insert(key).inserted else { return }
    errors.append(LocaleMessages.unknown(key, usedAt: usedAt, locale: locale))
  }

  func text(of key: String, usedAt: SourceLocation) -> String? {
    if let done = formatted[key] { return done }
    let text = format(key, arguments, usedAt: usedAt)
    formatted[key] = .some(text)
    return text
  }

  /// Formats `key` with `arguments` (a group heading gets its own `count`).
  func format(_ key: String, _ arguments: MessageValue, usedAt: SourceLocation) -> String? {
    let first = reported.insert(key).inserted
    switch messages.compile(key, usedAt: usedAt) {
    case .failed(let diagnostics):
      if first { errors += diagnostics }
      return nil
    case .message(let message, let warning):
      if first, let warning { warnings.append(warning) }
      do throws(LetterError) {
        return try message.format(arguments)
      } catch {
        errors += error.diagnostics.map {
          var d = $0
          d.locale = locale.tag
          return d
        }
        return nil
      }
    }
  }
}
