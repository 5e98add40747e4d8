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

  /// Keys for one part of the input, made on one thread. Each buffer is allocated once
  /// and never moves, so entries can point into it.
  private final class Chunk: @unchecked Sendable {
    var buffers: [UnsafeMutableBufferPointer<UInt8>] = []
    var entries: [SortEntry] = []
    var unplaced: [Int] = []

    deinit { for b in buffers { b.deallocate() } }
  }

  package func sort(_ input: SortInput) -> SortResult {
    let n = input.count
    let textBuffer = UnsafeMutableBufferPointerBox(UnsafeMutableBufferPointer<SortInput.Span>.allocate(capacity: max(n, 1)))
    defer { textBuffer.buffer.deallocate() }
    // The key of each member: its sort text's key, then its name's key at quaternary
    // strength (the tie-break: display name, hiragana before katakana). Two threads.
    let parts = Parallel.split(n, minimumPerPart: 50_000)
    let chunks = parts.map { _ in Chunk() }
    Parallel.forEach(parts.indices) { c in
      let chunk = chunks[c]
      chunk.entries.reserveCapacity(parts[c].count)
      var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
      chunk.buffers.append(buffer)
      var used = 0
      input.bytes.withUnsafeBufferPointer { all in
        for i in parts[c] {
          let text = sortText(i, input, all)
          textBuffer.buffer[i] = text
          let slice = UnsafeBufferPointer(rebasing: all[text.range])
          if !input.readings[i].isPresent && policy.needsReadingForHan && Self.containsHan(slice) {
            chunk.unplaced.append(i)
            continue
          }
          let name = UnsafeBufferPointer(rebasing: all[input.names[i].range])
          while true {
            let room = buffer.count - used
            let a = collator.writeSortKey(utf8: slice, into: buffer.baseAddress! + used, capacity: room)
            let b = a < room ? tieBreaker.writeSortKey(utf8: name, into: buffer.baseAddress! + used + a, capacity: room - a) : 0
            if a + b <= room && a < room {
              chunk.entries.append(SortEntry(key: buffer.baseAddress! + used, length: a + b, index: i))
              used += a + b
              break
            }
            // Full: a fresh buffer (the old one stays, entries point into it).
            buffer = .allocate(capacity: max(1 << 20, 2 * (a + b)))
            chunk.buffers.append(buffer)
            used = 0
          }
        }
      }
    }
    var entries: [SortEntry] = []
    entries.reserveCapacity(n)
    var unplaced: [Int] = []
    for chunk in chunks {
      entries.append(contentsOf: chunk.entries)
      chunk.entries = []
      unplaced.append(contentsOf: chunk.unplaced)
    }

    input.bytes.withUnsafeBufferPointer { all in
      input.names.withUnsafeBufferPointer { names in
        SortEntry.sort(&entries, names: SortEntry.Names(bytes: all.baseAddress!, spans: names.baseAddress!))
      }
    }
    withExtendedLifetime(chunks) {}

    var order = entries.map { Int($0.index) }
    order.append(contentsOf: unplaced)
    var headings: [IndexHeading]?
    if let buckets {
      headings = input.bytes.withUnsafeBufferPointer { all in
        entries.map { buckets.heading(for: UnsafeBufferPointer(rebasing: all[textBuffer.buffer[Int($0.index)].range])) }
      }
      headings!.append(contentsOf: repeatElement(IndexHeading(label: "?", kind: .unplaced), count: unplaced.count))
    }
    return SortResult(order: order, unplacedCount: unplaced.count, headings: headings)
  }

  /// What each member sorts by: its reading if it has one, else its name; with the
  /// legal-entity form set aside if the policy says so.
  @inline(__always)
  private func sortText(_ i: Int, _ input: SortInput, _ all: UnsafeBufferPointer<UInt8>) -> SortInput.Span {
    let nameSpan = input.names[i]
    let readingSpan = input.readings[i]
    guard policy.setAsideLegalForms else { return readingSpan.isPresent ? readingSpan : nameSpan }
    let name = UnsafeBufferPointer(rebasing: all[nameSpan.range])
    let reading = readingSpan.isPresent ? UnsafeBufferPointer(rebasing: all[readingSpan.range]) : nil
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
