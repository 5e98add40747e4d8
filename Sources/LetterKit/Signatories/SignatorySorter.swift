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
    tie.strength = .identical
    self.tieBreaker = try Collator(locale: policy.locale, options: tie)
    self.buckets = headings ? try IndexBuckets(locale: policy.locale, latin: policy.collation.latin) : nil
  }

  /// Sorts names with optional readings (nil: none).
  public func sort(names: [String], readings: [String?]) -> SortResult {
    var input = SortInput()
    for (i, name) in names.enumerated() {
      input.append(name: name, reading: i < readings.count ? readings[i] : nil)
    }
    return sort(input)
  }

  private struct Entry {
    var offset: UInt32
    var length: UInt32
    var index: UInt32
  }

  package func sort(_ input: SortInput) -> SortResult {
    let n = input.count
    var keys = [UInt8](repeating: 0, count: max(n * 32, 256))
    var used = 0
    var entries: [Entry] = []
    entries.reserveCapacity(n)
    var unplaced: [Int] = []
    var texts = [SortInput.Span](repeating: .none, count: buckets == nil ? 0 : n)

    input.bytes.withUnsafeBufferPointer { all in
      for i in 0..<n {
        let nameSpan = input.names[i]
        let readingSpan = input.readings[i]
        var text = readingSpan.isPresent ? readingSpan : nameSpan
        if policy.setAsideLegalForms {
          let name = UnsafeBufferPointer(rebasing: all[nameSpan.range])
          let reading = readingSpan.isPresent ? UnsafeBufferPointer(rebasing: all[readingSpan.range]) : nil
          let kept = legalForms.setAside(name: name, reading: reading)
          if readingSpan.isPresent, let r = kept.reading {
            text = .init(start: readingSpan.start + Int32(r.lowerBound), count: Int32(r.count))
          } else if !readingSpan.isPresent {
            text = .init(start: nameSpan.start + Int32(kept.name.lowerBound), count: Int32(kept.name.count))
          }
        }
        let slice = UnsafeBufferPointer(rebasing: all[text.range])
        if !readingSpan.isPresent && policy.needsReadingForHan && Self.containsHan(slice) {
          unplaced.append(i)
          continue
        }
        if buckets != nil { texts[i] = text }
        if keys.count - used < 1024 { keys.append(contentsOf: repeatElement(0, count: keys.count)) }
        let length = collator.appendSortKey(utf8: slice, to: &keys, at: used)
        entries.append(Entry(offset: UInt32(used), length: UInt32(length), index: UInt32(i)))
        used += length
      }
    }

    keys.withUnsafeBufferPointer { kb in
      let base = kb.baseAddress!
      entries.sort { a, b in
        let c = memcmp(base + Int(a.offset), base + Int(b.offset), Int(min(a.length, b.length)))
        if c != 0 { return c < 0 }
        if a.length != b.length { return a.length < b.length }
        return a.index < b.index
      }
      breakTies(&entries, keys: base, input: input)
    }

    var order = entries.map { Int($0.index) }
    order.append(contentsOf: unplaced)
    var headings: [IndexHeading]?
    if let buckets {
      headings = input.bytes.withUnsafeBufferPointer { all in
        entries.map { buckets.heading(for: UnsafeBufferPointer(rebasing: all[texts[Int($0.index)].range])) }
      }
      headings!.append(contentsOf: repeatElement(IndexHeading(label: "?", kind: .unplaced), count: unplaced.count))
    }
    return SortResult(order: order, unplacedCount: unplaced.count, headings: headings)
  }

  /// Within each run of equal keys: display name at identical strength, then input order.
  private func breakTies(_ entries: inout [Entry], keys: UnsafePointer<UInt8>, input: SortInput) {
    var start = 0
    while start < entries.count {
      var end = start + 1
      let first = entries[start]
      while end < entries.count, entries[end].length == first.length,
        memcmp(keys + Int(first.offset), keys + Int(entries[end].offset), Int(first.length)) == 0
      {
        end += 1
      }
      if end - start > 1 {
        input.bytes.withUnsafeBufferPointer { all in
          entries[start..<end].sort { a, b in
            let na = UnsafeBufferPointer(rebasing: all[input.names[Int(a.index)].range])
            let nb = UnsafeBufferPointer(rebasing: all[input.names[Int(b.index)].range])
            switch tieBreaker.compare(utf8: na, nb) {
            case .ascending: return true
            case .descending: return false
            case .same: return a.index < b.index
            }
          }
        }
      }
      start = end
    }
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
