extension LetterModel {
  /// The shipped default template's name.
  public static let shippedTemplate = "icc-japan"

  /// The template folder for a name or path. nil: the only template under `./Templates`,
  /// or the shipped one.
  public static func locate(_ nameOrPath: String?) throws(LetterError) -> String {
    if let nameOrPath {
      if FileIO.exists("\(nameOrPath)/letter.yaml") { return nameOrPath }
      if FileIO.exists("Templates/\(nameOrPath)/letter.yaml") { return "Templates/\(nameOrPath)" }
      throw .input(
        "no template '\(nameOrPath)': not a folder with letter.yaml, nor a name under Templates/"
          + (available.isEmpty ? "" : " (there are: \(available.joined(separator: ", ")))"),
        at: .init(file: nameOrPath))
    }
    let names = available
    if names.count == 1 { return "Templates/\(names[0])" }
    if names.contains(shippedTemplate) { return "Templates/\(shippedTemplate)" }
    throw .input(
      names.isEmpty
        ? "no Templates/ folder here: run letter from the project folder, or name a template folder"
        : "several templates here (\(names.joined(separator: ", "))): name one",
      at: .init(file: "Templates"))
  }

  /// Template names under `./Templates`.
  public static var available: [String] {
    FileIO.list("Templates").filter { FileIO.exists("Templates/\($0)/letter.yaml") }
  }

  /// The `Locales/` folder beside the `Templates/` folder that holds a template.
  public static func localesDirectory(for templateDirectory: String) -> String {
    let templates = FileIO.directory(of: templateDirectory)
    let root = FileIO.directory(of: templates)
    return root == "." ? "Locales" : "\(root)/Locales"
  }

  /// The signatory table: `file` if given (a list kept outside the template, named on the
  /// command line), else the one the model names, which must be inside the template
  /// folder; nil if there is none.
  public func loadSignatories(file override: String? = nil) throws(LetterError) -> SignatoryTable? {
    if let override { return try SignatoryTable.load(override) }
    guard let file = signatoryFile else { return nil }
    let path: String
    do throws(LetterError) {
      path = try FileIO.confined(file, within: directory)
    } catch {
      // Name the place in letter.yaml, and not a line of the file it points at.
      throw .input(
        error.diagnostics.map {
          Diagnostic(
            .error, "signatories file '\(file)': \($0.message)",
            at: signatoryFileLocation ?? SourceLocation(file: self.file))
        })
    }
    return try SignatoryTable.load(path)
  }
}
