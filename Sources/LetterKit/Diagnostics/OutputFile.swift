#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written whole or not at all: bytes go to a temporary file beside it, which
/// `commit()` renames into place. Dropped without `commit()`, the temporary file is
/// removed and the destination is untouched; so it is on SIGINT or SIGTERM once
/// `removeTemporaryFilesOnSignal()` has been called. The path `-` is standard output.
///
/// Only regular files are written: an existing device, named pipe or socket at the path
/// is refused (renaming over `/dev/null` would replace the system's node). A replaced
/// file keeps its permissions; a symbolic link is followed, so the file it points to is
/// replaced and the link stays.
package final class OutputFile {
  package let path: String
  /// Where the bytes go in the end (the target of a symbolic link).
  private let destination: String
  private let temp: String?
  private let slot: Int?
  private var fd: Int32
  private let mode: mode_t
  private var committed = false
  private var finished = false

  package init(path: String) throws(LetterError) {
    self.path = path
    let place = SourceLocation(file: path)
    if path == "-" {
      fd = 1
      temp = nil
      slot = nil
      destination = path
      mode = 0
      return
    }
    var st = stat()
    if stat(path, &st) == 0 {
      let type = st.st_mode & S_IFMT
      if type == S_IFDIR {
        throw .input("cannot write: a folder of that name is in the way", at: place)
      }
      guard type == S_IFREG else {
        throw .input(
          "cannot write: it \(FileIO.notARegularFile(type)) (-o writes regular files only)",
          at: place)
      }
      mode = st.st_mode & 0o7777
      destination = FileIO.realPath(path) ?? path
    } else {
      let mask = umask(0)
      umask(mask)
      mode = 0o666 & ~mask
      destination = path
    }
    let dir = FileIO.directory(of: destination)
    var template = Array("\(dir)/.\(FileIO.basename(of: destination)).XXXXXX".utf8CString)
    // No signal between creating the temporary file and noting it for the handler.
    var signals = sigset_t()
    var previous = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &signals, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 {
      throw .input("cannot write: \(FileIO.describe(errno: errno))", at: place)
    }
    let name = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    temp = name
    slot = TemporaryFiles.register(name)
  }

  deinit {
    if let temp, !committed {
      if !finished { close(fd) }
      unlink(temp)
      if let slot { TemporaryFiles.unregister(slot) }
    }
  }

  package func write(_ bytes: UnsafeRawBufferPointer) throws(LetterError) {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        let what = temp == nil ? "standard output" : path
        throw .input(
          "cannot write to \(what): \(FileIO.describe(errno: errno))",
          at: temp == nil ? nil : .init(file: path))
      }
      offset += n
    }
  }

  package func write(_ bytes: [UInt8]) throws(LetterError) {
    try bytes.withUnsafeBytes { b in Result { () throws(LetterError) in try write(b) } }.get()
  }

  /// Ends the writing: the file is closed (so that thousands can wait to be committed
  /// without holding a descriptor each), not yet in place. `sync: false` leaves the bytes
  /// to `OutputFile.syncAll()`, one flush for a whole batch.
  package func finish(sync: Bool = true) throws(LetterError) {
    guard temp != nil, !finished else { return }
    if sync && fsync(fd) != 0 && errno != EINVAL {
      throw .input("cannot write: \(FileIO.describe(errno: errno))", at: .init(file: path))
    }
    fchmod(fd, mode)
    close(fd)
    finished = true
  }

  /// Puts the file in place (a no-op for standard output).
  package func commit() throws(LetterError) {
    guard let temp, !committed else { return }
    try finish()
    committed = true
    // Renamed first, then forgotten: a signal in between unlinks a name that is gone.
    defer { if let slot { TemporaryFiles.unregister(slot) } }
    if rename(temp, destination) != 0 {
      let code = errno
      unlink(temp)
      throw .input("cannot write: \(FileIO.describe(errno: code))", at: .init(file: path))
    }
  }

  /// Puts on disk what was written and not yet flushed (one `sync` for a batch of files
  /// finished with `sync: false`, before they are renamed into place).
  package static func syncAll() {
    sync()
  }

  /// Installs handlers so that SIGINT and SIGTERM remove every temporary file not yet
  /// committed, then end the process as the signal would have. For a program's `main`.
  public static func removeTemporaryFilesOnSignal() {
    TemporaryFiles.install()
  }
}

/// The temporary files being written, in fixed memory a signal handler can read: a slot
/// holds a C string (from `strdup`) or nil.
private enum TemporaryFiles {
  /// Enough for every letter of the largest recipients file, and then some.
  static let capacity = 1 << 18
  nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    p.initialize(repeating: nil, count: capacity)
    return p
  }()
  nonisolated(unsafe) static var lock = pthread_mutex_t()
  /// Where to look for a free slot first.
  nonisolated(unsafe) static var next = 0
  nonisolated(unsafe) static var lockReady: Bool = {
    pthread_mutex_init(&lock, nil)
    return true
  }()

  static func register(_ path: String) -> Int? {
    _ = lockReady
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    for step in 0..<capacity {
      let k = (next + step) % capacity
      if slots[k] == nil {
        slots[k] = strdup(path)
        next = k + 1
        return k
      }
    }
    return nil
  }

  static func unregister(_ slot: Int) {
    _ = lockReady
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    let p = slots[slot]
    slots[slot] = nil
    free(p)
  }

  static func install() {
    _ = slots
    let handler: @convention(c) (Int32) -> Void = { signal in
      // Only async-signal-safe calls here: unlink, signal, raise.
      for k in 0..<TemporaryFiles.capacity {
        if let p = TemporaryFiles.slots[k] { unlink(p) }
      }
      _ = Glibc.signal(signal, SIG_DFL)
      raise(signal)
    }
    _ = signal(SIGINT, handler)
    _ = signal(SIGTERM, handler)
    // A parent may have started us with these signals blocked; they must reach us.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }
}
