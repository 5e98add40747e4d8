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

  /// The signatory table, if the model names one (a relative path is in the template).
  public func loadSignatories() throws(LetterError) -> SignatoryTable? {
    guard let file = signatoryFile else { return nil }
    return try SignatoryTable.load(file.hasPrefix("/") ? file : "\(directory)/\(file)")
  }
}
