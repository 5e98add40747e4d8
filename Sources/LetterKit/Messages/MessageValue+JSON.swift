extension MessageValue {
  /// Arguments from JSON text (RFC 8259): a whole number written without `.` or an
  /// exponent that fits 64 bits stays an exact integer (9007199254740993,
  /// -9223372036854775808), any other number is a double (`-0.0` keeps its sign); arrays
  /// are lists, objects maps, strings text (an ISO 8601 string serves as a date where a
  /// message asks for one); `true`/`false` are the text "true"/"false" (for select).
  public init(json text: String) throws(LetterError) {
    var reader = JSONReader(bytes: Array(text.utf8))
    do throws(JSONReader.Failure) {
      reader.skipSpace()
      self = try reader.value(depth: 0)
      reader.skipSpace()
      if reader.i < reader.bytes.count { throw reader.failure("text after the JSON value") }
    } catch {
      throw .input("--args: \(error.message) (at character \(error.offset + 1))")
    }
  }
}

/// A small JSON reader that keeps numbers as written (JSONSerialization turns
/// -9223372036854775808 and -0 into doubles).
private struct JSONReader {
  struct Failure: Error {
    var message: String
    var offset: Int
  }

  let bytes: [UInt8]
  var i = 0
  static let maxDepth = 256

  init(bytes: [UInt8]) { self.bytes = bytes }

  func failure(_ message: String) -> Failure { Failure(message: message, offset: i) }

  mutating func skipSpace() {
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
  }

  mutating func value(depth: Int) throws(Failure) -> MessageValue {
    guard depth < JSONReader.maxDepth else { throw failure("nested too deep") }
    guard i < bytes.count else { throw failure("unexpected end of the JSON text") }
    switch bytes[i] {
    case UInt8(ascii: "{"):
      i += 1
      var map: [String: MessageValue] = [:]
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .map(map)
      }
      while true {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
          throw failure("expected a string key")
        }
        let key = try string()
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("expected ':'") }
        i += 1
        skipSpace()
        map[key] = try value(depth: depth + 1)
        skipSpace()
        guard i < bytes.count else { throw failure("unexpected end of the JSON text") }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        guard bytes[i] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
        i += 1
        return .map(map)
      }
    case UInt8(ascii: "["):
      i += 1
      var items: [MessageValue] = []
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .list(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard i < bytes.count else { throw failure("unexpected end of the JSON text") }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        guard bytes[i] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
        i += 1
        return .list(items)
      }
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try word("true")
      return .string("true")
    case UInt8(ascii: "f"):
      try word("false")
      return .string("false")
    case UInt8(ascii: "n"): throw failure("null is not a value an argument can take")
    default: return try number()
    }
  }

  mutating func word(_ w: String) throws(Failure) {
    let u = Array(w.utf8)
    guard bytes.count - i >= u.count, Array(bytes[i..<(i + u.count)]) == u else {
      throw failure("not a JSON value")
    }
    i += u.count
  }

  mutating func number() throws(Failure) -> MessageValue {
    let start = i
    func digits() -> Int {
      let s = i
      while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
      return i - s
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    let intStart = i
    guard digits() > 0 else { throw failure("not a JSON value") }
    if bytes[intStart] == 0x30, i - intStart > 1 { throw failure("a number may not start with 0") }
    var whole = true
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      whole = false
      guard digits() > 0 else { throw failure("expected digits after '.'") }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      whole = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { throw failure("expected digits in the exponent") }
    }
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    if whole, let n = Int64(text) { return .integer(n) }
    guard let d = Double(text), d.isFinite else {
      i = start
      throw failure("the number \(text) is too large")
    }
    return .number(d)
  }

  mutating func string() throws(Failure) -> String {
    i += 1  // the opening quote
    var out: [UInt8] = []
    while i < bytes.count {
      let c = bytes[i]
      switch c {
      case UInt8(ascii: "\""):
        i += 1
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        i += 1
        guard i < bytes.count else { break }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"),
              bytes[i + 1] == UInt8(ascii: "u")
            else { throw failure("a lone surrogate in \\u escapes") }
            i += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else {
              throw failure("a lone surrogate in \\u escapes")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(scalar) {
            throw failure("a lone surrogate in \\u escapes")
          }
          out.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
        default:
          i -= 1
          throw failure("unknown escape '\\\(Unicode.Scalar(e))'")
        }
      case 0..<0x20: throw failure("a control character in a string (write it as \\u00XX)")
      default:
        out.append(c)
        i += 1
      }
    }
    throw failure("unterminated string")
  }

  mutating func hex4() throws(Failure) -> UInt32 {
    guard bytes.count - i >= 4 else { throw failure("expected 4 hex digits after \\u") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[i]
      let d: UInt32
      switch c {
      case 0x30...0x39: d = UInt32(c - 0x30)
      case 0x41...0x46: d = UInt32(c - 0x41 + 10)
      case 0x61...0x66: d = UInt32(c - 0x61 + 10)
      default: throw failure("expected 4 hex digits after \\u")
      }
      v = v * 16 + d
      i += 1
    }
    return v
  }
}
