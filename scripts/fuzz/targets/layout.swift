// Fuzz target: loading a template's Mustache layouts (letter.txt.mustache and locale
// overrides that inherit from it), the key scan `check` uses, and rendering.
//
// Input: up to three files separated by NUL bytes: letter.txt.mustache,
// letter.ja.txt.mustache, letter.de.txt.mustache (a missing part means no such file).
import Glibc

@testable import LetterKit

let folder = "\(scratchRoot)/template"
let names = ["letter.txt.mustache", "letter.ja.txt.mustache", "letter.de.txt.mustache"]
let layoutLocales = ["en", "ja", "de-AT"].map { try! LocaleID($0) }
let context: [String: LayoutValue] = [
  "locale": .text("ja"), "lang": .text("ja"), "date": .text("2025-04-23"),
  "recipient": .map(["name": .text("Ada & Co"), "address": .list([.text("line1"), .text("line2")])]),
  "groups": .list([
    .map([
      "id": .text("orgs"), "count": .number(2), "heading": .text("Organisations"),
      "members": .list([
        .map(["name": .text("Zed"), "index": .text("Z")]),
        .map(["name": .text("Amy"), "index": .text("A")]),
      ]),
    ]),
    .map(["id": .text("people"), "count": .number(0), "members": .list([]), "unnamed": .number(3)]),
  ]),
]

/// The letter's messages, as the renderer's lookup gives them to a layout. Catalog text is
/// the translator's: it may name a layout (`part`).
final class FuzzMessages: LayoutMessages {
  let messages = [
    "title": "共同要請書", "greeting": "<b>Dear</b> {name}", "common.closing": "敬具",
    "common.others": "and 3 more", "part": "letter.ja.txt",
  ]
  func contains(_ key: String) -> (isKey: Bool, isPrefix: Bool) {
    (messages[key] != nil, messages.keys.contains { $0.hasPrefix(key + ".") })
  }
  func text(of key: String, usedAt: SourceLocation) -> String? { messages[key] }
  func unknown(_ key: String, usedAt: SourceLocation) {}
}
let messages = FuzzMessages()

/// `run.sh` with SKIP_KNOWN=1: do not render layouts that may include or inherit
/// themselves, a known crash (issue 16, item 2), so that fuzzing can look past it; remove
/// once fixed. Conservative on purpose: a layout that names another at all (any text, not
/// only a `{{<…}}`/`{{>…}}` tag, since `LayoutSet.tags` can be fooled: see
/// regressions/layout) counts as including it.
let skipKnown = getenv("LETTER_FUZZ_SKIP_KNOWN") != nil

func includesItself(_ files: [ArraySlice<UInt8>]) -> Bool {
  let layoutNames = names.map { String($0.dropLast(".mustache".count)) }
  var edges: [String: [String]] = [:]
  for (k, bytes) in files.enumerated() {
    let text = String(decoding: bytes, as: UTF8.self)
    // A dynamic partial (`{{>*name}}`, `{{<*name}}`) may include any layout.
    let dynamic = text.contains(">*") || text.contains("<*")
    edges[layoutNames[k]] = layoutNames.filter { dynamic || text.contains($0) }
  }
  func reaches(_ from: String, _ target: String, _ seen: inout Set<String>) -> Bool {
    for next in edges[from] ?? [] {
      if next == target { return true }
      if seen.insert(next).inserted, reaches(next, target, &seen) { return true }
    }
    return false
  }
  return edges.keys.contains { name in
    var seen: Set<String> = []
    return reaches(name, name, &seen)
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayout(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  makeFolder(folder)
  let files = parts(data, size, limit: names.count)
  for (k, name) in names.enumerated() {
    if k < files.count {
      writeFile("\(folder)/\(name)", files[k])
    } else {
      unlink("\(folder)/\(name)")
    }
  }
  // What `check` does: read and check nesting only, then the keys each locale uses.
  if let checked = try? LayoutSet(directory: folder, format: .txt, compile: false) {
    for locale in layoutLocales { _ = checked.usedKeys(for: locale) }
    _ = checked.allUsedKeys
  }
  // What `render` does: parse and render each locale's layout (cycles are errors now).
  guard let layouts = try? LayoutSet(directory: folder, format: .txt) else { return 0 }
  if skipKnown, includesItself(files) { return 0 }
  for locale in layoutLocales { _ = layouts.render(context, locale: locale, messages: messages) }
  return 0
}
