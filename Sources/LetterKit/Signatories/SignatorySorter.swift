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
    let n = input.count
    var texts = [SortInput.Span](repeating: .none, count: n)
    var hashes = [UInt64](repeating: 0, count: n)
    var placed = [Bool](repeating: true, count: n)
    let parts = Parallel.split(n, minimumPerPart: 50_000)

    // 1. What each member sorts by, and a hash of it (two threads).
    input.bytes.withUnsafeBufferPointer { all in
      texts.withUnsafeMutableBufferPointer { t in
        hashes.withUnsafeMutableBufferPointer { h in
          placed.withUnsafeMutableBufferPointer { p in
            let (t, h, p) = (
              UnsafeMutableBufferPointerBox(t), UnsafeMutableBufferPointerBox(h),
              UnsafeMutableBufferPointerBox(p)
            )
            let all = UncheckedSendable(all)
            Parallel.forEach(parts.indices) { c in
              for i in parts[c] {
                let text = sortText(i, input, all.value)
                let slice = UnsafeBufferPointer(rebasing: all.value[text.range])
                t.buffer[i] = text
                h.buffer[i] = Self.hash(slice)
                if !input.readings[i].isPresent && policy.needsReadingForHan
                  && Self.containsHan(slice)
                {
                  p.buffer[i] = false
                }
              }
            }
          }
        }
      }
    }

    // 2. Distinct sort texts: a key is made once per distinct text, not once per member.
    let (distinctOf, representatives) = input.bytes.withUnsafeBufferPointer { all in
      Self.distinct(texts: texts, hashes: hashes, placed: placed, bytes: all)
    }

    // 3. Keys of the distinct texts, sorted; equal keys share a rank.
    let textKeys = KeyStore(collator: collator, count: representatives.count)
    input.bytes.withUnsafeBufferPointer { all in
      textKeys.make(representatives.count) {
        UnsafeBufferPointer(rebasing: all[texts[representatives[$0]].range])
      }
    }
    var sortedTexts = textKeys.entries
    SortEntry.sort(&sortedTexts, names: nil)
    var rank = [Int32](repeating: 0, count: representatives.count)
    var ranks = 0
    for (k, e) in sortedTexts.enumerated() {
      if k > 0 && SortEntry.compareKeys(sortedTexts[k - 1], e) != 0 { ranks += 1 }
      rank[Int(e.index)] = Int32(ranks)
    }
    ranks += sortedTexts.isEmpty ? 0 : 1

    // 4. Members by rank, in input order within a rank (a counting sort).
    var start = [Int](repeating: 0, count: ranks + 1)
    for i in 0..<n where placed[i] { start[Int(rank[Int(distinctOf[i])]) + 1] += 1 }
    for r in 0..<ranks { start[r + 1] += start[r] }
    var order = [Int](repeating: 0, count: start[ranks])
    var next = start
    var unplaced: [Int] = []
    for i in 0..<n {
      guard placed[i] else {
        unplaced.append(i)
        continue
      }
      let r = Int(rank[Int(distinctOf[i])])
      order[next[r]] = i
      next[r] += 1
    }

    // 5. Members that tie: by display name (its quaternary key, so さくら < サクラ; then
    // its code points, so サクラ < ｻｸﾗ: the identical level's order), then input order.
    breakTies(&order, groups: start, input: input)

    var headings: [IndexHeading]?
    if let buckets {
      let headingOfText = input.bytes.withUnsafeBufferPointer { all in
        representatives.map {
          buckets.heading(for: UnsafeBufferPointer(rebasing: all[texts[$0].range]))
        }
      }
      headings = order.map { headingOfText[Int(distinctOf[$0])] }
      headings!.append(
        contentsOf: repeatElement(IndexHeading(label: "?", kind: .unplaced), count: unplaced.count))
    }
    order.append(contentsOf: unplaced)
    return SortResult(order: order, unplacedCount: unplaced.count, headings: headings)
  }

  /// Sorts each group of members with equal keys (`groups[r]..<groups[r+1]` in `order`)
  /// by their names' tie-break keys; groups are shared out between threads.
  private func breakTies(_ order: inout [Int], groups: [Int], input: SortInput) {
    var tied: [Range<Int>] = []
    var members = 0
    for r in 0..<(groups.count - 1) where groups[r + 1] - groups[r] > 1 {
      tied.append(groups[r]..<groups[r + 1])
      members += groups[r + 1] - groups[r]
    }
    guard !tied.isEmpty else { return }
    // Two shares of about equal size.
    var shares: [ArraySlice<Range<Int>>] = [tied[...]]
    if members >= 20_000 && Parallel.activeCores > 1 {
      var split = 0
      var count = 0
      while split < tied.count && count * 2 < members {
        count += tied[split].count
        split += 1
      }
      shares = [tied[..<split], tied[split...]]
    }
    let shared = shares
    order.withUnsafeMutableBufferPointer { buffer in
      let order = UnsafeMutableBufferPointerBox(buffer)
      input.bytes.withUnsafeBufferPointer { bytes in
        let all = UncheckedSendable(bytes)
        input.names.withUnsafeBufferPointer { nameSpans in
          let names = SortEntry.Names(bytes: bytes.baseAddress!, spans: nameSpans.baseAddress!)
          Parallel.forEach(shared.indices) { s in
            let keys = KeyStore(collator: tieBreaker, count: 0)
            for group in shared[s] {
              keys.reset()
              keys.make(group.count) { k in
                UnsafeBufferPointer(
                  rebasing: all.value[input.names[order.buffer[group.lowerBound + k]].range])
              }
              keys.withEntries { entries in
                for k in entries.indices {
                  entries[k].index = UInt32(order.buffer[group.lowerBound + Int(entries[k].index)])
                }
                SortEntry.sort(&entries, names: names)
                for (k, e) in entries.enumerated() {
                  order.buffer[group.lowerBound + k] = Int(e.index)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Groups members by their sort text's bytes: for each member, the number of its
  /// distinct text; and for each distinct text, one member that has it.
  private static func distinct(
    texts: [SortInput.Span], hashes: [UInt64], placed: [Bool], bytes: UnsafeBufferPointer<UInt8>
  ) -> ([Int32], [Int]) {
    var capacity = 16
    while capacity < texts.count * 2 { capacity <<= 1 }
    let mask = UInt64(capacity - 1)
    var slots = [Int32](repeating: -1, count: capacity)
    var distinctOf = [Int32](repeating: -1, count: texts.count)
    var representatives: [Int] = []
    for i in texts.indices where placed[i] {
      let h = hashes[i]
      var position = Int(h & mask)
      while true {
        let slot = slots[position]
        if slot < 0 {
          slots[position] = Int32(i)
          distinctOf[i] = Int32(representatives.count)
          representatives.append(i)
          break
        }
        let j = Int(slot)
        if hashes[j] == h && texts[j].count == texts[i].count
          && memcmp(
            bytes.baseAddress! + Int(texts[j].start), bytes.baseAddress! + Int(texts[i].start),
            Int(texts[i].count)) == 0
        {
          distinctOf[i] = distinctOf[j]
          break
        }
        position = (position + 1) & Int(mask)
      }
    }
    return (distinctOf, representatives)
  }

  /// FNV-1a, 64 bits.
  @inline(__always)
  private static func hash(_ s: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h
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
