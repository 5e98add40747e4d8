import ArgumentParser
import LetterKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReadingsFormat: ExpressibleByArgument {}

struct Readings: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Suggest readings for kanji names (MeCab), for a person to confirm.",
    discussion: """
      For every record with kanji and no reading, MeCab suggests a reading in hiragana; \
      it is marked suggested (column reading.ja.status) and sort and check warn \
      (unconfirmed-reading) until a person confirms it. Readings already there are never \
      changed. FILE is read as by letter sort. Needs libmecab2 and a dictionary \
      (apt-get install libmecab2 mecab-ipadic-utf8); --confirm does not.

      Examples:
        letter readings signatories.csv
        letter readings signatories.csv -o signatories.csv
        letter readings signatories.csv --confirm 4 7 12=かわの -o signatories.csv
      """)

  @Argument(help: "The list (CSV, YAML, JSON or text, as for letter sort; - for standard input).")
  var file: String

  @Option(help: "The language of the readings (ja, the only one supported).")
  var locale = "ja"

  @Option(help: "CSV/YAML: the column with the names (default name.<locale>, then name).")
  var column: String?

  @Option(
    help:
      "CSV/YAML: the column for the readings (default reading.<locale>, then reading; added if missing)."
  )
  var readingColumn: String?

  @Option(help: "ipadic (default), unidic, or a MeCab dictionary folder.")
  var dictionary: String?

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Confirm the suggested readings on these lines (LINE, LINE=READING to confirm another reading, or all) and write the table (-o, else standard output); no analysis is made.",
      valueName: "row"))
  var confirm: [String] = []

  @Option(
    help:
      "text: the review list; csv, tsv, json, yaml: the table with the reading and status columns. Default: text, or with -o the file's extension."
  )
  var format: ReadingsFormat?

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write the table to this file (whole or not at all; it may be FILE itself); the review list goes to standard output.",
      valueName: "file"))
  var output: String?

  func run() throws {
    OutputFile.removeTemporaryFilesOnSignal()
    let locale = try LocaleID.parse(option: locale)
    try Console.run {
      guard locale.language == "ja" else {
        throw LetterError.input([
          Diagnostic(
            .error,
            "--locale \(locale.tag): letter readings suggests Japanese readings only (--locale ja)")
        ])
      }
      let requests = try confirm.map { (text) throws(LetterError) in
        try ReadingsTable.Confirmation(parsing: text)
      }
      // What goes where: the table to -o (in its extension's format) or, with a table
      // format, to standard output; the review list to standard output otherwise.
      var tableFormat: ReadingsFormat?
      if let output {
        tableFormat = format ?? ReadingsFormat.forFile(output)
        if tableFormat == nil || tableFormat == .text {
          throw LetterError.input([
            Diagnostic(
              .error,
              "cannot tell which table format to write: name the file .csv, .tsv, .json or .yaml, or give --format (text lists cannot hold a reading's status)",
              at: .init(file: output))
          ])
        }
      } else if let format, format != .text {
        tableFormat = format
      } else if !requests.isEmpty {
        // Confirming changes the table: it goes to standard output, in the input's format
        // (a text list as CSV: text cannot hold the status).
        tableFormat = ReadingsFormat.forFile(file) ?? .csv
      }
      let destination = try tableFormat.map { _ in try OutputFile(path: output ?? "-") }
      let list = try SignatoryList.load(
        file, locale: locale, nameColumn: column, readingColumn: nil)
      var table = ReadingsTable(list: list, locale: locale, readingColumn: readingColumn)
      var review: String
      if requests.isEmpty {
        let mecab = try MeCab(
          dictionary: MeCabDictionary.find(dictionary),
          library: getenv("LETTER_MECAB_LIBRARY").map { String(cString: $0) }
            ?? MeCab.defaultLibrary)
        let suggester = try ReadingSuggester(mecab: mecab)
        review = table.review(table.suggest(with: suggester))
      } else {
        let done = try table.confirm(requests)
        review = "\(done.count) reading\(done.count == 1 ? "" : "s") confirmed.\n"
        let left = table.rows.indices.filter { table.status($0) == .suggested }
        if !left.isEmpty {
          review +=
            "Still to confirm: \(left.map { "\(list.file):\(list.lines[$0]) \(table.name($0)) → \(table.reading($0) ?? "")" }.joined(separator: "; "))\n"
        }
      }
      if let destination, let tableFormat {
        try destination.write(table.encode(tableFormat))
        try destination.commit()
        if output == nil { Console.err(review) } else { try Console.out(review) }
      } else {
        try Console.out(review)
      }
    }
  }
}
