// Fuzz target: loading a catalog (YAML) from a Locales folder, then parsing each of its
// messages with the source map that places errors back in the YAML file.
//
// Input: the bytes of `Locales/ja.yaml`.
@testable import LetterKit

let locales = "\(scratchRoot)/Locales"
let japanese = try! LocaleID("ja")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  makeFolder(locales)
  writeFile("\(locales)/ja.yaml", UnsafeBufferPointer(start: data, count: size))
  do {
    let catalog = try Catalog.load(japanese, from: locales)
    check(catalog.keys.count == catalog.messages.count, "keys and messages differ")
    for key in catalog.keys {
      let (message, errors) = catalog[key]!.parse()
      check((message == nil) != errors.isEmpty, "parse: message and errors disagree")
      for e in errors { check(e.location != nil, "an error without a place") }
    }
  } catch {
    check(!error.diagnostics.isEmpty, "an error without a diagnostic")
  }
  return 0
}
