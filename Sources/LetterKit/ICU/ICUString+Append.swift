import CICU

extension ICUString {
  /// Calls an ICU function that writes UTF-16 into a buffer (returning the length it
  /// needs) and appends the result to `out`. Returns the ICU status.
  @inline(__always)
  static func append(
    to out: inout [UInt16], _ fill: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
  ) -> Int32 {
    var status: Int32 = 0
    let done: Bool = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 256) { buffer in
      let n = fill(buffer.baseAddress!, 256, &status)
      if status == bufferOverflow || n > 256 { return false }
      if !failed(status) { out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: Int(n))) }
      return true
    }
    if done { return status }
    var capacity: Int32 = 1024
    while true {
      status = 0
      var big = [UInt16](repeating: 0, count: Int(capacity))
      let n = big.withUnsafeMutableBufferPointer { fill($0.baseAddress!, capacity, &status) }
      if status == bufferOverflow || n > capacity {
        capacity = max(n, capacity * 2) + 1
        continue
      }
      if !failed(status) { out.append(contentsOf: big[..<Int(n)]) }
      return status
    }
  }
}
