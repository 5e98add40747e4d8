import ArgumentParser
import LetterKit

/// The template and catalogs a command works on (shared by render and check).
struct TemplateOptions: ParsableArguments {
  @Argument(
    help: "A template folder, or a name under ./Templates (default: the only or the shipped one).")
  var template: String?

  @Option(
    name: .customLong("locales"),
    help: ArgumentHelp(
      "The folder of catalogs (default: the Locales/ beside Templates/).", valueName: "dir"))
  var localesDirectory: String?

  @Option(
    name: .customLong("locale"),
    help:
      "A BCP 47 locale (repeatable). render: default the source locale; check: every locale of the template."
  )
  var locales: [String] = []

  @Option(
    help: ArgumentHelp(
      "A signatory list (CSV or YAML) to use instead of the template's; a template reads files only inside its own folder.",
      valueName: "file"))
  var signatories: String?

  func load() throws(LetterError) -> (LetterModel, Catalogs) {
    let directory = try LetterModel.locate(template)
    let model = try LetterModel.load(directory: directory)
    let catalogs = Catalogs(
      directory: localesDirectory ?? LetterModel.localesDirectory(for: directory))
    return (model, catalogs)
  }
}
