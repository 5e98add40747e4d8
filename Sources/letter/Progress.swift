#if canImport(Glibc)
  import Glibc
#endif

/// A progress line on standard error for long jobs: shown only when standard error is a
/// terminal and the job has taken more than a second, redrawn at most ten times a second.
final class Progress {
  let total: Int
  private let start = Progress.now()
  private var lastDraw = 0.0
  private var drawn = false
  private let terminal = isatty(2) == 1

  init(total: Int) { self.total = total }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  func update(_ done: Int, _ total: Int) {
    guard terminal else { return }
    let t = Progress.now()
    guard t - start > 1, t - lastDraw > 0.1 || done == total else { return }
    lastDraw = t
    drawn = true
    Console.errRaw("\r\(done)/\(total) letters")
  }

  func clear() {
    if drawn { Console.errRaw("\r\u{1B}[K") }
  }
}
