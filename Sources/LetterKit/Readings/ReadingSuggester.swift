/// What the analyzer suggests for one name.
public struct ReadingSuggestion: Sendable, Hashable {
  /// The reading in hiragana; nil when some word with kanji has no reading in the
  /// dictionary (then `unread` names those words).
  public var reading: String?
  /// Other readings from MeCab's N-best analyses, most likely first.
  public var alternatives: [String]
  /// Words with kanji the dictionary could not read.
  public var unread: [String]
}

/// Suggests readings for Japanese names with MeCab (DESIGN: readings are suggested by an
/// analyzer and confirmed by a person; a suggestion is never taken silently).
///
/// How a name is read:
/// - a legal-entity form at the start or end (特定非営利活動法人, 株式会社, ㈱, …) is read by
///   the table the sort uses (`LegalForms`), never by the analyzer;
/// - the rest is split at spaces (kept in the reading) and each part analysed; a word with
///   kanji (or ヶ, ヵ) is read by the dictionary, any other word (kana, Latin letters,
///   digits, symbols) is kept as written: katakana become hiragana, Latin letters and
///   digits stay as they are (the collator places them, digits by value);
/// - the reading of MeCab's best analysis is the suggestion; other readings among its
///   `alternativesSearched` best analyses are alternatives.
public final class ReadingSuggester {
  public let mecab: MeCab
  /// How many of MeCab's best analyses are searched for alternatives.
  public var analysesSearched = 5
  /// At most this many alternatives are kept per name.
  public var maximumAlternatives = 3
  private let toFullwidth: Transliterator
  private let toHiragana: Transliterator
  private let forms: [(text: String, reading: String)]
  private var cache: [String: (readings: [String], unread: [String])] = [:]

  public init(mecab: MeCab) throws(LetterError) {
    self.mecab = mecab
    do {
      // Half-width katakana to full width first (only those: ASCII stays as it is).
      toFullwidth = try Transliterator(id: "[\\uFF61-\\uFF9F] Halfwidth-Fullwidth")
      // Katakana only: the long-vowel mark (script Common) stays as written (unfiltered,
      // ICU writes ピース as ぴいす), and so do spaces.
      toHiragana = try Transliterator(id: "[:Katakana:] Katakana-Hiragana")
    } catch {
      throw .input("ICU cannot turn katakana into hiragana: \(error)")
    }
    forms = LegalForms.standard.forms.map {
      (String(decoding: $0.text, as: UTF8.self), String(decoding: $0.reading, as: UTF8.self))
    }
  }

  /// The suggested reading of a name.
  public func suggest(_ name: String) -> ReadingSuggestion {
    let name = name.trimmingWhitespace
    var (prefix, body, suffix) = ("", Substring(name), "")
    for form in forms {
      if body.hasPrefix(form.text) {
        let rest = body.dropFirst(form.text.count)
        let kept = rest.drop(while: Self.isSpace)
        if kept.isEmpty { continue }
        prefix = form.reading + String(rest[..<kept.startIndex])
        body = kept
        break
      }
      if body.hasSuffix(form.text) {
        let rest = body.dropLast(form.text.count)
        var end = rest.endIndex
        while end > rest.startIndex, Self.isSpace(rest[rest.index(before: end)]) {
          end = rest.index(before: end)
        }
        if end == rest.startIndex { continue }
        suffix = String(rest[end...]) + form.reading
        body = rest[..<end]
        break
      }
    }
    // Parts between spaces, each read on its own; the spaces stay.
    var parts: [(text: Substring, space: Substring)] = []
    var i = body.startIndex
    while i < body.endIndex {
      let start = i
      while i < body.endIndex, !Self.isSpace(body[i]) { i = body.index(after: i) }
      let end = i
      while i < body.endIndex, Self.isSpace(body[i]) { i = body.index(after: i) }
      parts.append((body[start..<end], body[end..<i]))
    }
    var readings: [[String]] = []
    var unread: [String] = []
    for part in parts {
      let r = read(String(part.text))
      readings.append(r.readings)
      unread.append(contentsOf: r.unread)
    }
    guard unread.isEmpty else {
      return ReadingSuggestion(reading: nil, alternatives: [], unread: unread)
    }
    func join(_ choice: [String]) -> String {
      var text = prefix
      for (k, part) in parts.enumerated() { text += choice[k] + part.space }
      return toHiragana(toFullwidth(text + suffix))
    }
    let best = readings.map { $0[0] }
    let reading = join(best)
    var alternatives: [String] = []
    // One part at a time varies; the others keep their best reading.
    for (k, options) in readings.enumerated() {
      for option in options.dropFirst() {
        var choice = best
        choice[k] = option
        let text = join(choice)
        if text != reading && !alternatives.contains(text) { alternatives.append(text) }
      }
    }
    return ReadingSuggestion(
      reading: reading, alternatives: Array(alternatives.prefix(maximumAlternatives)), unread: [])
  }

  /// The distinct readings (katakana as the dictionary has them, the rest as written) of
  /// a part without spaces, best first; or the words no analysis could read.
  private func read(_ text: String) -> (readings: [String], unread: [String]) {
    if let known = cache[text] { return known }
    var result: (readings: [String], unread: [String])
    if !Self.needsDictionary(text) {
      result = ([text], [])
    } else {
      var readings: [String] = []
      var unread: [String]?
      for analysis in mecab.analyses(of: text, count: analysesSearched) {
        var reading = ""
        var missing: [String] = []
        for token in analysis {
          if Self.needsDictionary(token.surface) {
            if let r = token.reading { reading += r } else { missing.append(token.surface) }
          } else {
            reading += token.surface
          }
        }
        if missing.isEmpty {
          if !readings.contains(reading) { readings.append(reading) }
        } else if unread == nil {
          unread = missing
        }
      }
      result = readings.isEmpty ? ([], unread ?? [text]) : (readings, [])
    }
    cache[text] = result
    return result
  }

  /// Spaces (ASCII, ideographic), tabs and line breaks separate the parts of a name.
  private static func isSpace(_ c: Character) -> Bool { c.isWhitespace }

  /// Whether a word must be read by the dictionary: it has kanji (by ICU's script data),
  /// or ヶ/ヵ, which are read が, か, こ as the word says.
  static func needsDictionary(_ text: String) -> Bool {
    if text.unicodeScalars.contains(where: { $0 == "ヶ" || $0 == "ヵ" }) { return true }
    var text = text
    return text.withUTF8 { SignatorySorter.containsHan($0) }
  }
}
