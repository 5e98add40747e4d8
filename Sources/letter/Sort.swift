import ArgumentParser
import LetterKit

extension CollatorOptions.LatinPlacement: ExpressibleByArgument {}
extension CollatorOptions.Strength: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}

struct Sort: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Sort a list of names the way a language sorts them.",
    discussion: """
      FILE is text (one name per line, or name<TAB>reading), CSV with a header row, or a \
      YAML/JSON list of records. Names are sorted by their reading if they have one. In \
      Japanese, a name with kanji and no reading cannot be placed in 五十音 order: it is \
      listed last and named in a warning.

      Examples:
        letter sort names.txt --locale ja --headings
        letter sort Templates/icc-japan/signatories.csv --locale ja --format json
      """)

  @Argument(help: "The list to sort (- for standard input).")
  var file: String

  @Option(
    help:
      "Collation locale, a BCP 47 tag (ja, en, ja-u-kr-kana-latn). Default: the environment's collation locale, else en."
  )
  var locale: String?

  @Flag(help: "Group the names under index headings (あ行, か行, … / A, B, …).")
  var headings = false

  @Option(
    help: "Where Latin-script names go: first (ICU's order for ja) or last (after kana and kanji).")
  var latin: CollatorOptions.LatinPlacement?

  @Flag(help: "Keep legal-entity forms (特定非営利活動法人, 株式会社, The, …) in the sort key.")
  var keepLegalForms = false

  @Option(help: "Collation strength (primary … identical).")
  var strength: CollatorOptions.Strength?

  @Option(help: "CSV/YAML: only the records of this group (the 'group' column).")
  var group: String?

  @Option(help: "CSV/YAML: the column with the names (default name.<locale>, then name).")
  var column: String?

  @Option(help: "CSV/YAML: the column with the readings (default reading.<locale>, then reading).")
  var readingColumn: String?

  @Option(
    help:
      "Default: csv for CSV input, json for YAML/JSON, else text."
  )
  var format: ListFormat?

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
  var output: String?

  func run() throws {
    OutputFile.removeTemporaryFilesOnSignal()
    let locale = try locale.map(LocaleID.parse(option:)) ?? Console.environmentLocale()
    try Console.run {
      var options = CollatorOptions(ignorePunctuation: true, numeric: true, latin: latin)
      options.strength = strength
      let policy = SortPolicy(
        locale: locale, collation: options, setAsideLegalForms: !keepLegalForms)
      // The output is opened first: a path that cannot be written fails before any work,
      // and its temporary file is removed if a signal stops the reading.
      let destination = try OutputFile(path: output ?? "-")
      let list = try SignatoryList.load(
        file, locale: locale, nameColumn: column, readingColumn: readingColumn, group: group)
      let format = format ?? (list.kind == .csv ? .csv : list.kind == .text ? .text : .json)
      let sorter = try SignatorySorter(policy: policy, headings: headings || format == .json)
      let (result, warnings) = list.sorted(by: sorter)
      Console.report(warnings + UnconfirmedReadings.check(list))
      try list.render(result, format: format, headings: headings, locale: locale) {
        (bytes) throws(LetterError) in try destination.write(bytes)
      }
      try destination.commit()
    }
  }
}
