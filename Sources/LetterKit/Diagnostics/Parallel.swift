import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Work shared between the machine's cores (two here): for the hot loops of sorting.
package enum Parallel {
  /// Splits 0..<count into as many parts as there are cores, each at least
  /// `minimumPerPart` long (small inputs stay on one thread).
  package static func split(_ count: Int, minimumPerPart: Int) -> [Range<Int>] {
    let cores = max(1, min(activeCores, count / max(minimumPerPart, 1)))
    return (0..<cores).map { k in (count * k / cores)..<(count * (k + 1) / cores) }
  }

  /// The cores to use: `LETTER_THREADS` if set (1 turns parallel work off), else the
  /// machine's online cores.
  package static let activeCores: Int = {
    if let value = getenv("LETTER_THREADS"), let n = Int(String(cString: value)), n > 0 { return n }
    #if canImport(Glibc)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 2
    #endif
  }()

  /// Runs `body` for each index, concurrently.
  package static func forEach(_ indices: Range<Int>, _ body: @Sendable (Int) -> Void) {
    if indices.count <= 1 {
      for i in indices { body(i) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: indices.count) { body(indices.lowerBound + $0) }
  }
}

/// A buffer handed to threads that touch disjoint parts of it.
package struct UnsafeMutableBufferPointerBox<T>: @unchecked Sendable {
  package let buffer: UnsafeMutableBufferPointer<T>
  package init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// A value used from several threads that only read it.
package struct UncheckedSendable<T>: @unchecked Sendable {
  package let value: T
  package init(_ value: T) { self.value = value }
}
