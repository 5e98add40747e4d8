import ArgumentParser
import LetterKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing to the terminal, and turning LetterKit's errors into messages and exit codes.
enum Console {
  static func out(_ bytes: [UInt8]) throws {
    try write(fd: 1, bytes)
  }

  static func out(_ text: String) throws { try out(Array(text.utf8)) }

  static func err(_ text: String) {
    try? write(fd: 2, Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Text on standard error as it is (no line end added).
  static func errRaw(_ text: String) {
    try? write(fd: 2, Array(text.utf8))
  }

  static func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    err(diagnostics.map(\.description).joined(separator: "\n"))
  }

  private static func write(fd: Int32, _ bytes: [UInt8]) throws {
    var offset = 0
    try bytes.withUnsafeBufferPointer { b in
      while offset < b.count {
        let n = Glibc.write(fd, b.baseAddress! + offset, b.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          // A reader that went away (`letter … | head`) is not an error; anything else is.
          if errno == EPIPE { throw ExitCode(0) }
          if fd == 1 {
            let reason = String(cString: strerror(errno)).lowercased()
            err("error: cannot write to standard output: \(reason)")
          }
          throw ExitCode(2)
        }
        offset += n
      }
    }
  }

  /// Runs a command body: LetterKit errors are printed compiler style and become exit
  /// status 2 (input) or 1 (content).
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as LetterError {
      report(error.diagnostics)
      switch error {
      case .input: throw ExitCode(2)
      case .content: throw ExitCode(1)
      }
    } catch let error as LocaleError {
      err("error: \(error)")
      throw ExitCode(2)
    }
  }

  /// The environment's collation locale (LC_ALL, LC_COLLATE, LANG), else `en`.
  static func environmentLocale() throws -> LocaleID {
    for name in ["LC_ALL", "LC_COLLATE", "LANG"] {
      guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { continue }
      var tag = Substring(value)
      if let dot = tag.firstIndex(of: ".") { tag = tag[..<dot] }
      if let at = tag.firstIndex(of: "@") { tag = tag[..<at] }
      if tag == "C" || tag == "POSIX" || tag.isEmpty { return try LocaleID.parse(option: "en") }
      do {
        return try LocaleID(String(tag))
      } catch {
        err("error: the environment's collation locale (\(name)=\(value)): \(error); give --locale")
        throw ExitCode(2)
      }
    }
    return try LocaleID.parse(option: "en")
  }
}

extension LocaleID {
  /// Parses a `--locale` value; errors exit 2 with a suggestion.
  static func parse(option value: String) throws -> LocaleID {
    do {
      return try LocaleID(value)
    } catch {
      Console.err("error: --locale: \(error)")
      throw ExitCode(2)
    }
  }
}
