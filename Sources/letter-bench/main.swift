// Benchmarks LetterKit against the C floors in scripts/bench (release build):
//   letter-bench messages [N]   formats N messages of mixed kinds (see
//                               scripts/bench/msgformat_cases.md), like msgformat_floor.
// Prints one line: `messages N chars <UTF-16 units> seconds <s>`.
//   letter-bench icu-diff FILE  formats every case of a fixture in the format of
//                               Tests/LetterKitTests/Fixtures/messageformat.json (made by
//                               scripts/icu-fixtures/gen_random.py) and compares with ICU's
//                               output: prints `N cases, N identical`, then each difference.
import Foundation
import LetterKit

#if canImport(Glibc)
  import Glibc
#endif

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func benchMessages(_ n: Int) throws {
  let cases: [(String, String)] = [
    ("en", "{n, plural, one {# signatory} other {# signatories}}"),
    ("ja", "{n, plural, other {#団体}}"),
    ("en", "{g, select, female {She signed} male {He signed} other {They signed}}"),
    ("ru", "{n, plural, one {# подпись} few {# подписи} many {# подписей} other {# подписи}}"),
    ("en", "{n, number, integer} organizations"),
    ("de", "{n, number} Euro"),
    ("en", "{d, date, long}"),
    ("ja", "{d, date, long}"),
  ]
  var formatters: [String: MessageFormatter] = [:]
  var compiled: [CompiledMessage] = []
  for (locale, pattern) in cases {
    let formatter = try formatters[locale] ?? MessageFormatter(locale: LocaleID(locale))
    formatters[locale] = formatter
    let (message, errors) = MessageParser.parse(pattern, map: SourceMap(file: "bench"))
    guard let message else { fatalError("\(errors)") }
    compiled.append(try formatter.compile(message))
  }
  let genders: [MessageValue] = ["female", "male", "other"]
  let start2025 = 20_089.0 * 86_400_000
  // The arguments are built before the clock starts: a letter builds its model once and
  // formats many messages with it (the C floor passes plain C values).
  var allArgs: [MessageValue] = []
  allArgs.reserveCapacity(n)
  for i in 0..<n {
    let args: MessageValue
    switch i % 8 {
    case 0, 1, 3: args = .map(["n": .number(Double(i % 100))])
    case 2: args = .map(["g": genders[i % 3]])
    case 4: args = .map(["n": .number(Double(i * 37))])
    case 5: args = .map(["n": .number(Double(i) * 1.25)])
    default:
      args = .map([
        "d": .date(CalendarDate(millisecondsSince1970: start2025 + Double(i % 365) * 86_400_000))
      ])
    }
    allArgs.append(args)
  }
  let t0 = now()
  var chars = 0
  for i in 0..<n {
    chars += try compiled[i % 8].format(allArgs[i]).utf8.count
  }
  let t1 = now()
  print("messages \(n) utf8 \(chars) seconds \((((t1 - t0) * 10000).rounded() / 10000))")
}

func icuDiff(_ path: String) throws {
  let data = try Data(contentsOf: URL(fileURLWithPath: path))
  guard let cases = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
    fatalError("\(path): not a JSON array of cases")
  }
  var formatters: [String: MessageFormatter] = [:]
  var same = 0
  var differences: [String] = []
  for c in cases {
    let id = c["id"] as? String ?? "?"
    let locale = c["locale"] as? String ?? ""
    let pattern = c["pattern"] as? String ?? ""
    let expected = c["expected"] as? String ?? ""
    // The arguments as JSON text (gen_random.py), or as an object (the hand-made fixture).
    let argsText: String
    if let text = c["args"] as? String {
      argsText = text
    } else {
      argsText = String(
        decoding: try JSONSerialization.data(withJSONObject: c["args"] ?? [:]), as: UTF8.self)
    }
    var got: String
    do {
      let formatter = try formatters[locale] ?? MessageFormatter(locale: LocaleID(locale))
      formatters[locale] = formatter
      let (message, diagnostics) = MessageParser.parse(
        pattern, map: SourceMap(file: id), followingICU: true)
      if let message {
        got = try formatter.compile(message).format(try MessageValue(json: argsText))
      } else {
        got = "error: " + diagnostics.map(\.message).joined(separator: "; ")
      }
    } catch {
      got = "error: \(error)"
    }
    if got == expected {
      same += 1
    } else {
      differences.append(
        "\(id) [\(locale)] \(pattern)\n  args     \(argsText)\n  ICU      \(expected)\n  LetterKit \(got)"
      )
    }
  }
  print("\(cases.count) cases, \(same) identical")
  for d in differences { print(d) }
}

let args = CommandLine.arguments
switch args.count > 1 ? args[1] : "" {
case "messages": try benchMessages(args.count > 2 ? Int(args[2]) ?? 100_000 : 100_000)
case "icu-diff" where args.count > 2: try icuDiff(args[2])
default:
  print("usage: letter-bench messages [N] | letter-bench icu-diff FILE")
  exit(2)
}
