import Testing

@testable import LetterKit

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("Robustness: arbitrary input never crashes")
struct RobustnessTests {
  @Test func messageParserAndFormatterOnRandomText() throws {
    let pieces = [
      "{", "}", "'", "''", "#", ",", " ", "n", "x", "plural", "select", "selectordinal", "other",
      "one", "=0",
      "offset:1", "number", "date", "::", "list", "a", "日本", "\n", "integer", "percent", "few",
    ]
    var rng = SplitMix(state: 20_250_423)
    let formatter = try MessageFormatter(locale: LocaleID("ru"))
    let args: MessageValue = ["n": 3, "x": "text", "date": "2025-04-23", "a": ["A", "B"]]
    var parsed = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 0..<24, using: &rng)
      let text = (0..<length).map { _ in pieces.randomElement(using: &rng)! }.joined()
      let (message, errors) = MessageParser.parse(text, map: SourceMap(file: "fuzz"))
      if let message {
        parsed += 1
        #expect(errors.isEmpty)
        if let compiled = try? formatter.compile(message) { _ = try? compiled.format(args) }
      } else {
        #expect(!errors.isEmpty)
        for e in errors { #expect(e.location?.column ?? 0 >= 1) }
      }
    }
    #expect(parsed > 1000)  // the generator makes valid messages too
  }

  @Test func csvReaderOnRandomBytes() {
    let pieces: [[UInt8]] = [
      [0x22], [0x2C], [0x0A], [0x0D, 0x0A], [0x61], [0xE3, 0x81, 0x82], [0x22, 0x22], [0x20],
    ]
    var rng = SplitMix(state: 42)
    for _ in 0..<20_000 {
      let length = Int.random(in: 0..<30, using: &rng)
      let bytes = (0..<length).flatMap { _ in pieces.randomElement(using: &rng)! }
      do {
        let table = try CSVTable.parse(bytes, file: "fuzz.csv")
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
      } catch {
        #expect(!error.diagnostics.isEmpty)
      }
    }
  }

  @Test func sorterOnRandomNames() throws {
    let pieces = [
      "あ", "ア", "ｱ", "ー", "っ", "゛", "漢", "A", "a", " ", "-", "株式会社", "The ", "1", "10", "「",
      "\u{3000}",
    ]
    var rng = SplitMix(state: 7)
    let sorter = try SignatorySorter(policy: SortPolicy(locale: LocaleID("ja")), headings: true)
    for _ in 0..<500 {
      let n = Int.random(in: 0..<60, using: &rng)
      let names = (0..<n).map { _ in
        (0..<Int.random(in: 0..<6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
          .joined()
      }
      let readings: [String?] = names.map { _ in Bool.random(using: &rng) ? nil : "よみ" }
      let result = sorter.sort(names: names, readings: readings)
      #expect(result.order.sorted() == Array(0..<n))  // a permutation of the input
      #expect(result.headings?.count == n)
      // Sorting again gives the same order (ties are decided, never by chance).
      #expect(sorter.sort(names: names, readings: readings).order == result.order)
    }
  }
}
