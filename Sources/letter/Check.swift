import ArgumentParser
import LetterKit

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check that no letter goes out with a missing or broken translation.",
    discussion: """
      Every locale of the template is checked against the source locale. With --catalogs \
      and no template, the catalogs alone are checked against the source catalog \
      (--source-locale, default en). Findings print compiler style (path:line:col: \
      error: [id] key: message), then a summary. Exit status: 1 if there is an error (or \
      a warning, with --strict), 0 otherwise, 2 if the input cannot be read.

      Examples:
        letter check --strict
        letter check --catalogs Locales --source-locale en --locale ru
        letter check --format sarif > check.sarif
        letter check --stats
      """)

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
  }

  @OptionGroup var options: TemplateOptions

  @Option(
    help: ArgumentHelp(
      "Catalogs only (--catalogs, no template): the locale the others translate (default: en).",
      valueName: "locale"))
  var sourceLocale: String?

  @Option(
    help:
      "text (compiler style), json (an array of findings; with --stats, an object with findings and statistics), sarif (SARIF 2.1.0) or github (workflow annotations)."
  )
  var format: OutputFormat = .text

  @Flag(help: "Warnings fail the check too.")
  var strict = false

  @Flag(
    help:
      "A plural category only exact millions reach (French many: 1000000) is an error, not a note."
  )
  var cldrStrict = false

  @Flag(help: "Also print, per locale, how many messages are translated, missing and obsolete.")
  var stats = false

  func run() throws {
    var failed = false
    try Console.run {
      var locales: [LocaleID] = []
      for tag in options.locales { locales.append(try LocaleID.parse(option: tag)) }
      let report: CheckReport
      if options.template == nil, let directory = options.catalogsFolder {
        // Catalogs alone.
        let source = try LocaleID.parse(option: sourceLocale ?? "en")
        let catalogs = Catalogs(directory: directory, sourceLocale: source)
        if !catalogs.exists(source.tag) && catalogs.chainTags(source).isEmpty {
          throw LetterError.input([
            Diagnostic(
              .error,
              "no catalog for the source locale \(source.tag) here (catalogs: \(catalogs.available.joined(separator: ", "))); name it with --source-locale",
              at: SourceLocation(file: directory))
          ])
        }
        let result = try CatalogCheck(
          catalogs: catalogs,
          options: .init(
            sourceLocale: source,
            locales: locales.isEmpty
              ? CatalogCheck.defaultLocales(catalogs, source: source) : locales,
            cldrStrict: cldrStrict)
        ).run()
        report = CheckReport(findings: result.findings, statistics: result.statistics)
      } else {
        if sourceLocale != nil {
          throw LetterError.input([
            Diagnostic(
              .error,
              "--source-locale is for catalogs alone (--catalogs with no template); a template names its source locale in letter.yaml"
            )
          ])
        }
        let (model, catalogs) = try options.load()
        let checker = Checker(model: model, catalogs: catalogs)
        checker.cldrStrict = cldrStrict
        checker.signatories = options.signatories
        report = try checker.run(locales: locales)
      }
      switch (format, stats) {
      case (.json, false): try Console.out(report.json)
      case (.json, true): try Console.out(report.jsonWithStatistics)
      case (.sarif, _): try Console.out(report.sarif)
      case (.github, _): try Console.out(report.githubAnnotations)
      case (.text, _):
        try Console.out(report.text + report.summary + "\n")
        if stats { try Console.out(report.statisticsText) }
      }
      failed = report.errors > 0 || (strict && report.warnings > 0)
    }
    if failed { throw ExitCode(1) }
  }
}
