/// The catalogs of a `Locales/` folder, read on demand, with each locale's fallback chain
/// (`ja-JP` → `ja`). Nothing falls back to another language unless asked.
public final class Catalogs: @unchecked Sendable {
  public let directory: String
  private var loaded: [String: Catalog] = [:]

  public init(directory: String) {
    self.directory = directory
  }

  /// The locales that have a catalog here (file `xx.yaml` or folder `xx/`).
  public var available: [String] {
    var tags: Set<String> = []
    for entry in FileIO.list(directory) {
      if entry.hasSuffix(".yaml") {
        tags.insert(String(entry.dropLast(5)))
      } else if FileIO.isDirectory("\(directory)/\(entry)") {
        tags.insert(entry)
      }
    }
    return tags.sorted()
  }

  /// The catalog of exactly this locale.
  public func catalog(_ locale: LocaleID) throws(LetterError) -> Catalog {
    if let c = loaded[locale.tag] { return c }
    let c = try Catalog.load(locale, from: directory)
    loaded[locale.tag] = c
    return c
  }

  /// The catalogs of a locale's fallback chain that exist, most specific first; then,
  /// if given, the `fallback` locale's (the source language, when the user asks for it).
  public func chain(_ locale: LocaleID, fallback: LocaleID? = nil) throws(LetterError) -> [Catalog]
  {
    var result: [Catalog] = []
    var tags = locale.fallbackChain
    if let fallback, !tags.contains(fallback.tag) { tags.append(fallback.tag) }
    for tag in tags {
      guard let id = try? LocaleID(tag) else { continue }
      let file = "\(directory)/\(tag).yaml"
      let folder = "\(directory)/\(tag)"
      guard FileIO.exists(file) || FileIO.isDirectory(folder) else { continue }
      result.append(try catalog(id))
    }
    if result.isEmpty {
      if !FileIO.isDirectory(directory) {
        throw .input("no such folder of catalogs", at: .init(file: directory))
      }
      let have = available
      throw .input(
        "no catalog for '\(locale.tag)' in \(directory)\(have.isEmpty ? " (it has none)" : " (there are: \(have.joined(separator: ", ")))")",
        at: .init(file: directory))
    }
    return result
  }
}
