/// Collation keys for many strings, made on as many threads as there are cores when there
/// are many: each thread writes its keys one after another into its own arena (blocks of
/// at least a megabyte that never move, since entries point into them), and its entries
/// straight into their places in one array. No allocation per key.
final class KeyStore: @unchecked Sendable {
  let collator: Collator
  /// Entry k is the key of string k (index k).
  private(set) var entries: [SortEntry] = []
  private var blocks: [UnsafeMutableBufferPointer<UInt8>] = []

  init(collator: Collator) { self.collator = collator }

  deinit { for b in blocks { b.deallocate() } }

  /// The entries, to reorder or relabel in place (no copy).
  func withEntries<R>(_ body: (inout [SortEntry]) -> R) -> R { body(&entries) }

  /// Makes the keys of `count` strings (replacing any made before).
  func make(_ count: Int, text: (Int) -> UnsafeBufferPointer<UInt8>) {
    for b in blocks { b.deallocate() }
    blocks = []
    entries = []
    guard count > 0 else { return }
    let parts = Parallel.split(count, minimumPerPart: 20_000)
    let made = parts.map { _ in Blocks() }
    let collator = self.collator
    entries = [SortEntry](unsafeUninitializedCapacity: count) { buffer, initialized in
      let out = UnsafeMutableBufferPointerBox(buffer)
      withoutActuallyEscaping(text) { text in
        let text = UncheckedSendable(text)
        Parallel.forEach(parts.indices) { p in
          var arena = Arena()
          for k in parts[p] {
            out.buffer.baseAddress!.advanced(by: k).initialize(
              to: arena.append(text.value(k), index: k, collator: collator))
          }
          made[p].blocks = arena.blocks
        }
      }
      initialized = count
    }
    for m in made { blocks.append(contentsOf: m.blocks) }
  }

  private final class Blocks: @unchecked Sendable {
    var blocks: [UnsafeMutableBufferPointer<UInt8>] = []
  }

  /// One thread's keys.
  /// One thread's keys, one after another (a local value: no exclusivity checks at run
  /// time, as a class's properties would have). Whoever holds it frees its blocks.
  struct Arena {
    var blocks: [UnsafeMutableBufferPointer<UInt8>] = []
    var current = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    var used = 0

    /// Forgets the keys, keeping one block for the next (the others are freed).
    mutating func reset() {
      for b in blocks.dropFirst() { b.deallocate() }
      blocks = Array(blocks.prefix(1))
      current = blocks.first ?? current
      used = 0
    }

    /// Frees the blocks (a value type cannot do it on its own).
    mutating func free() {
      for b in blocks { b.deallocate() }
      blocks = []
      current = .init(start: nil, count: 0)
      used = 0
    }

    @inline(__always)
    mutating func append(_ s: UnsafeBufferPointer<UInt8>, index: Int, collator: Collator)
      -> SortEntry
    {
      while true {
        let room = current.count - used
        let n =
          room > 0
          ? collator.writeSortKey(utf8: s, into: current.baseAddress! + used, capacity: room)
          : Int.max
        if n <= room {
          let entry = SortEntry(key: current.baseAddress! + used, length: n, index: index)
          used += n
          return entry
        }
        // A new block (the rest of this one stays unused): big enough for this key, whose
        // length ICU just said (a UTF-8 byte gives at most a few key bytes, if it could not).
        let need = n == Int.max ? 8 * s.count + 64 : n
        current = .allocate(capacity: max(1 << 20, need))
        blocks.append(current)
        used = 0
      }
    }
  }
}
