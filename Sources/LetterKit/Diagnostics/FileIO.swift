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
  /// The most bytes letter reads from one input (a file, or standard input).
  package static let maxInputBytes = 256 << 20

  /// The bytes of a regular file, or of standard input for `-`, at most `limit` of them.
  /// A folder, a device, a named pipe or a socket is refused (a pipe could block forever
  /// and `/dev/zero` never ends); so is a larger file, with the limit in the message.
  package static func read(_ path: String, limit: Int = maxInputBytes) throws(LetterError)
    -> [UInt8]
  {
    let place = SourceLocation(file: path)
    let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd < 0 { throw .input(describe(errno: errno), at: place) }
    defer { if fd != 0 { close(fd) } }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .input(describe(errno: errno), at: place) }
    if path != "-" {
      let type = st.st_mode & S_IFMT
      guard type == S_IFREG else { throw .input(notARegularFile(type), at: place) }
      if Int(st.st_size) > limit {
        throw .input("is larger than \(sizeText(limit)), the most letter reads", at: place)
      }
      // Reads from a regular file do not block; clear the flag all the same.
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    }
    // Read straight into the array's storage (no zero-filling a large file first).
    var capacity = min(max(Int(st.st_size) + 1, 1 << 16), limit + 1)
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
      if let failure { throw .input(describe(errno: failure), at: place) }
      if result.count > limit {
        throw .input("is larger than \(sizeText(limit)), the most letter reads", at: place)
      }
      if result.count < capacity { return result }
      capacity = min(capacity * 2, limit + 1)
    }
  }

  static func notARegularFile(_ type: mode_t) -> String {
    switch type {
    case S_IFDIR: "is a directory, not a file"
    case S_IFIFO: "is a named pipe (FIFO), not a regular file"
    case S_IFCHR, S_IFBLK: "is a device, not a regular file"
    case S_IFSOCK: "is a socket, not a regular file"
    default: "is not a regular file"
    }
  }

  static func sizeText(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
  }

  /// Reads a file as UTF-8 text; invalid UTF-8 is an error naming its line.
  package static func readText(_ path: String, limit: Int = maxInputBytes) throws(LetterError)
    -> String
  {
    let bytes = try read(path, limit: limit)
    try UTF8Validation.validate(bytes, file: path)
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    return String(decoding: body, as: UTF8.self)
  }

  /// The path of `relative` inside `folder`, if it stays inside: a template reads only
  /// its own files. An absolute path, a `..` that climbs out, or a symbolic link that
  /// leads elsewhere is refused (a template someone sent must not copy the reader's
  /// other files into a letter or its error messages).
  package static func confined(_ relative: String, within folder: String) throws(LetterError)
    -> String
  {
    let place = SourceLocation(file: relative)
    if relative.hasPrefix("/") {
      throw .input(
        "an absolute path: a template reads only files in its own folder (give a list kept elsewhere with --signatories FILE)",
        at: place)
    }
    if relative.isEmpty || relative.split(separator: "/").contains("..") {
      throw .input(
        "climbs out of the template folder ('..'): a template reads only its own files", at: place)
    }
    let path = "\(folder)/\(relative)"
    // Through symbolic links: the real file must be inside the real folder.
    if let real = realPath(path), let root = realPath(folder) {
      let prefix = root.hasSuffix("/") ? root : root + "/"
      if !real.hasPrefix(prefix) {
        throw .input(
          "leads outside the template folder (through a symbolic link): a template reads only its own files",
          at: SourceLocation(file: path))
      }
    }
    return path
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
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
