import ArgumentParser
import LetterKit

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Check that no translation is missing or broken.")
  @OptionGroup var options: TemplateOptions
  func run() throws {}
}
