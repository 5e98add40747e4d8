// Fuzz target: the ICU MessageFormat parser, and the formatter on what parses.
//
// Input: a message in UTF-8. An optional first line `@<locale tag>` picks the locale
// (default `en`); the tag goes through LocaleID's own checks.
@testable import LetterKit

nonisolated(unsafe) var formatters: [String: MessageFormatter] = [:]

func formatter(_ tag: String) -> MessageFormatter? {
  if let f = formatters[tag] { return f }
  guard let locale = try? LocaleID(tag), let f = try? MessageFormatter(locale: locale) else {
    return nil
  }
  if formatters.count > 64 { formatters.removeAll() }
  formatters[tag] = f
  return f
}

let date = CalendarDate(iso: "2025-04-23")!
let argumentSets: [MessageValue] = [0, 1, 2, 5, 21, 1.5, -3, 1e300].map { n in
  [
    "n": .number(n), "count": .number(n), "x": "text", "s": "other", "gender": "female",
    "d": .date(date), "a": ["A", "B", "C"], "empty": [],
    "r": ["name": "Ada", "n": .number(n)], "0": .number(n), "1": "one",
  ]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  var source = text(data, size)
  var tag = "en"
  if source.hasPrefix("@") {
    let line = source.prefix { $0 != "\n" }
    tag = String(line.dropFirst())
    source = String(source.dropFirst(line.count + 1))
  }
  let map = SourceMap(file: "fuzz.yaml", line: 3, column: 7)
  let (message, errors) = MessageParser.parse(source, map: map, key: "k")
  guard let message else {
    check(!errors.isEmpty, "no message and no error")
    return 0
  }
  check(errors.isEmpty, "a message and errors")
  guard let f = formatter(tag), let compiled = try? f.compile(message, key: "k") else { return 0 }
  for arguments in argumentSets { _ = try? compiled.format(arguments) }
  return 0
}
