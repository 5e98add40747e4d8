import ArgumentParser
import LetterKit

@main
struct Letter: ParsableCommand {
  /// The project's version (bump with each release).
  static let projectVersion = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "letter",
    abstract: "Render one letter in several languages, sort signatories, check translations.",
    subcommands: [Render.self, Sort.self, Readings.self, Check.self, Format.self]
  )

  // Not `configuration.version`: that string is built on every start, and asking ICU for
  // its CLDR version loads ICU's data, which `letter --help` otherwise never does.
  @Flag(help: "Show the version, and the ICU and CLDR versions it runs on.")
  var version = false

  /// What `--version` prints. Plural rules and collation change between ICU versions, so
  /// a bug report needs them.
  static var versionText: String { "letter \(projectVersion)\n\(ICUVersion.summary)" }

  func run() throws {
    guard version else { throw CleanExit.helpRequest(self) }
    print(Self.versionText)
  }
}
