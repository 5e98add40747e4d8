import CICU

extension ICUString {
  /// Calls a shim function that writes UTF-8 into a buffer (returning the length it
  /// needs) and appends the result to `out`. Returns the ICU status.
  @inline(__always)
  static func append(
    to out: inout [UInt8], _ fill: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
  ) -> Int32 {
    var status: Int32 = 0
    let done: Bool = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
      let n = fill(buffer.baseAddress!, 256, &status)
      if status == bufferOverflow || n > 256 { return false }
      if !failed(status) {
        UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(n)).withMemoryRebound(
          to: UInt8.self
        ) {
          out.append(contentsOf: $0)
        }
      }
      return true
    }
    if done { return status }
    var capacity: Int32 = 1024
    while true {
      status = 0
      var big = [CChar](repeating: 0, count: Int(capacity))
      let n = big.withUnsafeMutableBufferPointer { fill($0.baseAddress!, capacity, &status) }
      if status == bufferOverflow || n > capacity {
        capacity = max(n, capacity * 2) + 1
        continue
      }
      if !failed(status) {
        out.append(contentsOf: big[..<Int(n)].lazy.map { UInt8(bitPattern: $0) })
      }
      return status
    }
  }
}
