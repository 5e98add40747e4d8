import ArgumentParser

@main
struct Letter: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "letter",
    abstract: "Render one letter in several languages, sort signatories, check translations.",
    version: "0.1.0",
    subcommands: [Render.self, Sort.self, Readings.self, Check.self, Format.self]
  )
}
