/// Strict UTF-8 validation over bytes, reporting the line and column of the first
/// invalid sequence.
package enum UTF8Validation {
  /// Throws an input error at the line (1-based) of the first invalid byte.
  package static func validate(_ bytes: [UInt8], file: String) throws(LetterError) {
    if let bad = bytes.withUnsafeBufferPointer({ firstInvalid($0) }) {
      let (line, column) = bytes.withUnsafeBufferPointer { position(of: bad, in: $0) }
      throw .input(
        "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
        at: SourceLocation(file: file, line: line, column: column))
    }
  }

  /// The offset of the first byte that does not start or continue valid UTF-8.
  package static func firstInvalid(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = b.count
    while i < n {
      // Fast path: eight ASCII bytes at a time.
      while i + 8 <= n {
        let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        i += 8
      }
      if i >= n { break }
      let c = b[i]
      if c < 0x80 {
        i += 1
        continue
      }
      let need: Int
      var lo: UInt8 = 0x80
      var hi: UInt8 = 0xBF
      switch c {
      case 0xC2...0xDF: need = 1
      case 0xE0: need = 2; lo = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED: need = 2; hi = 0x9F
      case 0xF0: need = 3; lo = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4: need = 3; hi = 0x8F
      default: return i
      }
      if i + need >= n { return i }
      let second = b[i + 1]
      if second < lo || second > hi { return i }
      var k = 2
      while k <= need {
        if b[i + k] & 0xC0 != 0x80 { return i }
        k += 1
      }
      i += need + 1
    }
    return nil
  }

  /// 1-based line and column (in characters) of a byte offset.
  package static func position(of offset: Int, in b: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for i in 0..<min(offset, b.count) where b[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    var column = 1
    for i in lineStart..<offset where b[i] & 0xC0 != 0x80 { column += 1 }
    return (line, column)
  }
}
