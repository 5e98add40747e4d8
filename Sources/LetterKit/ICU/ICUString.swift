import CICU

/// Helpers for ICU's fill-a-buffer calling convention.
enum ICUString {
  /// Calls `fill(buffer, capacity)` (which returns the length it needs) until the result
  /// fits, and decodes the UTF-8 result.
  static func utf8(
    initialCapacity: Int32 = 64, _ fill: (UnsafeMutablePointer<CChar>, Int32) -> Int32
  ) -> String {
    var capacity = initialCapacity
    while true {
      var buffer = [CChar](repeating: 0, count: Int(capacity) + 1)
      let needed = buffer.withUnsafeMutableBufferPointer { fill($0.baseAddress!, capacity) }
      if needed < capacity {
        return String(
          decoding: buffer[..<Int(max(needed, 0))].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      }
      capacity = needed + 1
    }
  }

  /// Calls `fill` with a UTF-16 buffer until the result fits.
  static func utf16(
    initialCapacity: Int32 = 64,
    _ fill: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
  ) -> (String, Int32) {
    var capacity = initialCapacity
    while true {
      var buffer = [UInt16](repeating: 0, count: Int(capacity) + 1)
      var status: Int32 = 0
      let needed = buffer.withUnsafeMutableBufferPointer {
        fill($0.baseAddress!, capacity, &status)
      }
      if status == bufferOverflow || needed > capacity {
        capacity = max(needed, capacity * 2) + 1
        continue
      }
      return (String(decoding: buffer[..<Int(max(needed, 0))], as: UTF16.self), status)
    }
  }

  /// U_BUFFER_OVERFLOW_ERROR.
  static let bufferOverflow: Int32 = 15

  static func failed(_ status: Int32) -> Bool { status > 0 }

  static func name(_ status: Int32) -> String { String(cString: licu_error_name(status)) }
}
