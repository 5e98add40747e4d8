import Testing

@testable import LetterKit

/// The radix sort of sort keys against the comparison sort it replaced, and the sorter at
/// sizes that take its parallel paths against a plain comparison sort on ICU's keys.
@Suite("Sorting at scale")
struct SortAtScaleTests {
  /// A deterministic generator (xorshift), so a failure can be replayed.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(bound))
    }
  }

  /// Sorts keys both ways and returns the two orders of indices. Names (for ties) are
  /// given as UTF-8 strings, one per key.
  func bothOrders(_ keys: [[UInt8]], names: [[UInt8]]?) -> ([UInt32], [UInt32]) {
    let arena: [UInt8] = Array(keys.joined()) + [0]
    let nameBytes: [UInt8] = Array((names ?? []).joined()) + [0]
    var spans: [SortInput.Span] = []
    var at = 0
    for name in names ?? [] {
      spans.append(.init(start: Int32(at), count: Int32(name.count)))
      at += name.count
    }
    return arena.withUnsafeBufferPointer { a in
      nameBytes.withUnsafeBufferPointer { nb in
        spans.withUnsafeBufferPointer { sp in
          let tie =
            names == nil ? nil : SortEntry.Names(bytes: nb.baseAddress!, spans: sp.baseAddress!)
          var entries: [SortEntry] = []
          var offset = 0
          for (k, key) in keys.enumerated() {
            entries.append(SortEntry(key: a.baseAddress! + offset, length: key.count, index: k))
            offset += key.count
          }
          var merged = entries
          SortEntry.sort(&merged, names: tie)
          var radix = entries
          SortEntry.radixSort(&radix, names: tie)
          return (merged.map(\.index), radix.map(\.index))
        }
      }
    }
  }

  @Test(arguments: [(1, 200), (2, 5_000), (3, 70_000)])
  func radixOrderIsTheComparisonOrder(seed: UInt64, count: Int) {
    var random = Random(state: 0x9E37_79B9_7F4A_7C15 &* seed)
    // Few byte values and short keys: many equal keys, many keys that are prefixes of
    // others; some with a long common start (past the 8 bytes kept inline).
    let alphabet: [UInt8] = [0x01, 0x02, 0x7F, 0x80, 0xFF]
    var keys: [[UInt8]] = []
    for _ in 0..<count {
      var key: [UInt8] =
        random.next(4) == 0 ? Array(repeating: 0x42, count: 9 + random.next(6)) : []
      for _ in 0..<random.next(7) { key.append(alphabet[random.next(alphabet.count)]) }
      keys.append(key)
    }
    let (merged, radix) = bothOrders(keys, names: nil)
    #expect(merged == radix)
    // Equal keys broken by names, then index.
    let names = keys.indices.map { _ in Array("名\(random.next(5))".utf8) }
    let (mergedNamed, radixNamed) = bothOrders(keys, names: names)
    #expect(mergedNamed == radixNamed)
  }

  @Test func keysThatAreEachOthersPrefixesDoNotRecurseDeeply() {
    // x, xx, xxx, … (each 30 times): every level splits off one group.
    var keys: [[UInt8]] = []
    for length in 1...300 {
      for _ in 0..<30 { keys.append(Array(repeating: 0x78, count: length)) }
    }
    var random = Random(state: 42)
    for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, random.next(i + 1)) }
    let (merged, radix) = bothOrders(keys, names: nil)
    #expect(merged == radix)
    #expect(keys[Int(radix[0])].count == 1 && keys[Int(radix.last!)].count == 300)
  }

  /// The order the sorter promises, computed the plain way: ICU's key of the reading,
  /// then the quaternary key of the name, then the name's code points, then input order.
  func referenceOrder(_ rows: [(String, String)], options: CollatorOptions) throws -> [Int] {
    let collator = try Collator(locale: LocaleID("ja"), options: options)
    var tie = options
    tie.strength = .quaternary
    let tieBreaker = try Collator(locale: LocaleID("ja"), options: tie)
    let keyed = rows.enumerated().map { i, row in
      (i, collator.sortKey(row.1), tieBreaker.sortKey(row.0), Array(row.0.utf8))
    }
    return keyed.sorted { a, b in
      if a.1 != b.1 { return a.1.lexicographicallyPrecedes(b.1) }
      if a.2 != b.2 { return a.2.lexicographicallyPrecedes(b.2) }
      if a.3 != b.3 { return a.3.lexicographicallyPrecedes(b.3) }
      return a.0 < b.0
    }.map(\.0)
  }

  @Test(arguments: [(7, 3_000), (8, 120_000)])
  func sorterMatchesAPlainComparisonSort(seed: UInt64, count: Int) throws {
    var random = Random(state: 0xD1B5_4A32_D192_ED03 &* seed)
    // Readings from a few kana (many equal, some equal only at tertiary strength or
    // with punctuation ignored); names from a small pool with hiragana, katakana and
    // half-width forms, so tie groups hold anywhere from one to many names.
    let kana = ["か", "カ", "ｶ", "さ", "サ", "た", "は", "ば", "ぱ", "ー", "・", "っ", "つ"]
    let names = [
      "山田", "山田", "山⽥", "やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "ＹＡＭＡＤＡ", "Yamada", "山田 太郎", "山田　太郎",
      "佐藤", "さとう", "サトウ", "ｻﾄｳ", "斎藤", "齋藤", "齊藤", "高橋", "髙橋", "東海林", "京都YWCA",
    ]
    var rows: [(String, String)] = []
    for _ in 0..<count {
      var reading = ""
      for _ in 0..<(1 + random.next(count > 10_000 ? 6 : 3)) {
        reading += kana[random.next(kana.count)]
      }
      rows.append((names[random.next(names.count)], reading))
    }
    let options = CollatorOptions(ignorePunctuation: true, numeric: true)
    let policy = SortPolicy(
      locale: try LocaleID("ja"), collation: options, setAsideLegalForms: false)
    let result = try SignatorySorter(policy: policy).sort(
      names: rows.map(\.0), readings: rows.map(\.1))
    #expect(result.unplacedCount == 0)
    #expect(result.order == (try referenceOrder(rows, options: options)))
  }
}
