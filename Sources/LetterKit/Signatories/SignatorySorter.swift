import CICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sorts names the way a language sorts them (DESIGN.md, Sorting).
///
/// The collation key of a member is its reading if it has one, else its name, with a
/// legal-entity form set aside when the policy says so. Keys are ICU sort keys, made
/// once per member and compared as bytes. Ties go to the display name (compared at
/// identical strength, so さくら, サクラ and ｻｸﾗ always come out in the same order),
/// then to input order. In Japanese a name with kanji and no reading cannot be placed:
/// it goes to a last group, in input order.
///
/// Construct once (it opens ICU collators), then sort many lists.
public final class SignatorySorter: @unchecked Sendable {
  public let policy: SortPolicy
  private let collator: Collator
  private let tieBreaker: Collator
  private let legalForms = LegalForms.standard
  private let buckets: IndexBuckets?
  private static let han = licu_script_code("Hani")

  /// - Parameter headings: also work out each member's index heading.
  public init(policy: SortPolicy, headings: Bool = false) throws(LocaleError) {
    self.policy = policy
    self.collator = try Collator(locale: policy.locale, options: policy.collation)
    var tie = policy.collation
    tie.strength = .quaternary
    self.tieBreaker = try Collator(locale: policy.locale, options: tie)
    self.buckets =
      headings ? try IndexBuckets(locale: policy.locale, latin: policy.collation.latin) : nil
  }

  /// Sorts names with optional readings (nil: none).
  public func sort(names: [String], readings: [String?]) -> SortResult {
    var input = SortInput()
    for (i, name) in names.enumerated() {
      input.append(name: name, reading: i < readings.count ? readings[i] : nil)
    }
    return sort(input)
  }

  package func sort(_ input: SortInput) -> SortResult {
    input.bytes.withUnsafeBufferPointer { all in
      input.names.withUnsafeBufferPointer { names in sort(input, all: all, names: names) }
    }
  }

  private func sort(
    _ input: SortInput, all: UnsafeBufferPointer<UInt8>, names: UnsafeBufferPointer<SortInput.Span>
  ) -> SortResult {
    let n = input.count
    // 1. What each member sorts by and a hash of it (on every core). A member that cannot
    // be placed gets no text.
    var texts = [SortInput.Span](repeating: .none, count: n)
    var hashes = [UInt32](repeating: 0, count: n)
    let parts = Parallel.split(n, minimumPerPart: 50_000)
    texts.withUnsafeMutableBufferPointer { t in
      hashes.withUnsafeMutableBufferPointer { h in
        let (t, h, all) = (
          UnsafeMutableBufferPointerBox(t), UnsafeMutableBufferPointerBox(h), UncheckedSendable(all)
        )
        Parallel.forEach(parts.indices) { c in
          for i in parts[c] {
            let text = sortText(i, input, all.value)
            let slice = UnsafeBufferPointer(rebasing: all.value[text.range])
            if !input.readings[i].isPresent && policy.needsReadingForHan
              && Self.containsHan(slice)
            {
              continue
            }
            t.buffer[i] = text
            h.buffer[i] = Self.hash(slice)
          }
        }
      }
    }

    // 2. Distinct sort texts: a key is made once per distinct text, not once per member.
    // `rank` is first each member's distinct text (-1: not placed), then its rank.
    var (rank, textSpans) = Self.distinct(spans: texts, hashes: hashes, bytes: all)
    texts = []
    hashes = []

    // 3. Keys of the distinct texts, sorted; equal keys share a rank.
    var rankOfText = [Int32](repeating: 0, count: textSpans.count)
    var ranks = 0
    do {
      let keys = KeyStore(collator: collator)
      keys.make(textSpans.count) { UnsafeBufferPointer(rebasing: all[textSpans[$0].range]) }
      keys.withEntries { sorted in
        SortEntry.radixSort(&sorted, names: nil)
        for (k, e) in sorted.enumerated() {
          if k > 0 && SortEntry.compareKeys(sorted[k - 1], e) != 0 { ranks += 1 }
          rankOfText[Int(e.index)] = Int32(ranks)
        }
        ranks += sorted.isEmpty ? 0 : 1
      }
    }
    // Headings (if asked for): each distinct text's, and each member's text.
    var headingOfText: [IndexHeading] = []
    var textOf: [Int32] = []
    if let buckets {
      headingOfText = textSpans.map {
        buckets.heading(for: UnsafeBufferPointer(rebasing: all[$0.range]))
      }
      textOf = rank
    }
    textSpans = []

    // 4. Members by rank, in input order within a rank (a counting sort).
    var start = [Int](repeating: 0, count: ranks + 1)
    var unplaced: [Int] = []
    for i in 0..<n {
      let text = rank[i]
      if text < 0 {
        unplaced.append(i)
        continue
      }
      let r = rankOfText[Int(text)]
      rank[i] = r
      start[Int(r) + 1] += 1
    }
    rankOfText = []
    for r in 0..<ranks { start[r + 1] += start[r] }
    var order = [Int](unsafeUninitializedCapacity: start[ranks] + unplaced.count) { buffer, count in
      var next = start
      for i in 0..<n where rank[i] >= 0 {
        let r = Int(rank[i])
        buffer[next[r]] = i
        next[r] += 1
      }
      count = start[ranks]
    }
    rank = []

    // 5. Members that tie: by display name (its quaternary key, so さくら < サクラ; then
    // its code points, so サクラ < ｻｸﾗ: the identical level's order), then input order.
    breakTies(&order, groups: start, all: all, names: names)

    var headings: [IndexHeading]?
    if buckets != nil {
      headings = order.map { headingOfText[Int(textOf[$0])] }
      headings!.append(
        contentsOf: repeatElement(IndexHeading(label: "?", kind: .unplaced), count: unplaced.count))
    }
    order.append(contentsOf: unplaced)
    return SortResult(order: order, unplacedCount: unplaced.count, headings: headings)
  }

  /// Sorts each group of members of equal rank (`groups[r]..<groups[r+1]` in `order`, in
  /// input order) by name: equal names stay together in input order; a key is made only
  /// for each distinct name of a group that has more than one. The ranks are shared out
  /// between threads by members.
  private func breakTies(
    _ order: inout [Int], groups: [Int], all: UnsafeBufferPointer<UInt8>,
    names: UnsafeBufferPointer<SortInput.Span>
  ) {
    let ranks = groups.count - 1
    guard ranks > 0 else { return }
    let total = groups[ranks]
    let threads = total >= 50_000 ? Parallel.activeCores : 1
    // Rank ranges with about equal numbers of members.
    var cuts = [0]
    for t in 1..<threads {
      var r = cuts.last!
      while r < ranks && groups[r] < total * t / threads { r += 1 }
      cuts.append(r)
    }
    cuts.append(ranks)
    let bounds = cuts
    let tieBreaker = self.tieBreaker
    order.withUnsafeMutableBufferPointer { buffer in
      let (order, all, names) = (
        UnsafeMutableBufferPointerBox(buffer), UncheckedSendable(all), UncheckedSendable(names)
      )
      Parallel.forEach(0..<threads) { t in
        var ties = TieBreak(tieBreaker: tieBreaker, all: all.value, names: names.value)
        for r in bounds[t]..<bounds[t + 1] where groups[r + 1] - groups[r] > 1 {
          ties.sort(UnsafeMutableBufferPointer(rebasing: order.buffer[groups[r]..<groups[r + 1]]))
        }
        ties.arena.free()
      }
    }
  }

  /// One thread's tie-breaking, with buffers kept from group to group.
  private struct TieBreak {
    let tieBreaker: Collator
    let all: UnsafeBufferPointer<UInt8>
    let names: UnsafeBufferPointer<SortInput.Span>
    /// The group's members with the hashes of their names.
    var members: [(hash: UInt32, member: Int)] = []
    /// Each distinct name: its key, where its members start in `members`, how many.
    var distinct: [(entry: SortEntry, start: Int, count: Int)] = []
    var arena = KeyStore.Arena()

    init(
      tieBreaker: Collator, all: UnsafeBufferPointer<UInt8>,
      names: UnsafeBufferPointer<SortInput.Span>
    ) {
      self.tieBreaker = tieBreaker
      self.all = all
      self.names = names
    }

    @inline(__always)
    func name(_ member: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: all[names[member].range])
    }

    @inline(__always)
    func sameName(_ a: Int, _ b: Int) -> Bool {
      let (x, y) = (names[a], names[b])
      return x.count == y.count
        && (x.count == 0
          || memcmp(all.baseAddress! + Int(x.start), all.baseAddress! + Int(y.start), Int(x.count))
            == 0)
    }

    /// Whether one name comes before another (different) one: by the tie-breaking
    /// collator, then by code points.
    @inline(__always)
    func nameLess(_ a: Int, _ b: Int) -> Bool {
      switch tieBreaker.compare(utf8: name(a), name(b)) {
      case .ascending: return true
      case .descending: return false
      case .same:
        let (x, y) = (names[a], names[b])
        let c = memcmp(
          all.baseAddress! + Int(x.start), all.baseAddress! + Int(y.start),
          Int(min(x.count, y.count)))
        return c != 0 ? c < 0 : x.count < y.count
      }
    }

    /// Sorts one group (in input order) by name, then input order.
    mutating func sort(_ group: UnsafeMutableBufferPointer<Int>) {
      // One name only (the usual case): input order is the order.
      let first = group[0]
      var one = true
      for m in group.dropFirst() where !sameName(first, m) {
        one = false
        break
      }
      if one { return }
      // Equal names next to each other, in input order.
      members.removeAll(keepingCapacity: true)
      for m in group { members.append((SignatorySorter.hash(name(m)), m)) }
      let (all, names) = (all, names)
      members.sort { a, b in
        if a.hash != b.hash { return a.hash < b.hash }
        let (x, y) = (names[a.member], names[b.member])
        let c = memcmp(
          all.baseAddress! + Int(x.start), all.baseAddress! + Int(y.start),
          Int(min(x.count, y.count)))
        if c != 0 { return c < 0 }
        if x.count != y.count { return x.count < y.count }
        return a.member < b.member
      }
      // The distinct names.
      distinct.removeAll(keepingCapacity: true)
      var k = 0
      while k < members.count {
        var end = k + 1
        while end < members.count && members[end].hash == members[k].hash
          && sameName(members[end].member, members[k].member)
        {
          end += 1
        }
        let first = members[k].member
        distinct.append((SortEntry(key: all.baseAddress!, length: 0, index: first), k, end - k))
        k = end
      }
      let spans = SortEntry.Names(bytes: all.baseAddress!, spans: names.baseAddress!)
      if distinct.count <= 8 {
        // A few names: compared by the collator (what comparing their keys would say,
        // sooner: it stops at the first difference), then by code points.
        for i in 1..<distinct.count {
          let x = distinct[i]
          var j = i
          while j > 0 && nameLess(Int(x.entry.index), Int(distinct[j - 1].entry.index)) {
            distinct[j] = distinct[j - 1]
            j -= 1
          }
          distinct[j] = x
        }
      } else {
        // Many: a key each, then sorted by key, then code points.
        arena.reset()
        for d in distinct.indices {
          let member = Int(distinct[d].entry.index)
          distinct[d].entry = arena.append(name(member), index: member, collator: tieBreaker)
        }
        distinct.sort { SortEntry.less($0.entry, $1.entry, spans) }
      }
      var position = 0
      for d in distinct {
        for s in d.start..<d.start + d.count {
          group[position] = members[s].member
          position += 1
        }
      }
    }
  }

  /// Groups the members by the bytes of their texts (members without a text are left
  /// out): for each member, the number of its distinct text (-1: none); and each distinct
  /// text. Each thread takes the members whose hashes fall in its part; the hash tables
  /// grow with the distinct texts found.
  private static func distinct(
    spans: [SortInput.Span], hashes: [UInt32], bytes: UnsafeBufferPointer<UInt8>
  ) -> ([Int32], [SortInput.Span]) {
    let n = spans.count
    let partitions = n >= 100_000 ? Parallel.activeCores : 1
    @Sendable @inline(__always) func partition(_ h: UInt32) -> Int {
      Int((UInt64(h) &* UInt64(partitions)) >> 32)
    }
    var ids = [Int32](repeating: -1, count: n)
    let found = (0..<partitions).map { _ in Found() }
    spans.withUnsafeBufferPointer { spans in
      hashes.withUnsafeBufferPointer { hashes in
        ids.withUnsafeMutableBufferPointer { idsBuffer in
          let (ids, spans, hashes, bytes) = (
            UnsafeMutableBufferPointerBox(idsBuffer), UncheckedSendable(spans),
            UncheckedSendable(hashes), UncheckedSendable(bytes)
          )
          Parallel.forEach(0..<partitions) { p in
            let (spans, hashes, base) = (spans.value, hashes.value, bytes.value.baseAddress)
            // A slot: the hash (high half) and the distinct text's number (low half); all
            // ones: empty. At most half full.
            var table = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 1 << 12)
            table.initialize(repeating: .max)
            defer { table.deallocate() }
            var texts: [SortInput.Span] = []
            for i in 0..<n where spans[i].isPresent {
              let h = hashes[i]
              guard partition(h) == p else { continue }
              var mask = table.count - 1
              var position = Int(h) & mask
              while true {
                let slot = table[position]
                if slot == .max {
                  table[position] = UInt64(h) << 32 | UInt64(texts.count)
                  ids.buffer[i] = Int32(texts.count)
                  texts.append(spans[i])
                  if texts.count * 2 > table.count {
                    let old = table
                    table = .allocate(capacity: old.count * 2)
                    table.initialize(repeating: .max)
                    mask = table.count - 1
                    for s in old where s != .max {
                      var q = Int(s >> 32) & mask
                      while table[q] != .max { q = (q + 1) & mask }
                      table[q] = s
                    }
                    old.deallocate()
                  }
                  break
                }
                let d = texts[Int(UInt32(truncatingIfNeeded: slot))]
                if UInt32(truncatingIfNeeded: slot >> 32) == h && d.count == spans[i].count
                  && (d.count == 0
                    || memcmp(base! + Int(d.start), base! + Int(spans[i].start), Int(d.count)) == 0)
                {
                  ids.buffer[i] = Int32(truncatingIfNeeded: slot)
                  break
                }
                position = (position + 1) & mask
              }
            }
            found[p].texts = texts
          }
        }
      }
    }
    guard partitions > 1 else { return (ids, found[0].texts) }
    var offsets = [Int32](repeating: 0, count: partitions)
    for p in 1..<partitions { offsets[p] = offsets[p - 1] + Int32(found[p - 1].texts.count) }
    for i in 0..<n where ids[i] >= 0 { ids[i] += offsets[partition(hashes[i])] }
    return (ids, found.flatMap(\.texts))
  }

  private final class Found: @unchecked Sendable {
    var texts: [SortInput.Span] = []
  }

  /// FNV-1a, 64 bits, folded to 32.
  @inline(__always)
  fileprivate static func hash(_ s: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return UInt32(truncatingIfNeeded: h ^ h >> 32)
  }

  /// What each member sorts by: its reading if it has one, else its name; with the
  /// legal-entity form set aside if the policy says so.
  @inline(__always)
  private func sortText(_ i: Int, _ input: SortInput, _ all: UnsafeBufferPointer<UInt8>)
    -> SortInput.Span
  {
    let nameSpan = input.names[i]
    let readingSpan = input.readings[i]
    guard policy.setAsideLegalForms else { return readingSpan.isPresent ? readingSpan : nameSpan }
    let name = UnsafeBufferPointer(rebasing: all[nameSpan.range])
    let reading =
      readingSpan.isPresent ? UnsafeBufferPointer(rebasing: all[readingSpan.range]) : nil
    let kept = legalForms.setAside(name: name, reading: reading)
    if readingSpan.isPresent, let r = kept.reading {
      return .init(start: readingSpan.start + Int32(r.lowerBound), count: Int32(r.count))
    }
    return .init(start: nameSpan.start + Int32(kept.name.lowerBound), count: Int32(kept.name.count))
  }

  /// Whether UTF-8 text contains a Han character (kanji, 々), by ICU's script data.
  package static func containsHan(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < s.count {
      let b = s[i]
      if b < 0xE0 {
        i += b < 0x80 ? 1 : 2
        continue
      }
      var scalar: UInt32
      if b < 0xF0 {
        guard i + 2 < s.count else { return false }
        scalar = UInt32(b & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
        i += 3
      } else {
        guard i + 3 < s.count else { return false }
        scalar = UInt32(b & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12
        scalar |= UInt32(s[i + 2] & 0x3F) << 6 | UInt32(s[i + 3] & 0x3F)
        i += 4
      }
      if scalar >= 0x2E80 && licu_script_of(scalar) == han { return true }
    }
    return false
  }
}
