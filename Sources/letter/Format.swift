import ArgumentParser
import LetterKit

struct Format: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Format one ICU MessageFormat message (a playground for translators).",
    discussion: """
      Arguments come as JSON: numbers are numbers, arrays are lists, objects are maps \
      (for dotted names such as {recipient.name}), and a date argument takes an ISO 8601 \
      date or date-time string. Dates show in UTC, so a date is the same day everywhere.

      Examples:
        letter format '{n, plural, one {# org} other {# orgs}}' \\
          --locale en --args '{"n": 2}'
        letter format '{d, date, long}' --locale ja-u-ca-japanese \\
          --args '{"d": "2025-04-23"}'
        letter format '{xs, list}' --locale ja --args '{"xs": ["A", "B"]}'
      """)

  @Argument(help: "The message, in ICU MessageFormat.")
  var message: String

  @Option(help: "The locale whose rules format it (BCP 47: en, ja, ja-u-ca-japanese).")
  var locale: String

  @Option(help: "The arguments, as a JSON object.")
  var args: String = "{}"

  func run() throws {
    let locale = try LocaleID.parse(option: locale)
    try Console.run {
      let arguments = try MessageValue(json: args)
      guard case .map = arguments else {
        throw LetterError.input([
          Diagnostic(.error, "--args must be a JSON object of arguments, such as '{\"n\": 2}'")
        ])
      }
      // Follows ICU's MessageFormat: what ICU accepts but a catalog should not have (an
      // unknown plural keyword, a selector twice, a stray '}') is a warning here.
      let (parsed, diagnostics) = MessageParser.parse(
        message, map: SourceMap(file: "<message>"), followingICU: true)
      guard let parsed else {
        throw LetterError.input(diagnostics.filter { $0.severity == .error }.map(withCaret))
      }
      Console.report(diagnostics.map(withCaret))
      let formatter = try MessageFormatter(locale: locale)
      do {
        let text = try formatter.compile(parsed).format(arguments)
        try Console.out(text + "\n")
      } catch let error as LetterError {
        throw LetterError.input(error.diagnostics.map(withCaret))
      }
    }
  }

  /// Adds the message and a caret under the column, as compilers do.
  private func withCaret(_ d: Diagnostic) -> Diagnostic {
    guard let column = d.location?.column, !message.contains("\n") else { return d }
    var d = d
    let pad = String(repeating: " ", count: max(0, column - 1))
    d.message += "\n  \(message)\n  \(pad)^"
    return d
  }
}
