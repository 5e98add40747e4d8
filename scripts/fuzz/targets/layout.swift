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
let context: [String: Any] = [
  "locale": "ja", "lang": "ja", "date": "2025-04-23",
  "t": [
    "title": "共同要請書", "greeting": "<b>Dear</b> {name}",
    "common": ["closing": "敬具", "others": "and 3 more"],
    // Catalog text is the translator's: it may name a layout, which a dynamic partial
    // (`{{>*t.part}}`) then includes.
    "part": "letter.ja.txt",
  ] as [String: Any],
  "recipient": ["name": "Ada & Co", "address": ["line1", "line2"]] as [String: Any],
  "groups": [
    [
      "id": "orgs", "count": 2, "heading": "Organisations",
      "members": [["name": "Zed", "index": "Z"], ["name": "Amy", "index": "A"]],
    ] as [String: Any],
    ["id": "people", "count": 0, "members": [[String: String]](), "unnamed": 3] as [String: Any],
  ],
]

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
  // What `render` does: compile with swift-mustache and render each locale's layout.
  guard let layouts = try? LayoutSet(directory: folder, format: .txt) else { return 0 }
  if skipKnown, includesItself(files) { return 0 }
  for locale in layoutLocales { _ = layouts.render(context, locale: locale) }
  return 0
}
