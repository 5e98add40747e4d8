import ArgumentParser
import LetterKit

/// The template and catalogs a command works on (shared by render and check).
struct TemplateOptions: ParsableArguments {
  @Argument(
    help: "A template folder, or a name under ./Templates (default: the only or the shipped one).")
  var template: String?

  @Option(
    name: .customLong("catalogs"),
    help: ArgumentHelp(
      "The folder of catalogs (default: the Locales/ beside Templates/).", valueName: "dir"))
  var catalogsDirectory: String?

  /// The old spelling of --catalogs, kept working.
  @Option(name: .customLong("locales"), help: .hidden)
  var oldCatalogsDirectory: String?

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

  /// --catalogs, or its old spelling --locales.
  var catalogsFolder: String? { catalogsDirectory ?? oldCatalogsDirectory }

  func load() throws(LetterError) -> (LetterModel, Catalogs) {
    let directory = try LetterModel.locate(template)
    let model = try LetterModel.load(directory: directory)
    let catalogs = Catalogs(
      directory: catalogsFolder ?? LetterModel.localesDirectory(for: directory),
      sourceLocale: model.sourceLocale)
    return (model, catalogs)
  }
}
