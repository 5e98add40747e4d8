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
    // Read straight into the array's storage (no zero-filling a large file first).
    var capacity = max(Int(st.st_size) + 1, 1 << 16)
    var result: [UInt8] = []
    var failure: Int32?
    while true {
      var count = result.count
      let previous = result
      result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
        previous.withUnsafeBufferPointer { old in
          if old.count > 0 { buffer.baseAddress!.update(from: old.baseAddress!, count: old.count) }
        }
        while count < capacity {
          let got = Glibc.read(fd, buffer.baseAddress! + count, capacity - count)
          if got < 0 {
            if errno == EINTR { continue }
            failure = errno
            break
          }
          if got == 0 { break }
          count += got
        }
        initialized = count
      }
      if let failure { throw .input(describe(errno: failure), at: SourceLocation(file: path)) }
      if result.count < capacity { return result }
      capacity *= 2
    }
  }

  /// Reads a file as UTF-8 text; invalid UTF-8 is an error naming its line.
  package static func readText(_ path: String) throws(LetterError) -> String {
    let bytes = try read(path)
    try UTF8Validation.validate(bytes, file: path)
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    return String(decoding: body, as: UTF8.self)
  }

  /// Writes `bytes` to `path` whole or not at all (see `OutputFile`); `-` is standard
  /// output.
  package static func write(_ bytes: [UInt8], to path: String) throws(LetterError) {
    let file = try OutputFile(path: path)
    try file.write(bytes)
    try file.commit()
  }

  /// The names in a directory (not `.` and `..`), or none if it cannot be read.
  package static func list(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." && !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
  }

  /// Creates a directory (and its parents).
  package static func makeDirectory(_ path: String) throws(LetterError) {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      prefix += "/\(part)"
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw .input("cannot create the folder: \(describe(errno: errno))", at: .init(file: path))
      }
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
    default:
      // strerror's text, in lower case like the rest of the messages.
      String(cString: strerror(code)).lowercased()
    }
  }
}
