/// Collation keys for many strings, in buffers that never move (entries point into them),
/// made on as many threads as there are cores when there are many.
final class KeyStore: @unchecked Sendable {
  let collator: Collator
  private(set) var entries: [SortEntry] = []
  private var buffers: [UnsafeMutableBufferPointer<UInt8>] = []
  private var current = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
  private var used = 0

  init(collator: Collator, count: Int) {
    self.collator = collator
    entries.reserveCapacity(count)
  }

  deinit { for b in buffers { b.deallocate() } }

  /// The entries, to reorder or relabel in place (no copy).
  func withEntries<R>(_ body: (inout [SortEntry]) -> R) -> R { body(&entries) }

  /// Forgets the entries (keeps the first buffer for reuse).
  func reset() {
    entries.removeAll(keepingCapacity: true)
    for b in buffers.dropFirst() { b.deallocate() }
    buffers = Array(buffers.prefix(1))
    current = buffers.first ?? current
    used = 0
  }

  /// Makes the keys of `count` strings; entry k has index k.
  func make(_ count: Int, text: (Int) -> UnsafeBufferPointer<UInt8>) {
    let parts = Parallel.split(count, minimumPerPart: 50_000)
    if parts.count <= 1 {
      for k in 0..<count { append(text(k), index: k) }
      return
    }
    let stores = parts.map { _ in KeyStore(collator: collator, count: 0) }
    withoutActuallyEscaping(text) { text in
      let text = UncheckedSendable(text)
      Parallel.forEach(parts.indices) { p in
        for k in parts[p] { stores[p].append(text.value(k), index: k) }
      }
    }
    for store in stores {
      entries.append(contentsOf: store.entries)
      buffers.append(contentsOf: store.buffers)
      store.buffers = []
    }
  }

  private func append(_ s: UnsafeBufferPointer<UInt8>, index: Int) {
    while true {
      let room = current.count - used
      let n =
        room > 0
        ? collator.writeSortKey(utf8: s, into: current.baseAddress! + used, capacity: room)
        : Int.max
      if n <= room {
        entries.append(SortEntry(key: current.baseAddress! + used, length: n, index: index))
        used += n
        return
      }
      current = .allocate(capacity: max(1 << 20, 2 * s.count * 4 + 64))
      buffers.append(current)
      used = 0
    }
  }
}
