/// Names (and optional readings) to sort, as UTF-8 byte ranges in one buffer: the
/// text-file fast path sorts a file without making a string per line.
package struct SortInput: Sendable {
  /// A byte range in `bytes`; `count < 0` means absent.
  package struct Span: Sendable, Hashable {
    package var start: Int32
    package var count: Int32
    package static let none = Span(start: 0, count: -1)
    package var isPresent: Bool { count >= 0 }
    package var range: Range<Int> { Int(start)..<Int(start + max(count, 0)) }
  }

  package var bytes: [UInt8]
  package var names: [Span] = []
  package var readings: [Span] = []

  package init(bytes: [UInt8] = []) { self.bytes = bytes }

  package var count: Int { names.count }

  /// Adds a record whose name and reading are strings (copied into the buffer).
  package mutating func append(name: String, reading: String?) {
    names.append(add(name))
    readings.append(reading.map { add($0) } ?? .none)
  }

  private mutating func add(_ s: String) -> Span {
    let start = bytes.count
    bytes.append(contentsOf: s.utf8)
    return Span(start: Int32(start), count: Int32(bytes.count - start))
  }

  package func name(_ i: Int) -> String {
    String(decoding: bytes[names[i].range], as: UTF8.self)
  }

  package func reading(_ i: Int) -> String? {
    readings[i].isPresent ? String(decoding: bytes[readings[i].range], as: UTF8.self) : nil
  }
}
