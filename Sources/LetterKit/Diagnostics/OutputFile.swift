#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written whole or not at all: bytes go to a temporary file beside it, which
/// `commit()` renames into place. Dropped without `commit()`, the temporary file is
/// removed and the destination is untouched. The path `-` is standard output.
package final class OutputFile {
  package let path: String
  private let temp: String?
  private var fd: Int32
  private var committed = false

  package init(path: String) throws(LetterError) {
    self.path = path
    if path == "-" {
      fd = 1
      temp = nil
      return
    }
    if FileIO.isDirectory(path) {
      throw .input("cannot write: a folder of that name is in the way", at: .init(file: path))
    }
    let dir = FileIO.directory(of: path)
    var template = Array("\(dir)/.\(FileIO.basename(of: path)).XXXXXX".utf8CString)
    fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 {
      throw .input("cannot write: \(FileIO.describe(errno: errno))", at: .init(file: path))
    }
    temp = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  deinit {
    if let temp, !committed {
      close(fd)
      unlink(temp)
    }
  }

  package func write(_ bytes: UnsafeRawBufferPointer) throws(LetterError) {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw .input("cannot write: \(FileIO.describe(errno: errno))", at: .init(file: path))
      }
      offset += n
    }
  }

  package func write(_ bytes: [UInt8]) throws(LetterError) {
    try bytes.withUnsafeBytes { b in Result { () throws(LetterError) in try write(b) } }.get()
  }

  /// Puts the file in place (a no-op for standard output).
  package func commit() throws(LetterError) {
    guard let temp, !committed else { return }
    if fsync(fd) != 0 && errno != EINVAL {
      throw .input("cannot write: \(FileIO.describe(errno: errno))", at: .init(file: path))
    }
    fchmod(fd, 0o644)
    close(fd)
    committed = true
    if rename(temp, path) != 0 {
      let code = errno
      unlink(temp)
      throw .input("cannot write: \(FileIO.describe(errno: code))", at: .init(file: path))
    }
  }
}
