#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and writing whole files with POSIX calls: no Foundation on the hot path, and
/// errors that say what went wrong in the user's words.
package enum FileIO {
  /// The bytes of a file, or of standard input for `-`.
  package static func read(_ path: String) throws(LetterError) -> [UInt8] {
    let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw .input(describe(errno: errno), at: SourceLocation(file: path)) }
    defer { if fd != 0 { close(fd) } }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
      throw .input("is a directory, not a file", at: SourceLocation(file: path))
    }
    var capacity = max(Int(st.st_size) + 1, 1 << 16)
    var bytes = [UInt8](repeating: 0, count: capacity)
    var count = 0
    while true {
      if count == capacity {
        capacity *= 2
        bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
      }
      let got = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress! + count, capacity - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw .input(describe(errno: errno), at: SourceLocation(file: path))
      }
      if got == 0 { break }
      count += got
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  /// Reads a file as UTF-8 text; invalid UTF-8 is an error naming its line.
  package static func readText(_ path: String) throws(LetterError) -> String {
    let bytes = try read(path)
    try UTF8Validation.validate(bytes, file: path)
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    return String(decoding: body, as: UTF8.self)
  }

  /// Writes `bytes` to `path` whole or not at all: a temporary file beside it, then
  /// rename. `-` writes to standard output.
  package static func write(_ bytes: [UInt8], to path: String) throws(LetterError) {
    if path == "-" {
      try writeAll(fd: 1, bytes, path: "<stdout>")
      return
    }
    let dir = directory(of: path)
    var template = Array("\(dir)/.\(basename(of: path)).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 { throw .input("cannot write: \(describe(errno: errno))", at: .init(file: path)) }
    let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do throws(LetterError) {
      try writeAll(fd: fd, bytes, path: path)
      if fsync(fd) != 0 && errno != EINVAL {
        throw LetterError.input("cannot write: \(describe(errno: errno))", at: .init(file: path))
      }
      fchmod(fd, 0o644)
      close(fd)
      if rename(temp, path) != 0 {
        throw LetterError.input("cannot write: \(describe(errno: errno))", at: .init(file: path))
      }
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
  }

  /// Writes everything to a file descriptor.
  package static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws(LetterError) {
    let failure: Int32? = bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += n
      }
      return nil
    }
    if let failure {
      throw .input("cannot write: \(describe(errno: failure))", at: .init(file: path))
    }
  }

  package static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
  }

  package static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  package static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  package static func basename(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  static func describe(errno code: Int32) -> String {
    switch code {
    case ENOENT: "no such file or directory"
    case EACCES: "permission denied"
    case EISDIR: "is a directory, not a file"
    default: String(cString: strerror(code))
    }
  }
}
