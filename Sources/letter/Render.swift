import ArgumentParser
import LetterKit

extension LayoutSet.Format: ExpressibleByArgument {}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a letter in one or more locales.",
    discussion: """
      Without -o, one locale goes to standard output. With -o DIR, each locale is written \
      to DIR/<template>.<locale>.<ext>, whole or not at all. A locale that lacks a message \
      the layout uses is refused (exit 1) unless --allow-fallback.

      Examples:
        letter render --locale ja
        letter render --all-locales --format html -o out
        letter render --all-locales --format html --side-by-side -o out
      """)

  @OptionGroup var options: TemplateOptions

  @Flag(help: "Every locale of the template.")
  var allLocales = false

  @Option(help: "The output format.")
  var format: LayoutSet.Format = .txt

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write one file per locale into this folder.", valueName: "dir"))
  var output: String?

  @Flag(help: "HTML: one page with the locales in parallel columns.")
  var sideBySide = false

  @Flag(help: "Use the source locale's text for missing messages (with a warning).")
  var allowFallback = false

  @Option(
    help: ArgumentHelp(
      "One letter per row (CSV or YAML: id, locale, model values by path), into -o DIR.",
      valueName: "file"))
  var recipients: String?

  func validate() throws {
    if recipients != nil {
      if output == nil {
        throw ValidationError("--recipients writes one file per letter: add -o DIR")
      }
      if sideBySide { throw ValidationError("--recipients and --side-by-side do not go together") }
      if allLocales || !options.locales.isEmpty {
        throw ValidationError(
          "with --recipients, each row's locale is used: drop --locale/--all-locales")
      }
    }
    if sideBySide && format != .html {
      throw ValidationError("--side-by-side makes an HTML page: add --format html")
    }
    if allLocales && !options.locales.isEmpty {
      throw ValidationError("give --locale or --all-locales, not both")
    }
    if !sideBySide && output == nil && (allLocales || options.locales.count > 1) {
      throw ValidationError("several locales need -o DIR (one file each), or --side-by-side")
    }
  }

  func run() throws {
    OutputFile.removeTemporaryFilesOnSignal()
    try Console.run {
      let (model, catalogs) = try options.load()
      var locales: [LocaleID] = []
      for tag in options.locales { locales.append(try LocaleID.parse(option: tag)) }
      if allLocales || (sideBySide && locales.isEmpty) { locales = model.locales }
      if locales.isEmpty { locales = [model.sourceLocale] }
      let renderer = try LetterRenderer(
        model: model, catalogs: catalogs, format: format, signatories: options.signatories)

      if let recipients, let output {
        let list = try Recipients.load(recipients, model: model)
        let progress = Progress(total: list.rows.count)
        let summary = try renderer.render(
          recipients: list, into: output, allowFallback: allowFallback, progress: progress.update)
        progress.clear()
        Console.report(summary.warnings)
        Console.err(
          "\(summary.letters) letter\(summary.letters == 1 ? "" : "s") in \(summary.locales.count) locale\(summary.locales.count == 1 ? "" : "s") (\(summary.locales.joined(separator: ", "))) written to \(output)"
        )
        return
      }
      if sideBySide {
        let page = try renderer.renderSideBySide(locales, allowFallback: allowFallback)
        Console.report(page.warnings)
        let name = "\(model.id).\(locales.map(\.tag).joined(separator: "+")).html"
        try write([(page.text, name)])
        return
      }
      // Render every locale first: nothing is written unless all succeed.
      var rendered: [LetterRenderer.Rendered] = []
      var errors: [Diagnostic] = []
      var unreadable = false
      for locale in locales {
        do throws(LetterError) {
          rendered.append(try renderer.render(locale, allowFallback: allowFallback))
        } catch {
          errors += error.diagnostics
          if case .input = error { unreadable = true }
        }
      }
      if !errors.isEmpty {
        throw unreadable ? LetterError.input(errors) : LetterError.content(errors)
      }
      for letter in rendered { Console.report(letter.warnings) }
      try write(rendered.map { ($0.text, "\(model.id).\($0.locale.tag).\(format.rawValue)") })
    }
  }

  /// Standard output for one letter; with -o, every file written to a temporary file
  /// first, and only once all are written are they put in place.
  private func write(_ letters: [(text: String, name: String)]) throws {
    guard let output else {
      for letter in letters { try Console.out(letter.text) }
      return
    }
    if !FileIO.isDirectory(output) { try FileIO.makeDirectory(output) }
    var files: [OutputFile] = []
    for letter in letters {
      let file = try OutputFile(path: "\(output)/\(letter.name)")
      try file.write(Array(letter.text.utf8))
      files.append(file)
    }
    for file in files { try file.commit() }
  }
}
