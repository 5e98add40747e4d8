import CMeCab

/// A MeCab dictionary letter can read: where it is and which of its features holds a
/// word's reading.
public struct MeCabDictionary: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, CaseIterable {
    /// IPADIC (Debian: mecab-ipadic-utf8); the reading (読み) is feature 7.
    case ipadic
    /// UniDic (Debian: unidic-mecab); the reading in kana (`kana`) is feature 20.
    case unidic
  }

  public let kind: Kind
  /// The folder with `dicrc` and `sys.dic`.
  public let path: String

  public init(kind: Kind, path: String) {
    self.kind = kind
    self.path = path
  }

  /// The dictionary letter uses when none is named (see README, `letter readings`).
  public static let defaultKind = Kind.ipadic

  /// The feature (0-based) with the reading in katakana.
  var readingFeature: Int { kind == .ipadic ? 7 : 20 }

  /// The Debian package that installs the dictionary.
  public static func package(_ kind: Kind) -> String {
    kind == .ipadic ? "mecab-ipadic-utf8" : "unidic-mecab"
  }

  /// Where Debian's packages put each dictionary (UTF-8 builds only: the EUC-JP IPADIC
  /// in /var/lib/mecab/dic/ipadic cannot read UTF-8 names).
  public static func standardPaths(_ kind: Kind) -> [String] {
    switch kind {
    case .ipadic:
      ["/var/lib/mecab/dic/ipadic-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8"]
    case .unidic: ["/var/lib/mecab/dic/unidic", "/usr/share/mecab/dic/unidic"]
    }
  }

  /// A dictionary by kind (`ipadic`, `unidic`: the installed one) or by folder; nil for
  /// the default kind. A folder's kind is read from its `dicrc`.
  public static func find(_ request: String?) throws(LetterError) -> MeCabDictionary {
    if let request, !request.contains("/"), Kind(rawValue: request) == nil {
      throw .input(
        "--dictionary: '\(request)' is neither ipadic, unidic nor a folder (give a path with a /)")
    }
    if let request, let kind = Kind(rawValue: request) {
      return try installed(kind)
    }
    guard let path = request else { return try installed(defaultKind) }
    let place = SourceLocation(file: path)
    guard FileIO.isDirectory(path) else {
      throw .input("no MeCab dictionary here (not a folder)", at: place)
    }
    guard let dicrc = try? FileIO.readText("\(path)/dicrc", limit: 1 << 20),
      FileIO.exists("\(path)/sys.dic")
    else {
      throw .input("not a MeCab dictionary (no dicrc and sys.dic in this folder)", at: place)
    }
    return try MeCabDictionary(kind: kind(of: dicrc, at: path), path: path)
  }

  private static func installed(_ kind: Kind) throws(LetterError) -> MeCabDictionary {
    for path in standardPaths(kind)
    where FileIO.exists("\(path)/sys.dic") && FileIO.exists("\(path)/dicrc") {
      return MeCabDictionary(kind: kind, path: path)
    }
    throw .input(
      "letter readings needs MeCab's \(kind == .ipadic ? "IPADIC" : "UniDic") dictionary, which is not installed (looked in \(standardPaths(kind).joined(separator: ", "))); install it: apt-get install \(package(kind))"
    )
  }

  /// UniDic's dicrc names its output formats `unidic…`; IPADIC's are IPADIC's. A
  /// dictionary that is not UTF-8 is refused.
  static func kind(of dicrc: String, at path: String) throws(LetterError) -> Kind {
    for line in dicrc.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let parts = line.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, String(parts[0]).trimmingWhitespace == "config-charset" else {
        continue
      }
      let value = String(parts[1]).trimmingWhitespace
      let charset = value.lowercased().replacingOccurrences("-", with: "")
      if charset != "utf8" {
        throw .input(
          "this MeCab dictionary is in \(value); letter needs a UTF-8 one (apt-get install mecab-ipadic-utf8)",
          at: .init(file: "\(path)/dicrc"))
      }
    }
    return dicrc.contains("unidic") ? .unidic : .ipadic
  }

  public var description: String { "\(kind == .ipadic ? "IPADIC" : "UniDic") (\(path))" }
}

/// MeCab, opened at run time (see CMeCab). One instance per thread.
public final class MeCab {
  /// The library's name as Debian's libmecab2 installs it.
  public static let defaultLibrary = "libmecab.so.2"

  public let dictionary: MeCabDictionary
  private let tagger: OpaquePointer

  /// A word of an analysis: its text and its reading in katakana, if the dictionary has
  /// one (an unknown word has none).
  public struct Token: Sendable, Hashable {
    public var surface: String
    public var reading: String?
  }

  /// Opens `library` (a name or a path) and `dictionary`. A missing library or a
  /// dictionary MeCab refuses is an input error naming the Debian packages to install.
  public init(dictionary: MeCabDictionary, library: String = defaultLibrary) throws(LetterError) {
    var error = [CChar](repeating: 0, count: 512)
    guard lmecab_load(library, &error, error.count) != 0 else {
      let reason = String(
        decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw .input(
        "letter readings needs MeCab, and its library (\(library)) cannot be opened: \(reason); install it: apt-get install libmecab2 \(MeCabDictionary.package(dictionary.kind))"
      )
    }
    let feature = dictionary.readingFeature
    guard
      let tagger = lmecab_open(
        dictionary.path, "%m\\t%f[\(feature)]\\n", "%m\\t\\n", &error, error.count)
    else {
      let reason = String(
        decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw .input(
        "MeCab cannot open this dictionary: \(reason); reinstall it: apt-get install --reinstall \(MeCabDictionary.package(dictionary.kind))",
        at: .init(file: dictionary.path))
    }
    self.dictionary = dictionary
    self.tagger = tagger
  }

  deinit { lmecab_close(tagger) }

  /// The `count` best analyses of `text`, best first (fewer if there are fewer). Text
  /// MeCab cannot analyse gives none.
  public func analyses(of text: String, count: Int) -> [[Token]] {
    var text = text
    var error = [CChar](repeating: 0, count: 256)
    let output: String? = text.withUTF8 { t in
      t.withMemoryRebound(to: CChar.self) { c in
        lmecab_nbest(tagger, c.baseAddress, c.count, count, &error, error.count).map {
          String(cString: $0)
        }
      }
    }
    guard let output else { return [] }
    var result: [[Token]] = []
    var current: [Token] = []
    for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
      if line == "EOS" {
        result.append(current)
        current = []
        continue
      }
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      let reading = parts.count > 1 ? String(parts[1]) : ""
      current.append(
        Token(surface: String(parts[0]), reading: reading.isEmpty || reading == "*" ? nil : reading)
      )
    }
    return result
  }
}
