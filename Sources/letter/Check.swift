import ArgumentParser
import LetterKit

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check that no letter goes out with a missing or broken translation.",
    discussion: """
      Every locale of the template is checked against the source locale. Findings print \
      compiler style (path:line:col: error: [id] key: message), then a summary. Exit \
      status: 1 if there is an error (or a warning, with --strict), 0 otherwise, 2 if the \
      input cannot be read.

      Examples:
        letter check --strict
        letter check --format json
        letter check --stats
      """)

  enum OutputFormat: String, ExpressibleByArgument {
    case text, json
  }

  @OptionGroup var options: TemplateOptions

  @Option(
    help:
      "text (compiler style) or json (an array of findings; with --stats, an object with findings and statistics)."
  )
  var format: OutputFormat = .text

  @Flag(help: "Warnings fail the check too.")
  var strict = false

  @Flag(help: "Also print, per locale, how many messages are translated, missing and obsolete.")
  var stats = false

  func run() throws {
    var failed = false
    try Console.run {
      let (model, catalogs) = try options.load()
      var locales: [LocaleID] = []
      for tag in options.locales { locales.append(try LocaleID.parse(option: tag)) }
      let checker = Checker(model: model, catalogs: catalogs)
      checker.signatories = options.signatories
      let report = try checker.run(locales: locales)
      switch (format, stats) {
      case (.json, false): try Console.out(report.json)
      case (.json, true): try Console.out(report.jsonWithStatistics)
      case (.text, _):
        try Console.out(report.text + report.summary + "\n")
        if stats { try Console.out(report.statisticsText) }
      }
      failed = report.errors > 0 || (strict && report.warnings > 0)
    }
    if failed { throw ExitCode(1) }
  }
}
