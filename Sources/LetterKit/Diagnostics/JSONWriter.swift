/// A small JSON writer: objects, arrays, strings, numbers, null. Output is UTF-8 bytes.
package struct JSONWriter {
  package private(set) var bytes: [UInt8] = []

  package init() {}

  package mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  package mutating func string(_ s: String?) {
    guard let s else {
      raw("null")
      return
    }
    bytes.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22: raw("\\\"")
      case 0x5C: raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0..<0x20:
        let hex = String(b, radix: 16)
        raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
      default: bytes.append(b)
      }
    }
    bytes.append(0x22)
  }

  package mutating func number(_ n: Int?) {
    if let n { raw(String(n)) } else { raw("null") }
  }

  /// Writes `{"k": v, ...}` with each value written by its closure, in order.
  package mutating func object(_ fields: [(String, (inout JSONWriter) -> Void)], indent: Int = 0) {
    let pad = String(repeating: " ", count: indent)
    raw("{")
    for (k, (key, write)) in fields.enumerated() {
      raw(k == 0 ? "\n" : ",\n")
      raw(pad + "  ")
      string(key)
      raw(": ")
      write(&self)
    }
    raw(fields.isEmpty ? "}" : "\n" + pad + "}")
  }
}
