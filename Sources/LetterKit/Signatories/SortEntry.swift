#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A member being sorted: where its collation key is (ICU sort key bytes, compared with
/// memcmp), the key's first eight bytes as an integer (most comparisons end there), and
/// its input position.
struct SortEntry {
  var prefix: UInt64
  var key: UnsafePointer<UInt8>
  var length: UInt32
  var index: UInt32

  init(key: UnsafePointer<UInt8>, length: Int, index: Int) {
    var p: UInt64 = 0
    for k in 0..<8 { p = p << 8 | UInt64(k < length ? key[k] : 0) }
    self.prefix = p
    self.key = key
    self.length = UInt32(length)
    self.index = UInt32(index)
  }

  /// The members' names, for the last tie-break.
  struct Names: @unchecked Sendable {
    let bytes: UnsafePointer<UInt8>
    let spans: UnsafePointer<SortInput.Span>
  }

  /// Key order; equal keys by the names' code points (what identical strength adds) if
  /// names are given, then by index. Never equal for two different entries.
  @inline(__always)
  static func less(_ a: SortEntry, _ b: SortEntry, _ names: Names?) -> Bool {
    let c = compareKeys(a, b)
    if c != 0 { return c < 0 }
    if let names {
      let sa = names.spans[Int(a.index)]
      let sb = names.spans[Int(b.index)]
      let c = memcmp(
        names.bytes + Int(sa.start), names.bytes + Int(sb.start), Int(min(sa.count, sb.count)))
      if c != 0 { return c < 0 }
      if sa.count != sb.count { return sa.count < sb.count }
    }
    return a.index < b.index
  }

  /// -1, 0 or 1 by key bytes.
  @inline(__always)
  static func compareKeys(_ a: SortEntry, _ b: SortEntry) -> Int {
    if a.prefix != b.prefix { return a.prefix < b.prefix ? -1 : 1 }
    // Eight bytes at a time, as big-endian integers (keys are short: a call to memcmp
    // costs more than the comparison).
    let m = Int(min(a.length, b.length))
    var offset = 8
    while offset + 8 <= m {
      let x = UnsafeRawPointer(a.key + offset).loadUnaligned(as: UInt64.self).bigEndian
      let y = UnsafeRawPointer(b.key + offset).loadUnaligned(as: UInt64.self).bigEndian
      if x != y { return x < y ? -1 : 1 }
      offset += 8
    }
    while offset < m {
      if a.key[offset] != b.key[offset] { return a.key[offset] < b.key[offset] ? -1 : 1 }
      offset += 1
    }
    return a.length == b.length ? 0 : a.length < b.length ? -1 : 1
  }

  /// Sorts entries into `less` order (key bytes; equal keys by name, then index) with an
  /// MSD radix sort on the key bytes: no comparisons but among entries whose keys are
  /// equal, or in buckets small enough for an insertion sort. Buckets are shared out
  /// between threads for large inputs.
  static func radixSort(_ entries: inout [SortEntry], names: Names?) {
    let n = entries.count
    guard n > 1 else { return }
    var scratch = [SortEntry](unsafeUninitializedCapacity: n) { _, count in count = n }
    entries.withUnsafeMutableBufferPointer { a in
      scratch.withUnsafeMutableBufferPointer { t in
        radixSort(
          a.baseAddress!, t.baseAddress!, n, depth: 0, level: 0,
          parallel: n >= 50_000 && Parallel.activeCores > 1, names)
      }
    }
  }

  /// The byte of a key at `depth`, plus one; 0 past its end (a key that ends sorts before
  /// every key it is a prefix of).
  @inline(__always)
  private static func digit(_ e: SortEntry, _ depth: Int) -> Int {
    if depth >= Int(e.length) { return 0 }
    if depth < 8 { return Int(truncatingIfNeeded: e.prefix >> UInt64(56 - 8 * depth)) & 0xFF + 1 }
    return Int(e.key[depth]) + 1
  }

  /// Sorts a[0..<n], whose keys agree on their first `depth` bytes, with t[0..<n] as
  /// scratch. `level` counts recursive calls: past a few dozen (keys sharing very long
  /// prefixes, split one entry at a time) a merge sort takes over, so the stack stays small.
  private static func radixSort(
    _ a: UnsafeMutablePointer<SortEntry>, _ t: UnsafeMutablePointer<SortEntry>, _ n: Int,
    depth: Int, level: Int, parallel: Bool, _ names: Names?
  ) {
    if n <= 24 {
      insertionSort(a, n, names)
      return
    }
    if level > 48 {
      mergeSort(a, t, n, names)
      return
    }
    var depth = depth
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * 258) { counts in
      // count[d + 1]: how many entries have digit d; then count[d]: where digit d starts.
      let count = UnsafeMutableBufferPointer(rebasing: counts[..<258])
      let next = UnsafeMutableBufferPointer(rebasing: counts[258...])
      while true {
        count.initialize(repeating: 0)
        for i in 0..<n { count[digit(a[i], depth) + 1] += 1 }
        // All in one bucket: nothing to move, look at the next byte.
        if count[1] == n { break }  // every key ended: they are all equal
        var single = false
        for b in 2..<258 where count[b] == n {
          single = true
          break
        }
        if !single { break }
        depth += 1
      }
      for b in 1..<258 { count[b] += count[b - 1] }
      for d in 0..<257 { next[d] = count[d] }
      for i in 0..<n {
        let d = digit(a[i], depth)
        t[next[d]] = a[i]
        next[d] += 1
      }
      a.update(from: t, count: n)
      // Digit 0: keys that end here, all equal: by name, then index.
      let ended = count[1]
      if ended > 24 { mergeSort(a, t, ended, names) } else { insertionSort(a, ended, names) }
      // A bucket with most of the entries is shared out further down.
      var big = 0
      if parallel {
        for d in 1..<257 where (count[d + 1] - count[d]) * 2 > n - ended { big = d }
      }
      if !parallel || big > 0 {
        for d in 1..<257 where count[d + 1] - count[d] > 1 {
          radixSort(
            a + count[d], t + count[d], count[d + 1] - count[d], depth: depth + 1,
            level: level + 1, parallel: d == big, names)
        }
        return
      }
      // Two shares of buckets of about equal size, one per thread.
      var split = 1
      while split < 256 && (count[split + 1] - ended) * 2 < n - ended { split += 1 }
      let shares = [1..<split + 1, split + 1..<257]
      let bounds = (0..<258).map { count[$0] }
      let (pa, pt, shared) = (UncheckedSendable(a), UncheckedSendable(t), UncheckedSendable(names))
      let inner = depth + 1
      Parallel.forEach(0..<2) { s in
        for d in shares[s] where bounds[d + 1] - bounds[d] > 1 {
          radixSort(
            pa.value + bounds[d], pt.value + bounds[d], bounds[d + 1] - bounds[d], depth: inner,
            level: level + 1, parallel: false, shared.value)
        }
      }
    }
  }

  @inline(__always)
  private static func insertionSort(
    _ a: UnsafeMutablePointer<SortEntry>, _ n: Int, _ names: Names?
  ) {
    guard n > 1 else { return }
    for i in 1..<n {
      let x = a[i]
      var j = i
      while j > 0 && less(x, a[j - 1], names) {
        a[j] = a[j - 1]
        j -= 1
      }
      a[j] = x
    }
  }

  /// Sorts entries: a merge sort specialised for this comparison, its two halves on two
  /// threads for large inputs.
  static func sort(_ entries: inout [SortEntry], names: Names?) {
    let n = entries.count
    guard n > 1 else { return }
    if n <= 24 {  // small groups (ties): insertion sort, no scratch buffer
      entries.withUnsafeMutableBufferPointer { insertionSort($0.baseAddress!, n, names) }
      return
    }
    var scratch = [SortEntry](unsafeUninitializedCapacity: n) { _, count in count = n }
    entries.withUnsafeMutableBufferPointer { a in
      scratch.withUnsafeMutableBufferPointer { t in
        let a = UnsafeMutableBufferPointerBox(a)
        let t = UnsafeMutableBufferPointerBox(t)
        if n >= 100_000 && Parallel.activeCores > 1 {
          let mid = n / 2
          Parallel.forEach(0..<2) { half in
            let range = half == 0 ? 0..<mid : mid..<n
            mergeSort(
              a.buffer.baseAddress! + range.lowerBound, t.buffer.baseAddress! + range.lowerBound,
              range.count, names)
          }
          merge(
            a.buffer.baseAddress!, mid, a.buffer.baseAddress! + mid, n - mid,
            into: t.buffer.baseAddress!, names)
          a.buffer.baseAddress!.update(from: t.buffer.baseAddress!, count: n)
        } else {
          mergeSort(a.buffer.baseAddress!, t.buffer.baseAddress!, n, names)
        }
      }
    }
  }

  /// Sorts a[0..<n] in place using t[0..<n] as scratch: insertion sort for short runs,
  /// then bottom-up merging, alternating between the two buffers.
  private static func mergeSort(
    _ a: UnsafeMutablePointer<SortEntry>, _ t: UnsafeMutablePointer<SortEntry>, _ n: Int,
    _ names: Names?
  ) {
    let run = 16
    var start = 0
    while start < n {
      let end = min(start + run, n)
      var i = start + 1
      while i < end {
        let x = a[i]
        var j = i
        while j > start && less(x, a[j - 1], names) {
          a[j] = a[j - 1]
          j -= 1
        }
        a[j] = x
        i += 1
      }
      start = end
    }
    var src = a
    var dst = t
    var width = run
    while width < n {
      var lo = 0
      while lo < n {
        let mid = min(lo + width, n)
        let hi = min(lo + 2 * width, n)
        merge(src + lo, mid - lo, src + mid, hi - mid, into: dst + lo, names)
        lo = hi
      }
      swap(&src, &dst)
      width *= 2
    }
    if src != a { a.update(from: src, count: n) }
  }

  @inline(__always)
  private static func merge(
    _ x: UnsafeMutablePointer<SortEntry>, _ nx: Int, _ y: UnsafeMutablePointer<SortEntry>,
    _ ny: Int,
    into out: UnsafeMutablePointer<SortEntry>, _ names: Names?
  ) {
    var i = 0
    var j = 0
    var k = 0
    while i < nx && j < ny {
      if less(y[j], x[i], names) {
        out[k] = y[j]
        j += 1
      } else {
        out[k] = x[i]
        i += 1
      }
      k += 1
    }
    if i < nx { (out + k).update(from: x + i, count: nx - i) }
    if j < ny { (out + k + (nx - i)).update(from: y + j, count: ny - j) }
  }
}
